"""Reading a netbench recording back to send it again: a summary first, then messages lazily.

A recording is JSON Lines as netbench writes it (Record to file, or Export › JSON Lines, on
the Client or the Server tab): one row per message or note, with "at" (wall-clock seconds),
"dir" (in, out, info, error), "peer" and, for messages, "hex" (the exact bytes). It can be
far bigger than memory (a flood recorded for an hour), so nothing here holds the file:
:class:`RecordingScanner` reads it once, a slice at a time, for the summary the user
chooses from, and :class:`RecordingReader` reads it again, a row at a time, while the
chosen messages are sent. Both check every row the same way and name a bad one by its line.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum, StrEnum
from pathlib import Path
from stat import S_ISDIR, S_ISREG
from typing import BinaryIO

from netbench.core.errors import RecordingError
from netbench.core.text import QT_TRANSLATE_NOOP, Text, verbatim
from netbench.core.transcript import Direction

# A row holds a message twice (hex and text): 64 MB is a message of about 10 MB, far more
# than netbench reads at once. A longer line is not a recording, and is never read whole.
MAX_LINE_BYTES = 64 * 1024 * 1024
# Peers named in a summary, per direction; the rest are counted together.
MAX_PEERS = 1000
# Rows the reader skips (another direction, another peer, notes) before it lets its caller
# have a turn: a long stretch of rows that are not sent must not block the loop.
PAUSE_ROWS = 1000
# What one step of a scan reads, so a window scanning a big file keeps painting.
SCAN_STEP_BYTES = 1024 * 1024

REPLAYABLE = (Direction.OUT, Direction.IN)
_BOM = b"\xef\xbb\xbf"


class _End(Enum):
    """The end of the file, as :meth:`_Rows.next` says it."""

    END = 0


_END = _End.END


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a recording, checked: ``data`` is empty for notes."""

    line: int
    at: float
    direction: Direction
    peer: str
    data: bytes = b""


@dataclass(frozen=True, slots=True)
class ReplayChoice:
    """Which messages to send: one direction, and all peers ("") or one."""

    direction: Direction = Direction.OUT
    peer: str = ""

    def __post_init__(self) -> None:
        if self.direction not in REPLAYABLE:
            raise ValueError("only sent (out) or received (in) messages can be replayed")

    def wants(self, row: Row) -> bool:
        return row.direction is self.direction and (not self.peer or row.peer == self.peer)


class Pace(StrEnum):
    """How a replay spaces its messages."""

    RECORDED = "recorded"  # the recorded gaps, divided by ``speed``
    INTERVAL = "interval"  # a fixed interval
    FAST = "fast"  # as fast as the socket takes them


@dataclass(frozen=True, slots=True)
class ReplayTiming:
    pace: Pace = Pace.RECORDED
    speed: float = 1.0
    interval: float = 0.0

    def __post_init__(self) -> None:
        if not (self.speed > 0 and math.isfinite(self.speed)):
            raise ValueError("the speed must be a number above 0")
        if not (self.interval >= 0 and math.isfinite(self.interval)):
            raise ValueError("the interval cannot be negative")

    def offset(self, index: int, recorded: float) -> float | None:
        """Seconds after the first message that message ``index`` is due (None: at once).

        ``recorded`` is how long after the first message it was recorded.
        """
        if self.pace is Pace.RECORDED:
            return recorded / self.speed
        if self.pace is Pace.INTERVAL:
            return index * self.interval
        return None

    def duration(self, messages: int, recorded_span: float) -> float | None:
        """How long ``messages`` take to send at least (None: as long as the socket takes)."""
        if messages <= 0:
            return 0.0
        return self.offset(messages - 1, recorded_span)


@dataclass(slots=True)
class Tally:
    """Messages and bytes, and when the first and the last of them were recorded."""

    messages: int = 0
    nbytes: int = 0
    first_at: float = math.inf
    last_at: float = -math.inf

    def add(self, at: float, size: int) -> None:
        self.messages += 1
        self.nbytes += size
        self.first_at = min(self.first_at, at)
        self.last_at = max(self.last_at, at)

    def merge(self, other: Tally) -> None:
        self.messages += other.messages
        self.nbytes += other.nbytes
        self.first_at = min(self.first_at, other.first_at)
        self.last_at = max(self.last_at, other.last_at)

    @property
    def span(self) -> float:
        """Seconds from the first message to the last (0 for fewer than two)."""
        return max(0.0, self.last_at - self.first_at) if self.messages > 1 else 0.0


def _no_peers() -> dict[Direction, dict[str, Tally]]:
    return {direction: {} for direction in REPLAYABLE}


def _no_tallies() -> dict[Direction, Tally]:
    return {direction: Tally() for direction in REPLAYABLE}


@dataclass
class RecordingSummary:
    """What a recording holds: rows, notes, and messages by direction and by peer.

    At most :data:`MAX_PEERS` peers are named per direction (a listener's recording of
    thousands of UDP peers stays small); the others are counted in ``unnamed``.
    """

    rows: int = 0
    notes: int = 0
    first_at: float = math.inf
    last_at: float = -math.inf
    peers: dict[Direction, dict[str, Tally]] = field(default_factory=_no_peers)
    unnamed: dict[Direction, Tally] = field(default_factory=_no_tallies)

    def add(self, row: Row) -> None:
        self.rows += 1
        self.first_at = min(self.first_at, row.at)
        self.last_at = max(self.last_at, row.at)
        if row.direction not in REPLAYABLE:
            self.notes += 1
            return
        named = self.peers[row.direction]
        tally = named.get(row.peer)
        if tally is None:
            if len(named) >= MAX_PEERS:
                self.unnamed[row.direction].add(row.at, len(row.data))
                return
            tally = named[row.peer] = Tally()
        tally.add(row.at, len(row.data))

    @property
    def span(self) -> float:
        """Seconds from the first row to the last."""
        return max(0.0, self.last_at - self.first_at) if self.rows > 1 else 0.0

    @property
    def messages(self) -> int:
        return sum(self.tally(direction).messages for direction in REPLAYABLE)

    def tally(self, direction: Direction, peer: str = "") -> Tally:
        """The messages of one direction, of every peer ("") or of one."""
        if peer:
            return self.peers[direction].get(peer) or Tally()
        total = Tally()
        for tally in self.peers[direction].values():
            total.merge(tally)
        total.merge(self.unnamed[direction])
        return total

    def peer_names(self, direction: Direction) -> list[str]:
        """The named peers of one direction, in the order they first appear."""
        return list(self.peers[direction])

    def problem(self, choice: ReplayChoice) -> Text | None:
        """Why ``choice`` would send nothing, or None when it sends something."""
        if self.tally(choice.direction, choice.peer).messages:
            return None
        if not self.messages:
            return QT_TRANSLATE_NOOP(
                "Replay", "the recording holds no messages, only notes: nothing to replay"
            )
        if choice.peer and self.tally(choice.direction).messages:
            if choice.direction is Direction.OUT:
                return QT_TRANSLATE_NOOP(
                    "Replay", "nothing was sent to {peer} in this recording"
                ).format(peer=choice.peer)
            return QT_TRANSLATE_NOOP(
                "Replay", "nothing was received from {peer} in this recording"
            ).format(peer=choice.peer)
        if choice.direction is Direction.OUT:
            return QT_TRANSLATE_NOOP(
                "Replay",
                'the recording holds no sent ("out") messages: choose "in" to send what '
                "was received",
            )
        return QT_TRANSLATE_NOOP(
            "Replay",
            'the recording holds no received ("in") messages: choose "out" to send what was sent',
        )


@dataclass(frozen=True, slots=True)
class ReplayMessage:
    """A message to send, its line, and when it is due after the first (as recorded)."""

    line: int
    offset: float
    data: bytes


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


def parse_row(raw: bytes, line: int, first: bool = False) -> Row | None:
    """One line of a recording, checked (None for a blank line).

    ``first`` says no row came before: a first line that is not a netbench row means the
    file is not a recording at all, and the message says so rather than naming a field.
    """
    if first and raw.startswith(_BOM):
        raw = raw[len(_BOM) :]
    if not raw.strip():
        return None
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
    return _row_of(value, line)


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


def _row_of(value: dict[str, object], line: int) -> Row:
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
    data = b""
    if direction in REPLAYABLE:
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


class _Rows:
    """The rows of a stream one at a time, numbered, never a line longer than the bound."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.line = 0
        self.position = 0
        self.seen = False

    def next(self) -> Row | _End | None:
        """The next row, None for a blank line, or ``_END``."""
        raw = self._stream.readline(MAX_LINE_BYTES + 1)
        if not raw:
            if not self.seen:
                raise RecordingError(
                    QT_TRANSLATE_NOOP("Replay", "the file is empty: nothing to replay")
                )
            return _END
        self.line += 1
        self.position += len(raw)
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            raise RecordingError(
                QT_TRANSLATE_NOOP(
                    "Replay", "line {line} is longer than {size} MB: not a netbench recording"
                ).format(line=self.line, size=MAX_LINE_BYTES >> 20),
                self.line,
            )
        row = parse_row(raw, self.line, first=not self.seen)
        if row is not None:
            self.seen = True
        return row


class RecordingScanner:
    """Reads a recording once, a step at a time, into a :class:`RecordingSummary`.

    Each :meth:`advance` reads about ``budget`` bytes, so a caller on a UI loop can paint
    between steps; a bad row raises RecordingError naming its line.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self._rows = _Rows(stream)
        self.summary = RecordingSummary()
        self.done = False

    @property
    def bytes_read(self) -> int:
        return self._rows.position

    def advance(self, budget: int = SCAN_STEP_BYTES) -> bool:
        """Read on for about ``budget`` bytes; True once the whole file is read."""
        rows = self._rows
        stop = rows.position + budget
        add = self.summary.add
        while not self.done and rows.position < stop:
            row = rows.next()
            if row is _END:
                self.done = True
            elif isinstance(row, Row):
                add(row)
        return self.done


def scan_recording(stream: BinaryIO) -> RecordingSummary:
    """The whole stream's summary at once (for code that need not paint meanwhile)."""
    scanner = RecordingScanner(stream)
    while not scanner.advance():
        pass
    return scanner.summary


class RecordingReader:
    """The chosen messages of a recording, read lazily, each with when it is due.

    Iterating yields a :class:`ReplayMessage` per chosen message, and None after every
    :data:`PAUSE_ROWS` rows read without one, so an async caller can give its loop a
    turn. ``skipped`` counts the messages left out (the other direction, other peers),
    ``notes`` the informational rows. Offsets never go down, even where the wall clock
    the recording was stamped with stepped back.
    """

    def __init__(self, stream: BinaryIO, choice: ReplayChoice) -> None:
        self._rows = _Rows(stream)
        self.choice = choice
        self.skipped = 0
        self.notes = 0

    @property
    def line(self) -> int:
        """The last line read."""
        return self._rows.line

    def __iter__(self) -> Iterator[ReplayMessage | None]:
        rows = self._rows
        wants = self.choice.wants
        first_at: float | None = None
        offset = 0.0
        quiet = 0
        while True:
            row = rows.next()
            if row is _END:
                return
            if isinstance(row, Row):
                if row.direction not in REPLAYABLE:
                    self.notes += 1
                elif wants(row):
                    if first_at is None:
                        first_at = row.at
                    offset = max(offset, row.at - first_at)
                    quiet = 0
                    yield ReplayMessage(row.line, offset, row.data)
                    continue
                else:
                    self.skipped += 1
            quiet += 1
            if quiet >= PAUSE_ROWS:
                quiet = 0
                yield None
