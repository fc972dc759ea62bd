"""What a recording holds, read once a slice at a time: messages by direction and by peer."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import BinaryIO

from netbench.core.recording.replay_plan import ReplayChoice
from netbench.core.recording.rows import END, REPLAYABLE, Row, RowStream
from netbench.core.text import QT_TRANSLATE_NOOP, Text
from netbench.core.transcript import Direction

# Peers named in a summary, per direction; the rest are counted together.
MAX_PEERS = 1000
# What one step of a scan reads, so a window scanning a big file keeps painting.
SCAN_STEP_BYTES = 1024 * 1024


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


class RecordingScanner:
    """Reads a recording once, a step at a time, into a :class:`RecordingSummary`.

    Each :meth:`advance` reads about ``budget`` bytes, so a caller on a UI loop can paint
    between steps; a bad row raises RecordingError naming its line.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self._rows = RowStream(stream)
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
            if row is END:
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
