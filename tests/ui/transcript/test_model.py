"""The transcript model: batches, the bounded ring, display modes, times and notes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from helpers import (
    T0,
    cell,
    checked_transcript_model,
    in_batches,
    make_records,
    record_signals,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase
from PySide6.QtTest import QAbstractItemModelTester

from netbench.core.display import DisplayMode
from netbench.core.transcript import (
    Direction,
    Record,
    format_time,
)
from netbench.ui.transcript.model import CELL_CHAR_LIMIT, RECORD_ROLE, Column, TranscriptModel


@pytest.fixture
def model(qapp: Any) -> Iterator[TranscriptModel]:
    yield from checked_transcript_model()


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
    assert totals.messages_in + totals.messages_out == 250
    assert totals.messages_in == 125
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
    assert model.totals.messages_in + model.totals.messages_out == 290

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


def test_a_merged_read_of_unknown_position_is_marked_with_its_count(
    model: TranscriptModel,
) -> None:
    model.append_records([Record(T0, Direction.IN, "peer", b"a", chunk_frames=4)])
    assert cell(model, 0, Column.READS) == "❐ ×4"
    assert cell(model, 0, Column.READS, Qt.ItemDataRole.ToolTipRole) == "merged: 4 in one read"


def test_reads_marks_stand_before_the_data_and_say_it_all_in_their_tooltip(
    model: TranscriptModel,
) -> None:
    assert list(Column)[-2:] == [Column.READS, Column.DATA]
    model.append_records([Record(T0, Direction.IN, "peer", b"long", first_chunk=1, last_chunk=2)])
    assert cell(model, 0, Column.READS, Qt.ItemDataRole.AccessibleTextRole) == (
        "split over reads 1–2"
    )


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

    notes = [cell(model, row, Column.READS, Qt.ItemDataRole.ToolTipRole) for row in range(6)]
    marks = [cell(model, row, Column.READS) for row in range(6)]
    assert marks == ["❐ 1/3", "❐ 2/3", "❐ 3/3", "✂ 3 reads", "✂ 2 reads ❐ 1/2 late", ""]
    assert notes[:3] == [f"merged: {i} of 3 in one read" for i in (1, 2, 3)]
    assert notes[3] == "split over reads 4–6"
    assert notes[4] == "split over reads 8–9 · merged: 1 of 2 in one read · late"
    assert notes[5] is None and marks[5] == ""  # an event's words are in the Data column
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
