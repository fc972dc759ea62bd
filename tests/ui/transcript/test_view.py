"""The transcript widget: display choices, autoscroll, search, copy, status and names."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from helpers import (
    PREFIX,
    T0,
    cell,
    in_batches,
    make_records,
    shown_transcript_view,
)
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QMenu,
    QWidget,
)

from netbench.core.display import DisplayMode
from netbench.core.transcript import Direction, Record, format_record
from netbench.ui.transcript.model import Column
from netbench.ui.transcript.view import TranscriptView
from netbench.ui.widgets.sizes import format_size


@pytest.fixture
def view(qtbot: Any) -> Iterator[TranscriptView]:
    yield from shown_transcript_view(qtbot, PREFIX)


def test_display_modes_change_the_data_cell(view: TranscriptView) -> None:
    view.append_records([Record(T0, Direction.IN, "peer", b"hi\n")])
    model = view.model

    assert cell(model, 0, Column.DATA) == "hi\\n"
    view.set_display_mode(DisplayMode.HEX)
    assert view.mode_combo.currentData() == "hex"
    assert cell(model, 0, Column.DATA) == "68 69 0a"
    view.set_display_mode(DisplayMode.BOTH)
    both = cell(model, 0, Column.DATA)
    assert "hi\\n" in both
    assert "68 69 0a" in both
    assert "hex" in model.headerData(Column.DATA, Qt.Orientation.Horizontal)
    view.set_display_mode(DisplayMode.TEXT)
    assert cell(model, 0, Column.DATA) == "hi\\n"


def test_cjk_text_follows_the_encoding(view: TranscriptView) -> None:
    view.append_records([Record(T0, Direction.IN, "peer", "你好".encode("gbk"))])

    view.set_encoding("gbk")
    assert cell(view.model, 0, Column.DATA) == "你好"
    view.set_encoding("utf-8")
    assert cell(view.model, 0, Column.DATA) == "\\xc4\\xe3\\xba\\xc3"


def test_undecodable_bytes_show_as_escapes(view: TranscriptView) -> None:
    view.append_records([Record(T0, Direction.IN, "peer", b"ok\xff\xfe\x01")])

    assert cell(view.model, 0, Column.DATA) == "ok\\xff\\xfe\\x01"
    assert cell(view.model, 0, Column.LENGTH) == "5"


def test_relative_time_in_the_view(view: TranscriptView) -> None:
    view.append_records(make_records(3))
    view.time_combo.setCurrentIndex(1)

    assert cell(view.model, 2, Column.TIME) == "+0.500000"


def test_autoscroll_follows_pauses_and_resumes(view: TranscriptView, pump: Any) -> None:
    bar = view.table.verticalScrollBar()
    view.append_records(make_records(200))
    pump(lambda: bar.maximum() > 0)
    assert bar.value() == bar.maximum()
    assert "paused" not in view.status_text()

    bar.setValue(0)
    view.append_records(make_records(20, start=200))
    pump(lambda: True)
    assert bar.value() == 0
    assert "autoscroll paused" in view.status_text()

    bar.setValue(bar.maximum())
    assert "paused" not in view.status_text()
    view.append_records(make_records(20, start=220))
    pump(lambda: True)
    assert bar.value() == bar.maximum()
    assert view.table.rowAt(view.table.viewport().height() - 2) >= 230

    # With autoscroll off the view never moves, and nothing is "paused".
    view.autoscroll.setChecked(False)
    bar.setValue(10)
    view.append_records(make_records(5, start=240))
    assert bar.value() == 10
    assert "paused" not in view.status_text()


def test_a_paused_view_keeps_its_rows_when_the_ring_drops(view: TranscriptView, pump: Any) -> None:
    view.set_capacity(200)
    view.append_records(make_records(200))
    pump(lambda: True)
    bar = view.table.verticalScrollBar()
    bar.setValue(50)
    top = view.model.record(view.table.rowAt(0))

    view.append_records(make_records(20, start=200))
    pump(lambda: True)

    assert bar.value() == 30
    assert view.model.record(view.table.rowAt(0)) == top


def test_search_selects_matches_and_says_when_there_is_none(
    view: TranscriptView, qtbot: Any
) -> None:
    records = make_records(100)
    records[5] = Record(T0, Direction.IN, "peer", b"the Needle here")
    records[50] = Record(T0, Direction.OUT, "peer", b"another needle\r\n")
    view.append_records(records)
    search = view.search

    search.setText("NEEDLE")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert view.table.currentIndex().row() == 5
    assert [i.row() for i in view.table.selectionModel().selectedRows()] == [5]
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert view.table.currentIndex().row() == 50
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert view.table.currentIndex().row() == 5  # wraps around
    qtbot.keyClick(search, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert view.table.currentIndex().row() == 50
    assert search.property("noMatch") is False

    search.setText("needle\\r\\n")  # escapes as the cells show them
    assert view.find_match()
    assert view.table.currentIndex().row() == 50

    search.setText("no such thing")
    qtbot.keyClick(search, Qt.Key.Key_Enter)
    assert search.property("noMatch") is True
    assert search.styleSheet()
    assert "No match" in view.status_text()
    assert view.table.currentIndex().row() == 50  # the selection stays

    qtbot.keyClicks(search, "x")
    assert search.property("noMatch") is False
    assert "No match" not in view.status_text()


def test_search_in_hex_matches_bytes(view: TranscriptView) -> None:
    view.append_records([*make_records(10), Record(T0, Direction.IN, "peer", b"\x00hi!")])
    view.set_display_mode(DisplayMode.HEX)

    for query in ("68 69", "6869", "00 68"):
        view.table.clearSelection()
        view.table.setCurrentIndex(QModelIndex())
        view.search.setText(query)
        assert view.find_match(), query
        assert view.table.currentIndex().row() == 10


def test_copy_puts_rows_on_the_clipboard(view: TranscriptView) -> None:
    records = make_records(5)
    view.append_records(records)
    clipboard = QGuiApplication.clipboard()

    view.copy_button.click()
    assert clipboard.text() == "\n".join(format_record(r) for r in records)

    view.table.selectRow(1)
    view.table.selectionModel().select(
        view.model.index(3, 0),
        view.table.selectionModel().SelectionFlag.Select
        | view.table.selectionModel().SelectionFlag.Rows,
    )
    view.copy_selection()
    assert clipboard.text() == "\n".join(format_record(records[i]) for i in (1, 3))
    assert "Copied 2 rows" in view.status_text()

    view.set_display_mode(DisplayMode.HEX)
    view.copy_data()
    assert clipboard.text().startswith("00000000  6d 65 73 73")


def test_clear_empties_the_view_but_keeps_the_totals(view: TranscriptView) -> None:
    records = make_records(10)
    view.append_records(records)
    view.clear_button.click()

    assert view.model.rowCount() == 0
    assert view.model.totals.messages_in == 5
    assert view.model.totals.messages_out == 5
    status = view.status_text()
    assert status.startswith("0 shown · 5 in (")
    view.append_records(make_records(1, start=10))
    assert view.model.totals.messages_in == 6


def test_status_counts_everything(view: TranscriptView) -> None:
    view.set_capacity(100)
    view.append_records(make_records(250))

    status = view.status_text()
    assert status.startswith("100 shown · 125 in (")
    assert "125 out (" in status
    assert "150 dropped from view" in status
    assert format_size(1023) == "1023 B"
    assert format_size(2048) == "2.0 KB"
    assert format_size(320 * 1024) == "320 KB"
    assert format_size(5 * 1024**3) == "5.0 GB"


def test_a_hundred_thousand_rows_stay_quick(view: TranscriptView) -> None:
    records = make_records(100_000)
    started = time.perf_counter()
    for batch in in_batches(records, 5_000):
        view.append_records(batch)
    view.repaint()
    elapsed = time.perf_counter() - started

    assert view.model.rowCount() == 100_000
    assert elapsed < 10  # generous: typically well under a second
    view.search.setText("message 000007")
    assert view.find_match()
    assert view.table.currentIndex().row() == 7


_INTERACTIVE = (QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QAbstractSpinBox, QMenu)


def _is_internal(widget: QWidget, top: QWidget) -> bool:
    """Parts of another control (a combo's popup, a table's scroll bars) or of a dialog."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, (*_INTERACTIVE, QDialog)):
            return True
        parent = parent.parentWidget()
    return False


def test_every_control_has_a_unique_name_and_an_accessible_name(view: TranscriptView) -> None:
    controls = [
        w
        for w in view.findChildren(QWidget)
        if isinstance(w, _INTERACTIVE) and not _is_internal(w, view)
    ]
    names = [w.objectName() for w in controls]

    assert len(names) == len(set(names))
    for widget in controls:
        assert widget.objectName().startswith(f"{PREFIX}."), widget
        assert widget.accessibleName(), widget.objectName()
    for control in (
        "transcript",
        "transcript_mode",
        "transcript_encoding",
        "transcript_time",
        "transcript_autoscroll",
        "transcript_search",
        "transcript_clear",
        "transcript_copy",
        "transcript_export",
        "transcript_record",
        "transcript_status",
    ):
        assert view.findChild(QWidget, f"{PREFIX}.{control}") is not None, control
    assert view.table.objectName() == f"{PREFIX}.transcript"


def test_the_status_line_changes_without_laying_out_the_window(
    view: TranscriptView, qtbot: Any
) -> None:
    """Under a flood the status changes ten times a second: each change used to lay out
    and repaint the whole window."""
    from PySide6.QtCore import QEvent, QObject

    class Count(QObject):
        layouts = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.LayoutRequest:
                Count.layouts += 1
            return False

    counter = Count()
    view.installEventFilter(counter)
    qtbot.wait(50)
    Count.layouts = 0
    for n in range(20):
        view.append_records(make_records(1, start=n))
        qtbot.wait(5)
    assert "20 shown" in view.status_text() or "shown" in view.status_text()
    assert Count.layouts == 0
    view.removeEventFilter(counter)
