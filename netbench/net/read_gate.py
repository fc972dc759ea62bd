"""The flood rule: bounded reads, a byte budget per UI tick, and a cap on queued events.

A reader that floods the loop the UI shares starves Qt's timers (measured: a 10 ms
heartbeat 300 ms late). So readers take small buffers, ask the gate before handing data on,
and pause when the tick's budget is spent; the UI tick resumes them. On an IO thread the
byte budget is off, but the event queue still has a ceiling so a slow UI cannot make
memory grow without bound.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

READ_BUFFER_SIZE = 16 * 1024
DEFAULT_BYTES_PER_TICK = 512 * 1024
# A read is at most READ_BUFFER_SIZE bytes, so this bounds what waits for the UI to ~64 MB.
DEFAULT_MAX_QUEUED_EVENTS = 4096


class Pausable(Protocol):
    """A transport whose reading can stop and go on: streams and datagram sockets alike."""

    def pause_reading(self) -> None: ...
    def resume_reading(self) -> None: ...
    def is_closing(self) -> bool: ...


class ReadHolds:
    """Reading from one transport stops while any reason holds it: the gate's budget, a
    peer that does not read our replies, a response still being written.

    It is :class:`Pausable`: the gate parks this object, not the transport, so its
    refill cannot resume a reader that another reason holds.
    """

    GATE = "gate"

    def __init__(self, transport: Pausable) -> None:
        self.transport = transport
        self.reasons: set[str] = set()

    def hold(self, reason: str) -> None:
        if not self.reasons and not self.transport.is_closing():
            self.transport.pause_reading()
        self.reasons.add(reason)

    def release(self, reason: str) -> None:
        if reason not in self.reasons:
            return
        self.reasons.discard(reason)
        if not self.reasons and not self.transport.is_closing():
            self.transport.resume_reading()

    def pause_reading(self) -> None:
        self.hold(self.GATE)

    def resume_reading(self) -> None:
        self.release(self.GATE)

    def is_closing(self) -> bool:
        return self.transport.is_closing()


class ReadGate:
    """Admits bytes until the budget or the queue ceiling is reached, then parks readers.

    A refill (:meth:`on_tick`, on the readers' loop, once per UI tick) resets the budget
    and resumes parked readers oldest first, only as many as the budget can feed:
    resuming every parked reader at once would let each take one more buffer, a herd
    that blows the budget many times over (measured: 200 flooding clients, heartbeat p50
    35 ms instead of under 1 ms).

    Refilling sooner than the next tick (as soon as the budget ran out, or a few ms
    later) was tried: it raised throughput but let reads crowd out Qt's timers again.
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
        self._parked: dict[Pausable, None] = {}
        self.pauses = 0

    def queued_events(self) -> int:
        """Events waiting for the UI: writers that make many (a file send) wait on this."""
        return self._queue_length()

    @property
    def has_parked(self) -> bool:
        return bool(self._parked)

    @property
    def parked_count(self) -> int:
        return len(self._parked)

    def admit(self, nbytes: int) -> bool:
        """Count ``nbytes`` read; False means the reader should park until a refill."""
        self._used += nbytes
        if self.bytes_per_tick is not None and self._used >= self.bytes_per_tick:
            return False
        return self._queue_length() < self.max_queued_events

    def park(self, transport: Pausable) -> None:
        if transport.is_closing() or transport in self._parked:
            return
        transport.pause_reading()
        self._parked[transport] = None
        self.pauses += 1

    def forget(self, transport: Pausable) -> None:
        self._parked.pop(transport, None)

    def on_tick(self) -> None:
        self._used = 0
        if not self._parked or self._queue_length() >= self.max_queued_events:
            return
        if self.bytes_per_tick is None:
            quota = len(self._parked)
        else:
            quota = max(1, self.bytes_per_tick // READ_BUFFER_SIZE)
        for transport in list(self._parked)[:quota]:
            del self._parked[transport]
            if not transport.is_closing():
                transport.resume_reading()
