"""Buttons made the one way the UI makes them: named ``<prefix>.<control>`` with a name a
screen reader says (see `naming`), a tooltip, and what a click does, in one call.

Every panel builds a row of these; written out by hand each took five lines that differed
only in their words. A widget that makes several says its parent and prefix once, through
`control_maker.Controls`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TypeVar

from PySide6.QtWidgets import QAbstractButton, QPushButton, QToolButton, QWidget

from netbench.ui.widgets.naming import name_widget

B = TypeVar("B", bound=QAbstractButton)
# What a click runs; one that takes an argument is told whether the button is now checked.
Click = Callable[[], object] | Callable[[bool], object]


def make_button(
    kind: type[B],
    parent: QWidget,
    text: str,
    prefix: str,
    control: str,
    accessible: str,
    tip: str = "",
    on_click: Click | None = None,
) -> B:
    """A ``kind`` button saying ``text`` (a tool button's may be empty, for an arrow or an
    icon); ``tip`` (when given) is its tooltip and ``on_click`` what a click does (given
    whether a checkable button is now checked, when it takes an argument)."""
    button = kind(parent)
    button.setText(text)
    name_widget(button, prefix, control, accessible)
    if tip:
        button.setToolTip(tip)
    if on_click is not None:
        button.clicked.connect(on_click)
    return button


# The two kinds panels use: push buttons, and compact tool buttons for tight rows.
push_button = partial(make_button, QPushButton)
tool_button = partial(make_button, QToolButton)
