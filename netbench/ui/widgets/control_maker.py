"""A part's controls made the one way: each a child of the part, named
``<prefix>.<control>`` with a name a screen reader says (see `naming`).

Rows and pages build their buttons and number fields one after another; each call used
to hand over the part and its prefix again, and each number field took five lines of
range, value and name before anything that was its own. `Controls` holds the part and
the prefix, so a call says only what differs.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSpinBox, QToolButton, QWidget

from netbench.ui.widgets.buttons import Click, push_button, tool_button
from netbench.ui.widgets.naming import name_widget

W = TypeVar("W", bound=QWidget)


class Controls:
    """Makes the controls of ``parent``, named under ``prefix``."""

    def __init__(self, parent: QWidget, prefix: str) -> None:
        self.parent = parent
        self.prefix = prefix

    def name(self, widget: W, control: str, accessible: str = "") -> W:
        """Names ``widget`` ``<prefix>.<control>`` (and ``accessible``, when given)."""
        return name_widget(widget, self.prefix, control, accessible)

    def push_button(
        self, text: str, control: str, accessible: str, tip: str = "", on_click: Click | None = None
    ) -> QPushButton:
        """A push button saying ``text`` (see `buttons.make_button`)."""
        return push_button(self.parent, text, self.prefix, control, accessible, tip, on_click)

    def tool_button(
        self, text: str, control: str, accessible: str, tip: str = "", on_click: Click | None = None
    ) -> QToolButton:
        """A compact tool button for a tight row; ``text`` may be empty for an arrow."""
        return tool_button(self.parent, text, self.prefix, control, accessible, tip, on_click)

    def spin_box(
        self, control: str, accessible: str, low: int, high: int, value: int | None = None
    ) -> QSpinBox:
        """A whole-number field from ``low`` to ``high``, showing ``value`` (``low`` when
        not given); its words (prefix, suffix, tooltip) are the caller's."""
        spin = self.name(QSpinBox(self.parent), control, accessible)
        spin.setRange(low, high)
        spin.setValue(low if value is None else value)
        return spin

    def message_label(self, control: str, accessible: str = "") -> QLabel:
        """A label for what the part says (an error, a status, figures): it wraps, and its
        text can be selected, to copy into a report or a search."""
        label = self.name(QLabel(self.parent), control, accessible)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label
