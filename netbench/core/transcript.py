"""Transcript records: what was sent and received, kept in a bounded ring for display.

The ring bounds memory no matter how long a flood runs, or how big its messages are (a
file streamed in chunks must not come to rest in memory); the totals keep counting so
the user always knows how much really went by, and how many records fell out of view.
"""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import IO

from netbench.core.display import DisplayMode, render
from netbench.core.escapes import encode_escapes

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
class Totals:
    """Counters that never stop, whatever the ring keeps on screen."""

    records_in: int = 0
    records_out: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    notes: int = 0

    def add(self, records_in: int, bytes_in: int, records_out: int, bytes_out: int) -> None:
        """Count traffic that was never made into records (too much to show)."""
        self.records_in += records_in
        self.bytes_in += bytes_in
        self.records_out += records_out
        self.bytes_out += bytes_out

    def count(self, record: Record) -> None:
        if record.direction is Direction.IN:
            self.records_in += 1
            self.bytes_in += len(record.data)
        elif record.direction is Direction.OUT:
            self.records_out += 1
            self.bytes_out += len(record.data)
        else:
            self.notes += 1


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

    def append_many(self, records: Sequence[Record]) -> int:
        """Append a batch; returns how many of the oldest records fell out of view."""
        size = _data_size(records)
        excess = self._overflow(records, size)
        count = self.totals.count
        for record in records:
            count(record)
        self._items.extend(records)
        self._bytes += size
        return self._drop_oldest(excess)

    def note_unshown(
        self, records_in: int, bytes_in: int, records_out: int = 0, bytes_out: int = 0
    ) -> None:
        """Traffic that went by too fast to show: counted, and reported as dropped."""
        self.totals.add(records_in, bytes_in, records_out, bytes_out)
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


def iso_time(at: float) -> str:
    return datetime.fromtimestamp(at, UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


_encode_string = json.JSONEncoder(ensure_ascii=False).encode


class _IsoCache:
    """Messages of one read share a timestamp: format it once, not once per message."""

    at = -1.0
    text = ""

    @classmethod
    def get(cls, at: float) -> str:
        if at != cls.at:
            cls.at, cls.text = at, iso_time(at)
        return cls.text


def record_to_json(record: Record) -> str:
    """One JSON Lines row; ``hex`` is lossless, ``text`` is for people and grep.

    Built from pieces rather than through a dict and ``json.dumps``: recording writes
    every message of a flood, and this is three times faster for the same text.
    """
    parts = [
        '{"time": "',
        _IsoCache.get(record.at),
        '", "at": ',
        repr(record.at),
        ', "dir": "',
        record.direction.value,
        '", "peer": ',
        _encode_string(record.peer),
        ', "len": ',
        str(len(record.data)),
        ', "hex": "',
        record.data.hex(),
        '", "text": ',
        _encode_string(encode_escapes(record.data, "utf-8")),
    ]
    if record.channel:
        parts += [', "channel": ', _encode_string(record.channel)]
    if record.note:
        parts += [', "note": ', _encode_string(record.note)]
    if record.first_chunk >= 0:
        parts += [
            f', "chunks": [{record.first_chunk}, {record.last_chunk}]',
            f', "chunk_frames": {record.chunk_frames}',
        ]
        if record.frame_index:
            parts.append(f', "frame_index": {record.frame_index}')
    parts.append("}")
    return "".join(parts)


def record_from_json(line: str) -> Record:
    """Read back a row written by :func:`record_to_json` (replay, tests, other tools)."""
    row = json.loads(line)
    chunks = row.get("chunks") or [-1, -1]
    return Record(
        at=float(row["at"]),
        direction=Direction(row["dir"]),
        peer=str(row["peer"]),
        data=bytes.fromhex(row["hex"]),
        note=str(row.get("note", "")),
        channel=str(row.get("channel", "")),
        first_chunk=int(chunks[0]),
        last_chunk=int(chunks[1]),
        chunk_frames=int(row.get("chunk_frames", 1)),
        frame_index=int(row.get("frame_index", 0)),
    )


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


class JsonlRecorder:
    """Streams every record to a JSON Lines file, so nothing is lost when the ring drops rows."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.records_written = 0
        self._file: IO[str] | None = path.open("a", encoding="utf-8", newline="\n")

    @property
    def is_open(self) -> bool:
        return self._file is not None

    def write_many(self, records: Iterable[Record]) -> None:
        if self._file is None:
            raise ValueError("the recording file is closed")
        lines = [record_to_json(r) + "\n" for r in records]
        self._file.writelines(lines)
        self._file.flush()
        self.records_written += len(lines)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
