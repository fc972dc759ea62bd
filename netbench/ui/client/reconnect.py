"""Automatic reconnection: when to try again, and what to say while waiting.

After a connection ends (or cannot be opened) the session waits the chosen delay, doubling
it after each failed attempt up to ``RECONNECT_BACKOFF_LIMIT`` times, so a server that is
down is not hammered; a countdown says how long is left.

Signals:
    due(): the wait is over, connect now.
    waiting(str): the countdown's text, four times a second while waiting.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

RECONNECT_BACKOFF_LIMIT = 8
COUNTDOWN_MS = 250


class Reconnector(QObject):
    due = Signal()
    waiting = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.attempt = 0
        self._due_at = 0.0
        self._reason = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.on_timer_timeout)
        self._countdown = QTimer(self)
        self._countdown.setInterval(COUNTDOWN_MS)
        self._countdown.timeout.connect(self.on_countdown_timeout)

    @property
    def is_pending(self) -> bool:
        return self._timer.isActive()

    def schedule(self, reason: str, delay_ms: int) -> None:
        """The next attempt after ``delay_ms``, doubled for each attempt that failed."""
        self.attempt += 1
        factor = min(2 ** (self.attempt - 1), RECONNECT_BACKOFF_LIMIT)
        wait_ms = delay_ms * factor
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
