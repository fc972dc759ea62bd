"""Per-second rates from exact counters, and a short history for a sparkline."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Rates:
    """Messages and bytes per second, each way, over the window of one roll."""

    messages_in: float = 0.0
    bytes_in: float = 0.0
    messages_out: float = 0.0
    bytes_out: float = 0.0


@dataclass(slots=True)
class TrafficCounts:
    """Messages and bytes, each way: what a batch of events carries, or a panel's totals."""

    messages_in: int = 0
    bytes_in: int = 0
    messages_out: int = 0
    bytes_out: int = 0

    @property
    def messages(self) -> int:
        return self.messages_in + self.messages_out

    def count_in(self, messages: int, nbytes: int) -> None:
        self.messages_in += messages
        self.bytes_in += nbytes

    def count_out(self, messages: int, nbytes: int) -> None:
        self.messages_out += messages
        self.bytes_out += nbytes

    def per_second(self, elapsed: float) -> Rates:
        """These counts as rates, for a window ``elapsed`` seconds long."""
        return Rates(
            self.messages_in / elapsed,
            self.bytes_in / elapsed,
            self.messages_out / elapsed,
            self.bytes_out / elapsed,
        )


@dataclass
class RateMeter(TrafficCounts):
    """A panel's totals, each way, and its rates: the totals are exact and never reset;
    rates are only for reading at a glance.

    What came since the last :meth:`roll` is counted in a window too, which ``roll`` turns
    into rates and keeps in the history.
    """

    history_size: int = 60
    history: deque[Rates] = field(default_factory=deque)
    _window: TrafficCounts = field(default_factory=TrafficCounts)

    def count_in(self, messages: int, nbytes: int) -> None:
        super().count_in(messages, nbytes)
        self._window.count_in(messages, nbytes)

    def count_out(self, messages: int, nbytes: int) -> None:
        super().count_out(messages, nbytes)
        self._window.count_out(messages, nbytes)

    def roll(self, elapsed: float) -> Rates:
        if elapsed <= 0:
            return self.history[-1] if self.history else Rates()
        rates = self._window.per_second(elapsed)
        self._window = TrafficCounts()
        self.history.append(rates)
        while len(self.history) > self.history_size:
            self.history.popleft()
        return rates


def human_rate(value: float, unit: str) -> str:
    """``1.2 k msg/s``, ``3.4 MB/s``: short enough for a status line."""
    for factor, prefix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if value >= factor:
            return f"{value / factor:.1f} {prefix}{unit}/s"
    return f"{value:.0f} {unit}/s"
