"""Merged and split reads are marked where the eye already is: a narrow Reads column
before Data, visible at the window's default size, with the whole note in its tooltip."""

import socket

from helpers import bound_port, find, start_listener
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from netbench.core.transcript import Direction
from netbench.ui.transcript.model import Column

DEFAULT_SIZE = (1180, 760)  # what the window opens at without saved settings


def test_a_merged_read_is_marked_on_screen_and_its_tooltip_says_it_all(window, pump, in_thread):
    window.resize(*DEFAULT_SIZE)
    server = start_listener(window, pump, framing="lf")
    port = bound_port(window)

    def send_three_lines_at_once():
        with socket.create_connection(("127.0.0.1", port), timeout=5) as peer:
            peer.sendall(b"one\ntwo\nthree\n")  # one write: one read of three messages

    in_thread(send_three_lines_at_once)
    model = server.transcript.model

    def merged_rows():
        rows = [model.record(r) for r in range(model.rowCount())]
        return [i for i, r in enumerate(rows) if r.direction is Direction.IN and r.frame_index]

    pump(lambda: len(merged_rows()) == 3)
    table = find(window, "server.transcript")
    row = merged_rows()[1]
    index = model.index(row, Column.READS)
    table.scrollTo(index)
    QApplication.processEvents()
    assert table.horizontalScrollBar().value() == 0  # seen without scrolling sideways
    cell = table.visualRect(index)
    assert window.width() == DEFAULT_SIZE[0]
    assert table.viewport().rect().contains(cell), (cell, table.viewport().rect())
    assert model.data(index) == "❐ 2/3"
    assert table.visualRect(model.index(row, Column.DATA)).left() >= cell.right()

    center = cell.center()
    event = QHelpEvent(QEvent.Type.ToolTip, center, table.viewport().mapToGlobal(center))
    QApplication.sendEvent(table.viewport(), event)
    pump(QToolTip.isVisible, 5)
    assert QToolTip.text() == "merged: 2 of 3 in one read"
    QToolTip.hideText()
