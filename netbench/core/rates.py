"""Per-second rates from exact counters, and a short history for a sparkline."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Rates:
    messages_in: float = 0.0
    bytes_in: float = 0.0
    messages_out: float = 0.0
    bytes_out: float = 0.0


@dataclass
class RateMeter:
    """Counts since the last :meth:`roll`; ``roll`` turns them into rates and keeps history.

    Totals are exact and never reset; rates are only for reading at a glance.
    """

    history_size: int = 60
    messages_in: int = 0
    bytes_in: int = 0
    messages_out: int = 0
    bytes_out: int = 0
    history: deque[Rates] = field(default_factory=deque)
    _window: list[int] = field(default_factory=lambda: [0, 0, 0, 0])

    def count_in(self, messages: int, nbytes: int) -> None:
        self.messages_in += messages
        self.bytes_in += nbytes
        self._window[0] += messages
        self._window[1] += nbytes

    def count_out(self, messages: int, nbytes: int) -> None:
        self.messages_out += messages
        self.bytes_out += nbytes
        self._window[2] += messages
        self._window[3] += nbytes

    def roll(self, elapsed: float) -> Rates:
        if elapsed <= 0:
            return self.history[-1] if self.history else Rates()
        m_in, b_in, m_out, b_out = self._window
        rates = Rates(m_in / elapsed, b_in / elapsed, m_out / elapsed, b_out / elapsed)
        self._window = [0, 0, 0, 0]
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
