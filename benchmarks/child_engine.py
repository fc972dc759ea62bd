"""The alternative the flood issue asked to measure: the networking in a child process.

One process cannot give both its window and its readers the whole interpreter: the GIL is
shared, so an IO thread reads while the window paints only by taking turns. Here the
reading runs in a child process (plain asyncio, the same framer and 64 KB reads as the
tab), and the window, in the parent, sees what the tab's view would show: the counters
and the newest messages, published by the child ten times a second into a shared-memory
block (a sequence number written before and after, so a torn read is retried).

The parent is the real window with the real transcript: each tick it reads the block and
appends the newest rows (at most 2,000, as the tab's view takes them) and the counts. What
this prototype does not carry: notes, per-peer rows, replies, recording (which would be
written by the child), and the UI's commands to the child. It measures the ceiling.

    python benchmarks/bench_server_tab.py --scenario child
"""

from __future__ import annotations

import asyncio
import multiprocessing
import struct
import time
from collections import deque
from multiprocessing.connection import Connection
from multiprocessing.shared_memory import SharedMemory
from typing import Any

BLOCK_BYTES = 1 << 20
NEWEST = 2000
HEAD = struct.Struct("<QQQQI")  # sequence, messages, bytes, reads, newest count
PUBLISH_SECONDS = 0.1


def serve(name: str, reply: Connection) -> None:
    """The child: a listener counting LF lines, publishing the newest into ``name``."""
    from netbench.core.framing.spec import FramingKind, FramingSpec
    from netbench.core.framing.wire import make_framer

    block = SharedMemory(name)
    spec = FramingSpec(kind=FramingKind.DELIMITER, delimiter=b"\n")
    totals = [0, 0, 0]  # messages, bytes, reads
    # The last reads, uncut: the newest messages are cut from them only to publish.
    newest: deque[Any] = deque(maxlen=64)
    shared = bytearray(64 * 1024)

    class Counting(asyncio.BufferedProtocol):
        def __init__(self) -> None:
            self.framer = make_framer(spec)
            self.chunk = 0

        def get_buffer(self, sizehint: int) -> memoryview:
            return memoryview(shared)

        def buffer_updated(self, nbytes: int) -> None:
            self.chunk += 1
            messages = self.framer.feed(bytes(shared[:nbytes]), self.chunk)
            totals[0] += len(messages)
            totals[1] += nbytes
            totals[2] += 1
            if messages:
                newest.append(messages)

    def publish(sequence: int) -> None:
        rows: list[bytes] = []
        for messages in reversed(newest):
            rows[:0] = list(messages[-(NEWEST - len(rows)) :])
            if len(rows) >= NEWEST:
                break
        body = b"".join(struct.pack("<I", len(r)) + r for r in rows)
        body = body[: BLOCK_BYTES - HEAD.size]
        HEAD.pack_into(block.buf, 0, sequence, 0, 0, 0, 0)  # odd: being written
        block.buf[HEAD.size : HEAD.size + len(body)] = body
        HEAD.pack_into(block.buf, 0, sequence + 1, *totals, len(rows))

    async def main() -> None:
        server = await asyncio.get_running_loop().create_server(
            Counting, "127.0.0.1", 0, backlog=4096
        )
        reply.send(server.sockets[0].getsockname()[1])
        sequence = 1
        while not reply.poll():
            await asyncio.sleep(PUBLISH_SECONDS)
            publish(sequence)
            sequence += 2
        server.close()

    asyncio.run(main())
    block.close()


class ChildEngine:
    """The parent's side: the child process, and the newest state it published."""

    def __init__(self) -> None:
        self.block = SharedMemory(create=True, size=BLOCK_BYTES)
        context = multiprocessing.get_context("spawn")  # never fork a process holding Qt
        self._pipe, child_end = context.Pipe()
        self.process = context.Process(target=serve, args=(self.block.name, child_end))
        self.process.start()
        self.port: int = self._pipe.recv()
        self.seen_sequence = 0

    def read(self) -> tuple[int, int, list[bytes]] | None:
        """(messages, bytes, newest messages) if the child published since the last read."""
        for _ in range(3):
            sequence, messages, nbytes, _reads, count = HEAD.unpack_from(self.block.buf, 0)
            if sequence % 2 == 1 or sequence == self.seen_sequence:
                return None
            body = bytes(self.block.buf[HEAD.size : BLOCK_BYTES])
            if HEAD.unpack_from(self.block.buf, 0)[0] != sequence:
                continue  # written meanwhile: read again
            self.seen_sequence = sequence
            rows, offset = [], 0
            for _ in range(count):
                (size,) = struct.unpack_from("<I", body, offset)
                rows.append(body[offset + 4 : offset + 4 + size])
                offset += 4 + size
            return messages, nbytes, rows
        return None

    def stop(self) -> None:
        self._pipe.send("stop")
        self.process.join(10)
        self.block.close()
        self.block.unlink()


async def child_scenario(window: Any, args: Any, wait_until_quiet: Any) -> dict[str, float]:
    """The real window's transcript fed from the child at 10 Hz while 200 clients flood."""
    from bench_engine_flood import start_load
    from PySide6.QtCore import QTimer

    from netbench.core.transcript import Direction, Record

    engine = ChildEngine()
    view = window.server_tab.current_panel.transcript
    counts = {"messages": 0, "bytes": 0}

    def tick() -> None:
        state = engine.read()
        if state is None:
            return
        counts["messages"], counts["bytes"], rows = state
        now = time.time()
        view.append_records([Record(now, Direction.IN, "child", row) for row in rows])

    timer = QTimer()
    timer.setInterval(100)
    timer.timeout.connect(tick)
    timer.start()
    load = start_load(engine.port, args.clients, args.seconds)
    started = time.monotonic()
    while load.poll() is None:
        await asyncio.sleep(0.05)
    elapsed = await wait_until_quiet(lambda: counts["messages"], started)
    timer.stop()
    engine.stop()
    return {
        "msgs": counts["messages"] / elapsed,
        "mbs": counts["bytes"] / elapsed / 1e6,
        "shown": view.model.rowCount(),
    }
