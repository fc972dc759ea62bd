"""A flood is recorded a row per read; reading the file back gives every message, exactly."""

import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netbench.core.errors import RecordingError
from netbench.core.framing.runs import DelimitedRun
from netbench.core.recording.compact import HEADER as COMPACT_HEADER
from netbench.core.recording.reader import RecordingReader
from netbench.core.recording.replay_plan import ReplayChoice
from netbench.core.recording.rows import END, RowStream
from netbench.core.recording.summary import scan_recording
from netbench.core.recording.writer import read_row, read_row_pieces, record_row
from netbench.core.transcript import Direction, Record

PEER = "127.0.0.1:5000"
lines = st.lists(st.binary(max_size=20).map(lambda b: b.replace(b"\n", b"")), max_size=30)


def rows_of(data: bytes) -> list:
    stream = RowStream(io.BytesIO(data))
    rows = []
    while (row := stream.next()) is not END:
        if row is not None:
            rows.append(row)
    return rows


def run_of(head, body_lines, keep):
    if keep and head is not None:
        head += b"\n"  # a kept message ends with its delimiter
    body = b"".join(line + b"\n" for line in body_lines)
    return DelimitedRun(head, body, b"\n", keep, len(body_lines))


@given(
    head=st.none() | st.binary(max_size=6).map(lambda b: b.replace(b"\n", b"")),
    body_lines=lines,
    keep=st.booleans(),
    as_list=st.booleans(),
)
def test_a_row_per_read_gives_back_every_message(head, body_lines, keep, as_list):
    run = run_of(head, body_lines, keep)
    messages = list(run) if as_list else run
    if len(messages) < 2:
        return  # a read of one message is written as an ordinary row
    row = read_row(1.5, PEER, "server-1", messages, (3, 4))
    assert row.endswith(b"\n") and row.count(b"\n") == 1
    value = json.loads(row)
    assert value["count"] == len(messages) and value["dir"] == "in"
    assert value["len"] == sum(map(len, run))
    rows = rows_of(row)
    assert [r.data for r in rows] == list(run)
    assert {(r.line, r.at, r.direction, r.peer) for r in rows} == {(1, 1.5, Direction.IN, PEER)}


def test_replay_and_the_summary_count_the_messages_of_a_read_row():
    run = run_of(None, [b"one", b"two", b"three"], False)
    data = record_row(Record(1.0, Direction.OUT, PEER, b"hello")) + read_row(
        2.0, PEER, "server-1", run, (1, 1)
    )
    summary = scan_recording(io.BytesIO(data))
    assert summary.tally(Direction.IN).messages == 3
    assert summary.tally(Direction.IN).nbytes == len(b"onetwothree")
    reader = RecordingReader(io.BytesIO(data), ReplayChoice(Direction.IN))
    assert [m.data for m in reader if m is not None] == [b"one", b"two", b"three"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"count": 4}, "count"),
        ({"sizes": [1, 2]}, "sizes"),
        ({"hex": "zz"}, "hex"),
        ({"count": "3"}, "count"),
    ],
)
def test_a_damaged_read_row_is_named_by_its_line_and_field(change, field):
    row = json.loads(read_row(2.0, PEER, "s", [b"a", b"bb", b"c"], (1, 1)))
    row.update(change)
    data = (json.dumps(record_row_dict()) + "\n" + json.dumps(row) + "\n").encode()
    with pytest.raises(RecordingError, match=f'line 2: "{field}"'):
        rows_of(data)


def record_row_dict():
    return json.loads(record_row(Record(1.0, Direction.OUT, PEER, b"x")))


def test_a_compact_row_writes_the_reads_own_bytes_without_copying_them():
    """A flood records hundreds of megabytes a second: the read's body goes to the file as
    it is, after the row's line; joined, the pieces are the row."""
    body = b"".join(b"line %d\n" % i for i in range(1000))
    run = DelimitedRun(None, body, b"\n", True, 1000)
    pieces = read_row_pieces(1.5, PEER, "server-1", run, (3, 4), compact=True)
    assert any(piece is body for piece in pieces)
    assert b"".join(pieces) == read_row(1.5, PEER, "server-1", run, (3, 4), compact=True)
    assert [r.data for r in rows_of(COMPACT_HEADER + b"".join(pieces))] == list(run)
