"""The transcript ring, its never-stopping totals, and JSON Lines that lose nothing."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netbench.core.display import DisplayMode
from netbench.core.transcript import (
    Direction,
    JsonlRecorder,
    Record,
    TranscriptRing,
    format_record,
    record_from_json,
    record_to_json,
)


def rec(i, direction=Direction.IN, data=None):
    return Record(
        at=1_700_000_000 + i / 1000,
        direction=direction,
        peer="127.0.0.1:5000",
        data=data if data is not None else f"msg {i}".encode(),
    )


def test_ring_keeps_the_newest_and_counts_everything():
    ring = TranscriptRing(capacity=100)
    dropped = ring.append_many([rec(i) for i in range(250)])
    assert dropped == 150
    assert len(ring) == 100
    assert ring[0].data == b"msg 150" and ring[99].data == b"msg 249"
    assert ring.dropped == 150
    assert ring.totals.records_in == 250
    assert ring.totals.bytes_in == sum(len(f"msg {i}") for i in range(250))


def test_clear_empties_the_view_but_totals_go_on():
    ring = TranscriptRing(capacity=10)
    ring.append_many([rec(i, Direction.OUT) for i in range(5)])
    ring.clear()
    assert len(ring) == 0
    ring.append_many([rec(9, Direction.OUT)])
    assert ring.totals.records_out == 6


def test_shrinking_capacity_drops_the_oldest():
    ring = TranscriptRing(capacity=10)
    ring.append_many([rec(i) for i in range(10)])
    assert ring.set_capacity(4) == 6
    assert [r.data for r in ring] == [f"msg {i}".encode() for i in range(6, 10)]
    with pytest.raises(ValueError, match="at least one"):
        ring.set_capacity(0)


def test_big_messages_are_kept_within_a_byte_budget():
    ring = TranscriptRing(capacity=100, max_bytes=10_000)
    chunks = [rec(i, Direction.OUT, bytes([i]) * 4_000) for i in range(6)]
    assert ring.overflow_of(chunks[:4]) == 2
    assert ring.append_many(chunks[:4]) == 2
    assert [r.data[0] for r in ring] == [2, 3] and ring.kept_bytes == 8_000
    assert ring.append_many(chunks[4:]) == 2
    assert [r.data[0] for r in ring] == [4, 5] and ring.dropped == 4
    assert ring.totals.bytes_out == 24_000  # every byte still counted
    # one message bigger than the budget stays: the newest is always in view
    assert ring.append_many([rec(9, Direction.OUT, b"x" * 50_000)]) == 2
    assert len(ring) == 1 and ring.kept_bytes == 50_000
    ring.clear()
    assert ring.kept_bytes == 0


@given(st.lists(st.lists(st.integers(0, 300), max_size=12), max_size=12))
def test_the_ring_announces_exactly_what_it_drops(batches):
    ring = TranscriptRing(capacity=8, max_bytes=1_000)
    for sizes in batches:
        batch = [rec(i, Direction.OUT, b"x" * size) for i, size in enumerate(sizes)]
        expected = ring.overflow_of(batch)
        assert ring.append_many(batch) == expected
        assert len(ring) <= 8
        assert ring.kept_bytes == sum(len(r.data) for r in ring)
        assert ring.kept_bytes <= 1_000 or len(ring) == 1


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
    recorder = JsonlRecorder(tmp_path / "all.jsonl")
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


def test_format_record_shows_direction_size_and_data():
    line = format_record(rec(1, Direction.OUT, b"hi\n"), DisplayMode.BOTH)
    assert "→" in line and "3 B" in line and "hi\\n" in line and "68 69 0a" in line
    info = Record(at=0, direction=Direction.INFO, peer="p", note="connected")
    assert format_record(info).endswith("connected")
    relative = format_record(rec(1000), relative_to=1_700_000_000)
    assert relative.startswith("+1.000000")
