"""Buttons made the one way the UI makes them: named ``<prefix>.<control>`` with a name a
screen reader says (see `naming`), a tooltip, and what a click does, in one call.

Every panel builds a row of these; written out by hand each took five lines that differed
only in their words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QAbstractButton, QPushButton, QToolButton, QWidget

from netbench.ui.widgets.naming import name_widget

B = TypeVar("B", bound=QAbstractButton)


def _set_up(
    button: B,
    prefix: str,
    control: str,
    accessible: str,
    tip: str,
    on_click: Callable[[], object] | None,
) -> B:
    name_widget(button, prefix, control, accessible)
    if tip:
        button.setToolTip(tip)
    if on_click is not None:
        button.clicked.connect(on_click)
    return button


def push_button(
    parent: QWidget,
    text: str,
    prefix: str,
    control: str,
    accessible: str,
    tip: str = "",
    on_click: Callable[[], object] | None = None,
) -> QPushButton:
    """A push button saying ``text``; ``tip`` (when given) is its tooltip."""
    return _set_up(QPushButton(text, parent), prefix, control, accessible, tip, on_click)


def tool_button(
    parent: QWidget,
    text: str,
    prefix: str,
    control: str,
    accessible: str,
    tip: str = "",
    on_click: Callable[[], object] | None = None,
) -> QToolButton:
    """A compact tool button saying ``text`` (may be empty for an arrow or an icon)."""
    button = QToolButton(parent)
    button.setText(text)
    return _set_up(button, prefix, control, accessible, tip, on_click)
