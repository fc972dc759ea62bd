"""Does the Client tab's Repeat send at the rate asked, over a minute?

A receiver (its own process, plain asyncio) counts LF-terminated messages and notes when
the first and the last arrived. Senders, each in its own process, send one 16-byte line
every ``interval`` ms for ``seconds``:

- plain asyncio with the same deadline schedule (core/schedule.py), no Qt: the baseline;
- a naive QTimer with ``setInterval(interval)`` under qasync, which is what a socket tool
  does when it trusts the timer (qasync truncates to whole ms and fires early or late);
- the real Client tab (window up, offscreen), its Repeat button, networking on the qasync
  loop and then on an IO thread.

The achieved rate is measured at the receiver: (messages - 1) / (last - first).

    python benchmarks/bench_repeat_rate.py [--seconds 60] [--intervals 10,1]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAYLOAD = b"repeat-rate-msg\n"  # 16 bytes


# -- the receiver ------------------------------------------------------------------------------


async def receive(seconds: float) -> dict[str, float]:
    arrivals: list[float] = []

    class Counter(asyncio.Protocol):
        def __init__(self) -> None:
            self.partial = b""

        def data_received(self, data: bytes) -> None:
            now = time.monotonic()
            lines = (self.partial + data).split(b"\n")
            self.partial = lines.pop()
            arrivals.extend([now] * len(lines))

    server = await asyncio.get_running_loop().create_server(Counter, "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    # The sender says when it is done by closing; give it the run plus start-up time.
    await asyncio.sleep(seconds)
    server.close()
    if len(arrivals) < 2:
        return {"count": len(arrivals), "rate": 0.0, "gap_p50": 0.0, "gap_p99": 0.0}
    gaps = [b - a for a, b in itertools.pairwise(arrivals)]
    gaps.sort()
    return {
        "count": len(arrivals),
        "rate": (len(arrivals) - 1) / (arrivals[-1] - arrivals[0]),
        "gap_p50": statistics.median(gaps) * 1000,
        "gap_p99": gaps[int(len(gaps) * 0.99)] * 1000,
    }


# -- the senders -------------------------------------------------------------------------------


async def send_plain(port: int, interval_ms: int, seconds: float) -> dict[str, float]:
    from netbench.core.schedule import RepeatSchedule

    _, writer = await asyncio.open_connection("127.0.0.1", port)
    count = round(seconds * 1000 / interval_ms)
    schedule = RepeatSchedule(count=count, interval=interval_ms / 1000, start=time.monotonic())
    while not schedule.finished:
        wait = schedule.wait(time.monotonic())
        if wait > 0:
            await asyncio.sleep(wait)
            continue
        writer.write(PAYLOAD)
        schedule.mark_sent(time.monotonic())
    await writer.drain()
    writer.close()
    return {"sent": schedule.sent, "skipped": schedule.skipped}


def send_qt(mode: str, port: int, interval_ms: int, seconds: float) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from netbench.ui.runtime.qtloop import new_event_loop  # isort: skip
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from netbench.net.engine import Engine, EngineMode
    from netbench.ui.main_window import MainWindow

    app = QApplication([])
    app.setQuitOnLastWindowClosed(False)
    result: dict[str, float] = {}
    count = round(seconds * 1000 / interval_ms)

    async def naive() -> None:
        _, writer = await asyncio.open_connection("127.0.0.1", port)
        sent = 0
        done = asyncio.get_running_loop().create_future()
        timer = QTimer()
        timer.setInterval(interval_ms)

        def tick() -> None:
            nonlocal sent
            writer.write(PAYLOAD)
            sent += 1
            if sent >= count:
                timer.stop()
                done.set_result(None)

        timer.timeout.connect(tick)
        timer.start()
        await done
        await writer.drain()
        writer.close()
        result.update(sent=sent, skipped=0)

    async def tab() -> None:
        engine = Engine(EngineMode(mode))
        engine.start(asyncio.get_running_loop())
        window = MainWindow(engine=engine)
        window.persist_settings = False
        window.show()
        window.tabs.setCurrentWidget(window.client_tab)
        panel = window.client_tab.panels["client-1"]
        panel.form.host.setText("127.0.0.1")
        panel.form.port.setText(str(port))
        if not await panel.open_connection():
            raise SystemExit(f"cannot connect: {panel.form.error.text()}")
        panel.editor.input.setPlainText(PAYLOAD.decode().rstrip("\n"))
        panel.editor.line_ending_combo.setCurrentIndex(
            panel.editor.line_ending_combo.findData("lf")
        )
        panel.repeat.count.setValue(count)
        panel.repeat.interval.setValue(interval_ms)
        if not panel.start_repeat():
            raise SystemExit("repeat did not start")
        while panel.is_repeating:
            await asyncio.sleep(0.05)
        assert panel.repeat.schedule is not None
        result.update(sent=panel.repeat.schedule.sent, skipped=panel.repeat.schedule.skipped)
        await asyncio.sleep(0.2)
        window.close()
        await engine.shutdown()

    loop = new_event_loop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(naive() if mode == "naive" else tab())
    return result


# -- the table ---------------------------------------------------------------------------------

SCENARIOS = [
    ("plain asyncio, deadline schedule", "plain"),
    ("naive QTimer interval (qasync)", "naive"),
    ("Client tab, qasync loop", "ui-loop"),
    ("Client tab, IO thread", "io-thread"),
]


def run_one(mode: str, interval_ms: int, seconds: float) -> dict[str, float]:
    receiver = subprocess.Popen(
        [sys.executable, __file__, "--receive", str(seconds + 15)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert receiver.stdout is not None
    port = receiver.stdout.readline().strip()
    sender = subprocess.run(
        [sys.executable, __file__, "--send", mode, port, str(interval_ms), str(seconds)],
        capture_output=True,
        text=True,
    )
    if sender.returncode != 0:
        receiver.kill()
        raise SystemExit(f"{mode} sender failed:\n{sender.stderr}")
    sent = json.loads(sender.stdout.strip().splitlines()[-1])
    received = json.loads(receiver.communicate()[0].strip().splitlines()[-1])
    return {**sent, **received}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--intervals", default="10,1", help="ms, comma-separated")
    parser.add_argument("--receive", type=float)
    parser.add_argument("--send", nargs=4)
    args = parser.parse_args()
    if args.receive:
        print(json.dumps(asyncio.run(receive(args.receive))))
        return
    if args.send:
        mode, port, interval, seconds = args.send
        if mode == "plain":
            out = asyncio.run(send_plain(int(port), int(interval), float(seconds)))
        else:
            out = send_qt(mode, int(port), int(interval), float(seconds))
        print(json.dumps(out))
        return

    print(f"Repeat rate over {args.seconds:.0f} s, 16-byte lines to a plain asyncio receiver")
    print(
        f"{'sender':34} {'asked/s':>8} {'got/s':>9} {'error':>7} {'sent':>7} "
        f"{'skipped':>7} {'gap p50':>8} {'gap p99':>8}"
    )
    for interval in (int(x) for x in args.intervals.split(",")):
        asked = 1000 / interval
        for title, mode in SCENARIOS:
            r = run_one(mode, interval, args.seconds)
            error = (r["rate"] - asked) / asked * 100
            print(
                f"{title:34} {asked:>8.0f} {r['rate']:>9.2f} {error:>+6.2f}% {r['sent']:>7,.0f} "
                f"{r['skipped']:>7,.0f} {r['gap_p50']:>6.2f}ms {r['gap_p99']:>6.2f}ms",
                flush=True,
            )


if __name__ == "__main__":
    main()
