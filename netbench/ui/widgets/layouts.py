"""A column of widgets and rows, edge to edge: the box most panels are built of.

Panels stack a row of controls over a table, or an editor over its option rows, inside a
widget that a splitter or a tab holds. Its layout has no margins of its own, so the
column lines up with its neighbours; one item may take the spare height. A page that
lays out its own box adds its rows and widgets the same way (`add_items`); a form's
line, a label and its controls side by side, is a `labelled_row`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QLayout, QVBoxLayout, QWidget


def column(
    parent: QWidget,
    *items: QWidget | QLayout,
    stretch: QWidget | None = None,
    spacing: int | None = None,
) -> QWidget:
    """A widget holding ``items`` one above another, without margins; ``stretch`` (one of
    the items) takes the height the others leave, and ``spacing`` (when given) sets the
    gap between them."""
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    if spacing is not None:
        layout.setSpacing(spacing)
    add_items(layout, *items, stretch=stretch)
    return box


def add_items(
    layout: QBoxLayout, *items: QWidget | QLayout, stretch: QWidget | None = None
) -> None:
    """Add ``items`` to ``layout`` in order, a row or column of controls as a layout and a
    widget as a widget; ``stretch`` (one of the items) takes the room the others leave."""
    for item in items:
        if isinstance(item, QLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item, 1 if item is stretch else 0)


def labelled_row(parent: QWidget, label: str, *items: QWidget | tuple[QWidget, int]) -> QHBoxLayout:
    """A row: a label saying ``label``, then ``items`` left to right; an item given as
    ``(widget, n)`` takes n shares of the width the others leave."""
    row = QHBoxLayout()
    row.addWidget(QLabel(label, parent))
    for item in items:
        widget, stretch = item if isinstance(item, tuple) else (item, 0)
        row.addWidget(widget, stretch)
    return row
