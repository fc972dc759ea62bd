"""A compact recording (.nbrec): the same rows as JSON Lines, the bytes kept as they are."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netbench.core.errors import RecordingError
from netbench.core.framing.runs import DelimitedRun
from netbench.core.recording.compact import HEADER, CompactError, format_of, to_json_lines
from netbench.core.recording.rows import END, RowStream
from netbench.core.recording.summary import scan_recording
from netbench.core.recording.writer import FileRecorder, read_row, record_row
from netbench.core.transcript import Direction, Record

PEER = "127.0.0.1:5000"
records = st.builds(
    Record,
    at=st.floats(1e9, 2e9),
    direction=st.sampled_from(list(Direction)),
    peer=st.text(max_size=8),
    data=st.binary(max_size=40),
    note=st.text(max_size=8),
    channel=st.sampled_from(["", "server-1"]),
)
reads = st.lists(st.binary(max_size=12).map(lambda b: b.replace(b"\n", b"")), min_size=2)


def rows_written(parts, compact: bool) -> bytes:
    """Rows as the recorder writes them: ``parts`` are records and reads (lists of lines)."""
    out = [HEADER] if compact else []
    for part in parts:
        if isinstance(part, Record):
            out.append(record_row(part, compact))
        else:
            body = b"".join(line + b"\n" for line in part)
            run = DelimitedRun(None, body, b"\n", False, len(part))
            out.append(read_row(1.5, PEER, "server-1", run, (1, 2), compact))
    return b"".join(out)


def rows_of(data: bytes) -> list:
    stream = RowStream(io.BytesIO(data))
    rows = []
    while (row := stream.next()) is not END:
        if row is not None:
            rows.append((row.at, row.direction, row.peer, row.data))
    return rows


@settings(max_examples=60, deadline=None)
@given(st.lists(records | reads, min_size=1, max_size=12))
def test_compact_and_json_lines_read_back_the_same(parts):
    compact = rows_written(parts, compact=True)
    jsonl = rows_written(parts, compact=False)
    assert rows_of(compact) == rows_of(jsonl)


def test_a_flood_read_takes_half_the_room_of_json_lines():
    lines = [bytes(range(32, 95))] * 1000
    assert len(rows_written([lines], True)) < 0.55 * len(rows_written([lines], False))


@settings(max_examples=60, deadline=None)
@given(st.lists(records | reads, min_size=1, max_size=12))
def test_converted_to_json_lines_it_is_what_json_lines_recording_writes(parts):
    converted = io.BytesIO()
    rows = to_json_lines(io.BytesIO(rows_written(parts, compact=True)), converted)
    direct = rows_written(parts, compact=False)
    assert rows == len(parts)
    assert [json.loads(r) for r in converted.getvalue().splitlines()] == [
        json.loads(r) for r in direct.splitlines()
    ]


def test_a_flood_read_stays_raw_bytes_in_the_file():
    run = DelimitedRun(None, b"hello\nworld\n", b"\n", False, 2)
    row = read_row(1.5, PEER, "server-1", run, (1, 1), compact=True)
    head, _, rest = row.partition(b"\n")
    assert json.loads(head)["raw"] == 12 and json.loads(head)["count"] == 2
    assert rest == b"hello\nworld\n\n"  # the bytes as they came, then a newline


def test_a_cut_short_file_names_the_row_and_the_field():
    data = rows_written([[b"abc", b"def"], [b"ghi", b"jkl"]], compact=True)
    with pytest.raises(RecordingError, match='line 3: "raw" does not match') as raised:
        rows_of(data[:-3])
    assert raised.value.line == 3
    with pytest.raises(CompactError):
        to_json_lines(io.BytesIO(data[:-3]), io.BytesIO())


def test_a_message_row_without_its_bytes_is_an_error():
    row = json.dumps({"at": 1.0, "dir": "in", "peer": "p"}).encode() + b"\n"
    with pytest.raises(RecordingError, match='line 2: "raw" is missing'):
        rows_of(HEADER + row)


def test_the_summary_reads_a_compact_recording(tmp_path: Path):
    data = rows_written([[b"a", b"b", b"c"], Record(2.0, Direction.OUT, PEER, b"xyz")], True)
    summary = scan_recording(io.BytesIO(data))
    assert summary.tally(Direction.IN).messages == 3
    assert summary.tally(Direction.OUT).nbytes == 3


def test_the_format_follows_the_file_then_the_suffix(tmp_path: Path):
    assert format_of(tmp_path / "new.nbrec") is True
    assert format_of(tmp_path / "new.jsonl") is False
    old = tmp_path / "old.nbrec"
    old.write_bytes(record_row(Record(1.0, Direction.IN, PEER, b"x")))  # JSON Lines already
    assert format_of(old) is False
    recorder = FileRecorder(tmp_path / "flood.nbrec")
    recorder.write_many([Record(1.0, Direction.IN, PEER, b"x\x00y")])
    recorder.close()
    again = FileRecorder(tmp_path / "flood.nbrec")  # appending keeps one header
    again.write_many([Record(2.0, Direction.OUT, PEER, b"z")])
    again.close()
    data = (tmp_path / "flood.nbrec").read_bytes()
    assert data.count(HEADER) == 1
    assert rows_of(data) == [
        (1.0, Direction.IN, PEER, b"x\x00y"),
        (2.0, Direction.OUT, PEER, b"z"),
    ]


def test_the_command_line_converts_for_jq(tmp_path: Path):
    path = tmp_path / "flood.nbrec"
    path.write_bytes(rows_written([[b"GET /", b"Host: x"]], compact=True))
    out = tmp_path / "flood.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "netbench", "--to-json-lines", str(path), str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "1 rows written" in done.stderr
    hex_digits = subprocess.run(
        ["jq", "-r", ".hex", str(out)], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert bytes.fromhex(hex_digits) == b"GET /\nHost: x\n"
    bad = subprocess.run(
        [sys.executable, "-m", "netbench", "--to-json-lines", str(out), "-"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 1 and "not a compact recording" in bad.stderr
