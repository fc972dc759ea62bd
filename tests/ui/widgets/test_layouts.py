"""A column of widgets and rows, edge to edge, one item taking the spare height."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QWidget

from netbench.ui.widgets.layouts import column, labelled_row


def test_the_stretching_item_takes_the_height_the_others_leave(qtbot: Any) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    title, editor, status = QLabel("Title"), QPlainTextEdit(), QLabel("Status")
    row = QHBoxLayout()
    row.addWidget(QLabel("in a row"))
    box = column(owner, title, row, editor, status, stretch=editor, spacing=3)
    box.resize(300, 400)
    box.show()
    qtbot.waitExposed(box)
    assert box.layout().contentsMargins().top() == 0
    assert box.layout().spacing() == 3
    assert title.geometry().top() == 0  # edge to edge: no margin above the first item
    assert editor.height() > 300  # the editor has what the labels and the row leave
    assert status.geometry().bottom() == box.height() - 1
    assert [w.parent() for w in (title, editor, status)] == [box, box, box]


def test_a_labelled_row_shares_the_spare_width_as_its_items_ask(qtbot: Any) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    narrow, wide, fixed = QPlainTextEdit(), QPlainTextEdit(), QLabel("fixed")
    row = labelled_row(owner, "Name", (narrow, 1), (wide, 3), fixed)
    owner.setLayout(row)
    owner.resize(900, 100)
    owner.show()
    qtbot.waitExposed(owner)
    label = row.itemAt(0).widget()
    assert isinstance(label, QLabel) and label.text() == "Name"
    assert label.geometry().left() < narrow.geometry().left() < wide.geometry().left()
    assert wide.width() > 2 * narrow.width()  # three shares against one
    assert fixed.geometry().left() > wide.geometry().right()
