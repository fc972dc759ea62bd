"""Replays on the engine's loop over real sockets: every message in order, on the recorded
gaps, waiting for a full socket, and stopping when asked or when the connection fails."""

import asyncio
import socket
import time

from loopback import wait_for

from netbench.core.recording.replay_plan import Pace, ReplayChoice, ReplayTiming
from netbench.core.recording.writer import FileRecorder
from netbench.core.transcript import Direction, Record
from netbench.net.datagram import DatagramClient
from netbench.net.event_route import EventRoute
from netbench.net.replay import ReplayRun, run_replay
from netbench.net.socket_kinds import SocketAddress, SocketKind
from netbench.net.stream_client import open_stream
from netbench.net.write_room import WRITE_HIGH_WATER


def write_recording(path, rows):
    """``rows``: (seconds, direction, bytes), recorded as Record to file writes them."""
    recorder = FileRecorder(path)
    recorder.write_many(
        Record(at=1_700_000_000 + at, direction=direction, peer="127.0.0.1:1", data=data)
        for at, direction, data in rows
    )
    recorder.close()
    return path


def new_run(path, total, timing=None, choice=None):
    return ReplayRun(path, choice or ReplayChoice(), timing or ReplayTiming(), total=total)


async def tcp_pair():
    """A client of ours and the server's side of its connection (a plain socket)."""
    server = socket.create_server(("127.0.0.1", 0))
    server.setblocking(False)
    port = server.getsockname()[1]
    loop = asyncio.get_running_loop()
    accepting = loop.create_task(loop.sock_accept(server))
    client = await open_stream(SocketAddress(port=port), EventRoute(lambda event: None, "client"))
    conn, _ = await accepting
    server.close()
    return client, conn


async def read_until(conn, size, timeout=10.0):
    loop = asyncio.get_running_loop()
    got = b""
    deadline = time.monotonic() + timeout
    while len(got) < size and time.monotonic() < deadline:
        chunk = await asyncio.wait_for(loop.sock_recv(conn, 1 << 16), timeout)
        if not chunk:
            break
        got += chunk
    return got


def test_a_tcp_replay_sends_the_chosen_side_in_order_on_the_recorded_gaps(tmp_path):
    path = write_recording(
        tmp_path / "r.jsonl",
        [
            (0.0, Direction.OUT, b"first "),
            (0.05, Direction.IN, b"reply"),
            (0.3, Direction.OUT, bytes(range(256))),
            (0.3, Direction.INFO, b""),
            (0.31, Direction.OUT, b" last"),
        ],
    )
    run = new_run(path, total=3)

    async def scenario():
        client, conn = await tcp_pair()
        started = time.monotonic()
        await run_replay(client, run, None)
        elapsed = time.monotonic() - started
        got = await read_until(conn, 6 + 256 + 5)
        conn.close()
        await client.aclose()
        return got, elapsed

    got, elapsed = asyncio.run(scenario())
    assert got == b"first " + bytes(range(256)) + b" last"
    assert elapsed >= 0.25  # the 300 ms gap was kept (loosely)
    assert run.completed and run.sent == 3 and run.bytes_sent == 267
    assert (run.skipped, run.notes, run.line) == (1, 1, 5)


def test_a_replay_waits_for_a_full_socket_and_stops_when_asked(tmp_path):
    big = b"x" * 60_000
    path = write_recording(tmp_path / "r.jsonl", [(i, Direction.OUT, big) for i in range(2000)])
    run = new_run(path, total=2000, timing=ReplayTiming(Pace.FAST))

    async def scenario():
        client, conn = await tcp_pair()  # the server never reads
        task = asyncio.create_task(run_replay(client, run, None))
        await wait_for(lambda: run.sent > 0)
        await asyncio.sleep(0.3)
        buffered = client.transport.get_write_buffer_size()
        stalled_at = run.sent
        await asyncio.sleep(0.1)
        assert run.sent == stalled_at  # waiting, not piling up in memory
        run.stop = True
        await asyncio.wait_for(task, 2)
        conn.close()
        await client.aclose()
        return buffered

    buffered = asyncio.run(scenario())
    assert buffered <= WRITE_HIGH_WATER + len(big)
    assert 0 < run.sent < 2000 and run.finished and not run.completed and not run.failure


def test_a_replay_stops_soon_even_in_a_long_recorded_gap(tmp_path):
    path = write_recording(
        tmp_path / "r.jsonl", [(0, Direction.OUT, b"a"), (600, Direction.OUT, b"b")]
    )
    run = new_run(path, total=2)

    async def scenario():
        client, conn = await tcp_pair()
        task = asyncio.create_task(run_replay(client, run, None))
        await wait_for(lambda: run.sent == 1)
        run.stop = True
        started = time.monotonic()
        await asyncio.wait_for(task, 2)
        conn.close()
        await client.aclose()
        return time.monotonic() - started

    assert asyncio.run(scenario()) < 1.0
    assert run.sent == 1 and not run.completed


def test_a_closed_connection_ends_the_replay_with_its_reason(tmp_path):
    path = write_recording(
        tmp_path / "r.jsonl", [(i * 0.01, Direction.OUT, b"ping\n") for i in range(500)]
    )
    run = new_run(path, total=500)

    async def scenario():
        client, conn = await tcp_pair()
        task = asyncio.create_task(run_replay(client, run, None))
        await wait_for(lambda: run.sent >= 3)
        await client.aclose()
        await asyncio.wait_for(task, 2)
        conn.close()

    asyncio.run(scenario())
    assert run.failure == "the connection was closed by us"
    assert 3 <= run.sent < 500


def test_each_message_is_one_udp_datagram_and_a_too_big_one_is_an_error(tmp_path):
    sizes = [1, 1400, 9000, 70_000, 5]
    path = write_recording(
        tmp_path / "r.jsonl", [(0, Direction.OUT, bytes([n % 256]) * n) for n in sizes]
    )
    run = new_run(path, total=len(sizes), timing=ReplayTiming(Pace.FAST))

    async def scenario():
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as peer:
            peer.bind(("127.0.0.1", 0))
            peer.setblocking(False)
            client = await DatagramClient.open(
                SocketAddress(SocketKind.UDP, host="127.0.0.1", port=peer.getsockname()[1]),
                EventRoute(lambda event: None, "udp"),
            )
            await run_replay(client, run, None)
            loop = asyncio.get_running_loop()
            got = [len(await loop.sock_recv(peer, 1 << 17)) for _ in range(3)]
            await client.aclose()
            return got

    assert asyncio.run(scenario()) == [1, 1400, 9000]
    assert run.sent == 3  # the 70,000-byte datagram cannot go
    assert "too long" in run.failure.lower(), run.failure


def test_a_file_that_turned_bad_since_the_summary_stops_at_its_line(tmp_path):
    path = write_recording(tmp_path / "r.jsonl", [(0, Direction.OUT, b"a")])
    with path.open("a") as out:
        out.write("garbage\n")
    run = new_run(path, total=1, timing=ReplayTiming(Pace.FAST))

    async def scenario():
        client, conn = await tcp_pair()
        await run_replay(client, run, None)
        conn.close()
        await client.aclose()

    asyncio.run(scenario())
    assert run.sent == 1 and run.failure.startswith("line 2 is not JSON")
