"""JSON Lines that lose nothing: every record round-trips, and the recorder keeps them all."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netbench.core.recording.writer import FileRecorder, record_from_json, record_to_json
from netbench.core.transcript import Direction, Record, TranscriptRing


def rec(i, direction=Direction.IN, data=None):
    return Record(
        at=1_700_000_000 + i / 1000,
        direction=direction,
        peer="127.0.0.1:5000",
        data=data if data is not None else f"msg {i}".encode(),
    )


records = st.builds(
    Record,
    at=st.floats(min_value=0, max_value=4e9, allow_nan=False),
    direction=st.sampled_from(list(Direction)),
    peer=st.text(max_size=40),
    data=st.binary(max_size=200),
    note=st.text(max_size=40),
    channel=st.text(max_size=20),
    first_chunk=st.integers(min_value=-1, max_value=10**9),
    last_chunk=st.integers(min_value=-1, max_value=10**9),
    chunk_frames=st.integers(min_value=1, max_value=10**6),
)


@given(records)
def test_json_lines_round_trip_every_record(record):
    line = record_to_json(record)
    assert "\n" not in line
    back = record_from_json(line)
    assert back.data == record.data
    assert back.at == record.at
    assert (back.direction, back.peer, back.note, back.channel) == (
        record.direction,
        record.peer,
        record.note,
        record.channel,
    )
    if record.first_chunk >= 0:
        assert (back.first_chunk, back.last_chunk, back.chunk_frames) == (
            record.first_chunk,
            record.last_chunk,
            record.chunk_frames,
        )


def test_json_rows_are_readable_by_other_tools():
    row = json.loads(record_to_json(rec(1, data="你好\n".encode())))
    assert row["text"] == "你好\\n"
    assert row["hex"] == "e4bda0e5a5bd0a"
    assert row["dir"] == "in" and row["len"] == 7
    assert row["time"].endswith("Z")


def test_recorder_keeps_every_record_the_ring_drops(tmp_path):
    ring = TranscriptRing(capacity=10)
    recorder = FileRecorder(tmp_path / "all.jsonl")
    for start in range(0, 1000, 100):
        batch = [rec(i) for i in range(start, start + 100)]
        ring.append_many(batch)
        recorder.write_many(batch)
    recorder.close()
    lines = (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()
    assert [record_from_json(x).data for x in lines] == [f"msg {i}".encode() for i in range(1000)]
    assert len(ring) == 10 and recorder.records_written == 1000
    with pytest.raises(ValueError, match="closed"):
        recorder.write_many([rec(0)])
