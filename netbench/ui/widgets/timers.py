"""Timers that call a method every so often: progress polls, rate meters, countdowns.

Each owner made a ``QTimer``, set its interval and connected its timeout, three lines a
timer; ``interval_timer`` is those three. The timer is not started: its owner starts and
stops it with the work it times.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


def interval_timer(
    parent: QObject, interval_ms: int, on_timeout: Callable[[], object], single_shot: bool = False
) -> QTimer:
    """A timer owned by ``parent`` that calls ``on_timeout`` every ``interval_ms`` (once,
    when ``single_shot``), not yet started."""
    timer = QTimer(parent)
    timer.setSingleShot(single_shot)
    timer.setInterval(interval_ms)
    timer.timeout.connect(on_timeout)
    return timer
