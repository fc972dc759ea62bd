"""The transcript model and widget: batches, the bounded ring, display modes, files."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication
from PySide6.QtTest import QAbstractItemModelTester
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
from netbench.core.recording.writer import record_from_json
from netbench.core.transcript import Direction, Record, format_record, format_time
from netbench.ui.transcript.model import CELL_CHAR_LIMIT, RECORD_ROLE, Column, TranscriptModel
from netbench.ui.transcript.view import TranscriptView
from netbench.ui.widgets.sizes import format_size

PREFIX = "server"
T0 = 1_700_000_000.0


def make_records(count: int, start: int = 0) -> list[Record]:
    """Alternating in/out records with distinct, numbered payloads."""
    return [
        Record(
            at=T0 + i * 0.25,
            direction=Direction.IN if i % 2 == 0 else Direction.OUT,
            peer="10.0.0.2:5000",
            data=f"message {i:06d}\n".encode(),
        )
        for i in range(start, start + count)
    ]


def in_batches(records: list[Record], size: int) -> Iterator[list[Record]]:
    for first in range(0, len(records), size):
        yield records[first : first + size]


@pytest.fixture
def model(qapp: Any) -> Iterator[TranscriptModel]:
    model = TranscriptModel(capacity=100)
    # Checks every signal the model sends against its row counts; a broken promise is a Qt
    # warning, which fails the test.
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    yield model
    del tester


@pytest.fixture
def view(qtbot: Any) -> Iterator[TranscriptView]:
    widget = TranscriptView(PREFIX)
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.stop_recording()


def cell(model: TranscriptModel, row: int, column: Column, role: int = 0) -> Any:
    return model.data(model.index(row, column), role or Qt.ItemDataRole.DisplayRole)


def record_signals(model: TranscriptModel) -> list[tuple[str, int, int]]:
    events: list[tuple[str, int, int]] = []
    model.rowsInserted.connect(lambda _p, first, last: events.append(("insert", first, last)))
    model.rowsRemoved.connect(lambda _p, first, last: events.append(("remove", first, last)))
    model.modelReset.connect(lambda: events.append(("reset", 0, 0)))
    return events


# --- the model: batches and the ring -------------------------------------------------------


def test_a_batch_of_a_thousand_is_one_insertion(qapp: Any) -> None:
    model = TranscriptModel()
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    events = record_signals(model)
    counts: list[int] = []
    model.counts_changed.connect(lambda: counts.append(model.rowCount()))

    model.append_records(make_records(1000))
    model.append_records(make_records(1000, start=1000))

    assert events == [("insert", 0, 999), ("insert", 1000, 1999)]
    assert counts == [1000, 2000]
    assert model.rowCount() == 2000
    assert model.record(1999).data == b"message 001999\n"
    del tester


def test_a_full_ring_drops_the_oldest_and_totals_keep_counting(model: TranscriptModel) -> None:
    records = make_records(250)
    events = record_signals(model)

    for batch in in_batches(records, 30):
        model.append_records(batch)

    assert model.rowCount() == 100
    assert model.dropped == 150
    assert [model.record(row) for row in range(100)] == records[150:]
    totals = model.totals
    assert totals.records_in + totals.records_out == 250
    assert totals.records_in == 125
    assert totals.bytes_in == sum(len(r.data) for r in records if r.direction is Direction.IN)
    assert totals.bytes_out == sum(len(r.data) for r in records if r.direction is Direction.OUT)
    # One removal before each insertion once the ring is full, never a reset.
    assert ("reset", 0, 0) not in events
    assert events[:4] == [
        ("insert", 0, 29),
        ("insert", 30, 59),
        ("insert", 60, 89),
        ("remove", 0, 19),
    ]
    assert sum(last - first + 1 for kind, first, last in events if kind == "remove") == 150


def test_a_batch_larger_than_the_ring_keeps_only_its_tail(model: TranscriptModel) -> None:
    model.append_records(make_records(40))
    events = record_signals(model)

    big = make_records(250, start=40)
    model.append_records(big)

    assert events == [("remove", 0, 39), ("insert", 0, 99)]
    assert [model.record(row) for row in range(100)] == big[150:]
    assert model.dropped == 40 + 150
    assert model.totals.records_in + model.totals.records_out == 290

    # A batch larger than the ring into an empty ring: no removal at all.
    model.clear()
    events.clear()
    model.append_records(make_records(130))
    assert events == [("insert", 0, 99)]
    assert model.dropped == 30


def test_shrinking_the_ring_removes_the_oldest_rows(model: TranscriptModel) -> None:
    records = make_records(80)
    model.append_records(records)
    events = record_signals(model)

    model.set_capacity(50)

    assert events == [("remove", 0, 29)]
    assert [model.record(row) for row in range(50)] == records[30:]
    assert model.dropped == 30
    model.set_capacity(200)
    assert model.rowCount() == 50


def test_changing_the_view_updates_columns_without_a_reset(model: TranscriptModel) -> None:
    model.append_records(make_records(10))
    events = record_signals(model)
    changed: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda top, bottom, _roles: changed.append(
            (top.row(), top.column(), bottom.row(), bottom.column())
        )
    )
    headers: list[tuple[int, int]] = []
    model.headerDataChanged.connect(lambda _o, first, last: headers.append((first, last)))

    model.display_mode = DisplayMode.HEX
    model.encoding = "gbk"
    model.relative_time = True

    assert events == []
    assert changed == [(0, Column.DATA, 9, Column.DATA)] * 2 + [(0, Column.TIME, 9, Column.TIME)]
    assert headers == [(Column.DATA, Column.DATA)] * 2 + [(Column.TIME, Column.TIME)]


# --- the model: what the cells show --------------------------------------------------------


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


def test_relative_time_counts_from_the_first_record(model: TranscriptModel) -> None:
    records = [
        Record(T0, Direction.INFO, "peer", note="connected"),
        Record(T0 + 1.5, Direction.IN, "peer", b"a"),
    ]
    model.append_records(records)

    assert cell(model, 1, Column.TIME) == format_time(T0 + 1.5)
    model.relative_time = True
    assert cell(model, 0, Column.TIME) == "+0.000000"
    assert cell(model, 1, Column.TIME) == "+1.500000"
    assert "+s" in model.headerData(Column.TIME, Qt.Orientation.Horizontal)

    # The base stays put when the first record falls out of the ring...
    model.set_capacity(1)
    assert cell(model, 0, Column.TIME) == "+1.500000"
    # ...and can be set explicitly.
    model.time_base = T0 + 1.0
    assert cell(model, 0, Column.TIME) == "+0.500000"


def test_relative_time_in_the_view(view: TranscriptView) -> None:
    view.append_records(make_records(3))
    view.time_combo.setCurrentIndex(1)

    assert cell(view.model, 2, Column.TIME) == "+0.500000"


def test_long_data_is_cut_in_the_cell_but_kept_in_the_record(model: TranscriptModel) -> None:
    big = b"x" * 50_000
    cjk = "你".encode() * 1000
    model.append_records(
        [Record(T0, Direction.OUT, "peer", big), Record(T0, Direction.IN, "peer", cjk)]
    )

    text = cell(model, 0, Column.DATA)
    assert text == "x" * CELL_CHAR_LIMIT + f"…(+{50_000 - CELL_CHAR_LIMIT:,} bytes)"
    assert model.record(0).data == big
    # A cut never splits a character into escapes.
    shown = CELL_CHAR_LIMIT // 3
    assert cell(model, 1, Column.DATA) == "你" * shown + f"…(+{3000 - 3 * shown:,} bytes)"

    model.display_mode = DisplayMode.HEX
    hex_text = cell(model, 0, Column.DATA)
    assert hex_text.startswith("78 78")
    assert hex_text.endswith(" bytes)")
    assert len(hex_text) <= CELL_CHAR_LIMIT + 20
    assert cell(model, 0, Column.LENGTH) == "50,000"


def resident_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def test_rows_shown_and_then_dropped_do_not_stay_in_memory(qapp: Any) -> None:
    model = TranscriptModel()  # holds 64 MB of message data at most
    before = resident_bytes()
    for n in range(256):
        model.append_records([Record(T0, Direction.OUT, "peer", bytes([n % 256]) * (1 << 20))])
        cell(model, model.rowCount() - 1, Column.DATA)  # shown, so its cell is cached
    grown = resident_bytes() - before
    assert model.ring.kept_bytes <= 64 << 20
    assert grown < 128 << 20, f"{grown / 1e6:.0f} MB more after 256 rows of 1 MB"


def test_notes_show_how_reads_were_merged_and_split(model: TranscriptModel) -> None:
    merged = [
        Record(
            T0,
            Direction.IN,
            "peer",
            b"a",
            first_chunk=7,
            last_chunk=7,
            chunk_frames=3,
            frame_index=i,
        )
        for i in (1, 2, 3)
    ]
    split = Record(T0, Direction.IN, "peer", b"long", first_chunk=4, last_chunk=6)
    both = Record(
        T0,
        Direction.IN,
        "peer",
        b"x",
        note="late",
        first_chunk=8,
        last_chunk=9,
        chunk_frames=2,
        frame_index=1,
    )
    info = Record(T0, Direction.INFO, "peer", note="peer finished sending (FIN)")
    model.append_records([*merged[:2]])
    model.append_records([merged[2], split, both, info])

    notes = [cell(model, row, Column.NOTE) for row in range(6)]
    assert notes[:3] == [f"merged: {i} of 3 in one read" for i in (1, 2, 3)]
    assert notes[3] == "split over reads 4–6"
    assert notes[4] == "split over reads 8–9 · merged: 1 of 2 in one read · late"
    assert notes[5] == ""  # an event's words are shown in the Data column instead
    assert cell(model, 5, Column.DATA) == "peer finished sending (FIN)"
    assert cell(model, 5, Column.LENGTH) == ""
    assert cell(model, 5, Column.DIRECTION) == "•"
    assert cell(model, 5, Column.DATA, RECORD_ROLE) is info


def test_rows_are_colored_by_direction_and_data_is_monospace(model: TranscriptModel) -> None:
    model.append_records(
        [
            Record(T0, Direction.IN, "p", b"a"),
            Record(T0, Direction.OUT, "p", b"b"),
            Record(T0, Direction.INFO, "p", note="i"),
            Record(T0, Direction.ERROR, "p", note="e"),
        ]
    )
    role = Qt.ItemDataRole.ForegroundRole
    colors = {QColor(cell(model, row, Column.PEER, role)).name() for row in range(4)}
    assert len(colors) == 4
    fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    assert cell(model, 0, Column.DATA, Qt.ItemDataRole.FontRole) == fixed


# --- the widget ----------------------------------------------------------------------------


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


def test_ctrl_c_in_the_table_copies_whole_rows(view: TranscriptView, qtbot: Any) -> None:
    long = Record(T0, Direction.IN, "peer", b"y" * 5000)
    view.append_records([*make_records(2), long])
    view.activateWindow()
    view.table.setFocus()
    view.table.selectRow(2)

    qtbot.keyClick(view.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)

    # The full data, not the cell cut down to CELL_CHAR_LIMIT characters.
    assert QGuiApplication.clipboard().text() == format_record(long)


def test_export_text_and_json_lines(view: TranscriptView, tmp_path: Path) -> None:
    records = [*make_records(20), Record(T0, Direction.IN, "peer", "你好\x00".encode())]
    view.append_records(records)
    view.set_relative_time(True)

    assert view.export_to(tmp_path / "t.txt", "text")
    lines = (tmp_path / "t.txt").read_text(encoding="utf-8").splitlines()
    assert lines == [format_record(r, relative_to=T0) for r in records]
    assert lines[-1].endswith("你好\\0")

    assert view.export_to(tmp_path / "t.jsonl", "jsonl")
    rows = (tmp_path / "t.jsonl").read_text(encoding="utf-8").splitlines()
    assert [record_from_json(row) for row in rows] == records
    assert "Exported 21 records" in view.status_text()

    with pytest.raises(ValueError, match="format"):
        view.export_to(tmp_path / "t.csv", "csv")  # type: ignore[arg-type]


def test_export_through_the_file_dialog(view: TranscriptView, tmp_path: Path) -> None:
    view.append_records(make_records(3))
    view.export_jsonl_action.trigger()
    dialog = view.file_dialog
    assert dialog is not None
    assert dialog.objectName() == f"{PREFIX}.transcript_export_dialog"
    assert dialog.isVisible()  # opened with open(): no nested event loop

    dialog.selectFile(str(tmp_path / "dialog.jsonl"))
    dialog.accept()

    assert len((tmp_path / "dialog.jsonl").read_text(encoding="utf-8").splitlines()) == 3
    assert view.file_dialog is None


def test_export_errors_show_in_the_status(view: TranscriptView, tmp_path: Path) -> None:
    assert not view.export_to(tmp_path, "text")  # a directory
    assert "Could not export" in view.status_text()
    assert "color:" in view.status.text()


def test_recording_keeps_what_the_ring_drops(view: TranscriptView, tmp_path: Path) -> None:
    view.set_capacity(50)
    path = tmp_path / "recording.jsonl"
    changes: list[bool] = []
    view.recording_changed.connect(changes.append)
    records = make_records(300)

    assert view.start_recording(path)
    assert view.record_button.isChecked()
    for batch in in_batches(records, 37):
        view.append_records(batch)
    assert view.recorder is not None
    assert view.recorder.records_written == 300
    assert "recording to" in view.status_text()
    view.stop_recording()

    assert view.recorder is None
    assert not view.record_button.isChecked()
    assert changes == [True, False]
    rows = path.read_text(encoding="utf-8").splitlines()
    assert [record_from_json(row) for row in rows] == records
    assert view.model.rowCount() == 50
    assert "Recorded 300 records" in view.status_text()


def test_recording_through_the_button_and_dialog(view: TranscriptView, tmp_path: Path) -> None:
    view.record_button.click()
    dialog = view.file_dialog
    assert dialog is not None
    assert not view.record_button.isChecked()  # not until a file is open
    dialog.reject()
    assert not view.record_button.isChecked()
    assert view.recorder is None

    view.record_button.click()
    dialog = view.file_dialog
    assert dialog is not None
    dialog.selectFile(str(tmp_path / "rec.jsonl"))
    dialog.accept()
    assert view.record_button.isChecked()
    view.append_records(make_records(4))

    view.record_button.click()  # unchecking stops
    assert view.recorder is None
    assert len((tmp_path / "rec.jsonl").read_text(encoding="utf-8").splitlines()) == 4


def test_recording_to_an_unwritable_path_shows_an_error(
    view: TranscriptView, tmp_path: Path
) -> None:
    assert not view.start_recording(tmp_path)  # a directory

    assert view.recorder is None
    assert not view.record_button.isChecked()
    assert "Could not record" in view.status_text()
    assert "color:" in view.status.text()
    view.append_records(make_records(2))  # still works


def test_clear_empties_the_view_but_keeps_the_totals(view: TranscriptView) -> None:
    records = make_records(10)
    view.append_records(records)
    view.clear_button.click()

    assert view.model.rowCount() == 0
    assert view.model.totals.records_in == 5
    assert view.model.totals.records_out == 5
    status = view.status_text()
    assert status.startswith("0 shown · 5 in (")
    view.append_records(make_records(1, start=10))
    assert view.model.totals.records_in == 6


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


def test_table_rows_have_a_fixed_height(view: TranscriptView) -> None:
    rows = view.table.verticalHeader()
    assert rows.isHidden()
    assert rows.sectionResizeMode(0) == rows.ResizeMode.Fixed
    assert view.table.horizontalHeader().stretchLastSection()


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
