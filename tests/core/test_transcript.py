"""The transcript ring, its never-stopping totals, and one line per record for people."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netbench.core.display import DisplayMode
from netbench.core.transcript import Direction, Record, TranscriptRing, format_record


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
    assert ring.totals.messages_in == 250
    assert ring.totals.bytes_in == sum(len(f"msg {i}") for i in range(250))


def test_clear_empties_the_view_but_totals_go_on():
    ring = TranscriptRing(capacity=10)
    ring.append_many([rec(i, Direction.OUT) for i in range(5)])
    ring.clear()
    assert len(ring) == 0
    ring.append_many([rec(9, Direction.OUT)])
    assert ring.totals.messages_out == 6


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


def test_format_record_shows_direction_size_and_data():
    line = format_record(rec(1, Direction.OUT, b"hi\n"), DisplayMode.BOTH)
    assert "→" in line and "3 B" in line and "hi\\n" in line and "68 69 0a" in line
    info = Record(at=0, direction=Direction.INFO, peer="p", note="connected")
    assert format_record(info).endswith("connected")
    relative = format_record(rec(1000), relative_to=1_700_000_000)
    assert relative.startswith("+1.000000")
