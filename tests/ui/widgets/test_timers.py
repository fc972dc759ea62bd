"""Interval timers: they call back at their pace once started, and a single shot once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from netbench.ui.widgets.timers import interval_timer


def test_a_timer_waits_to_be_started_then_calls_back_at_its_pace(qtbot: Any) -> None:
    owner = QObject()
    calls: list[int] = []
    timer = interval_timer(owner, 5, lambda: calls.append(1))
    assert timer.parent() is owner
    assert not timer.isActive()
    qtbot.wait(30)
    assert calls == []
    timer.start()
    qtbot.waitUntil(lambda: len(calls) >= 3, timeout=2000)
    timer.stop()


def test_a_single_shot_timer_calls_back_once(qtbot: Any) -> None:
    owner = QObject()
    calls: list[int] = []
    timer = interval_timer(owner, 5, lambda: calls.append(1), single_shot=True)
    timer.start()
    qtbot.waitUntil(lambda: calls == [1], timeout=2000)
    qtbot.wait(40)
    assert calls == [1]
    assert not timer.isActive()
