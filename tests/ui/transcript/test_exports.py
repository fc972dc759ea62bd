"""A transcript's files: export the rows in view, and record every record to a file."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import (
    PREFIX,
    T0,
    in_batches,
    make_records,
    shown_transcript_view,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from netbench.core.recording.writer import record_from_json
from netbench.core.transcript import Direction, Record, format_record
from netbench.ui.transcript.view import TranscriptView


@pytest.fixture
def view(qtbot: Any) -> Iterator[TranscriptView]:
    yield from shown_transcript_view(qtbot, PREFIX)


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


def test_choosing_the_compact_type_records_compact(view: TranscriptView, tmp_path: Path) -> None:
    """The type chosen in the dialog changes the name's suffix, and the suffix the format."""
    view.record_button.click()
    dialog = view.file_dialog
    assert dialog is not None
    dialog.setDirectory(str(tmp_path))
    dialog.selectFile("flood.jsonl")
    types = dialog.findChild(QComboBox, "fileTypeCombo")
    index = types.findText("Compact recording", Qt.MatchFlag.MatchStartsWith)
    types.setCurrentIndex(index)
    types.activated.emit(index)  # as a click on the type would
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    assert name.text() == "flood.nbrec"
    dialog.accept()
    assert view.recorder is not None and view.recorder.compact
    assert view.recorder.path == tmp_path / "flood.nbrec"
    view.append_records(make_records(3))
    view.stop_recording()
    assert (tmp_path / "flood.nbrec").read_bytes().startswith(b'{"format": "netbench compact')


def test_recording_to_an_unwritable_path_shows_an_error(
    view: TranscriptView, tmp_path: Path
) -> None:
    assert not view.start_recording(tmp_path)  # a directory

    assert view.recorder is None
    assert not view.record_button.isChecked()
    assert "Could not record" in view.status_text()
    assert "color:" in view.status.text()
    view.append_records(make_records(2))  # still works


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_disk_stops_the_recording_and_says_so(view: TranscriptView) -> None:
    """The rows are written on a thread of their own: the error still reaches the
    status line (at the next rows, or at Stop), and the view goes on."""
    assert view.start_recording(Path("/dev/full"))
    view.append_records(make_records(2000))
    assert view.recorder is not None
    for batch in in_batches(make_records(2000), 500):
        view.append_records(batch)
        if view.recorder is None:
            break
    else:
        view.stop_recording()
    status = view.status_text()
    assert "No space left on device" in status, status
    assert "Recorded" not in status
    assert view.recorder is None and not view.record_button.isChecked()
    assert view.model.rowCount() > 0


def test_a_recording_whose_folder_is_deleted_says_so_then_and_at_stop(
    view: TranscriptView, tmp_path: Path
) -> None:
    folder = tmp_path / "DIR"
    folder.mkdir()
    path = folder / "rec.jsonl"
    assert view.start_recording(path)
    view.append_records(make_records(3))
    shutil.rmtree(folder)  # rm -rf DIR
    view.append_records(make_records(400))
    assert "was deleted" in view.status_text() and "403 records" in view.status_text()
    view.stop_recording()
    status = view.status_text()
    assert "Recorded" not in status  # it used to report success
    assert "403 records" in status and "deleted" in status and "lost" in status


def test_a_recording_moved_away_says_where_the_records_went(
    view: TranscriptView, tmp_path: Path
) -> None:
    path = tmp_path / "rec.jsonl"
    assert view.start_recording(path)
    view.append_records(make_records(2))
    path.rename(tmp_path / "elsewhere.jsonl")
    path.write_text("someone else's file\n", encoding="utf-8")  # the path names another
    view.stop_recording()
    status = view.status_text()
    assert "moved or replaced" in status and "2 records" in status
