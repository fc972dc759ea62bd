"""Hands net events to the UI in batches on a ~30 Hz Qt timer, the same way in both modes.

Consumers subscribe by ``source`` prefix (``server-``, ``client-``, ``http-``, ``lookup-``):
each batch is split once, here, and each subscription hears only its own events, so no tab
filters the others' traffic. A subscription also carries its consumer's backpressure: while
any consumer is behind, events wait in the engine's queue, whose ceiling pauses the readers
(nothing is dropped).

Signals:
    events_arrived(list): every batch, whole, oldest first, never empty (tests, benchmarks).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from netbench.net.engine import Engine, EngineMode
from netbench.net.events import NetEvent

TICK_MS = 33
MAX_BATCH = 5_000
# With an IO thread, the reads one batch hands over at most, in bytes: a consumer that
# falls behind then holds one batch, and what is left waits in the engine's queue, whose
# ceiling pauses the readers. Measured with a recording whose disk was behind (IO thread,
# 200 clients): the whole queue taken at once was up to 47 MB, a peak of 206-222 MB; 8 MB
# gave 190-196 MB, 4 MB 180-181 MB at the same rate. The bridge looks again every RETRY_MS
# while readers wait, so this is no limit on the rate. The UI loop's reads are bounded by
# its budget per tick already, and a cap there would be one on the rate (a batch a tick).
IO_THREAD_BATCH_BYTES = 4 * 1024 * 1024
# While a consumer is behind, the bridge looks again this soon rather than at the next
# tick: a consumer that catches up in a few ms would otherwise leave the readers paused
# for the rest of the tick (measured: a recording flood at a third of its speed).
RETRY_MS = 2


class EventConsumer(Protocol):
    """What a subscriber offers: its events, and whether it is behind."""

    def on_events(self, events: Sequence[NetEvent]) -> None: ...

    @property
    def is_backlogged(self) -> bool: ...


class Subscription(QObject):
    """One consumer's share of the traffic: the events whose source starts with ``prefix``.

    Signals:
        events_arrived(list): this consumer's events of one batch, oldest first.
    """

    events_arrived = Signal(list)

    def __init__(self, prefix: str, consumer: EventConsumer, parent: QObject | None) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self.consumer = consumer
        self.events_arrived.connect(consumer.on_events)

    def is_busy(self) -> bool:
        """True while the consumer has more waiting than one update handles."""
        return self.consumer.is_backlogged

    def matches(self, source: str) -> bool:
        return source.startswith(self.prefix)


class EventBridge(QObject):
    events_arrived = Signal(list)

    def __init__(
        self,
        engine: Engine,
        parent: QObject | None = None,
        tick_ms: int = TICK_MS,
        max_batch: int = MAX_BATCH,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self.max_batch = max_batch
        self.batches = 0
        self.subscriptions: list[Subscription] = []
        # Benchmarks set this to a list to learn what each tick cost the UI thread.
        self.tick_costs: list[float] | None = None
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.on_timer_timeout)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setTimerType(Qt.TimerType.PreciseTimer)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._on_retry_timeout)

    def subscribe(self, prefix: str, consumer: EventConsumer) -> Subscription:
        """``consumer.on_events`` hears the events whose source starts with ``prefix``."""
        subscription = Subscription(prefix, consumer, self)
        self.subscriptions.append(subscription)
        return subscription

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._retry.stop()

    def is_busy(self) -> bool:
        return any(subscription.is_busy() for subscription in self.subscriptions)

    def on_timer_timeout(self) -> None:
        """One UI tick: hand over at most one batch, then let readers go on."""
        started = time.perf_counter()
        if self.is_busy():
            if self._timer.isActive():
                self._retry.start()
        else:
            self._hand_over()
        self._engine.tick()
        self._look_again_if_readers_wait()
        if self.tick_costs is not None:
            self.tick_costs.append(time.perf_counter() - started)

    def _on_retry_timeout(self) -> None:
        """A consumer was behind at the last look: hand over as soon as none is."""
        if self.is_busy():
            self._retry.start()
            return
        self._hand_over()
        self._engine.tick()
        self._look_again_if_readers_wait()

    def _look_again_if_readers_wait(self) -> None:
        """An IO thread's readers that wait for room in the queue get it in 2 ms, not at
        the next tick: the queue's ceiling can then stay small (memory) without becoming
        a rate limit (a full queue per tick). The UI loop's readers wait for the tick: its
        byte budget is what keeps that loop's timers on time."""
        engine = self._engine
        if (
            engine.mode is EngineMode.IO_THREAD
            and engine.gate.has_parked
            and self._timer.isActive()
            and not self._retry.isActive()
        ):
            self._retry.start()

    def _hand_over(self) -> None:
        io_thread = self._engine.mode is EngineMode.IO_THREAD
        batch = self._engine.queue.drain(
            self.max_batch, IO_THREAD_BATCH_BYTES if io_thread else None
        )
        if batch:
            self.batches += 1
            self.events_arrived.emit(batch)
            self._dispatch(batch)

    def _dispatch(self, batch: list[NetEvent]) -> None:
        """Split a batch by source prefix, keeping each consumer's events in order."""
        subscriptions = self.subscriptions
        if len(subscriptions) == 1:
            shares: list[list[NetEvent]] = [
                [e for e in batch if subscriptions[0].matches(e.source)]
            ]
        else:
            shares = [[] for _ in subscriptions]
            cache: dict[str, int] = {}
            for event in batch:
                index = cache.get(event.source)
                if index is None:
                    index = cache[event.source] = self._index_of(event.source)
                if index >= 0:
                    shares[index].append(event)
        for subscription, share in zip(subscriptions, shares, strict=True):
            if share:
                subscription.events_arrived.emit(share)

    def _index_of(self, source: str) -> int:
        for index, subscription in enumerate(self.subscriptions):
            if subscription.matches(source):
                return index
        return -1
