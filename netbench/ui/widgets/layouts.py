"""A column of widgets and rows, edge to edge: the box most panels are built of.

Panels stack a row of controls over a table, or an editor over its option rows, inside a
widget that a splitter or a tab holds. Its layout has no margins of its own, so the
column lines up with its neighbours; one item may take the spare height.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLayout, QVBoxLayout, QWidget


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
    for item in items:
        if isinstance(item, QLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item, 1 if item is stretch else 0)
    return box
