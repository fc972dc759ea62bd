"""Repeated sends on a fixed grid of deadlines.

Deadlines are ``start + k * interval``: a timer that fires late (or early) never shifts
the ones after it, so a thousand sends at 10 ms take ten seconds, not ten and a bit.
A sender that fell behind (a busy machine, a slow timer) catches up by sending the missed
slots at once, so the rate over a minute is the rate asked; but a slot more than
``max_lag`` seconds late is skipped (and counted) instead, so a stall of seconds (a
suspended laptop, a blocked socket) never turns into a burst of thousands.

A replay (:class:`ReplaySchedule`) keeps the same deadlines and the same bound on lateness,
but on the recording's own gaps, and it must send every message: instead of skipping, it
lets its timeline slip.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

# How late a send may be before the schedule stops catching up (and skips or slips).
MAX_LAG = 0.25


class SlotGrid:
    """Slot ``k`` due at ``start + k * interval``, for a dataclass that holds those fields
    and ``_slot``, the next slot: a repeat and a load test's pacer share the grid and
    differ only in what they do with late slots."""

    start: float
    interval: float
    _slot: int

    @property
    def next_deadline(self) -> float:
        return self.start + self._slot * self.interval

    def wait(self, now: float) -> float:
        """Seconds until the next slot is due (0 when one is due now)."""
        return max(0.0, self.next_deadline - now)


@dataclass
class RepeatSchedule(SlotGrid):
    """``count`` sends (0 = until stopped), one every ``interval`` seconds from ``start``."""

    count: int
    interval: float
    start: float
    max_lag: float = MAX_LAG
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


@dataclass
class ReplaySchedule:
    """Sends due at offsets from ``start`` (a recording's gaps, scaled, or a fixed grid).

    Deadlines are absolute, ``start + offset``, so a timer's error never adds up. A send
    more than ``max_lag`` late moves every later deadline back by what it was late beyond
    that (``slipped`` adds it up): after a stall the replay sends at most ``max_lag``'s worth
    of messages at once, then goes on with the recorded gaps. A repeat skips such slots
    instead; a replay sends every message.
    """

    start: float
    max_lag: float = MAX_LAG
    slipped: float = 0.0

    def __post_init__(self) -> None:
        if self.max_lag < 0:
            raise ValueError("the lag cannot be negative")

    def deadline(self, offset: float) -> float:
        return self.start + self.slipped + offset

    def wait(self, offset: float, now: float) -> float:
        """Seconds until the send at ``offset`` is due (0 when it is due now)."""
        return max(0.0, self.deadline(offset) - now)

    def mark_sent(self, offset: float, now: float) -> None:
        """Count the send at ``offset`` made at ``now``; a late one slips the timeline."""
        late = now - self.deadline(offset) - self.max_lag
        if late > 0:
            self.slipped += late
