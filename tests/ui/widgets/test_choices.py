"""Combos set by value, quietly: what an editor does when it shows a saved state."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from netbench.ui.widgets.choices import choose_value, signals_blocked


def test_a_combo_shown_quietly_takes_the_item_and_says_nothing(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    first, second = QComboBox(parent), QComboBox(parent)
    for combo in (first, second):
        for label, value in (("LF", "lf"), ("CRLF", "crlf"), ("none", 0)):
            combo.addItem(label, value)
    heard: list[int] = []
    first.currentIndexChanged.connect(heard.append)
    second.currentIndexChanged.connect(heard.append)

    with signals_blocked(first, second):
        choose_value(first, "crlf")
        choose_value(second, 0)

    assert (first.currentText(), second.currentText()) == ("CRLF", "none")
    assert heard == []
    choose_value(first, "lf")  # the block is over: the user's changes are heard again
    assert heard == [0]
