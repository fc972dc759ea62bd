"""Repeated sends on a fixed grid of deadlines, and the templates each send fills in.

Deadlines are ``start + k * interval``: a timer that fires late (or early) never shifts
the ones after it, so a thousand sends at 10 ms take ten seconds, not ten and a bit.
When the sender falls more than a whole interval behind, the missed slots are skipped
(and counted) instead of being sent in a burst.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

COUNTER = "{counter}"
TIME = "{time}"


@dataclass
class RepeatSchedule:
    """``count`` sends (0 = until stopped), one every ``interval`` seconds from ``start``."""

    count: int
    interval: float
    start: float
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
        """Count a send made at ``now`` and move to the next slot still ahead of ``now``."""
        self.sent += 1
        self._slot += 1
        if self.interval > 0 and not self.finished:
            late = now - self.next_deadline
            if late > 0:
                behind = math.ceil(late / self.interval)
                self._slot += behind
                self.skipped += behind


def format_time(wall: float) -> str:
    """Local wall-clock time with milliseconds, as ``{time}`` shows it: 14:03:07.250."""
    local = time.localtime(wall)
    return time.strftime("%H:%M:%S", local) + f".{int(wall % 1 * 1000):03d}"


def has_placeholders(data: bytes, encoding: str = "utf-8") -> bool:
    return COUNTER.encode(encoding) in data or TIME.encode(encoding) in data


def fill_template(data: bytes, counter: int, wall: float, encoding: str = "utf-8") -> bytes:
    """Replace ``{counter}`` (from 1) and ``{time}`` in bytes encoded with ``encoding``.

    The encodings the editor offers are stateless, so a placeholder's bytes are the same
    wherever it stands in the text.
    """
    if not has_placeholders(data, encoding):
        return data
    counter_text = str(counter).encode(encoding)
    time_text = format_time(wall).encode(encoding)
    return data.replace(COUNTER.encode(encoding), counter_text).replace(
        TIME.encode(encoding), time_text
    )
