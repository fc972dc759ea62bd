"""Keeps Python's cyclic garbage collector on the Qt thread while an IO thread runs.

The collector runs in whichever thread happens to allocate. If it runs on the IO thread and
frees a QObject caught in a reference cycle, Qt destroys that object from the wrong thread
("Timers cannot be stopped from another thread", then a crash). So while an IO thread is
up, automatic collection is off and this object collects on the Qt thread instead, by the
same generation thresholds the automatic collector would use.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 500


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.on_timer_timeout)
        self._was_enabled = gc.isenabled()
        self.active = False

    def start(self) -> None:
        self._was_enabled = gc.isenabled()
        gc.disable()
        self.active = True
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self.active:
            self.active = False
            gc.collect()
            if self._was_enabled:
                gc.enable()

    def on_timer_timeout(self) -> None:
        thresholds = gc.get_threshold()
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                break
