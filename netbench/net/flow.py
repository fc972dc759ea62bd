"""The flood rule: bounded reads, a byte budget per UI tick, and a cap on queued events.

A reader that floods the loop the UI shares starves Qt's timers (measured: a 10 ms
heartbeat 300 ms late). So readers take small buffers, ask the gate before handing data on,
and pause when the tick's budget is spent; the UI tick resumes them. On an IO thread the
byte budget is off, but the event queue still has a ceiling so a slow UI cannot make
memory grow without bound.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

READ_BUFFER_SIZE = 16 * 1024
DEFAULT_BYTES_PER_TICK = 512 * 1024
DEFAULT_MAX_QUEUED_EVENTS = 200_000


class FlowGate:
    """Admits bytes until the tick's budget or the queue ceiling is reached, then parks readers.

    Call :meth:`on_tick` on the loop the readers run on; it refills the budget and resumes
    everyone parked.
    """

    def __init__(
        self,
        bytes_per_tick: int | None = DEFAULT_BYTES_PER_TICK,
        max_queued_events: int = DEFAULT_MAX_QUEUED_EVENTS,
        queue_length: Callable[[], int] = lambda: 0,
    ) -> None:
        self.bytes_per_tick = bytes_per_tick
        self.max_queued_events = max_queued_events
        self._queue_length = queue_length
        self._used = 0
        self._parked: set[asyncio.ReadTransport] = set()
        self.pauses = 0

    @property
    def has_parked(self) -> bool:
        return bool(self._parked)

    def admit(self, nbytes: int) -> bool:
        """Count ``nbytes`` read; False means the reader should park until the next tick."""
        self._used += nbytes
        if self.bytes_per_tick is not None and self._used >= self.bytes_per_tick:
            return False
        return self._queue_length() < self.max_queued_events

    def park(self, transport: asyncio.ReadTransport) -> None:
        if transport.is_closing() or transport in self._parked:
            return
        transport.pause_reading()
        self._parked.add(transport)
        self.pauses += 1

    def forget(self, transport: asyncio.ReadTransport) -> None:
        self._parked.discard(transport)

    def on_tick(self) -> None:
        self._used = 0
        if self._queue_length() >= self.max_queued_events:
            return
        parked, self._parked = self._parked, set()
        for transport in parked:
            if not transport.is_closing():
                transport.resume_reading()
