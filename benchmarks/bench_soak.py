"""Soak: the real Server tab echoing to 50 clients × 50 messages/s, recording on, for long.

The window is up (offscreen) with networking on the qasync loop (``--engine io-thread`` for
the other mode); its listener is set up through the tab's own form (LF framing, echo) and
records to a file. The clients run in a separate process and read every echo. Every 10 s
(``--every``) it samples the process's RSS, open descriptors, asyncio tasks, and the worst
lateness of a 10 ms heartbeat on the window's loop since the last sample; at the end it
prints the table and whether memory is flat: the slope of RSS over the last 10 minutes
(over the last third of a shorter run), in MB per hour.

    python benchmarks/bench_soak.py [--minutes 30] [--clients 50] [--rate 50]

Not run by CI. The full 30 minutes (UI-loop engine, a 2-core machine shared with other
work, which loaded it between minutes 4 and 18) gave, 4,499,950 messages sent and every
one echoed, 3.2 GB recorded:

| time | RSS | fds | tasks | heartbeat late (worst) | recorded |
| ---: | ---: | ---: | ---: | ---: | ---: |
| 10 s | 140.8 MB | 65 | 2 | 34.3 ms | 51,451 |
| 1 min | 155.2 MB | 65 | 2 | 60.9 ms | 301,051 |
| 5 min | 157.1 MB | 65 | 2 | 434.2 ms | 1,501,349 |
| 10 min | 157.0 MB | 65 | 2 | 83.1 ms | 3,001,551 |
| 15 min | 158.3 MB | 65 | 2 | 1,166.5 ms | 4,509,431 |
| 20 min | 158.2 MB | 65 | 2 | 77.0 ms | 6,011,651 |
| 25 min | 158.2 MB | 65 | 2 | 89.3 ms | 7,511,151 |
| 30 min | 158.2 MB | 15 | 2 | 79.7 ms | 9,000,051 |

RSS slope over the last 10 min: +0.0 MB/h: memory is flat. (15 descriptors in the last
row: the clients had closed.)
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

CLIENTS_SCRIPT = """
import socket, sys, time, selectors
port, clients, rate, seconds = map(float, sys.argv[1:5])
socks = [socket.create_connection(("127.0.0.1", int(port))) for _ in range(int(clients))]
sel = selectors.DefaultSelector()
for s in socks:
    s.setblocking(False)
    sel.register(s, selectors.EVENT_READ)
line = b"soak message of a few dozen bytes, like a sensor reading\\n"
sent = received = 0
start = time.monotonic()
while (elapsed := time.monotonic() - start) < seconds:
    due = int(elapsed * rate)
    while sent < due * len(socks):
        for s in socks:
            try:
                s.send(line)
            except BlockingIOError:
                pass
        sent += len(socks)
    for key, _ in sel.select(timeout=0.005):
        try:
            received += len(key.fileobj.recv(65536))
        except BlockingIOError:
            pass
print(sent, received // len(line), flush=True)
"""


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def slope_mb_per_hour(samples: list[tuple[float, float]]) -> float:
    """Least-squares slope of (seconds, MB) samples, in MB per hour."""
    if len(samples) < 2:
        return 0.0
    xs, ys = [s[0] for s in samples], [s[1] for s in samples]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    var = sum((x - mx) ** 2 for x in xs)
    if var == 0:
        return 0.0
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var * 3600


def run(args: argparse.Namespace) -> list[dict[str, float]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from netbench.ui.runtime.qtloop import new_event_loop  # isort: skip
    from PySide6.QtWidgets import QApplication

    from netbench.net.engine import Engine, EngineMode
    from netbench.ui.main_window import MainWindow

    app = QApplication([])
    app.setQuitOnLastWindowClosed(False)
    rows: list[dict[str, float]] = []
    seconds = args.minutes * 60

    async def heartbeat(worst: list[float]) -> None:
        while True:
            due = time.monotonic() + 0.01
            await asyncio.sleep(0.01)
            worst[0] = max(worst[0], time.monotonic() - due)

    async def main() -> None:
        engine = Engine(EngineMode(args.engine))
        engine.start(asyncio.get_running_loop())
        window = MainWindow(engine=engine)
        window.persist_settings = False
        window.show()
        panel = window.server_tab.current_panel
        form = panel.form
        form.framing.setCurrentIndex(form.framing.findData("lf"))
        form.responder.setCurrentIndex(form.responder.findData("echo"))
        assert await panel.start()
        port = int(panel.listener.address.rsplit(":", 1)[1])
        record = Path(tempfile.mkdtemp()) / "soak.jsonl"
        assert panel.transcript.start_recording(record)
        load = (port, args.clients, args.rate, seconds)
        clients = subprocess.Popen(
            [sys.executable, "-c", CLIENTS_SCRIPT, *map(str, load)],
            stdout=subprocess.PIPE,
            text=True,
        )
        me = psutil.Process()
        worst = [0.0]
        beat = asyncio.get_running_loop().create_task(heartbeat(worst))
        start = time.monotonic()
        while (elapsed := time.monotonic() - start) < seconds - 1:
            await asyncio.sleep(min(args.every, seconds - elapsed))
            rows.append(
                {
                    "t": time.monotonic() - start,
                    "rss": me.memory_info().rss / 1e6,
                    "fds": open_fds(),
                    "tasks": len(asyncio.all_tasks()),
                    "late_ms": worst[0] * 1000,
                    "recorded": panel.transcript.recorder.records_written
                    if panel.transcript.recorder
                    else 0,
                }
            )
            worst[0] = 0.0
            print(_row(rows[-1]), flush=True)
        while clients.poll() is None:  # (to_thread would use qasync's QThread pool)
            await asyncio.sleep(0.2)
        out, _ = clients.communicate()
        sent, echoed = (int(x) for x in out.split())
        beat.cancel()
        panel.transcript.stop_recording()
        await panel.stop()
        size = record.stat().st_size / 1e6
        print(f"\nsent {sent:,} messages, {echoed:,} echoes read; recorded {size:,.0f} MB")
        if not args.keep:
            record.unlink()
            record.parent.rmdir()
        await engine.shutdown(1.0)
        window.close()

    loop = new_event_loop(app)
    asyncio.set_event_loop(loop)
    loop.run_until_complete(main())
    return rows


def _row(row: dict[str, float]) -> str:
    return (
        f"| {row['t']:7.0f} s | {row['rss']:7.1f} MB | {row['fds']:4.0f} | {row['tasks']:5.0f} "
        f"| {row['late_ms']:7.1f} ms | {row['recorded']:>10,.0f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--rate", type=float, default=50, help="messages a second per client")
    parser.add_argument("--every", type=float, default=10, help="seconds between samples")
    parser.add_argument("--engine", choices=["ui-loop", "io-thread"], default="ui-loop")
    parser.add_argument("--keep", action="store_true", help="keep the recording (~2 GB/20 min)")
    args = parser.parse_args()
    print("|    time |       RSS |  fds | tasks | heartbeat late | recorded |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    rows = run(args)
    window = 600 if args.minutes * 60 >= 1800 else args.minutes * 60 / 3
    last = [(r["t"], r["rss"]) for r in rows if r["t"] >= rows[-1]["t"] - window]
    slope = slope_mb_per_hour(last)
    verdict = "flat" if abs(slope) < 20 else "GROWING" if slope > 0 else "shrinking"
    print(f"RSS slope over the last {window / 60:.0f} min: {slope:+.1f} MB/h: memory is {verdict}")


if __name__ == "__main__":
    main()
