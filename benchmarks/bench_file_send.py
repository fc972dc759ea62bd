"""How fast does "Send file…" stream a big file, and what does it cost the window?

A receiver in its own process (a blocking socket, no asyncio) reads the file, counts the
bytes and checks their SHA-256. Senders, each in its own process, send the same file:

- plain asyncio, transport writes of 64 KB chunks with ``drain`` (the baseline);
- plain asyncio, ``loop.sock_sendfile`` (the kernel copies the file);
- ``socat -u FILE TCP:…``, when it is installed;
- the Client tab (window up, offscreen), networking on the qasync loop, then on an IO thread;
- the Server tab sending to its one peer, both modes.

The rate is the file's size over the time from the start of the send to the receiver's
last byte (monotonic clocks are shared by processes on one machine). A 10 ms QTimer stands
for the rest of the UI: its lateness (p50/p99, during the send) is how frozen the window
would feel. RSS growth is the sender's peak RSS minus its RSS when the send began; rows
are the transcript's rows in view once the send is over, chunks the writes it took.

    python benchmarks/bench_file_send.py [--size-mb 256] [--only client-ui-loop,...]
    python benchmarks/bench_file_send.py --scenario client-ui-loop --profile out.txt

``--profile`` writes pyinstrument's tree when it is installed (cProfile's stats otherwise),
with a second file (``.io``) for the IO thread.

Measured on the project's 2-core machine (shared, so the figures move by ±30% from run to
run), 256 MB, median of 5 runs:

    scenario                                    MB/s  ratio  hb p50  hb p99 RSS +MB   rows  chunks
    plain asyncio, 64 KB writes (baseline)       707   1.00       -       -       0      -       -
    plain asyncio, loop.sock_sendfile            716   1.01       -       -       0      -       -
    socat -u FILE TCP:…                          460   0.65       -       -       -      -       -
    Client tab, qasync loop                      343   0.49   0.2ms  46.4ms      96     66     256
    Client tab, IO thread                        417   0.59   2.9ms 139.9ms      81     53     256
    Server tab, 1 peer, qasync loop              373   0.53   0.3ms  43.9ms      95     66     256
    Server tab, 1 peer, IO thread                418   0.59   1.6ms 124.5ms      75     67     256

Before (64 KB chunks, each a transcript row, each waiting for the window) the four tab
rows were 64-67 MB/s (ratio 0.08) with a heartbeat p99 of 139-161 ms and 108 MB more RSS.
The window's share is now painting: a cell laid out up to 2,000 characters on every paint.
At 500 (the message inspector shows the rest) the heartbeat p99 went from 25-63 ms to
19-24 ms on the qasync loop and from 69-77 ms to 33-40 ms on the IO thread, in three
back-to-back pairs; MB/s moved with the machine's load (either way, by run order).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import hashlib
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CHUNK = 64 * 1024


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3  # KiB on Linux


# -- the receiver (its own process) ----------------------------------------------------------


def receive(sock: socket.socket, size: int) -> dict[str, Any]:
    """Read ``size`` bytes (or until EOF), hashing them; when the last one came."""
    digest = hashlib.sha256()
    buffer = bytearray(1 << 20)
    view = memoryview(buffer)
    got = 0
    while got < size:
        n = sock.recv_into(view)
        if not n:
            break
        digest.update(view[:n])
        got += n
    return {"received": got, "sha256": digest.hexdigest(), "done_at": time.monotonic()}


def receiver_listen(size: int) -> None:
    with socket.create_server(("127.0.0.1", 0)) as server:
        print(server.getsockname()[1], flush=True)
        conn, _ = server.accept()
        with conn:
            print(json.dumps(receive(conn, size)), flush=True)


def receiver_connect(port: int, size: int) -> None:
    with socket.create_connection(("127.0.0.1", port)) as conn:
        print(json.dumps(receive(conn, size)), flush=True)


# -- plain senders ---------------------------------------------------------------------------


async def send_plain_writes(port: int, path: Path) -> dict[str, Any]:
    _, writer = await asyncio.open_connection("127.0.0.1", port)
    before = rss_mb()
    started = time.monotonic()
    with path.open("rb") as source:
        while chunk := source.read(CHUNK):
            writer.write(chunk)
            await writer.drain()
    ended = time.monotonic()
    writer.close()
    await writer.wait_closed()
    return {"started": started, "ended": ended, "rss": peak_rss_mb() - before}


async def send_plain_sendfile(port: int, path: Path) -> dict[str, Any]:
    loop = asyncio.get_running_loop()
    sock = socket.create_connection(("127.0.0.1", port))
    sock.setblocking(False)
    before = rss_mb()
    started = time.monotonic()
    with path.open("rb") as source:
        await loop.sock_sendfile(sock, source)
    ended = time.monotonic()
    sock.close()
    return {"started": started, "ended": ended, "rss": peak_rss_mb() - before}


def send_socat(port: int, path: Path) -> dict[str, Any]:
    started = time.monotonic()
    subprocess.run(["socat", "-u", str(path), f"TCP:127.0.0.1:{port}"], check=True)
    return {"started": started, "ended": time.monotonic()}


class Profiler:
    """pyinstrument (sampling, little overhead) when it is installed, else cProfile; one per
    thread, enabled and disabled on that thread."""

    def __init__(self) -> None:
        try:
            from pyinstrument import Profiler as Sampler
        except ImportError:
            self._sampler = None
            self._profile = cProfile.Profile()
        else:
            self._sampler = Sampler(interval=0.0005, async_mode="disabled")

    def enable(self) -> None:
        if self._sampler is not None:
            self._sampler.start()
        else:
            self._profile.enable()

    def disable(self) -> None:
        if self._sampler is not None:
            self._sampler.stop()
        else:
            self._profile.disable()

    def save(self, path: str) -> None:
        """A text tree (pyinstrument) or pstats (cProfile)."""
        if self._sampler is not None:
            Path(path).write_text(self._sampler.output_text(unicode=True, show_all=False))
        else:
            self._profile.dump_stats(path)


# -- the tabs --------------------------------------------------------------------------------


def send_tab(tab: str, mode: str, port: int, path: Path, profile: str) -> dict[str, Any]:
    """The real window: the Client tab connects to ``port``; the Server tab listens and
    prints its port (the receiver connects to it)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from netbench.ui.runtime.qtloop import new_event_loop  # isort: skip
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QComboBox

    from netbench.net.engine import Engine, EngineMode
    from netbench.ui.main_window import MainWindow

    app = QApplication([])
    app.setQuitOnLastWindowClosed(False)
    lateness: list[float] = []
    result: dict[str, Any] = {}
    profilers = [Profiler(), Profiler()] if profile else []

    async def main() -> None:
        engine = Engine(EngineMode(mode))
        engine.start(asyncio.get_running_loop())
        window = MainWindow(engine=engine)
        window.persist_settings = False
        window.show()
        if tab == "client":
            window.tabs.setCurrentWidget(window.client_tab)
            panel = window.client_tab.panels["client-1"]
            panel.form.host.setText("127.0.0.1")
            panel.form.port.setText(str(port))
            if not await panel.open_connection():
                raise SystemExit(f"cannot connect: {panel.form.error.text()}")
        else:
            window.tabs.setCurrentWidget(window.server_tab)
            panel = window.server_tab.current_panel
            panel.form.port.setText("0")
            if not await panel.start():
                raise SystemExit("the listener did not start")
            print(panel.listener.address.rsplit(":", 1)[1], flush=True)
            while panel.peers_model.open_count < 1:
                await asyncio.sleep(0.01)
            target = window.findChild(QComboBox, "server.send_target")
            target.setCurrentIndex(target.findData("all"))
        await asyncio.sleep(0.3)  # let the window settle

        heartbeat = QTimer()
        heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
        heartbeat.setInterval(10)
        expected = [time.monotonic() + 0.010]

        def beat() -> None:
            now = time.monotonic()
            lateness.append(max(0.0, now - expected[0]) * 1000)
            expected[0] = now + 0.010

        heartbeat.timeout.connect(beat)
        before = rss_mb()
        if profilers:
            profilers[0].enable()
            if mode == "io-thread":
                engine.call(profilers[1].enable)
        heartbeat.start()
        started = time.monotonic()
        transfer = await panel.file_sender.send(path)
        ended = time.monotonic()
        heartbeat.stop()
        if profilers:
            profilers[0].disable()
            if mode == "io-thread":
                engine.call(profilers[1].disable)
        assert transfer is not None and not transfer.error, transfer and transfer.error
        await asyncio.sleep(0.5)  # the last rows reach the transcript
        result.update(
            started=started,
            ended=ended,
            rss=peak_rss_mb() - before,
            rows=panel.transcript.model.rowCount(),
            chunks=transfer.chunks,
        )
        window.close()
        await engine.shutdown()

    with asyncio.Runner(loop_factory=lambda: new_event_loop(app)) as runner:
        runner.run(main())
    if profilers:
        profilers[0].save(profile)
        if mode == "io-thread":
            profilers[1].save(f"{profile}.io")
    lateness.sort()
    result["hb_p50"] = statistics.median(lateness) if lateness else float("nan")
    result["hb_p99"] = lateness[int(len(lateness) * 0.99)] if lateness else float("nan")
    return result


# -- the table -------------------------------------------------------------------------------

SCENARIOS = [
    ("plain asyncio, 64 KB writes (baseline)", "plain"),
    ("plain asyncio, loop.sock_sendfile", "sendfile"),
    ("socat -u FILE TCP:…", "socat"),
    ("Client tab, qasync loop", "client-ui-loop"),
    ("Client tab, IO thread", "client-io-thread"),
    ("Server tab, 1 peer, qasync loop", "server-ui-loop"),
    ("Server tab, 1 peer, IO thread", "server-io-thread"),
]


def sender(scenario: str, port: int, path: Path, profile: str) -> dict[str, Any]:
    if scenario == "plain":
        return asyncio.run(send_plain_writes(port, path))
    if scenario == "sendfile":
        return asyncio.run(send_plain_sendfile(port, path))
    if scenario == "socat":
        return send_socat(port, path)
    tab, mode = scenario.split("-", 1)
    return send_tab(tab, mode, port, path, profile)


def child(*args: str, stdout: Any = subprocess.PIPE) -> subprocess.Popen[str]:
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    env = {**os.environ, "PYTHONPATH": path}
    return subprocess.Popen([sys.executable, __file__, *args], stdout=stdout, text=True, env=env)


def last_json(proc: subprocess.Popen[str]) -> dict[str, Any]:
    out, _ = proc.communicate(timeout=900)
    if proc.returncode != 0:
        raise SystemExit(f"{proc.args} failed with {proc.returncode}")
    return dict(json.loads(out.strip().splitlines()[-1]))


def run_one(scenario: str, path: Path, size: int, profile: str = "") -> dict[str, Any]:
    extra = ["--profile", profile] if profile else []
    if scenario.startswith("server-"):
        send = child("--scenario", scenario, "--file", str(path), *extra)
        assert send.stdout is not None
        port = send.stdout.readline().strip()
        receiver = child("--receive-from", port, "--size", str(size))
    else:
        receiver = child("--receive", "--size", str(size))
        assert receiver.stdout is not None
        port = receiver.stdout.readline().strip()
        send = child("--scenario", scenario, "--port", port, "--file", str(path), *extra)
    sent = last_json(send)
    received = last_json(receiver)
    return {**sent, **received}


def make_file(size: int) -> tuple[Path, str]:
    """Random bytes (1 MB of them, repeated), so nothing on the way can compress them."""
    block = os.urandom(1 << 20)
    digest = hashlib.sha256()
    handle, name = tempfile.mkstemp(prefix="bench-file-send-", suffix=".bin")
    with os.fdopen(handle, "wb") as out:
        left = size
        while left:
            piece = block[: min(left, len(block))]
            out.write(piece)
            digest.update(piece)
            left -= len(piece)
    return Path(name), digest.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mb", type=int, default=256)
    parser.add_argument("--only", default="", help="scenarios, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scenario")
    parser.add_argument("--profile", default="", help="write cProfile stats of the sender here")
    parser.add_argument("--port", type=int)
    parser.add_argument("--file")
    parser.add_argument("--size", type=int)
    parser.add_argument("--receive", action="store_true")
    parser.add_argument("--receive-from", type=int)
    args = parser.parse_args()
    if args.receive:
        receiver_listen(args.size)
        return
    if args.receive_from:
        receiver_connect(args.receive_from, args.size)
        return
    if args.scenario and args.file:
        print(json.dumps(sender(args.scenario, args.port, Path(args.file), args.profile)))
        return

    size = args.size_mb << 20
    path, expected = make_file(size)
    wanted = {s for s in args.only.split(",") if s}
    if args.scenario:
        wanted = {args.scenario}
    chosen = [
        (title, key) for title, key in SCENARIOS if key == "plain" or not wanted or key in wanted
    ]
    if shutil.which("socat") is None:
        chosen = [(title, key) for title, key in chosen if key != "socat"]
    runs: dict[str, list[dict[str, Any]]] = {key: [] for _, key in chosen}
    try:
        # Rounds of every scenario, so that a noisy moment on the machine is spread out.
        for _ in range(args.repeat):
            for title, key in chosen:
                r = run_one(key, path, size, args.profile)
                if r["received"] != size or r["sha256"] != expected:
                    raise SystemExit(f"{title}: {r['received']} bytes, sha256 {r['sha256']}")
                r["rate"] = size / (r["done_at"] - r["started"]) / 1e6
                runs[key].append(r)
    finally:
        path.unlink()
    print(
        f"{args.size_mb} MB file to a receiver in its own process (sha256 checked); "
        f"median of {args.repeat} runs, RSS the largest"
    )
    print(
        f"{'scenario':40} {'MB/s':>7} {'ratio':>6} {'hb p50':>7} {'hb p99':>7} "
        f"{'RSS +MB':>7} {'rows':>6} {'chunks':>7}"
    )
    base = statistics.median(r["rate"] for r in runs["plain"])
    for title, key in chosen:
        results = runs[key]
        rate = statistics.median(r["rate"] for r in results)
        last = results[-1]
        hb = (
            f"{statistics.median(r['hb_p50'] for r in results):>5.1f}ms "
            f"{statistics.median(r['hb_p99'] for r in results):>5.1f}ms"
            if "hb_p50" in last
            else f"{'-':>7} {'-':>7}"
        )
        rss = f"{max(0.0, *(r['rss'] for r in results)):>7.0f}" if "rss" in last else f"{'-':>7}"
        rows = f"{last['rows']:>6,}" if "rows" in last else f"{'-':>6}"
        chunks = f"{last['chunks']:>7,}" if "chunks" in last else f"{'-':>7}"
        print(f"{title:40} {rate:>7.0f} {rate / base:>6.2f} {hb} {rss} {rows} {chunks}")


if __name__ == "__main__":
    main()
