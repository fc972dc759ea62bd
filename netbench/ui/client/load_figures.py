"""What a load run says while it runs: the progress bar's text and the live figures line.

"3.2 of 10 s" on the bar; "12,000 msg/s · 10 open of 10 · 36,000 sent · 35,990 replies ·
…" under it. Pure functions of a progress snapshot and the run's settings, apart from the
panel (load_panel.py), which is about the settings and running them. The words keep the
panel's translation context, where they have always been.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from netbench.core.latency import format_latency
from netbench.net.loadtest.results import LoadProgress
from netbench.net.loadtest.settings import LoadSettings
from netbench.ui.widgets.sizes import format_size


def progress_text(progress: LoadProgress, settings: LoadSettings) -> str:
    """How far the run is: seconds of a timed run, or messages of a counted one."""
    if settings.duration:
        return QCoreApplication.translate("LoadPanel", "{elapsed} of {total} s").format(
            elapsed=f"{progress.elapsed:.1f}", total=f"{settings.duration:g}"
        )
    return QCoreApplication.translate("LoadPanel", "{sent} of {total} messages").format(
        sent=f"{progress.sent:,}", total=f"{settings.total_messages:,}"
    )


def live_figures(progress: LoadProgress, settings: LoadSettings) -> str:
    """Rate, connections, messages, bytes, latency and errors, one line."""
    translate = QCoreApplication.translate
    parts = [
        translate("LoadPanel", "{rate} msg/s").format(rate=f"{progress.send_rate:,.0f}"),
        translate("LoadPanel", "{open} open of {connections}").format(
            open=f"{progress.open:,}", connections=f"{settings.connections:,}"
        ),
        translate("LoadPanel", "{sent} sent · {replies} replies").format(
            sent=f"{progress.sent:,}", replies=f"{progress.replies:,}"
        ),
        translate("LoadPanel", "{out} out · {into} in").format(
            out=format_size(progress.bytes_out), into=format_size(progress.bytes_in)
        ),
    ]
    if progress.mean_latency_ns:
        parts.append(
            translate("LoadPanel", "mean latency {latency}").format(
                latency=format_latency(progress.mean_latency_ns)
            )
        )
    parts.append(translate("LoadPanel", "{errors} errors").format(errors=f"{progress.errors:,}"))
    if progress.timeouts:
        parts.append(
            translate("LoadPanel", "{timeouts} timeouts").format(timeouts=f"{progress.timeouts:,}")
        )
    return " · ".join(parts)
