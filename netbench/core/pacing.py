"""Rate limiting on a fixed grid of deadlines, for sending at a steady rate under load.

Slot ``k`` is due at ``start + k * interval``. A sender asks :meth:`Pacer.take` how many
slots are due now and sends that many. Slots that fell due within the last ``slack``
seconds are all sent (a timer cannot wake up every 10 µs for a rate of 100,000 msg/s, so
each wake-up sends the slots since the last one); slots older than that are skipped and
counted, never sent in a burst to catch up. A sender that stalls for a second therefore
resumes at the configured rate, and the skipped count says how far behind it fell.

This is :class:`netbench.core.schedule.RepeatSchedule`'s rule with a tolerance: at high
rates "more than one interval late" is every wake-up, so it would skip nearly everything.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from netbench.core.schedule import SlotGrid

# Twice a coarse timer's resolution: slots this late still go out, older ones are skipped.
DEFAULT_SLACK = 0.010
_EPSILON = 1e-9


@dataclass
class Pacer(SlotGrid):
    """``count`` slots (0 = no end), one every ``interval`` seconds from ``start``."""

    interval: float
    start: float
    count: int = 0
    slack: float = DEFAULT_SLACK
    taken: int = 0
    skipped: int = 0
    _slot: int = field(default=0, repr=False)

    def __post_init__(self) -> None:
        if not self.interval > 0:
            raise ValueError("pacing needs an interval of more than 0 s")
        if self.count < 0:
            raise ValueError("the count cannot be negative")
        if self.slack < 0:
            raise ValueError("the slack cannot be negative")

    @property
    def finished(self) -> bool:
        return self.count > 0 and self._slot >= self.count

    def take(self, now: float, limit: int = 0) -> int:
        """How many slots to send now (at most ``limit`` when it is positive).

        Slots more than ``slack`` late are skipped first. Slots left over by ``limit`` stay
        due, and are subject to the same rule at the next call.
        """
        if self.finished:
            return 0
        # The epsilon keeps a deadline met exactly from being missed by a rounding error.
        due_until = math.floor((now - self.start) / self.interval + _EPSILON) + 1
        if self.count:
            due_until = min(due_until, self.count)
        if due_until <= self._slot:
            return 0
        fresh_from = math.ceil((now - self.slack - self.start) / self.interval - _EPSILON)
        if fresh_from > self._slot:
            skip = min(fresh_from, due_until) - self._slot
            self._slot += skip
            self.skipped += skip
        due = due_until - self._slot
        if limit > 0:
            due = min(due, limit)
        self._slot += due
        self.taken += due
        return due
