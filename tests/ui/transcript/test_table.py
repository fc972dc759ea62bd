"""The transcript table: fixed-height rows, and Ctrl+C copying whole rows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from helpers import (
    PREFIX,
    T0,
    make_records,
    shown_transcript_view,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from netbench.core.transcript import (
    Direction,
    Record,
    format_record,
)
from netbench.ui.transcript.view import TranscriptView


@pytest.fixture
def view(qtbot: Any) -> Iterator[TranscriptView]:
    yield from shown_transcript_view(qtbot, PREFIX)


def test_ctrl_c_in_the_table_copies_whole_rows(view: TranscriptView, qtbot: Any) -> None:
    long = Record(T0, Direction.IN, "peer", b"y" * 5000)
    view.append_records([*make_records(2), long])
    view.activateWindow()
    view.table.setFocus()
    view.table.selectRow(2)

    qtbot.keyClick(view.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)

    # The full data, not the cell cut down to CELL_CHAR_LIMIT characters.
    assert QGuiApplication.clipboard().text() == format_record(long)


def test_table_rows_have_a_fixed_height(view: TranscriptView) -> None:
    rows = view.table.verticalHeader()
    assert rows.isHidden()
    assert rows.sectionResizeMode(0) == rows.ResizeMode.Fixed
    assert view.table.horizontalHeader().stretchLastSection()
