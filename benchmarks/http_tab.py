"""The real window's HTTP tab on a big response, for ``bench_http.py``.

Runs in a process of its own (one QApplication each): the window is shown offscreen, with
networking on the qasync loop or on an IO thread, and a 10 ms precise QTimer stands for
the rest of the UI. The URL is typed and Send clicked as a user would; the run ends when
the response is shown (``download``) or when the Pretty view holds the formatted body
(``json``). It reports the wall time, the body's size, the heartbeat's lateness, the
longest garbage-collector pause and the process's peak RSS.

    python benchmarks/http_tab.py ui-loop download http://127.0.0.1:PORT/static/big.bin
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from port_scan_tab import Pauses, percentile  # noqa: E402


class Heartbeat:
    """A 10 ms precise QTimer and how late each of its beats came, in ms."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.lateness: list[float] = []
        self.expected = 0.0
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.beat)

    def start(self) -> None:
        self.expected = time.monotonic() + 0.010
        self.timer.start()

    def beat(self) -> None:
        now = time.monotonic()
        self.lateness.append(max(0.0, now - self.expected) * 1000)
        self.expected = now + 0.010

    def stop(self) -> dict[str, float]:
        self.timer.stop()
        return {
            "hb_p50": percentile(self.lateness, 0.5),
            "hb_p99": percentile(self.lateness, 0.99),
            "hb_max": max(self.lateness, default=float("nan")),
        }


def _pretty_ready(panel: Any) -> bool:
    """Formatted, and every slice of it in the view."""
    body = panel.response.body
    text = body.pretty.toPlainText()
    done = not (body.pretty_fill.filling or body.text_fill.filling)
    return done and bool(text) and not text.startswith("Formatting")


async def fetch_in_window(mode: str, scenario: str, url: str, result: dict[str, Any]) -> None:
    from netbench.net.engine import Engine, EngineMode
    from netbench.ui.main_window import MainWindow

    engine = Engine(EngineMode(mode))
    engine.start(asyncio.get_running_loop())
    window = MainWindow(engine=engine)
    window.persist_settings = False
    window.show()
    window.tabs.setCurrentWidget(window.http_tab)
    panel = window.http_tab.current_panel
    panel.editor.url.setText(url)
    await asyncio.sleep(0.3)  # the window settles
    heartbeat = Heartbeat()
    pauses = Pauses()
    heartbeat.start()
    started = time.monotonic()
    panel.editor.send.click()
    await asyncio.sleep(0.05)
    while panel.is_running or panel.last_result is None:
        await asyncio.sleep(0.005)
    result["transfer_s"] = time.monotonic() - started
    if scenario == "json":
        while not _pretty_ready(panel):
            await asyncio.sleep(0.005)
    result["seconds"] = time.monotonic() - started
    result.update(heartbeat.stop())
    result["gc_max_ms"] = pauses.longest * 1000
    hop = panel.last_result.final
    assert hop is not None and hop.status == 200, panel.last_result.error
    result["size"] = hop.body.raw_size
    result["pretty_chars"] = len(panel.response.body.pretty.toPlainText())
    result["rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    window.close()
    await engine.shutdown()


def run_tab(mode: str, scenario: str, url: str) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from netbench.ui.runtime.qtloop import new_event_loop  # isort: skip
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    app.setQuitOnLastWindowClosed(False)
    result: dict[str, Any] = {}
    with asyncio.Runner(loop_factory=lambda: new_event_loop(app)) as runner:
        runner.run(fetch_in_window(mode, scenario, url, result))
    return result


if __name__ == "__main__":
    print(json.dumps(run_tab(sys.argv[1], sys.argv[2], sys.argv[3])))
