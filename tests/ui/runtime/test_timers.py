"""A timer made ready in one call runs its slot on its period, or once per start."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QObject

from netbench.ui.runtime.timers import interval_timer


@pytest.mark.usefixtures("qapp")
def test_a_timer_waits_for_its_start_then_runs_its_slot_on_its_period(pump: Any) -> None:
    owner = QObject()
    ticks: list[str] = []
    repeating = interval_timer(owner, 5, lambda: ticks.append("tick"))
    once = interval_timer(owner, 5, lambda: ticks.append("once"), single_shot=True)
    assert not repeating.isActive() and repeating.parent() is owner
    assert (repeating.interval(), once.isSingleShot()) == (5, True)

    repeating.start()
    once.start()
    # pump processes events itself: qtbot's waits run a nested event loop, which returns at
    # once after an earlier test's qasync loop stopped (its stop() exits the application).
    pump(lambda: ticks.count("tick") >= 3, 2)
    repeating.stop()
    assert ticks.count("once") == 1
