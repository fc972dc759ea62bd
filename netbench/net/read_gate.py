"""The flood rule: bounded reads, a byte budget per UI tick, and a ceiling on what waits.

A reader that floods the loop the UI shares starves Qt's timers (measured: a 10 ms
heartbeat 300 ms late). So readers ask the gate before handing data on, and pause when the
tick's budget is spent; the UI tick resumes them. On an IO thread the byte budget is off,
but the event queue still has a ceiling (in events and in bytes) so a slow UI cannot make
memory grow without bound.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Protocol

# Reads come in 64 KB pieces, which makes the per-read costs (an event, a syscall, a gate
# check, on the UI loop a Qt timer) a small share of a flood: a read's messages stay
# uncut (see DelimitedRun), so a large read is no longer a long stretch of work. Measured
# with 200 clients: 16 KB reads gave ~60% of the messages per second of 64 KB reads on an
# IO thread, and a seventh on the UI loop (where a budget of 512 KB a tick also held it).
# READ_BUFFER_SIZE stays for readers without a gate (clients' own, tests).
READ_BUFFER_SIZE = 16 * 1024
LARGE_READ_SIZE = 64 * 1024
# An IO thread reads 256 KB at a time: a quarter of the reads, events and gate checks, each
# holding the GIL the window also needs. Measured side by side with 200 clients: 8.1 M
# lines/s with 64 KB reads, 9.5 M with 256 KB (heartbeat alike); on the UI loop, whose
# byte budget per tick sets the pace, both gave 7.5 M.
IO_THREAD_READ_SIZE = 256 * 1024
# The UI loop's budget per tick (~33 ms), measured on a quiet 2-core machine with 200
# clients: 4 MB gave 3.8 M lines/s with a heartbeat p99 of 14 ms, 8 MB 6.6-7.0 M lines/s
# with 27-28 ms; on a busy machine 2 MB halved the rate without a better p99.
DEFAULT_BYTES_PER_TICK = 8 * 1024 * 1024
# While a recording runs, the window also writes every read: a tick's reads must leave
# room for that. Measured side by side (compact recording, 200 clients, the same budget
# otherwise): 8 MB gave 4.1 M lines/s with a heartbeat p50 of 13 ms and p99 of 39 ms,
# 5 MB 4.6 M with 0.2-1.8 ms and 24-32 ms (and 30 MB less memory), 4 MB 3.7 M.
RECORDING_BYTES_PER_TICK = 5 * 1024 * 1024
DEFAULT_MAX_QUEUED_EVENTS = 4096
# The longest a reader on an IO thread waits for the UI thread's repaint.
UI_TURN_SECONDS = 0.05
# What waits for the UI in events, in bytes read: the ceiling that bounds memory.
DEFAULT_MAX_QUEUED_BYTES = 8 * 1024 * 1024
# How long a refill counts the reads of the readers it resumed as taken: refills come
# faster than a busy IO thread gets to those reads, and a quiet reader may never read.
PROMISE_SECONDS = 0.02
# At the ceiling, the readers that read this recently are flooding and stop with the one
# that found the queue full; a quieter one (a request now and then) reads on.
RECENT_READ_SECONDS = 0.05


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
        *,
        read_size: int = READ_BUFFER_SIZE,
        queued_bytes: Callable[[], int] = lambda: 0,
        max_queued_bytes: int = DEFAULT_MAX_QUEUED_BYTES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.full_bytes_per_tick = bytes_per_tick
        self.bytes_per_tick = bytes_per_tick
        self._recording: set[str] = set()
        self.max_queued_events = max_queued_events
        self.max_queued_bytes = max_queued_bytes
        self.read_size = read_size
        self._queue_length = queue_length
        self._queued_bytes = queued_bytes
        self._used = 0
        self._parked: dict[Pausable, None] = {}
        # Readers that read and are not parked, and when they last read: at the queue's
        # ceiling those that read within RECENT_READ_SECONDS stop too (see `admit`).
        self._reading: dict[Pausable, float] = {}
        self._clock = clock
        # Readers a refill resumed that have not read yet: each will take a whole read.
        self._resumed: dict[Pausable, None] = {}
        self._resumed_at = 0.0
        self.pauses = 0
        self._ui_painting = threading.Event()
        self._ui_done = threading.Event()

    @contextmanager
    def ui_turn(self) -> Iterator[None]:
        """The UI thread repaints: readers on another thread wait at their next read.

        A repaint calls into Python for every cell it draws (a thousand calls for a
        screen of transcript), and each call waits for the GIL while an IO thread reads
        a flood: measured, a repaint took 20-35 ms instead of a few. Readers that pause
        for the repaint's few ms make it short, and the window's timers keep time.
        """
        self._ui_done.clear()
        self._ui_painting.set()
        try:
            yield
        finally:
            self._ui_painting.clear()
            self._ui_done.set()

    def set_recording(self, source: str, recording: bool) -> None:
        """``source`` (a panel) records to a file, or no longer does: while any does, the
        budget per tick is at most RECORDING_BYTES_PER_TICK (no budget stays none)."""
        if recording:
            self._recording.add(source)
        else:
            self._recording.discard(source)
        full = self.full_bytes_per_tick
        if full is not None and self._recording:
            self.bytes_per_tick = min(full, RECORDING_BYTES_PER_TICK)
        else:
            self.bytes_per_tick = full

    def queued_events(self) -> int:
        """Events waiting for the UI: writers that make many (a file send) wait on this."""
        return self._queue_length()

    @property
    def has_parked(self) -> bool:
        return bool(self._parked)

    @property
    def parked_count(self) -> int:
        return len(self._parked)

    def admit(self, nbytes: int, reader: Pausable | None = None) -> bool:
        """Count ``nbytes`` read by ``reader``; False means it should park until a refill.

        At the queue's ceiling every reader that read within RECENT_READ_SECONDS is parked
        too, not only this one: the readers the loop has already found ready would
        otherwise each take one more read before they are asked. Measured on an IO thread,
        200 flooding clients recorded: the 8 MB queue reached 22-38 MB before, 16-19 MB
        after, and the peak RSS fell by 10-20 MB at the same rate. A quieter reader (a
        request now and then) reads on, and a client's very first read still comes unasked.

        While the UI thread repaints (:meth:`ui_turn`), an IO thread's reader waits here,
        without the GIL, until the repaint is done (at most UI_TURN_SECONDS).
        """
        if self._ui_painting.is_set():
            self._ui_done.wait(UI_TURN_SECONDS)
        self._used += nbytes
        if reader is not None:
            self._resumed.pop(reader, None)
        if self.bytes_per_tick is not None and self._used >= self.bytes_per_tick:
            return False
        now = self._clock()
        if self._has_room():
            if reader is not None:
                self._reading[reader] = now
            return True
        reading, self._reading = self._reading, {}
        recent = now - RECENT_READ_SECONDS
        for other, last_read in reading.items():
            if last_read >= recent:
                self.park(other)
        return False

    def _has_room(self) -> bool:
        return (
            self._queue_length() < self.max_queued_events
            and self._queued_bytes() < self.max_queued_bytes
        )

    def park(self, transport: Pausable) -> None:
        if transport.is_closing() or transport in self._parked:
            return
        transport.pause_reading()
        self._parked[transport] = None
        self._reading.pop(transport, None)
        self.pauses += 1

    def forget(self, transport: Pausable) -> None:
        self._parked.pop(transport, None)
        self._reading.pop(transport, None)
        self._resumed.pop(transport, None)

    def on_tick(self) -> None:
        self._used = 0
        if not self._parked or not self._has_room():
            return
        if self.bytes_per_tick is None:
            # As many as the queue has room for: each resumed reader takes a whole read
            # before it is asked again, and 200 of them at once would overshoot by 50 MB.
            # Refills come faster than the readers they resumed get to read (measured with
            # the herd rule above: the queue's peak 16-19 MB with this, 22-26 without).
            if self._clock() - self._resumed_at > PROMISE_SECONDS:
                self._resumed.clear()
            room = self.max_queued_bytes - self._queued_bytes()
            room -= len(self._resumed) * self.read_size
            if self._resumed and room < self.read_size:
                return  # the promised reads fill it
            quota = max(1, room // self.read_size)
        else:
            quota = max(1, self.bytes_per_tick // self.read_size)
        for transport in list(self._parked)[:quota]:
            del self._parked[transport]
            if not transport.is_closing():
                transport.resume_reading()
                self._resumed[transport] = None
        self._resumed_at = self._clock()
