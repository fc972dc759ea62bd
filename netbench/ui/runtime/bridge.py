"""Hands net events to the UI in batches on a ~30 Hz Qt timer, the same way in both modes.

Signals:
    events_arrived(list): a batch of net events, oldest first, never empty.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from netbench.net.engine import Engine

TICK_MS = 33
MAX_BATCH = 5_000


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
        # Consumers that fall behind say so here; events then wait in the engine's queue,
        # whose ceiling pauses the readers: backpressure all the way to the sockets.
        self.consumer_busy: Callable[[], bool] = lambda: False
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.on_timer_timeout)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def on_timer_timeout(self) -> None:
        """One UI tick: hand over at most one batch, then let readers go on."""
        if self.consumer_busy():
            self._engine.tick()
            return
        batch = self._engine.queue.drain(self.max_batch)
        if batch:
            self.batches += 1
            self.events_arrived.emit(batch)
        self._engine.tick()
