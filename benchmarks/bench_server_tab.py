"""Flood the real Server tab (window up, offscreen) and compare with plain asyncio.

200 clients (a separate process) send 64-byte LF-terminated lines as fast as they can to a
listener configured through the tab's own form (LF framing, transcript on). Side by side
in one run: plain asyncio with the same framing and no Qt (the baseline), the tab with
networking on the qasync loop, the tab with networking on an IO thread, and the IO-thread
tab recording to a file. A 10 ms QTimer stands for the rest of the UI. Then 5,000 idle
connections are opened and must all be accepted and listed.

    python benchmarks/bench_server_tab.py [--seconds 5] [--clients 200] [--idle 5000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_engine_flood import run_plain, start_load  # noqa: E402


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def hold_idle(port: int, count: int, seconds: float) -> None:
    """Open ``count`` connections that send nothing, hold them, then close."""
    writers = []
    for _ in range(count):
        _, writer = await asyncio.open_connection("127.0.0.1", port)
        writers.append(writer)
    await asyncio.sleep(seconds)
    for writer in writers:
        writer.close()


def run_tab(mode: str, clients: int, seconds: float, record: bool, idle: int) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from netbench.ui.runtime.qtloop import new_event_loop  # isort: skip
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from netbench.net.engine import Engine, EngineMode
    from netbench.ui.main_window import MainWindow

    if os.environ.get("NB_SWITCH"):
        sys.setswitchinterval(float(os.environ["NB_SWITCH"]))
    app = QApplication([])
    app.setQuitOnLastWindowClosed(False)
    lateness: list[float] = []
    result: dict[str, float] = {}

    async def main() -> None:
        engine = Engine(EngineMode(mode))
        engine.start(asyncio.get_running_loop())
        window = MainWindow(engine=engine)
        window.persist_settings = False
        if not os.environ.get("NB_HIDDEN"):
            window.show()
        spent: list[float] = []
        window.bridge.tick_costs = spent
        panel = window.server_tab.current_panel
        form = panel.form
        form.framing.setCurrentIndex(form.framing.findData("lf"))
        assert await panel.start()
        port = int(panel.listener.address.rsplit(":", 1)[1])
        record_path = Path(tempfile.mkdtemp()) / "flood.jsonl"
        if record:
            assert panel.transcript.start_recording(record_path)

        heartbeat = QTimer()
        heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
        heartbeat.setInterval(10)
        expected = [time.monotonic() + 0.010]

        def beat() -> None:
            now = time.monotonic()
            lateness.append(max(0.0, now - expected[0]) * 1000)
            expected[0] = now + 0.010

        heartbeat.timeout.connect(beat)
        heartbeat.start()

        if idle:
            started = time.monotonic()
            load = subprocess.Popen([sys.executable, __file__, "--hold", str(port), str(idle), "6"])
            while panel.peers_model.open_count < idle and time.monotonic() - started < 30:
                await asyncio.sleep(0.05)
            result["listed"] = panel.peers_model.open_count
            result["list_s"] = time.monotonic() - started
            load.wait()
        else:
            load = start_load(port, clients, seconds)
            started = time.monotonic()
            while load.poll() is None:
                await asyncio.sleep(0.05)
            elapsed = time.monotonic() - started
            # Let what is queued reach the transcript, then count.
            await asyncio.sleep(0.5)
            totals = panel.transcript.model.totals
            result["msgs"] = totals.records_in / elapsed
            result["mbs"] = panel.meter.bytes_in / elapsed / 1e6
            result["shown"] = panel.transcript.model.rowCount()
            if record:
                panel.transcript.stop_recording()
                with record_path.open("rb") as handle:
                    lines = sum(1 for _ in handle)
                result["recorded"] = lines
                result["received"] = totals.records_in + totals.notes
        heartbeat.stop()
        if spent:
            spent.sort()
            result["tick_p50_ms"] = spent[len(spent) // 2] * 1000
            result["tick_p99_ms"] = spent[int(len(spent) * 0.99)] * 1000
            result["ticks"] = len(spent)
        window.close()
        await engine.shutdown()

    with asyncio.Runner(loop_factory=lambda: new_event_loop(app)) as runner:
        runner.run(main())
    lateness.sort()
    result["p50"] = statistics.median(lateness) if lateness else float("nan")
    result["p99"] = lateness[int(len(lateness) * 0.99)] if lateness else float("nan")
    result["rss"] = peak_rss_mb()
    return result


SCENARIOS = [
    ("plain asyncio, no Qt (baseline)", ["--scenario", "plain"]),
    ("Server tab, qasync loop", ["--scenario", "ui-loop"]),
    ("Server tab, IO thread", ["--scenario", "io-thread"]),
    ("Server tab, IO thread, recording", ["--scenario", "io-thread", "--record"]),
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--idle", type=int, default=5000)
    parser.add_argument("--scenario")
    parser.add_argument("--record", action="store_true")
    parser.add_argument("--idle-only", action="store_true")
    parser.add_argument("--hold", nargs=3)
    args = parser.parse_args()
    if args.hold:
        port, count, seconds = args.hold
        asyncio.run(hold_idle(int(port), int(count), float(seconds)))
        return
    if args.scenario:
        if args.scenario == "plain":
            result = run_plain(args.clients, args.seconds)
        else:
            idle = args.idle if args.idle_only else 0
            result = run_tab(args.scenario, args.clients, args.seconds, args.record, idle)
        print(json.dumps(result))
        return

    common = ["--seconds", str(args.seconds), "--clients", str(args.clients)]
    rows = []
    for title, extra in SCENARIOS:
        out = subprocess.run(
            [sys.executable, __file__, *extra, *common],
            capture_output=True,
            text=True,
            check=True,
        )
        rows.append((title, json.loads(out.stdout.strip().splitlines()[-1])))
    base = rows[0][1]["msgs"] or 1.0
    print(f"{args.clients} clients x 64-byte lines, {args.seconds:.0f} s each, LF framing")
    print(
        f"{'scenario':36} {'msgs/s':>10} {'MB/s':>6} {'ratio':>6} "
        f"{'hb p50':>7} {'hb p99':>7} {'RSS MB':>7}  notes"
    )
    for title, r in rows:
        notes = ""
        if "recorded" in r:
            notes = f"recorded {r['recorded']:,} of {r['received']:,} records"
        elif "shown" in r:
            notes = f"{r['shown']:,} rows in view"
        print(
            f"{title:36} {r['msgs']:>10,.0f} {r['mbs']:>6.1f} {r['msgs'] / base:>6.2f} "
            f"{r['p50']:>5.1f}ms {r['p99']:>5.1f}ms {r['rss']:>7.0f}  {notes}"
        )
    for mode in ("ui-loop", "io-thread"):
        out = subprocess.run(
            [sys.executable, __file__, "--scenario", mode, "--idle-only", "--idle", str(args.idle)],
            capture_output=True,
            text=True,
            check=True,
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"{args.idle:,} idle connections ({mode}): {r['listed']:,} listed in "
            f"{r['list_s']:.1f} s, heartbeat p99 {r['p99']:.1f} ms, RSS {r['rss']:.0f} MB"
        )


if __name__ == "__main__":
    main()
