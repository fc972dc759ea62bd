"""Flood benchmark of the engine and bridge: does the UI keep ticking, and at what speed?

200 clients (in a separate process) send 64-byte LF-terminated lines as fast as they can to
one listener. Side by side, in the same run:

- plain asyncio, no Qt, the same LF framing: the baseline;
- the engine on the qasync loop (the flood rule on), events through the bridge;
- the engine on an IO thread, events through the bridge.

A 10 ms QTimer stands for the UI: its lateness is how frozen the window would feel.
Each scenario runs in its own process (clean memory, a fair peak RSS).

    python benchmarks/bench_engine_flood.py [--seconds 5] [--clients 200]
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
import time

LINE = b"x" * 63 + b"\n"


# -- load generator (its own process) ------------------------------------------------------


async def flood(port: int, clients: int, seconds: float) -> None:
    block = LINE * 64
    stop_at = time.monotonic() + seconds

    async def one() -> None:
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            return
        try:
            while time.monotonic() < stop_at:
                writer.write(block)
                await writer.drain()
        except OSError:
            pass
        finally:
            writer.close()

    await asyncio.gather(*(one() for _ in range(clients)))


# -- scenarios (each in its own process) ---------------------------------------------------


def start_load(port: int, clients: int, seconds: float) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, __file__, "--load", str(port), str(clients), str(seconds)]
    )


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_plain(clients: int, seconds: float, fastest: bool = False) -> dict[str, float]:
    """Plain asyncio, no Qt: the same framer with 16 KB reads, or (``fastest``) the
    fastest reader of the job in Python, 256 KB reads counted with ``bytearray.count``."""
    from netbench.core.framing.spec import FramingKind, FramingSpec
    from netbench.core.framing.wire import make_framer

    spec = FramingSpec(kind=FramingKind.DELIMITER, delimiter=b"\n")
    totals = {"frames": 0, "bytes": 0}

    class Counting(asyncio.BufferedProtocol):
        def __init__(self) -> None:
            self.framer = make_framer(spec)
            self.buffer = bytearray(256 * 1024 if fastest else 16 * 1024)
            self.chunk = 0

        def get_buffer(self, sizehint: int) -> memoryview:
            return memoryview(self.buffer)

        def buffer_updated(self, nbytes: int) -> None:
            self.chunk += 1
            if fastest:
                totals["frames"] += self.buffer.count(b"\n", 0, nbytes)
            else:
                totals["frames"] += len(self.framer.feed(bytes(self.buffer[:nbytes]), self.chunk))
            totals["bytes"] += nbytes

    async def main() -> float:
        server = await asyncio.get_running_loop().create_server(Counting, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        load = start_load(port, clients, seconds)
        started = time.monotonic()
        while load.poll() is None:
            await asyncio.sleep(0.05)
        last, changed = totals["frames"], time.monotonic()
        while time.monotonic() - changed < 0.5:
            await asyncio.sleep(0.02)
            if totals["frames"] != last:
                last, changed = totals["frames"], time.monotonic()
        server.close()
        return changed - started

    elapsed = asyncio.run(main())
    return {
        "msgs": totals["frames"] / elapsed,
        "mbs": totals["bytes"] / elapsed / 1e6,
        "p50": float("nan"),
        "p99": float("nan"),
        "rss": peak_rss_mb(),
    }


def run_engine(mode: str, clients: int, seconds: float) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from netbench.ui.runtime.qtloop import new_event_loop  # isort: skip
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from netbench.core.framing.spec import FramingKind, FramingSpec
    from netbench.net.engine import Engine, EngineMode
    from netbench.net.events import DataReceived
    from netbench.net.socket_kinds import SocketAddress
    from netbench.net.stream_listener import StreamListener
    from netbench.ui.runtime.bridge import EventBridge

    app = QApplication([])
    spec = FramingSpec(kind=FramingKind.DELIMITER, delimiter=b"\n")
    totals = {"frames": 0, "bytes": 0}
    lateness: list[float] = []

    def on_batch(batch: list[object]) -> None:
        for event in batch:
            if isinstance(event, DataReceived):
                totals["frames"] += len(event.messages)
                totals["bytes"] += event.nbytes

    async def main() -> float:
        engine = Engine(EngineMode(mode))
        engine.start(asyncio.get_running_loop())
        bridge = EventBridge(engine)
        bridge.events_arrived.connect(on_batch)
        bridge.start()
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

        async def open_listener() -> int:
            listener = await StreamListener.open(
                SocketAddress(port=0), engine.route(), framing=spec
            )
            engine.own(listener)
            return int(listener.address.rsplit(":", 1)[1])

        port = await engine.run(open_listener())
        load = start_load(port, clients, seconds)
        started = time.monotonic()
        while load.poll() is None:
            await asyncio.sleep(0.05)
        elapsed = time.monotonic() - started
        heartbeat.stop()
        await engine.shutdown()
        bridge.stop()
        return elapsed

    with asyncio.Runner(loop_factory=lambda: new_event_loop(app)) as runner:
        elapsed = runner.run(main())
    lateness.sort()
    return {
        "msgs": totals["frames"] / elapsed,
        "mbs": totals["bytes"] / elapsed / 1e6,
        "p50": statistics.median(lateness) if lateness else float("nan"),
        "p99": lateness[int(len(lateness) * 0.99)] if lateness else float("nan"),
        "rss": peak_rss_mb(),
    }


# -- driver --------------------------------------------------------------------------------

SCENARIOS = [
    ("plain asyncio, no Qt (baseline)", "plain"),
    ("engine on the qasync loop + bridge", "ui-loop"),
    ("engine on an IO thread + bridge", "io-thread"),
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--scenario")
    parser.add_argument("--load", nargs=3)
    args = parser.parse_args()
    if args.load:
        port, clients, seconds = args.load
        asyncio.run(flood(int(port), int(clients), float(seconds)))
        return
    if args.scenario:
        if args.scenario == "plain":
            result = run_plain(args.clients, args.seconds)
        else:
            result = run_engine(args.scenario, args.clients, args.seconds)
        print(json.dumps(result))
        return

    rows = []
    for title, key in SCENARIOS:
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--scenario",
                key,
                "--seconds",
                str(args.seconds),
                "--clients",
                str(args.clients),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        rows.append((title, json.loads(out.stdout.strip().splitlines()[-1])))
    base = rows[0][1]["msgs"] or 1.0
    print(f"{args.clients} clients x 64-byte lines, {args.seconds:.0f} s each, LF framing")
    print(
        f"{'scenario':38} {'msgs/s':>10} {'MB/s':>7} {'ratio':>6} "
        f"{'hb p50':>7} {'hb p99':>7} {'RSS MB':>7}"
    )
    for title, r in rows:
        print(
            f"{title:38} {r['msgs']:>10,.0f} {r['mbs']:>7.1f} {r['msgs'] / base:>6.2f} "
            f"{r['p50']:>6.1f}m {r['p99']:>6.1f}m {r['rss']:>7.0f}"
        )


if __name__ == "__main__":
    main()
