"""Every byte a connection sent and received, with the moment it met the socket.

The raw view must be the truth for any size, yet a 1 GB download must not sit in memory:
entries stay in memory up to ``memory_limit`` bytes, and the bytes of later entries go to
a temporary file (their time and direction stay in memory, 24 bytes or so each). A
:class:`WireSlice` is the part of a log one request/response took (a hop on a kept-alive
connection shares the connection's log with the hops before and after it).

Through a proxy, a connection begins with the proxy's own exchange (CONNECT and its
answer, or the SOCKS5 handshake); ``tunnel_end`` counts its entries, so what reads the
HTTP that follows (HTTP/2 frames, the scan of a response head) starts after them, and the
raw view can say which bytes were the proxy's.

The log is appended to where the connection runs (an IO thread, maybe) and read by the
views on the UI thread: entries once recorded never change, and the spill file, whose
position both move, is used under a lock.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import BinaryIO

DEFAULT_MEMORY_LIMIT = 8 * 1024 * 1024


class Direction(StrEnum):
    """Which way a chunk went on the wire, as the raw view marks it."""

    SENT = "sent"
    RECEIVED = "received"


@dataclass(frozen=True, slots=True)
class WireChunk:
    """One write or one read: when (``time.monotonic()``), which way, and its bytes."""

    at: float
    direction: Direction
    data: bytes


class WireLog:
    """An append-only record of one connection's traffic, spilling to disk past a limit.

    ``_data[i]`` is the entry's bytes while in memory, or ``None`` once spilled, in which
    case ``_spilled[i]`` is its (offset, length) in the spill file.
    """

    def __init__(self, memory_limit: int = DEFAULT_MEMORY_LIMIT) -> None:
        self.memory_limit = memory_limit
        self._times: list[float] = []
        self._directions: list[Direction] = []
        self._data: list[bytes | None] = []
        self._spilled: dict[int, tuple[int, int]] = {}
        self._in_memory = 0
        self._spill: BinaryIO | None = None
        self._spill_size = 0
        self._spill_lock = threading.Lock()
        self.sent = 0
        self.received = 0
        self.tunnel_end = 0  # entries of a proxy's own exchange, before the HTTP

    def __len__(self) -> int:
        return len(self._times)

    @property
    def spilled(self) -> bool:
        return self._spill is not None

    def record(self, at: float, direction: Direction, data: bytes) -> None:
        """Append one write or read (empty ones are not traffic and are skipped)."""
        if not data:
            return
        if direction is Direction.SENT:
            self.sent += len(data)
        else:
            self.received += len(data)
        self._times.append(at)
        self._directions.append(direction)
        if self._in_memory + len(data) <= self.memory_limit:
            self._in_memory += len(data)
            self._data.append(bytes(data))
            return
        with self._spill_lock:
            spill = self._spill_file()
            spill.seek(0, os.SEEK_END)
            spill.write(data)
        self._spilled[len(self._data)] = (self._spill_size, len(data))
        self._spill_size += len(data)
        self._data.append(None)

    def _spill_file(self) -> BinaryIO:
        if self._spill is None:
            self._spill = tempfile.TemporaryFile(prefix="netbench-wire-")  # noqa: SIM115
        return self._spill

    def chunk(self, index: int) -> WireChunk:
        return WireChunk(self._times[index], self._directions[index], self.data_of(index))

    def data_of(self, index: int) -> bytes:
        """The bytes of entry ``index``, from memory or from the spill file."""
        data = self._data[index]
        if data is None:
            offset, length = self._spilled[index]
            with self._spill_lock:
                assert self._spill is not None
                self._spill.flush()
                self._spill.seek(offset)
                data = self._spill.read(length)
        return data

    def time_of(self, index: int) -> float:
        return self._times[index]

    def direction_of(self, index: int) -> Direction:
        return self._directions[index]

    def first_time(self, direction: Direction, start: int, end: int) -> float | None:
        """When the first entry from ``start`` to ``end`` going ``direction`` met the socket."""
        try:
            return self._times[self._directions.index(direction, start, end)]
        except ValueError:
            return None

    def size_of(self, index: int) -> int:
        data = self._data[index]
        return len(data) if data is not None else self._spilled[index][1]

    def slice(self, start: int = 0, end: int | None = None) -> WireSlice:
        return WireSlice(self, start, len(self) if end is None else end)

    def close(self) -> None:
        """Drop the spill file (the entries in memory stay readable)."""
        if self._spill is not None:
            self._spill.close()

    def __del__(self) -> None:
        # Results hold logs for as long as the UI shows them: the file goes with the log.
        self.close()


@dataclass(slots=True)  # one per request: not frozen, as HopResult (see result.py)
class WireSlice:
    """Entries ``start`` to ``end`` (exclusive) of a log: what one hop put on the wire."""

    log: WireLog
    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def __iter__(self) -> Iterator[WireChunk]:
        for index in range(self.start, self.end):
            yield self.log.chunk(index)

    def total(self, direction: Direction) -> int:
        return sum(
            self.log.size_of(i)
            for i in range(self.start, self.end)
            if self.log.direction_of(i) is direction
        )

    def head(self, direction: Direction, limit: int = 1024 * 1024) -> bytes:
        """The first ``limit`` bytes that went ``direction`` (a response's head, for checks)."""
        parts: list[bytes] = []
        size = 0
        for index in range(self.start, self.end):
            if self.log.direction_of(index) is not direction:
                continue
            data = self.log.data_of(index)
            parts.append(data[: limit - size])
            size += len(parts[-1])
            if size >= limit:
                break
        return b"".join(parts)

    def first_time(self, direction: Direction) -> float | None:
        return self.log.first_time(direction, self.start, self.end)

    def last_time(self, direction: Direction) -> float | None:
        for index in range(self.end - 1, self.start - 1, -1):
            if self.log.direction_of(index) is direction:
                return self.log.time_of(index)
        return None
