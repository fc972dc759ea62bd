"""The rows of a recording, read one at a time and checked, each named by its line.

A recording can be far bigger than memory (a flood recorded for an hour), so nothing here
holds the file: a :class:`RowStream` reads one bounded line at a time, and both the scan
for the summary and the reader that replays check every row the same way.
"""

from __future__ import annotations

import json
import math
from collections import deque
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from stat import S_ISDIR, S_ISREG
from typing import BinaryIO

from netbench.core.errors import RecordingError
from netbench.core.recording.big_rows import BIG_ROW_BYTES, decode_hex_in_steps, split_big_row
from netbench.core.recording.compact import CompactError, is_header, read_bytes_after
from netbench.core.recording.writer import messages_of_read
from netbench.core.text import QT_TRANSLATE_NOOP, Text, verbatim
from netbench.core.transcript import Direction

# A row holds a message twice (hex and text, up to 4 characters a byte): a 31 MB message,
# which a large frame limit lets through, makes a row of 93 to 190 MB. A longer line is not
# a recording, and is never read whole. Big rows are read in steps (see .big_rows).
MAX_LINE_BYTES = 256 * 1024 * 1024

REPLAYABLE = (Direction.OUT, Direction.IN)
_BOM = b"\xef\xbb\xbf"


class End(Enum):
    """The end of the file, as :meth:`RowStream.next` says it."""

    END = 0


END = End.END


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a recording, checked: ``data`` is empty for notes."""

    line: int
    at: float
    direction: Direction
    peer: str
    data: bytes = b""


# -- reading the file --------------------------------------------------------------------


def open_recording(path: Path) -> BinaryIO:
    """``path`` opened for reading; a RecordingError says why it cannot be, in plain words."""
    try:
        mode = path.stat().st_mode
        if S_ISDIR(mode):
            raise RecordingError(QT_TRANSLATE_NOOP("Replay", "it is a folder, not a recording"))
        if not S_ISREG(mode):
            raise RecordingError(QT_TRANSLATE_NOOP("Replay", "it is not a regular file"))
        return path.open("rb")
    except FileNotFoundError:
        raise RecordingError(QT_TRANSLATE_NOOP("Replay", "the file does not exist")) from None
    except PermissionError:
        raise RecordingError(
            QT_TRANSLATE_NOOP("Replay", "the file cannot be read: permission denied")
        ) from None
    except OSError as exc:
        raise RecordingError(
            QT_TRANSLATE_NOOP("Replay", "the file cannot be read: {reason}").format(
                reason=verbatim(exc.strerror or str(exc))
            )
        ) from None


def parse_row(raw: bytes, line: int, first: bool = False) -> Row | list[Row] | None:
    """One line of a recording, checked (None for a blank line; the rows of its messages
    for a row per read, see :func:`~.writer.read_row`).

    ``first`` says no row came before: a first line that is not a netbench row means the
    file is not a recording at all, and the message says so rather than naming a field.
    """
    if first and raw.startswith(_BOM):
        raw = raw[len(_BOM) :]
    if not raw.strip():
        return None
    if len(raw) > BIG_ROW_BYTES:
        big = _big_row(raw, line, first)
        if big is not None:
            return big
    value = _json_object(raw, line, first)
    if "count" in value:
        return _rows_of_read(value, line)
    return _row_of(value, line)


def _json_object(raw: bytes, line: int, first: bool) -> dict[str, object]:
    """A row's JSON object, checked: a RecordingError says, in plain words, what it is
    instead (the file's first row: that the file is not a recording)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        message = QT_TRANSLATE_NOOP("Replay", "line {line} is not UTF-8 text")
        raise RecordingError(_not_recording(first, message.format(line=line)), line) from None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        reason: str = QT_TRANSLATE_NOOP("Replay", "{reason} at column {column}").format(
            reason=verbatim(exc.msg), column=exc.colno
        )
        raise _not_json(first, line, reason) from None
    except RecursionError:
        raise _not_json(first, line, QT_TRANSLATE_NOOP("Replay", "nested too deeply")) from None
    except ValueError as exc:  # e.g. a number with more digits than Python reads
        raise _not_json(first, line, verbatim(str(exc))) from None
    if not isinstance(value, dict):
        message = QT_TRANSLATE_NOOP("Replay", "line {line} is not a JSON object")
        raise RecordingError(_not_recording(first, message.format(line=line)), line)
    if first and "at" not in value and "dir" not in value:
        raise RecordingError(
            QT_TRANSLATE_NOOP(
                "Replay",
                'this is not a netbench recording: line {line} has no "at" and "dir" fields '
                "(Record to file and Export › JSON Lines write them)",
            ).format(line=line),
            line,
        )
    return value


def _rows_of_read(value: dict[str, object], line: int, data: bytes | None = None) -> list[Row]:
    """The messages of a row per read, each a row of its own with the same line
    (``data``: a compact row's bytes)."""
    head = _row_of({**value, "hex": ""}, line)
    try:
        messages = messages_of_read(value, data)
    except ValueError as exc:
        name = str(exc)
        problem = (
            QT_TRANSLATE_NOOP("Replay", "does not match the messages' bytes")
            if name in {"count", "sizes", "delimiter"}
            else QT_TRANSLATE_NOOP("Replay", "is missing or not valid")
        )
        raise _field_error(line, name if name in value else "hex", problem) from None
    return [Row(line, head.at, head.direction, head.peer, data) for data in messages]


def _big_row(raw: bytes, line: int, first: bool) -> Row | None:
    """A huge row read in short steps (see :mod:`.big_rows`); None: read it whole."""
    try:
        split = split_big_row(raw)
    except (ValueError, RecursionError):
        return None  # the ordinary reading says what is wrong, in its words
    if split is None:
        return None
    value, digits = split
    if "count" in value or (first and "at" not in value and "dir" not in value):
        return None  # a row per read (at most a read's bytes) is read the ordinary way
    value["hex"] = ""
    row = _row_of(value, line)
    if row.direction not in REPLAYABLE:
        return row
    try:
        data = decode_hex_in_steps(digits)
    except (ValueError, UnicodeDecodeError):
        return None
    return Row(row.line, row.at, row.direction, row.peer, data)


def _not_recording(first: bool, message: Text) -> Text:
    """The first row's problem (``message``, filled in) means the file is something else."""
    if not first:
        return message
    return QT_TRANSLATE_NOOP("Replay", "this is not a netbench recording: {problem}").format(
        problem=message
    )


def _not_json(first: bool, line: int, reason: str) -> RecordingError:
    message = QT_TRANSLATE_NOOP("Replay", "line {line} is not JSON ({reason})")
    return RecordingError(_not_recording(first, message.format(line=line, reason=reason)), line)


def _compact_row(value: dict[str, object], line: int, stream: BinaryIO) -> Row | list[Row]:
    """A row of a compact recording, with the bytes that follow it read from ``stream``."""
    if "raw" not in value:
        row = _row_of({**value, "hex": ""}, line)
        if row.direction in REPLAYABLE:
            raise _field_error(line, "raw", QT_TRANSLATE_NOOP("Replay", "is missing"))
        return row
    try:
        data = read_bytes_after(stream, value["raw"], line)
    except CompactError:
        raise _field_error(
            line,
            "raw",
            QT_TRANSLATE_NOOP(
                "Replay",
                "does not match the bytes after the row (the file is cut short or damaged)",
            ),
        ) from None
    if "count" in value:
        return _rows_of_read(value, line, data)
    return _row_of(value, line, data)


def _row_of(value: dict[str, object], line: int, data: bytes | None = None) -> Row:
    for name in ("at", "dir", "peer"):
        if name not in value:
            raise _field_error(line, name, QT_TRANSLATE_NOOP("Replay", "is missing"))
    at = value["at"]
    if isinstance(at, bool) or not isinstance(at, int | float) or not math.isfinite(at):
        raise _field_error(line, "at", QT_TRANSLATE_NOOP("Replay", "is not a time in seconds"))
    kind = value["dir"]
    try:
        direction = Direction(kind if isinstance(kind, str) else "")
    except ValueError:
        raise _field_error(
            line, "dir", QT_TRANSLATE_NOOP("Replay", "is not in, out, info or error")
        ) from None
    peer = value["peer"]
    if not isinstance(peer, str):
        raise _field_error(line, "peer", QT_TRANSLATE_NOOP("Replay", "is not text"))
    if data is not None or direction not in REPLAYABLE:
        kept = data if data is not None and direction in REPLAYABLE else b""
        return Row(line, float(at), direction, peer, kept)
    if "hex" not in value:
        raise _field_error(line, "hex", QT_TRANSLATE_NOOP("Replay", "is missing"))
    digits = value["hex"]
    if not isinstance(digits, str):
        raise _field_error(line, "hex", QT_TRANSLATE_NOOP("Replay", "is not text"))
    try:
        data = bytes.fromhex(digits)
    except ValueError:
        raise _field_error(
            line,
            "hex",
            QT_TRANSLATE_NOOP(
                "Replay", "is not valid hexadecimal (at character {position})"
            ).format(position=_bad_hex_position(digits)),
        ) from None
    return Row(line, float(at), direction, peer, data)


def _field_error(line: int, name: str, problem: Text) -> RecordingError:
    return RecordingError(
        QT_TRANSLATE_NOOP("Replay", 'line {line}: "{field}" {problem}').format(
            line=line, field=name, problem=problem
        ),
        line,
    )


def _bad_hex_position(digits: str) -> int:
    """Where ``digits`` stops being hexadecimal (1-based), as a person would look for it."""
    count = 0
    for position, char in enumerate(digits, start=1):
        if char in "0123456789abcdefABCDEF":
            count += 1
        elif char != " " or count % 2:
            return position
    return len(digits)  # an odd number of digits: the last one has no pair


class RowStream:
    """The rows of a stream one at a time, numbered, never a line longer than the bound."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.line = 0
        self.position = 0
        self.seen = False
        self.compact = False  # a compact recording (see .compact): bytes follow rows
        self._read_rows: deque[Row] = deque()  # the rest of a row per read

    def next(self) -> Row | End | None:
        """The next row, None for a blank line, or ``END``. A row per read gives its
        messages one at a time, each a row with that line's number."""
        if self._read_rows:
            return self._read_rows.popleft()
        raw = self._stream.readline(MAX_LINE_BYTES + 1)
        if not raw:
            if not self.seen:
                raise RecordingError(
                    QT_TRANSLATE_NOOP("Replay", "the file is empty: nothing to replay")
                )
            return END
        self.line += 1
        self.position += len(raw)
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            raise RecordingError(
                QT_TRANSLATE_NOOP(
                    "Replay", "line {line} is longer than {size} MB: not a netbench recording"
                ).format(line=self.line, size=MAX_LINE_BYTES >> 20),
                self.line,
            )
        if self.line == 1 and is_header(raw):
            self.compact = True  # the file's own line, not a row
            return None
        if self.compact:
            row = self._compact_row(raw)
        else:
            row = parse_row(raw, self.line, first=not self.seen)
        if row is not None:
            self.seen = True
        if isinstance(row, list):
            self._read_rows.extend(row)
            return self._read_rows.popleft() if self._read_rows else None
        return row

    def _compact_row(self, raw: bytes) -> Row | list[Row] | None:
        """A row of a compact recording and its bytes (the position moves past them)."""
        if not raw.strip():
            return None
        start = self._stream.tell() if self._stream.seekable() else None
        row = _compact_row(_json_object(raw, self.line, False), self.line, self._stream)
        if start is not None:
            self.position += self._stream.tell() - start
        return row
