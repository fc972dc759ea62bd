"""Flood the real Server tab (window up, offscreen) and compare with plain asyncio.

200 clients (a separate process) send 64-byte LF-terminated lines as fast as they can to a
listener configured through the tab's own form (LF framing, transcript on). Side by side in
one run, each scenario in its own process:

- plain asyncio with the same framer and 16 KB reads, no Qt (the baseline of the ratios);
- the fastest plain-asyncio reader of the same job: 256 KB reads counted with
  ``bytearray.count`` (how far any framer is from the limit);
- the tab with networking on the qasync loop, and on an IO thread, each also recording
  (JSON Lines, and a compact recording);
- the networking in a child process feeding the real window (a prototype, to measure the
  alternative to sharing one interpreter: ``child_engine.py``).

A rate is the messages the tab counted over the time until it had taken them all (the
clients' sends wait in the kernel while the tab is behind, so counting only while the
clients run would flatter a slow reader). A 10 ms QTimer stands for the rest of the UI: its
lateness is how frozen the window felt. Recording counts the messages in the file against
the messages received. Then: 5,000 idle connections accepted and listed; 10,000 held with
the heartbeat measured while they connect; a UDP flood of 50,000 datagrams/s for 10 s,
counted against what the kernel delivered (sent minus the socket's own drop count, which
the tab shows; ``/proc/net/snmp`` beside it, machine-wide).

    python benchmarks/bench_server_tab.py [--rounds 3] [--seconds 5] [--clients 200] [--idle 5000]

Runs on a quiet 2-core machine (the README has the same table). Its speed drifts by a
fifth within hours (the baseline ranged from 10.2 to 14.4 M in one day), so ``--rounds 3``
runs the scenarios three times in turn and prints each figure's median (a ratio against its
own round's baseline) with the p99's range. The run of 2026-12-05, after streams began to
take each read as the bytes ``recv`` made (``data_received``) instead of copying it out of
a shared buffer:

    scenario                                   msgs/s   MB/s  ratio  hb p50  hb p99  RSS MB
    plain asyncio, same framer (baseline)  14,386,478  920.7   1.00       -       -      27
    plain asyncio, 256 KB reads + count    16,417,571 1050.7   1.15       -       -      75
    Server tab, qasync loop                 7,573,588  484.7   0.53   0.9ms  21.2ms     178
    Server tab, IO thread                  14,745,632  943.7   1.02   0.1ms   8.5ms     176
    Server tab, qasync loop, recording      2,701,199  172.9   0.19   0.1ms  19.9ms     188
    Server tab, IO thread, recording        3,420,471  218.9   0.23   0.1ms  14.6ms     187
    qasync loop, recording compact          4,758,176  304.5   0.33   0.2ms  19.3ms     170
    IO thread, recording compact            7,481,029  478.8   0.51   0.1ms  13.8ms     180
    networking in a child process          17,844,858 1142.1   1.21   0.2ms  13.3ms     145
    (every round of every recording kept every message; p99 over the rounds: IO thread
    8.3-9.2 ms, qasync 19.9-24.4, compact 16.3-20.3 and 11.1-14.2)

The floods again four minutes later (baseline 14.20 M): IO thread 0.93 at 9.1 ms (8.3-14.3
over the rounds), qasync 0.53 at 21.4 ms, compact 0.33 and 0.56 at 16.6 and 13.0 ms, peaks
at most 186 MB. Side by side, ``data_received``: the IO thread 13.1-14.9 M lines/s against
12.2-13.1. A qasync budget of 10 MB a tick, above the queue's 8 MB ceiling, gave 4.6 M
against 7.6 (the readers park at the ceiling instead), so the budget stays at 8 MB.

The run half an hour before, after the framer's count of a run of lines became a
deletion's size (``occurrences``) instead of ``bytes.count``, which looks at one byte at a
time:

    scenario                                   msgs/s   MB/s  ratio  hb p50  hb p99  RSS MB
    plain asyncio, same framer (baseline)  13,875,297  888.0   1.00       -       -      27
    plain asyncio, 256 KB reads + count    15,875,224 1016.0   1.14       -       -      75
    Server tab, qasync loop                 7,620,917  487.7   0.55   1.0ms  21.2ms     178
    Server tab, IO thread                  12,832,358  821.3   0.90   0.1ms   9.1ms     177
    Server tab, qasync loop, recording      2,935,105  187.8   0.20   0.2ms  20.6ms     189
    Server tab, IO thread, recording        3,512,476  224.8   0.25   0.1ms  12.3ms     192
    qasync loop, recording compact          4,802,954  307.4   0.34   0.3ms  18.5ms     170
    IO thread, recording compact            7,396,660  473.4   0.52   0.1ms  13.6ms     178
    networking in a child process          17,488,335 1119.3   1.26   0.2ms  14.2ms     145
    (every round of every recording kept every message; p99 over the rounds: IO thread
    8.2-9.5 ms, qasync 20.9-22.4, compact 14.9-19.7 and 13.6-13.7)

The floods again four minutes later (baseline 12.98 M): IO thread 0.88 at 10.7 ms (10.2-13.2
over the rounds), qasync 0.58 at 24.1 ms, compact 0.37 and 0.60 at 19.1 and 15.0 ms. Side by
side, the faster count: the IO thread 13.3-13.9 M lines/s against 10.8-11.2, the baseline
14.5-14.8 against 12.5 (it frames with the same framer), the qasync loop alike (its read
budget sets its pace), 0.14 ms a 256 KB read instead of 0.20.

The run half an hour earlier, after the read gate's ceiling began to pause every reader that is
flooding:

    scenario                                   msgs/s   MB/s  ratio  hb p50  hb p99  RSS MB
    plain asyncio, same framer (baseline)  12,631,674  808.4   1.00       -       -      27
    plain asyncio, 256 KB reads + count    16,546,111 1059.0   1.32       -       -      75
    Server tab, qasync loop                 7,586,092  485.5   0.60   2.9ms  24.0ms     178
    Server tab, IO thread                  10,803,808  691.4   0.86   0.1ms   8.5ms     174
    Server tab, qasync loop, recording      2,568,298  164.4   0.20   0.1ms  20.7ms     188
    Server tab, IO thread, recording        3,202,478  205.0   0.26   0.1ms  15.1ms     184
    qasync loop, recording compact          4,777,907  305.8   0.38   0.2ms  17.0ms     169
    IO thread, recording compact            6,299,751  403.2   0.53   0.1ms  10.7ms     177
    networking in a child process          14,635,236  936.7   1.16   0.2ms  10.5ms     145
    (every round of every recording kept every message; p99 ranges over the rounds: IO
    thread 8.3-8.6 ms, qasync 24.0-24.2, compact 16.7-17.0 and 10.4-10.9)

The floods alone 25 minutes earlier, before that change: IO thread 0.90 at 7.9 ms, qasync
0.62 at 25.6 ms, compact 0.39 and 0.49 at 17.3 and 12.3 ms, the IO thread's JSON Lines
recording peaking at 201 MB. Side by side, the change (the queue's peak 16-19 MB instead of
22-38 under a recorded flood): IO thread, JSON Lines 182-186 MB against 191-195, compact
174-177 against 195-199, no recording 176-177 against 188, at the same rates or better.

The runs of the day before, one round each. A run in a fast hour:

    scenario                                   msgs/s   MB/s  ratio  hb p50  hb p99  RSS MB
    plain asyncio, same framer (baseline)  13,613,848  871.3   1.00       -       -      27
    plain asyncio, 256 KB reads + count    17,588,175 1125.6   1.29       -       -      75
    Server tab, qasync loop                 7,652,390  489.8   0.56   1.0ms  20.5ms     177
    Server tab, IO thread                  12,037,959  770.4   0.88   0.1ms   8.5ms     187
    Server tab, qasync loop, recording      2,902,798  185.8   0.21   0.0ms  19.9ms     191
    Server tab, IO thread, recording        3,464,303  221.7   0.25   0.0ms  11.2ms     204
    qasync loop, recording compact          4,723,109  302.3   0.35   0.1ms  15.0ms     168
    IO thread, recording compact            7,049,122  451.1   0.52   0.1ms  11.2ms     191
    networking in a child process          16,311,657 1043.9   1.20   0.2ms  10.6ms     144
    (every recording kept every message: 32,772,032, 40,039,424, 36,211,328 and
    58,956,288 of as many received)

The floods alone, three minutes earlier: IO thread 0.94 at 6.6 ms, qasync 0.56 at 19.7 ms,
compact recording 0.63 (qasync, 14.8 ms) and 0.54 (IO thread, 9.5 ms) of their modes, every
peak at most 197 MB. A run in a slow hour:

    scenario                                   msgs/s   MB/s  ratio  hb p50  hb p99  RSS MB
    plain asyncio, same framer (baseline)  11,037,299  706.4   1.00       -       -      27
    plain asyncio, 256 KB reads + count    15,432,220  987.7   1.40       -       -      75
    Server tab, qasync loop                 7,511,357  480.7   0.68   5.2ms  23.7ms     181
    Server tab, IO thread                  10,204,103  653.1   0.92   0.1ms  12.1ms     184
    Server tab, qasync loop, recording      2,118,718  135.6   0.19  10.0ms  43.9ms     199
    Server tab, IO thread, recording        2,716,098  173.8   0.25   2.9ms  30.9ms     193
    qasync loop, recording compact          4,626,481  296.1   0.42   3.7ms  33.0ms     176
    IO thread, recording compact            5,331,135  341.2   0.48   0.4ms  25.5ms     187
    networking in a child process          12,085,032  773.4   1.09   0.2ms  17.8ms     144
    (every recording kept every message: 27,409,664, 33,389,888, 35,285,184 and
    46,912,064 of as many received)

Of the same mode without recording, a compact recording ran at 0.62 (qasync) and 0.52 (IO
thread) in the slow hour, 0.62 and 0.59 in the fast one. Within one hour the qasync row's
p99 went from 28-31 ms to 33-41 ms with the code unchanged, so the figures below are side
by side, the day's code against the one before it, alternating:

- the window no longer waits for the disk: past 8 MB waiting for the file, a panel leaves
  its rows for later and says it is behind, so the network waits instead (before, the
  window's own thread sat in write()). IO thread, compact: p99 15-19 ms against 21-26,
  JSON Lines 17-20 against 32-38; qasync, compact: 20-26 against 26-33; the rates alike.
  A recording to a named pipe whose reader stalls no longer freezes the window.
- with an IO thread, a batch hands over at most 4 MB of reads, so a panel that is behind
  holds one batch and the rest waits in the engine's queue: without it, the peak with a
  recording behind reached 206-222 MB (the whole queue, up to 47 MB, taken at once); with
  it 180-181 MB (compact) and 190-201 MB (JSON Lines).
- tried and dropped: reading the UI loop's budget per tick in slices a moment apart. Four
  slices of 8 MB gave p99 11-14 ms but 4.8 M lines/s against 7.3 M; 24 MB in four slices
  5.8-6.3 M at 27-31 ms, no better than 7 MB in one go (6.6 M at 26-29 ms). Nicing the IO
  thread, or a GIL switch interval of 2 ms, gave nothing clear either.

The run of the day before (its changes: the peers table repainting half a view period
after the transcript, the As Python page filled only when seen, a compact row writing the
read's own bytes after its line):

    scenario                                   msgs/s   MB/s  ratio  hb p50  hb p99  RSS MB
    plain asyncio, same framer (baseline)  11,269,899  721.3   1.00       -       -      27
    plain asyncio, 256 KB reads + count    15,462,593  989.6   1.37       -       -      75
    Server tab, qasync loop                 7,586,435  485.5   0.67   4.6ms  26.2ms     177
    Server tab, IO thread                  10,572,714  676.7   0.94   0.1ms   8.6ms     184
    Server tab, qasync loop, recording      2,338,058  149.6   0.21   9.6ms  48.5ms     200
    Server tab, IO thread, recording        3,325,287  212.8   0.30   1.7ms  25.0ms     192
    qasync loop, recording compact          4,989,307  319.3   0.44   5.8ms  37.7ms     179
    IO thread, recording compact            6,398,818  409.5   0.57   0.3ms  24.7ms     181
    networking in a child process          13,464,549  861.7   1.19   0.2ms  11.1ms     144

The IO thread reads 256 KB at a time, and glibc keeps freed blocks for the next read
(``netbench/net/allocator.py``). The child-process row is a prototype
(``child_engine.py``): the same framer in a process of its own, the real window's
transcript fed through shared memory at 10 Hz; the window's heartbeat and RSS are the
parent's (the child adds ~30 MB).

    fast hour:
    5,000 idle connections: listed in 0.8 s (ui-loop, p99 17.7 ms), 0.6 s (io-thread, 21.9 ms)
    10,000 idle connections: listed in 2.3 s (ui-loop, p99 16.3 ms), 1.0 s (io-thread, 22.0 ms)
    UDP 50,000/s x 10 s: counted exactly in both modes; the socket's default buffer dropped
    8.1% on the UI loop (p99 11.5 ms) and 5.1% on an IO thread (p99 11.1 ms), equal to
    /proc/net/snmp's count
    slow hour: 5,000 listed in 1.1 s and 0.8 s (p99 19.5 and 57.9 ms; 13-41 ms over eight
    more runs on the IO thread), 10,000 in 3.4 and 1.6 s (16.2 and 22.8 ms); UDP exact, 11.6%
    and 12.6% dropped (13.3 and 14.5 ms)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import re
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_engine_flood import run_plain, start_load  # noqa: E402

QUIET_SECONDS = 0.5  # no new message for this long: the tab has taken everything


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def raise_fd_limit() -> None:
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


async def hold_idle(port: int, count: int, seconds: float) -> None:
    """Open ``count`` connections that send nothing, hold them, then close."""
    raise_fd_limit()
    writers = []
    for _ in range(count):
        _, writer = await asyncio.open_connection("127.0.0.1", port)
        writers.append(writer)
    await asyncio.sleep(seconds)
    for writer in writers:
        writer.close()


def send_datagrams(port: int, rate: int, seconds: float) -> None:
    """``rate`` 64-byte datagrams a second for ``seconds``, paced in 1 ms slices."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    payload = b"d" * 63 + b"\n"
    per_slice = rate // 1000
    sent = 0
    started = time.monotonic()
    while (now := time.monotonic()) - started < seconds:
        due = int((now - started) * rate)
        burst = min(due - sent, per_slice * 4)
        for _ in range(max(0, burst)):
            sock.sendto(payload, ("127.0.0.1", port))
        sent += max(0, burst)
        time.sleep(0.0005)
    print(sent)


def udp_counters() -> dict[str, int]:
    lines = Path("/proc/net/snmp").read_text().splitlines()
    names, values = (line.split()[1:] for line in lines if line.startswith("Udp:"))
    return dict(zip(names, map(int, values), strict=True))


def count_recorded(path: Path) -> int:
    """Messages in a recording: a row per message, or a row per read with its count (in a
    compact recording, the bytes after each row are skipped)."""
    count_field = re.compile(rb'"count": (\d+)')
    raw_field = re.compile(rb'"raw": (\d+)')
    messages = 0
    with path.open("rb") as handle:
        for line in iter(handle.readline, b""):
            raw = raw_field.search(line)
            if raw:
                handle.seek(int(raw.group(1)) + 1, os.SEEK_CUR)
            found = count_field.search(line, 0, 400)
            if found:
                messages += int(found.group(1))
            elif b'"dir": "in"' in line or b'"dir": "out"' in line:
                messages += 1
    return messages


class Heartbeat:
    """A 10 ms Qt timer that notes how late each beat was."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.lateness: list[float] = []
        self._expected = time.monotonic() + 0.010
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._beat)
        self._timer.start()

    def _beat(self) -> None:
        now = time.monotonic()
        self.lateness.append(max(0.0, now - self._expected) * 1000)
        self._expected = now + 0.010

    def stop(self) -> dict[str, float]:
        self._timer.stop()
        late = sorted(self.lateness)
        if not late:
            return {"p50": float("nan"), "p99": float("nan")}
        return {"p50": statistics.median(late), "p99": late[int(len(late) * 0.99)]}


async def wait_until_quiet(count: object, started: float) -> float:
    """Seconds from ``started`` to the last change of ``count()`` before it stayed put."""
    last_value = count()  # type: ignore[operator]
    last_change = time.monotonic()
    while time.monotonic() - last_change < QUIET_SECONDS:
        await asyncio.sleep(0.02)
        value = count()  # type: ignore[operator]
        if value != last_value:
            last_value, last_change = value, time.monotonic()
    return last_change - started


async def flood_scenario(panel, engine, args) -> dict[str, float]:  # type: ignore[no-untyped-def]
    port = int(panel.listener.address.rsplit(":", 1)[1])
    suffix = "nbrec" if args.compact else "jsonl"
    record_path = Path(tempfile.mkdtemp()) / f"flood.{suffix}"
    if args.record:
        assert panel.transcript.start_recording(record_path)
    result: dict[str, float] = {}
    load = start_load(port, args.clients, args.seconds)
    started = time.monotonic()
    while load.poll() is None:
        await asyncio.sleep(0.05)
    elapsed = await wait_until_quiet(lambda: panel.meter.messages_in, started)
    result["msgs"] = panel.meter.messages_in / elapsed
    result["mbs"] = panel.meter.bytes_in / elapsed / 1e6
    result["shown"] = panel.transcript.model.rowCount()
    if args.record:
        panel.transcript.stop_recording()
        result["recorded"] = count_recorded(record_path)
        result["received"] = panel.meter.messages_in
        result["file_mb"] = record_path.stat().st_size / 1e6
        record_path.unlink()
    return result


async def idle_scenario(panel, args) -> dict[str, float]:  # type: ignore[no-untyped-def]
    port = int(panel.listener.address.rsplit(":", 1)[1])
    started = time.monotonic()
    load = subprocess.Popen([sys.executable, __file__, "--hold", str(port), str(args.idle), "6"])
    while panel.peers_model.open_count < args.idle and time.monotonic() - started < 60:
        await asyncio.sleep(0.05)
    result = {"listed": panel.peers_model.open_count, "list_s": time.monotonic() - started}
    load.wait()
    return result


async def udp_scenario(panel, args) -> dict[str, float]:  # type: ignore[no-untyped-def]
    port = int(panel.listener.address.rsplit(":", 1)[1])
    before = udp_counters()
    sender = subprocess.Popen(
        [sys.executable, __file__, "--udp-send", str(port), str(args.udp_rate), "10"],
        stdout=subprocess.PIPE,
        text=True,
    )
    started = time.monotonic()
    while sender.poll() is None:
        await asyncio.sleep(0.05)
    await wait_until_quiet(lambda: panel.meter.messages_in, started)
    after = udp_counters()
    assert sender.stdout is not None
    return {
        "sent": int(sender.stdout.read().strip()),
        "machine_delivered": after["InDatagrams"] - before["InDatagrams"],
        "machine_dropped": after["RcvbufErrors"] - before["RcvbufErrors"],
        "socket_dropped": panel.listener.dropped() or 0,
        "counted": panel.meter.messages_in,
    }


def run_tab(args: argparse.Namespace) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from netbench.ui.runtime.qtloop import new_event_loop  # isort: skip
    from PySide6.QtWidgets import QApplication

    from netbench.net.engine import Engine, EngineMode
    from netbench.ui.main_window import MainWindow

    raise_fd_limit()
    if os.environ.get("NB_SWITCH"):  # to try other GIL switch intervals
        sys.setswitchinterval(float(os.environ["NB_SWITCH"]))
    app = QApplication([])
    app.setQuitOnLastWindowClosed(False)
    result: dict[str, float] = {}

    async def main() -> None:
        child = args.scenario == "child"
        engine = Engine(EngineMode("ui-loop" if child else args.scenario))
        engine.start(asyncio.get_running_loop())
        window = MainWindow(engine=engine)
        window.persist_settings = False
        window.show()
        engine.settle_garbage()  # as the app does once its window is up
        if child:
            from child_engine import child_scenario

            heartbeat = Heartbeat()
            result.update(await child_scenario(window, args, wait_until_quiet))
            result.update(heartbeat.stop())
            window.close()
            await engine.shutdown()
            return
        panel = window.server_tab.current_panel
        form = panel.form
        if args.udp:
            form.kind.setCurrentIndex(form.kind.findData("udp"))
        else:
            form.framing.setCurrentIndex(form.framing.findData("lf"))
            form.max_connections.setValue(form.max_connections.maximum())
            # What a server expecting thousands of clients sets (nginx: 511; the kernel's
            # somaxconn caps it): with the default 100, a burst of connects overflows the
            # queue and the kernel drops SYNs, which clients retry only a second later.
            form.backlog.setValue(4096)
        assert await panel.start()
        heartbeat = Heartbeat()
        if args.udp:
            result.update(await udp_scenario(panel, args))
        elif args.idle_only:
            result.update(await idle_scenario(panel, args))
        else:
            result.update(await flood_scenario(panel, engine, args))
        result.update(heartbeat.stop())
        window.close()
        await engine.shutdown()

    with asyncio.Runner(loop_factory=lambda: new_event_loop(app)) as runner:
        runner.run(main())
    result["rss"] = peak_rss_mb()
    return result


SCENARIOS = [
    ("plain asyncio, same framer (baseline)", ["--scenario", "plain"]),
    ("plain asyncio, 256 KB reads + count", ["--scenario", "plain", "--fastest"]),
    ("Server tab, qasync loop", ["--scenario", "ui-loop"]),
    ("Server tab, IO thread", ["--scenario", "io-thread"]),
    ("Server tab, qasync loop, recording", ["--scenario", "ui-loop", "--record"]),
    ("Server tab, IO thread, recording", ["--scenario", "io-thread", "--record"]),
    ("qasync loop, recording compact", ["--scenario", "ui-loop", "--record", "--compact"]),
    ("IO thread, recording compact", ["--scenario", "io-thread", "--record", "--compact"]),
    ("networking in a child process", ["--scenario", "child"]),
]


def run_child(extra: list[str]) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, *extra], capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def print_floods(args: argparse.Namespace) -> None:
    """One row a scenario. With ``--rounds N`` the scenarios run N times in turn (so a
    drift of the machine's speed falls on every row alike) and each figure is the median
    of its rounds, a ratio against its own round's baseline, with the p99's range beside."""
    common = ["--seconds", str(args.seconds), "--clients", str(args.clients)]
    rounds = [[run_child([*extra, *common]) for _, extra in SCENARIOS] for _ in range(args.rounds)]
    print(
        f"{args.clients} clients x 64-byte lines, {args.seconds:.0f} s each, LF framing"
        + (f", median of {args.rounds} rounds" if args.rounds > 1 else "")
    )
    print(
        f"{'scenario':38} {'msgs/s':>10} {'MB/s':>6} {'ratio':>6} "
        f"{'hb p50':>7} {'hb p99':>7} {'RSS MB':>7}  notes"
    )
    for index, (title, _) in enumerate(SCENARIOS):
        runs = [one_round[index] for one_round in rounds]
        ratios = [one_round[index]["msgs"] / (one_round[0]["msgs"] or 1.0) for one_round in rounds]
        r = {
            key: statistics.median(run[key] for run in runs)
            for key in ("msgs", "mbs", "p50", "p99", "rss")
        }
        print(
            f"{title:38} {r['msgs']:>10,.0f} {r['mbs']:>6.1f} {statistics.median(ratios):>6.2f} "
            f"{ms(r['p50']):>7} {ms(r['p99']):>7} {r['rss']:>7.0f}  {flood_notes(runs)}"
        )


def ms(value: float) -> str:
    """A heartbeat figure, or a dash for the rows without a window."""
    return "-" if math.isnan(value) else f"{value:.1f}ms"


def flood_notes(runs: list[dict[str, float]]) -> str:
    """Whether every recording kept every message, the rows in view, and the spread of the
    ratio and the p99 over the rounds."""
    notes = []
    if "recorded" in runs[0]:
        kept = all(run["recorded"] == run["received"] for run in runs)
        notes.append(
            f"recorded {runs[-1]['recorded']:,} of {runs[-1]['received']:,}"
            + (
                ""
                if len(runs) == 1
                else (", every round kept all" if kept else ", A ROUND LOST SOME")
            )
        )
    elif "shown" in runs[-1]:
        notes.append(f"{runs[-1]['shown']:,} rows in view")
    if len(runs) > 1 and not math.isnan(runs[0]["p99"]):
        p99s = [run["p99"] for run in runs]
        notes.append(f"p99 {min(p99s):.1f}-{max(p99s):.1f}ms")
    return "; ".join(notes)


def print_connections(args: argparse.Namespace) -> None:
    for count in (args.idle, 2 * args.idle):
        for mode in ("ui-loop", "io-thread"):
            r = run_child(["--scenario", mode, "--idle-only", "--idle", str(count)])
            print(
                f"{count:,} idle connections ({mode}): {r['listed']:,} listed in "
                f"{r['list_s']:.1f} s, heartbeat p99 {r['p99']:.1f} ms, RSS {r['rss']:.0f} MB"
            )


def print_udp(args: argparse.Namespace) -> None:
    for mode in ("ui-loop", "io-thread"):
        r = run_child(["--scenario", mode, "--udp", "--udp-rate", str(args.udp_rate)])
        # Loopback loses nothing on the way: what the socket did not drop was delivered.
        delivered = r["sent"] - r["socket_dropped"]
        exact = "exact" if r["counted"] == delivered else "NOT exact"
        print(
            f"UDP {args.udp_rate:,}/s x 10 s ({mode}): sent {r['sent']:,}, the socket's "
            f"buffer dropped {r['socket_dropped']:,} (shown on the tab), tab counted "
            f"{r['counted']:,} of {delivered:,} delivered ({exact}); machine-wide "
            f"/proc/net/snmp: {r['machine_delivered']:,} in, {r['machine_dropped']:,} dropped; "
            f"heartbeat p99 {r['p99']:.1f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--rounds", type=int, default=1, help="run the floods N times in turn")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--idle", type=int, default=5000)
    parser.add_argument("--udp-rate", type=int, default=50_000)
    parser.add_argument("--scenario")
    parser.add_argument("--record", action="store_true")
    parser.add_argument("--compact", action="store_true", help="record to a .nbrec file")
    parser.add_argument("--fastest", action="store_true")
    parser.add_argument("--idle-only", action="store_true")
    parser.add_argument("--udp", action="store_true")
    parser.add_argument("--only", choices=["floods", "connections", "udp"])
    parser.add_argument("--hold", nargs=3)
    parser.add_argument("--udp-send", nargs=3)
    args = parser.parse_args()
    if args.hold:
        port, count, seconds = args.hold
        asyncio.run(hold_idle(int(port), int(count), float(seconds)))
        return
    if args.udp_send:
        port, rate, seconds = args.udp_send
        send_datagrams(int(port), int(rate), float(seconds))
        return
    if args.scenario:
        if args.scenario == "plain":
            result = run_plain(args.clients, args.seconds, fastest=args.fastest)
        else:
            result = run_tab(args)
        print(json.dumps(result))
        return
    if args.only in (None, "floods"):
        print_floods(args)
    if args.only in (None, "connections"):
        print_connections(args)
    if args.only in (None, "udp"):
        print_udp(args)


if __name__ == "__main__":
    main()
