"""Automatic reconnection: the switch and delay, when to try again, what to say while waiting.

After a connection ends (or cannot be opened) the session waits the chosen delay, doubling
it after each failed attempt up to ``RECONNECT_BACKOFF_LIMIT`` times, so a server that is
down is not hammered; a countdown says how long is left.

Signals:
    due(): the wait is over, connect now.
    waiting(str): the countdown's text, four times a second while waiting.
    switched(bool): the user turned automatic reconnection on or off.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QSpinBox, QWidget

from netbench.ui.runtime.timers import interval_timer
from netbench.ui.widgets.naming import name_widget

RECONNECT_BACKOFF_LIMIT = 8
COUNTDOWN_MS = 250


class Reconnector(QWidget):
    due = Signal()
    waiting = Signal(str)
    switched = Signal(bool)

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build(prefix)
        self.attempt = 0
        self._due_at = 0.0
        self._reason = ""
        # The wait is given at each start: it grows with the attempts.
        self._timer = interval_timer(self, 0, self.on_timer_timeout, single_shot=True)
        self._countdown = interval_timer(self, COUNTDOWN_MS, self.on_countdown_timeout)

    def _build(self, prefix: str) -> None:
        self.switch = name_widget(
            QCheckBox(self.tr("Auto-reconnect"), self),
            prefix,
            "auto_reconnect",
            self.tr("Reconnect automatically"),
        )
        self.switch.setToolTip(
            self.tr(
                "When the connection ends or cannot be opened, try again after the delay "
                "(doubling while it keeps failing); Close stops it"
            )
        )
        self.switch.toggled.connect(self.switched)
        self.delay = name_widget(
            QSpinBox(self), prefix, "reconnect_delay", self.tr("Delay before reconnecting")
        )
        self.delay.setRange(100, 600_000)
        self.delay.setValue(1000)
        self.delay.setSingleStep(500)
        self.delay.setPrefix(self.tr("after "))
        self.delay.setSuffix(self.tr(" ms"))
        self.delay.setToolTip(self.tr("How long to wait before reconnecting"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.switch)
        row.addWidget(self.delay)

    @property
    def is_on(self) -> bool:
        return self.switch.isChecked()

    @property
    def is_pending(self) -> bool:
        return self._timer.isActive()

    def schedule(self, reason: str) -> None:
        """The next attempt after the delay, doubled for each attempt that failed."""
        self.attempt += 1
        factor = min(2 ** (self.attempt - 1), RECONNECT_BACKOFF_LIMIT)
        wait_ms = self.delay.value() * factor
        self._reason = reason
        self._due_at = time.monotonic() + wait_ms / 1000
        self._timer.start(wait_ms)
        self._countdown.start()
        self.on_countdown_timeout()

    def cancel(self) -> None:
        """Stop waiting; the next failure starts from the first delay again."""
        self._timer.stop()
        self._countdown.stop()
        self.attempt = 0

    def succeeded(self) -> int:
        """The connection is back; returns how many attempts it took."""
        attempts, self.attempt = self.attempt, 0
        return attempts

    def on_timer_timeout(self) -> None:
        self._countdown.stop()
        self.due.emit()

    def on_countdown_timeout(self) -> None:
        if not self.is_pending:
            self._countdown.stop()
            return
        left = max(0.0, self._due_at - time.monotonic())
        self.waiting.emit(
            self.tr("{reason} · reconnecting in {seconds} s (attempt {attempt})").format(
                reason=self._reason, seconds=f"{left:.1f}", attempt=self.attempt
            )
        )
