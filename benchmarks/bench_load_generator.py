"""The Client tab's load generator against a plain asyncio client doing the same thing.

A plain asyncio echo server runs in its own process (so client and server do not share a
core; the machine has two). Against it, side by side in one run, each scenario in its
own process:

- plain asyncio streams, no Qt: ``write`` + ``readexactly`` per round trip, and ``write``
  + ``drain`` per message for fire and forget (the baseline);
- our generator (``net/loadtest/``) with networking on the qasync loop, and on an IO
  thread, both under a QApplication with a 10 ms QTimer standing for the window: its
  lateness (heartbeat p99) is how frozen the UI would feel during the run.

Same connections, messages and payload (64 bytes; a reply is 64 bytes back) everywhere.
Then 10,000 connections are opened and the run is cancelled: how long until every socket
is closed.

    python benchmarks/bench_load_generator.py [--connections 100] [--messages 1000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from netbench.net.socket_kinds import SocketKind

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PAYLOAD = b"x" * 63 + b"\n"


# -- the echo server (its own process) -----------------------------------------------------


class Echo(asyncio.Protocol):
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.transport.write(data)


async def serve() -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Echo, "127.0.0.1", 0, backlog=4096)
    print(server.sockets[0].getsockname()[1], flush=True)
    await asyncio.Event().wait()


def start_server() -> tuple[subprocess.Popen[str], int]:
    proc = subprocess.Popen(
        [sys.executable, __file__, "--serve"], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    return proc, int(proc.stdout.readline())


# -- plain asyncio client (the baseline) ---------------------------------------------------


async def plain_client(port: int, connections: int, messages: int, wait: bool) -> dict[str, float]:
    from netbench.core.latency import LatencyRecorder

    recorder = LatencyRecorder()
    size = len(PAYLOAD)
    sent = 0

    async def one() -> None:
        nonlocal sent
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            for _ in range(messages):
                if wait:
                    started = time.perf_counter_ns()
                    writer.write(PAYLOAD)
                    await reader.readexactly(size)
                    recorder.add(time.perf_counter_ns() - started)
                else:
                    writer.write(PAYLOAD)
                    await writer.drain()
                sent += 1
        finally:
            writer.close()
            await writer.wait_closed()

    started = time.monotonic()
    await asyncio.gather(*(one() for _ in range(connections)))
    elapsed = time.monotonic() - started
    summary = recorder.summary()
    return {
        "msgs": sent / elapsed,
        "mbs": sent * size / elapsed / 1e6,
        "p50": summary.p50 / 1e6 if summary else float("nan"),
        "p99": summary.p99 / 1e6 if summary else float("nan"),
        "hb_p99": float("nan"),
        "sent": sent,
    }


def run_plain(port: int, connections: int, messages: int, wait: bool) -> dict[str, float]:
    return asyncio.run(plain_client(port, connections, messages, wait))


# -- our generator on the engine, under Qt -------------------------------------------------


def settings_for(port: int, connections: int, messages: int, wait: bool, duration: float = 0.0):
    from netbench.core.framing.spec import FramingKind, FramingSpec
    from netbench.net.clients import ClientConfig
    from netbench.net.loadtest.settings import LoadSettings

    return LoadSettings(
        target=ClientConfig(SocketKind.TCP, "127.0.0.1", port, timeout=30.0),
        payload=PAYLOAD,
        connections=connections,
        messages=messages,
        duration=duration,
        wait_for_replies=wait,
        framing=FramingSpec(kind=FramingKind.FIXED, fixed_length=len(PAYLOAD)),
        reply_timeout=30.0,
    )


# (time, lateness in ms) of every heartbeat of the current in_qt() run, for phase figures.
BEATS: list[tuple[float, float]] = []


def in_qt(mode: str, work) -> dict[str, float]:
    """Run ``work(engine)`` under a QApplication on a qasync loop, with a 10 ms heartbeat."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from netbench.ui.runtime.qtloop import new_event_loop  # isort: skip
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from netbench.net.engine import Engine, EngineMode

    app = QApplication([])
    app.setQuitOnLastWindowClosed(False)
    lateness: list[float] = []
    result: dict[str, float] = {}

    async def main() -> None:
        engine = Engine(EngineMode(mode))
        engine.start(asyncio.get_running_loop())
        tick = QTimer()
        tick.setInterval(33)
        tick.timeout.connect(engine.tick)
        tick.start()
        heartbeat = QTimer()
        heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
        heartbeat.setInterval(10)
        expected = [time.monotonic() + 0.010]

        def beat() -> None:
            now = time.monotonic()
            lateness.append(max(0.0, now - expected[0]) * 1000)
            BEATS.append((now, lateness[-1]))
            expected[0] = now + 0.010

        heartbeat.timeout.connect(beat)
        heartbeat.start()
        result.update(await work(engine))
        heartbeat.stop()
        tick.stop()
        await engine.shutdown()

    with asyncio.Runner(loop_factory=lambda: new_event_loop(app)) as runner:
        runner.run(main())
    lateness.sort()
    result["hb_p99"] = lateness[int(len(lateness) * 0.99)] if lateness else float("nan")
    return result


def run_ours(mode: str, port: int, connections: int, messages: int, wait: bool) -> dict[str, float]:
    from netbench.net.loadtest.run import LoadRun

    async def work(engine) -> dict[str, float]:
        run = LoadRun(settings_for(port, connections, messages, wait))
        result = await engine.run(run.execute())
        assert not result.errors, result.errors
        latency = result.latency
        return {
            "msgs": result.messages_per_second,
            "mbs": result.mb_out_per_second,
            "p50": latency.p50 / 1e6 if latency else float("nan"),
            "p99": latency.p99 / 1e6 if latency else float("nan"),
            "sent": result.sent,
        }

    return in_qt(mode, work)


def run_cancel(mode: str, port: int, connections: int) -> dict[str, float]:
    from netbench.net.loadtest.run import LoadRun

    async def work(engine) -> dict[str, float]:
        run = LoadRun(settings_for(port, connections, 1, True, duration=120.0))
        task = asyncio.ensure_future(engine.run(run.execute()))
        started = time.monotonic()
        while run.latest.open < connections and time.monotonic() - started < 60:
            if task.done():
                break
            await asyncio.sleep(0.05)
        opened = run.latest.open
        open_s = time.monotonic() - started
        cancelled = time.monotonic()
        engine.call(run.cancel)
        result = await task
        cancel_s = time.monotonic() - cancelled
        during = [late for when, late in BEATS if when >= cancelled]
        return {
            "hb_max_cancel": max(during, default=float("nan")),
            "opened": opened,
            "open_s": open_s,
            "cancel_s": cancel_s,
            "status": result.status == "cancelled",
            "fds": len(os.listdir("/proc/self/fd")),
        }

    return in_qt(mode, work)


# -- the table -----------------------------------------------------------------------------


SCENARIOS = [
    ("plain asyncio streams, no Qt (baseline)", "plain"),
    ("netbench generator, qasync loop", "ui-loop"),
    ("netbench generator, IO thread", "io-thread"),
]


def scenario(args: argparse.Namespace) -> dict[str, float]:
    wait = args.mode == "rr"
    if args.scenario == "plain":
        return run_plain(args.port, args.connections, args.messages, wait)
    return run_ours(args.scenario, args.port, args.connections, args.messages, wait)


def child(*extra: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, *extra],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--connections", type=int, default=100)
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--ff-messages", type=int, default=10_000)
    parser.add_argument("--cancel-connections", type=int, default=10_000)
    parser.add_argument("--serve", action="store_true")
    parser.add_argument("--scenario")
    parser.add_argument("--mode")
    parser.add_argument("--port", type=int)
    parser.add_argument("--cancel", action="store_true")
    args = parser.parse_args()
    if args.serve:
        asyncio.run(serve())
        return
    if args.cancel:
        print(json.dumps(run_cancel(args.scenario, args.port, args.connections)))
        return
    if args.scenario:
        print(json.dumps(scenario(args)))
        return

    server, port = start_server()
    try:
        print(
            f"{args.connections} connections, {len(PAYLOAD)}-byte messages, echo server in "
            "its own process"
        )
        print(
            f"{'scenario':42} {'mode':16} {'msgs/s':>9} {'MB/s':>6} {'ratio':>6} "
            f"{'p50':>8} {'p99':>8} {'hb p99':>8}"
        )
        for mode, messages, label in (
            ("rr", args.messages, f"req/resp x{args.messages}"),
            ("ff", args.ff_messages, f"fire&forget x{args.ff_messages}"),
        ):
            base = 0.0
            for title, key in SCENARIOS:
                common = ["--connections", str(args.connections), "--messages", str(messages)]
                r = child("--scenario", key, "--mode", mode, "--port", str(port), *common)
                base = base or r["msgs"]
                p50 = f"{r['p50']:.2f}ms" if r["p50"] == r["p50"] else "-"
                p99 = f"{r['p99']:.2f}ms" if r["p99"] == r["p99"] else "-"
                hb = f"{r['hb_p99']:.1f}ms" if r["hb_p99"] == r["hb_p99"] else "-"
                print(
                    f"{title:42} {label:16} {r['msgs']:>9,.0f} {r['mbs']:>6.1f} "
                    f"{r['msgs'] / base:>6.2f} {p50:>8} {p99:>8} {hb:>8}"
                )
        for mode in ("ui-loop", "io-thread"):
            count = args.cancel_connections
            r = child(
                "--cancel", "--scenario", mode, "--port", str(port), "--connections", str(count)
            )
            print(
                f"cancel with {count:,} connections ({mode}): {r['opened']:,.0f} open after "
                f"{r['open_s']:.1f} s; cancelled and every socket closed in "
                f"{r['cancel_s'] * 1000:.0f} ms; heartbeat p99 {r['hb_p99']:.0f} ms, "
                f"longest stall after Cancel {r['hb_max_cancel']:.0f} ms"
            )
    finally:
        server.kill()
        server.wait()


if __name__ == "__main__":
    main()
