"""The chosen messages of a recording, read lazily while a replay sends them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from netbench.core.recording.replay_plan import ReplayChoice
from netbench.core.recording.rows import END, REPLAYABLE, Row, RowStream

# Rows the reader skips (another direction, another peer, notes) before it lets its caller
# have a turn: a long stretch of rows that are not sent must not block the loop.
PAUSE_ROWS = 1000


@dataclass(frozen=True, slots=True)
class ReplayMessage:
    """A message to send, its line, and when it is due after the first (as recorded)."""

    line: int
    offset: float
    data: bytes


class RecordingReader:
    """The chosen messages of a recording, read lazily, each with when it is due.

    Iterating yields a :class:`ReplayMessage` per chosen message, and None after every
    :data:`PAUSE_ROWS` rows read without one, so an async caller can give its loop a
    turn. ``skipped`` counts the messages left out (the other direction, other peers),
    ``notes`` the informational rows. Offsets never go down, even where the wall clock
    the recording was stamped with stepped back.
    """

    def __init__(self, stream: BinaryIO, choice: ReplayChoice) -> None:
        self._rows = RowStream(stream)
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
            if row is END:
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
