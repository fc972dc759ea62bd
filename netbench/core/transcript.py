"""Transcript records: what was sent and received, kept in a bounded ring for display.

The ring bounds memory no matter how long a flood runs, or how big its messages are (a
file streamed in chunks must not come to rest in memory); the totals keep counting so
the user always knows how much really went by, and how many records fell out of view.
Records are written to a file (and read back) by :mod:`netbench.core.recording`.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from netbench.core.display import DisplayMode, render
from netbench.core.rates import TrafficCounts

DEFAULT_RING_CAPACITY = 100_000
# Message bytes the ring holds at most: 100,000 rows of 64 KB would be 6 GB.
DEFAULT_RING_BYTES = 64 * 1024 * 1024


class Direction(StrEnum):
    """Which way the bytes went, or an informational line (connected, closed, framing error)."""

    IN = "in"
    OUT = "out"
    INFO = "info"
    ERROR = "error"


DIRECTION_ARROWS = {
    Direction.IN: "←",
    Direction.OUT: "→",
    Direction.INFO: "•",
    Direction.ERROR: "!",
}


@dataclass(slots=True)
class Record:
    """One row of a transcript; treat it as read-only once made.

    ``first_chunk``/``last_chunk`` name the received chunks a frame came from (-1 when not
    framed), ``chunk_frames`` says how many frames ended in ``last_chunk`` and
    ``frame_index`` which of them this is (1-based; 0 when unknown): together they show how
    TCP merged several messages into one read or split one message across reads.

    Not frozen on purpose: a frozen dataclass's ``__init__`` costs six times as much, and
    floods make one of these per message.
    """

    at: float
    direction: Direction
    peer: str
    data: bytes = b""
    note: str = ""
    channel: str = ""
    first_chunk: int = -1
    last_chunk: int = -1
    chunk_frames: int = 1
    frame_index: int = 0

    @property
    def spans_chunks(self) -> bool:
        return self.first_chunk != self.last_chunk

    @property
    def shares_chunk(self) -> bool:
        return self.chunk_frames > 1

    @property
    def carries_data(self) -> bool:
        return self.direction in (Direction.IN, Direction.OUT)


@dataclass(slots=True)
class Totals(TrafficCounts):
    """Counters that never stop, whatever the ring keeps on screen: the traffic each way
    (a record of traffic is one message) and the notes."""

    notes: int = 0

    def count_all(self, records: Sequence[Record]) -> int:
        """Count a batch in one pass; returns the message bytes it holds."""
        size = 0
        incoming, outgoing = Direction.IN, Direction.OUT
        for record in records:
            length = len(record.data)
            size += length
            if record.direction is incoming:
                self.messages_in += 1
                self.bytes_in += length
            elif record.direction is outgoing:
                self.messages_out += 1
                self.bytes_out += length
            else:
                self.notes += 1
        return size


@dataclass
class TranscriptRing:
    """The newest records, in order, with exact totals and a dropped count.

    It keeps at most ``capacity`` records holding at most ``max_bytes`` of message data
    (the newest record stays, however big).
    """

    capacity: int = DEFAULT_RING_CAPACITY
    totals: Totals = field(default_factory=Totals)
    dropped: int = 0
    max_bytes: int = DEFAULT_RING_BYTES
    _items: list[Record] = field(default_factory=list)
    _bytes: int = 0

    def __post_init__(self) -> None:
        if self.capacity < 1:
            raise ValueError("the transcript must keep at least one record")

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index: int) -> Record:
        return self._items[index]

    def __iter__(self) -> Iterator[Record]:
        return iter(self._items)

    @property
    def kept_bytes(self) -> int:
        """Message bytes the records in view hold."""
        return self._bytes

    def append_many(self, records: Sequence[Record], excess: int | None = None) -> int:
        """Append a batch; returns how many of the oldest records fell out of view.

        ``excess`` is :meth:`overflow_of` the batch when the caller asked already (an item
        model must announce the rows that go before they go)."""
        size = self.totals.count_all(records)
        if excess is None:
            excess = self._overflow(records, size)
        self._items.extend(records)
        self._bytes += size
        return self._drop_oldest(excess)

    def note_unshown(
        self, records_in: int, bytes_in: int, records_out: int = 0, bytes_out: int = 0
    ) -> None:
        """Traffic that went by too fast to show: counted, and reported as dropped."""
        self.totals.count_in(records_in, bytes_in)
        self.totals.count_out(records_out, bytes_out)
        self.dropped += records_in + records_out

    def overflow_of(self, incoming: Sequence[Record]) -> int:
        """How many of the oldest rows a batch would push out (for item models): beyond
        ``capacity`` rows, then beyond ``max_bytes``."""
        return self._overflow(incoming, _data_size(incoming))

    def _overflow(self, incoming: Sequence[Record], incoming_bytes: int) -> int:
        """Walks only the rows that go, oldest first."""
        total = len(self._items) + len(incoming)
        over_capacity = total - self.capacity
        kept = self._bytes + incoming_bytes
        drop = 0
        for record in itertools.chain(self._items, incoming):
            if drop >= total - 1 or (drop >= over_capacity and kept <= self.max_bytes):
                break
            kept -= len(record.data)
            drop += 1
        return drop

    def _drop_oldest(self, count: int) -> int:
        if count <= 0:
            return 0
        self._bytes -= _data_size(self._items[:count])
        del self._items[:count]
        self.dropped += count
        return count

    def set_capacity(self, capacity: int) -> int:
        """Change the bound; returns how many old records fell out of view."""
        if capacity < 1:
            raise ValueError("the transcript must keep at least one record")
        self.capacity = capacity
        return self._drop_oldest(len(self._items) - capacity)

    def clear(self) -> None:
        """Empty the view; the totals keep counting."""
        self._items.clear()
        self._bytes = 0
        self.dropped = 0

    def reset_totals(self) -> None:
        self.totals = Totals()


def _data_size(records: Iterable[Record]) -> int:
    return sum(len(record.data) for record in records)


def format_time(at: float, relative_to: float | None = None) -> str:
    """Wall-clock time with milliseconds, or seconds since ``relative_to``."""
    if relative_to is not None:
        return f"+{at - relative_to:.6f}"
    stamp = time.localtime(at)
    return time.strftime("%H:%M:%S", stamp) + f".{int((at % 1) * 1000):03d}"


def format_record(
    record: Record,
    mode: DisplayMode = DisplayMode.TEXT,
    encoding: str = "utf-8",
    relative_to: float | None = None,
) -> str:
    """One line of a plain-text export or a copy to the clipboard."""
    arrow = DIRECTION_ARROWS[record.direction]
    head = f"{format_time(record.at, relative_to)} {arrow} {record.peer}"
    if not record.carries_data:
        return f"{head}  {record.note}"
    body = render(record.data, mode, encoding)
    tail = f"  [{record.note}]" if record.note else ""
    return f"{head}  {len(record.data)} B  {body}{tail}"
