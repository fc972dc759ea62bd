"""The queue's ceiling holds under a flood: when the window is behind, every reader stops,
not only the one that found the queue full (each would take one more read first)."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections import deque
from collections.abc import Callable

from netbench.net.event_route import EventRoute
from netbench.net.events import DataReceived
from netbench.net.read_gate import PROMISE_SECONDS, RECENT_READ_SECONDS, ReadGate
from netbench.net.socket_kinds import SocketAddress
from netbench.net.stream_listener import StreamListener

READ_SIZE = 64 * 1024
CEILING = 1024 * 1024
CLIENTS = 24


def io_thread_gate(queued: list[int], clock: Callable[[], float] = time.monotonic) -> ReadGate:
    """A gate as an IO thread has one (no budget per tick), whose queue holds ``queued[0]``
    bytes, with this test's small reads and ceiling."""
    return ReadGate(
        None,
        read_size=READ_SIZE,
        queued_bytes=lambda: queued[0],
        max_queued_bytes=CEILING,
        clock=clock,
    )


def flood(port: int, stop: threading.Event) -> None:
    """One client writing as fast as the listener reads, until ``stop``."""
    chunk = b"x" * READ_SIZE
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.settimeout(0.2)
        while not stop.is_set():
            try:
                sock.sendall(chunk)
            except (TimeoutError, OSError):
                continue


def test_every_reader_stops_at_the_queues_ceiling():
    queue: deque[DataReceived] = deque()
    queued = [0]
    peak = [0]

    def put(event: object) -> None:
        if isinstance(event, DataReceived):
            queue.append(event)
            queued[0] += event.nbytes
            peak[0] = max(peak[0], queued[0])

    gate = io_thread_gate(queued)
    stop = threading.Event()

    async def scenario() -> int:
        listener = await StreamListener.open(SocketAddress(port=0), EventRoute(put, gate=gate))
        port = int(listener.address.rsplit(":", 1)[1])
        clients = [threading.Thread(target=flood, args=(port, stop)) for _ in range(CLIENTS)]
        for client in clients:
            client.start()
        taken = 0
        loop = asyncio.get_running_loop()
        started = loop.time()
        while loop.time() < started + 2.0:  # a window that takes 256 KB every 2 ms
            if loop.time() < started + 0.3:
                # At first each client's reader takes its first read as it comes: only
                # readers that have read are known to be reading.
                peak[0] = 0
            await asyncio.sleep(0.002)
            budget = 4 * READ_SIZE
            while queue and budget > 0:
                event = queue.popleft()
                queued[0] -= event.nbytes
                budget -= event.nbytes
                taken += event.nbytes
            gate.on_tick()
        stop.set()
        for client in clients:
            client.join(5)
        await listener.aclose()
        return taken

    taken = asyncio.run(scenario())
    assert taken > 20 * CEILING  # it flowed all along
    # One read may cross the ceiling; before, each reader that was reading took one more.
    assert peak[0] <= CEILING + 2 * READ_SIZE, peak[0]


class Reader:
    """A reader as the gate sees it: it pauses and resumes."""

    def __init__(self) -> None:
        self.paused = False

    def pause_reading(self) -> None:
        self.paused = True

    def resume_reading(self) -> None:
        self.paused = False

    def is_closing(self) -> bool:
        return False


class Clock:
    """Time as the test says it is."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_refills_before_the_resumed_readers_read_resume_no_more():
    queued = [CEILING]
    clock = Clock()
    gate = io_thread_gate(queued, clock)
    readers = [Reader() for _ in range(40)]
    for reader in readers:
        gate.park(reader)
    queued[0] = CEILING - 4 * READ_SIZE  # the window took four reads' worth
    gate.on_tick()
    gate.on_tick()  # again, before any resumed reader got to read
    assert sum(not reader.paused for reader in readers) == 4
    clock.now += PROMISE_SECONDS * 2  # a resumed reader that stays quiet holds no room
    gate.on_tick()
    assert sum(not reader.paused for reader in readers) == 8


def test_at_the_ceiling_the_flooding_readers_stop_and_a_quiet_one_reads_on():
    queued = [0]
    clock = Clock()
    gate = io_thread_gate(queued, clock)
    quiet, flooding, full = Reader(), [Reader() for _ in range(5)], Reader()
    assert gate.admit(100, quiet)  # a request, a while ago
    clock.now += RECENT_READ_SECONDS * 2
    for reader in flooding:
        assert gate.admit(READ_SIZE, reader)
    queued[0] = CEILING
    assert not gate.admit(READ_SIZE, full)
    assert all(reader.paused for reader in flooding)
    assert not quiet.paused
