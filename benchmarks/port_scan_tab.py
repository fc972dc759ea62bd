"""The real window's Lookup tab scanning loopback ports, for ``bench_port_scan.py``.

Runs in a process of its own (one QApplication each): the window is shown offscreen,
networking on the qasync loop or on an IO thread, and a 10 ms precise QTimer stands for
the rest of the UI. The port check is typed and clicked as a user would, and the run
reports its wall time, the open ports it found, the heartbeat's lateness, the longest
garbage-collector pause, and the open file descriptors before and after.

    python benchmarks/port_scan_tab.py ui-loop 1-65535
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))] if ordered else float("nan")


class Pauses:
    """The garbage collector's pauses, timed by its own callbacks."""

    def __init__(self) -> None:
        self.started = 0.0
        self.longest = 0.0
        gc.callbacks.append(self.on_gc)

    def on_gc(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self.started = time.perf_counter()
        else:
            self.longest = max(self.longest, time.perf_counter() - self.started)


async def scan_in_window(mode: str, ports: str, result: dict[str, Any]) -> None:
    from PySide6.QtCore import Qt, QTimer

    from netbench.core.lookup.scan_report import PortState
    from netbench.net.engine import Engine, EngineMode
    from netbench.net.lookup.fd_budget import open_fd_count
    from netbench.ui.main_window import MainWindow

    engine = Engine(EngineMode(mode))
    engine.start(asyncio.get_running_loop())
    window = MainWindow(engine=engine)
    window.persist_settings = False
    window.show()
    window.tabs.setCurrentWidget(window.lookup_tab)
    page = window.lookup_tab.show_page("scan")
    page.host.setText("127.0.0.1")
    page.ports.setText(ports)
    await asyncio.sleep(0.3)  # the window settles
    fds_before = open_fd_count()
    lateness: list[float] = []
    expected = [time.monotonic() + 0.010]

    def beat() -> None:
        now = time.monotonic()
        lateness.append(max(0.0, now - expected[0]) * 1000)
        expected[0] = now + 0.010

    heartbeat = QTimer()
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(beat)
    pauses = Pauses()
    heartbeat.start()
    started = time.monotonic()
    page.scan_button.click()
    while page.scanning:
        await asyncio.sleep(0.005)
    result["seconds"] = time.monotonic() - started
    heartbeat.stop()
    gc.callbacks.remove(pauses.on_gc)
    report = page.report
    assert report is not None and len(report.results) == report.total, page.status.text()
    result["scan_s"] = report.elapsed
    result["open"] = [r.port for r in report.results if r.state is PortState.OPEN]
    result["other"] = [
        r.port for r in report.results if r.state not in (PortState.OPEN, PortState.CLOSED)
    ]
    result["hb_p50"] = percentile(lateness, 0.5)
    result["hb_p99"] = percentile(lateness, 0.99)
    result["hb_max"] = max(lateness, default=float("nan"))
    result["gc_max_ms"] = pauses.longest * 1000
    await asyncio.sleep(0.2)
    result["fds_before"], result["fds_after"] = fds_before, open_fd_count()
    window.close()
    await engine.shutdown()


def run_tab(mode: str, ports: str) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from netbench.ui.runtime.qtloop import new_event_loop  # isort: skip
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    app.setQuitOnLastWindowClosed(False)
    result: dict[str, Any] = {}
    with asyncio.Runner(loop_factory=lambda: new_event_loop(app)) as runner:
        runner.run(scan_in_window(mode, ports, result))
    return result


if __name__ == "__main__":
    print(json.dumps(run_tab(sys.argv[1], sys.argv[2])))
