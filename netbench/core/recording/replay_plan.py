"""What a replay sends (one direction, all peers or one) and how it spaces the messages."""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from netbench.core.recording.rows import REPLAYABLE, Row
from netbench.core.transcript import Direction


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
