"""Writing a transcript to JSON Lines, one row per record, and reading a row back.

``hex`` holds the exact bytes, ``text`` the same as escapes for people and grep; see
:mod:`netbench.core.recording` for the fields.
"""

from __future__ import annotations

import json
import os
from binascii import hexlify
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from enum import StrEnum
from itertools import accumulate, pairwise
from pathlib import Path
from typing import Any, TypeVar

from netbench.core.escapes import encode_escapes
from netbench.core.framing.runs import DelimitedRun, payload_size
from netbench.core.recording.background import (
    PENDING_LIMIT,
    BackgroundWriter,
)
from netbench.core.recording.compact import HEADER, format_of
from netbench.core.transcript import Direction, Record


def iso_time(at: float) -> str:
    """``at`` (seconds since the epoch) as ISO 8601 in UTC, to the microsecond: ``...Z``."""
    return datetime.fromtimestamp(at, UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


_encode_string = json.JSONEncoder(ensure_ascii=False).encode
T = TypeVar("T")


class _IsoCache:
    """Messages of one read share a timestamp: format it once, not once per message."""

    at = -1.0
    text = ""

    @classmethod
    def get(cls, at: float) -> str:
        if at != cls.at:
            cls.at, cls.text = at, iso_time(at)
        return cls.text


def record_to_json(record: Record, compact: bool = False) -> str:
    """One JSON Lines row; ``hex`` is lossless, ``text`` is for people and grep.

    Built from pieces rather than through a dict and ``json.dumps``: recording writes
    every message of a flood, and this is three times faster for the same text.
    ``compact``: the row of a compact recording (:mod:`.compact`), ``raw`` (the size of
    the bytes that follow the row) in place of ``hex`` and ``text``.
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
    ]
    if compact:
        parts.append(f', "raw": {len(record.data)}')
    else:
        parts += [
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


def read_row(*args: Any, **kwargs: Any) -> bytes:
    """:func:`read_row_pieces`, joined into one row (for tools and tests)."""
    return b"".join(read_row_pieces(*args, **kwargs))


def read_row_pieces(
    at: float,
    peer: str,
    channel: str,
    messages: Sequence[bytes],
    chunks: tuple[int, int],
    compact: bool = False,
) -> tuple[bytes, ...]:
    """One JSON Lines row, newline included, for a read that completed several messages
    (a flood's rows), in the pieces that make it, to be written one after another: a
    compact row's bytes are the read's own, never copied into one row (a flood records
    hundreds of megabytes a second). Bytes, made with ``binascii.hexlify``, so the digits
    are written without being copied again to be encoded (the hex is most of a flood's
    file).

    Written per read, not per message: ``hex`` holds the messages' bytes and ``count``
    how many there are. Lines framed by a delimiter are kept as they arrived, each with
    its delimiter (``delimiter`` in hex; ``keep`` says whether the messages include it),
    so cutting them again is ``bytes.split``; other messages come with their ``sizes``.
    ``len`` is the bytes of the messages. No ``text``: a row per read is for replay,
    tools and ``jq`` (``jq -r .hex | xxd -r -p`` gives the bytes back), and writing the
    escaped text too took four times as long as the hex. ``compact``: the row of a
    compact recording, the bytes as they are after it (see :mod:`.compact`).
    """
    if isinstance(messages, DelimitedRun):
        head, delimiter, keep = messages.head, messages.delimiter, messages.keep
        if head is None:
            data: tuple[bytes, ...] = (messages.body,)
        else:
            data = (head, messages.body) if keep else (head, delimiter, messages.body)
        framing = f'"delimiter": "{delimiter.hex()}", "keep": {"true" if keep else "false"}'
    else:
        data = (b"".join(messages),)  # (one piece, not one per message)
        framing = f'"sizes": [{", ".join(map(str, map(len, messages)))}]'
    size = payload_size(messages)
    front = "".join(
        (
            '{"time": "',
            _IsoCache.get(at),
            '", "at": ',
            repr(at),
            ', "dir": "in", "peer": ',
            _encode_string(peer),
            ', "channel": ',
            _encode_string(channel),
            f', "chunks": [{chunks[0]}, {chunks[1]}], "count": {len(messages)}',
            f', "len": {size}, ',
            framing,
        )
    )
    if compact:
        return (front.encode(), b', "raw": %d}\n' % sum(map(len, data)), *data, b"\n")
    return (front.encode(), b', "hex": "', hexlify(b"".join(data)), b'"}\n')


def messages_of_read(value: dict[str, Any], data: bytes | None = None) -> list[bytes]:
    """The messages of a row written by :func:`read_row` (``data``: a compact row's bytes,
    else its ``hex``); ValueError names what is wrong (a field missing or of the wrong
    type, sizes or count that do not add up)."""
    if data is None:
        data = bytes.fromhex(_field(value, "hex", str))
    count = _field(value, "count", int)
    if "delimiter" in value:
        delimiter = bytes.fromhex(_field(value, "delimiter", str))
        if not delimiter or not data.endswith(delimiter):
            raise ValueError("delimiter")
        messages = data[: -len(delimiter)].split(delimiter)
        if value.get("keep") is True:
            messages = [message + delimiter for message in messages]
    else:
        sizes = _field(value, "sizes", list)
        if not all(isinstance(size, int) and size >= 0 for size in sizes):
            raise ValueError("sizes")
        if sum(sizes) != len(data):
            raise ValueError("sizes")
        offsets = list(accumulate(sizes, initial=0))
        messages = [data[a:b] for a, b in pairwise(offsets)]
    if len(messages) != count:
        raise ValueError("count")
    return messages


def _field(value: dict[str, Any], name: str, kind: type[T]) -> T:
    item = value.get(name)
    if not isinstance(item, kind) or isinstance(item, bool):
        raise ValueError(name)
    return item


def record_row(record: Record, compact: bool = False) -> bytes:
    """:func:`record_to_json` as a row to write: UTF-8, newline included (and, compact,
    the message's bytes after it)."""
    row = (record_to_json(record, compact) + "\n").encode()
    if compact:
        return b"".join((row, record.data, b"\n"))
    return row


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


class FileLoss(StrEnum):
    """What became of a recording file while it was being written."""

    NONE = ""
    DELETED = "deleted"  # unlinked: what is written goes nowhere the user can find
    MOVED = "moved"  # the path no longer names our file (renamed, or replaced)


class FileRecorder:
    """Streams every record to a file, so nothing is lost when the ring drops rows: JSON
    Lines, or a compact recording (:mod:`.compact`, ``compact``: a ``.nbrec`` file, or
    one that is compact already) whose rows are made with ``compact=True``.

    It notices when the file is deleted (``rm -rf`` of its folder) or moved away while
    recording (:meth:`check`), so nobody is told "recorded 403 records" to a file that
    is gone. The rows are written on a thread of its own (:class:`BackgroundWriter`):
    :meth:`close` (or :meth:`wait_written`) is when they are all in the file.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.records_written = 0
        self.loss = FileLoss.NONE
        self.compact = format_of(path)
        file = path.open("ab")
        info = os.fstat(file.fileno())
        self._identity = (info.st_dev, info.st_ino)
        self._fileno = file.fileno()
        self._writer: BackgroundWriter | None = BackgroundWriter(file, limit=PENDING_LIMIT)
        if self.compact and info.st_size == 0:
            self._writer.write([HEADER])

    @property
    def is_open(self) -> bool:
        return self._writer is not None

    @property
    def has_room(self) -> bool:
        """Whether rows handed over now are taken at once, without waiting for the disk."""
        return self._writer is None or self._writer.has_room

    def write_many(self, records: Iterable[Record]) -> None:
        rows = [record_row(r, self.compact) for r in records]
        self.write_rows(rows, len(rows))

    def write_rows(self, rows: Sequence[bytes], records: int) -> None:
        """Rows made already, or the pieces that make them, to be written one after
        another (a row per read holds several records: ``records`` in all). A piece
        longer than the file's buffer goes to the file as it is, not copied."""
        if self._writer is None:
            raise ValueError("the recording file is closed")
        if rows:
            self._writer.write(rows)
        self.records_written += records

    def wait_written(self) -> None:
        """Return once every row handed over is in the file (an error writing is raised)."""
        if self._writer is not None:
            self._writer.wait_written()

    def check(self) -> bool:
        """Look whether the file is still where it was; True the first time it is not
        (``loss`` then says how: deleted, or moved or replaced)."""
        if self.loss is not FileLoss.NONE or self._writer is None:
            return False
        try:
            if os.fstat(self._fileno).st_nlink == 0:
                self.loss = FileLoss.DELETED
                return True
            named = os.stat(self.path)
        except FileNotFoundError:
            self.loss = FileLoss.MOVED
            return True
        except OSError:
            return False  # cannot tell (a folder we may no longer read): say nothing
        if (named.st_dev, named.st_ino) != self._identity:
            self.loss = FileLoss.MOVED
            return True
        return False

    def close(self) -> None:
        """Close the file; an error flushing the last lines (a full disk) is raised, and
        the file is closed all the same."""
        writer, self._writer = self._writer, None
        if writer is not None:
            writer.close()
