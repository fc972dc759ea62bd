"""Repeated sends on a fixed grid of deadlines.

Deadlines are ``start + k * interval``: a timer that fires late (or early) never shifts
the ones after it, so a thousand sends at 10 ms take ten seconds, not ten and a bit.
A sender that fell behind (a busy machine, a slow timer) catches up by sending the missed
slots at once, so the rate over a minute is the rate asked; but a slot more than
``max_lag`` seconds late is skipped (and counted) instead, so a stall of seconds (a
suspended laptop, a blocked socket) never turns into a burst of thousands.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field


@dataclass
class RepeatSchedule:
    """``count`` sends (0 = until stopped), one every ``interval`` seconds from ``start``."""

    count: int
    interval: float
    start: float
    max_lag: float = 0.25
    sent: int = 0
    skipped: int = 0
    _slot: int = field(default=0, repr=False)

    def __post_init__(self) -> None:
        if self.count < 0:
            raise ValueError("the count cannot be negative")
        if self.interval < 0:
            raise ValueError("the interval cannot be negative")
        if self.count == 0 and self.interval == 0:
            raise ValueError("sending until stopped needs an interval of at least 1 ms")

    @property
    def finished(self) -> bool:
        return self.count > 0 and self.sent >= self.count

    @property
    def next_deadline(self) -> float:
        return self.start + self._slot * self.interval

    def wait(self, now: float) -> float:
        """Seconds until the next send is due (0 when it is due now)."""
        return max(0.0, self.next_deadline - now)

    def mark_sent(self, now: float) -> None:
        """Count a send made at ``now`` and move on, past slots more than max_lag late."""
        self.sent += 1
        self._slot += 1
        if self.interval > 0 and not self.finished:
            late = now - self.next_deadline - self.max_lag
            if late > 0:
                behind = math.ceil(late / self.interval)
                self._slot += behind
                self.skipped += behind
