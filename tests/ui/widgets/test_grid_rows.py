"""A form's grid filled a row at a time: columns follow one another and spans count."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from netbench.ui.widgets.grid_rows import add_grid_row


def test_widgets_line_up_in_columns_and_a_span_takes_its_columns(qtbot: Any) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    grid = QGridLayout(owner)
    name, query, go = QLabel("Name"), QLineEdit(), QPushButton("Go")
    server, address, port, tls = QLabel("Server"), QLineEdit(), QLineEdit(), QLineEdit()
    add_grid_row(grid, 0, name, (query, 2), go)
    add_grid_row(grid, 1, server, address, port, tls)
    owner.resize(600, 100)
    owner.show()
    qtbot.waitExposed(owner)
    assert grid.getItemPosition(grid.indexOf(query)) == (0, 1, 1, 2)
    assert grid.getItemPosition(grid.indexOf(go)) == (0, 3, 1, 1)
    assert grid.getItemPosition(grid.indexOf(tls)) == (1, 3, 1, 1)
    # What the user sees: the spanning field covers the two fields below it, and the
    # button stands over the last field of the next row.
    assert query.geometry().left() == address.geometry().left()
    assert query.geometry().right() == port.geometry().right()
    assert go.geometry().left() == tls.geometry().left()
