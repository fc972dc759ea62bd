"""A widget's buttons, made with its parent and prefix said once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton, QWidget

from netbench.ui.widgets.buttons import Buttons


def test_a_button_is_named_under_the_prefix_and_runs_its_click(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    buttons = Buttons(parent, "client.2", QToolButton)
    clicked: list[bool] = []

    button = buttons.make(
        "Clear",
        "transcript_clear",
        "Clear transcript",
        "Empty the view",
        lambda: clicked.append(True),
    )
    quiet = buttons.make("Export", "transcript_export", "Export transcript")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert isinstance(button, QToolButton) and button.parent() is parent
    assert parent.findChild(QToolButton, "client.2.transcript_clear") is button
    assert (button.text(), button.accessibleName(), button.toolTip()) == (
        "Clear",
        "Clear transcript",
        "Empty the view",
    )
    assert clicked == [True]
    assert (quiet.objectName(), quiet.toolTip()) == ("client.2.transcript_export", "")
