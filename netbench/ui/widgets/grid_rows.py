"""A form's grid filled a row at a time, left to right.

Pages with more controls than one line holds (the DNS query, the port check, a load run's
plan) lay them out in a grid so the columns line up row under row. Each row was a run of
``addWidget(widget, row, column)`` calls with the columns counted by hand; here a row is
its widgets in order, and a widget that spans columns says how many.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QWidget


def add_grid_row(grid: QGridLayout, row: int, *items: QWidget | tuple[QWidget, int]) -> None:
    """Places ``items`` in row ``row`` of ``grid``, from the first column on, each in the
    column after the one before; an item given as ``(widget, n)`` spans n columns."""
    column = 0
    for item in items:
        widget, span = item if isinstance(item, tuple) else (item, 1)
        grid.addWidget(widget, row, column, 1, span)
        column += span
