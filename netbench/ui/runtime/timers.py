"""A Qt timer made ready in one call: its period and what it runs, started later.

Panels poll a run's progress, refresh a status line or batch repaints on a timer of their
own; each made it the same way, a line for the timer, its interval, its slot and (for a
repaint that waits) single-shot. The caller starts and stops it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


def interval_timer(
    parent: QObject, ms: int, on_timeout: Callable[[], object], single_shot: bool = False
) -> QTimer:
    """A stopped timer, child of ``parent``, that runs ``on_timeout`` every ``ms`` ms (once
    per start when ``single_shot``). Qt timers count whole milliseconds."""
    timer = QTimer(parent)
    timer.setSingleShot(single_shot)
    timer.setInterval(ms)
    timer.timeout.connect(on_timeout)
    return timer
