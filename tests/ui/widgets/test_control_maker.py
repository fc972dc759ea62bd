"""A part's controls: found by ``<prefix>.<control>``, said by a screen reader, and doing
what a user expects of them (a number field's range, a button's click, a message label
whose text can be selected)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSpinBox, QToolButton, QWidget

from netbench.ui.widgets.control_maker import Controls


def test_a_number_field_keeps_to_its_range_and_starts_at_its_value(qtbot: Any) -> None:
    part = QWidget()
    qtbot.addWidget(part)
    controls = Controls(part, "tab")
    count = controls.spin_box("count", "How many", 1, 50, 10)
    low = controls.spin_box("low", "From", 5, 9)
    assert part.findChild(QSpinBox, "tab.count") is count
    assert count.accessibleName() == "How many"
    assert count.value() == 10
    assert low.value() == 5  # no value given: it starts at its lowest
    count.setValue(500)
    assert count.value() == 50


def test_a_button_is_named_and_does_what_a_click_says(qtbot: Any) -> None:
    part = QWidget()
    qtbot.addWidget(part)
    clicks: list[bool] = []
    button = Controls(part, "tab.2").push_button(
        "Go", "go", "Start it", "Starts it now", lambda: clicks.append(True)
    )
    assert part.findChild(QPushButton, "tab.2.go") is button
    assert (button.text(), button.accessibleName(), button.toolTip()) == (
        "Go",
        "Start it",
        "Starts it now",
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert clicks == [True]


def test_a_message_label_wraps_and_its_text_can_be_selected(qtbot: Any) -> None:
    part = QWidget()
    qtbot.addWidget(part)
    label = Controls(part, "tab").message_label("error", "What went wrong")
    assert part.findChild(QLabel, "tab.error") is label
    assert label.wordWrap()
    assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


def test_a_tool_button_without_a_tip_or_a_click_is_still_named(qtbot: Any) -> None:
    part = QWidget()
    qtbot.addWidget(part)
    quiet = Controls(part, "client.2").tool_button("Export", "transcript_export", "Export")
    assert part.findChild(QToolButton, "client.2.transcript_export") is quiet
    assert (quiet.text(), quiet.accessibleName(), quiet.toolTip()) == ("Export", "Export", "")
