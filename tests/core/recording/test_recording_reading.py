"""Recordings read back for replay: what they hold, the chosen messages in order with their
gaps, and every kind of bad input named by its line, without ever reading a file whole."""

import io
import json
import os
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netbench.core.errors import RecordingError
from netbench.core.recording.reader import PAUSE_ROWS, RecordingReader
from netbench.core.recording.replay_plan import Pace, ReplayChoice, ReplayTiming
from netbench.core.recording.rows import MAX_LINE_BYTES, open_recording, parse_row
from netbench.core.recording.summary import MAX_PEERS, RecordingScanner, scan_recording
from netbench.core.recording.writer import record_from_json, record_to_json
from netbench.core.transcript import Direction, Record

SERVER = "127.0.0.1:9999"


def recording(*records):
    """A recording in memory, as Record to file writes it."""
    return io.BytesIO("".join(record_to_json(r) + "\n" for r in records).encode())


def out(at, data, peer=SERVER):
    return Record(at=at, direction=Direction.OUT, peer=peer, data=data)


def inn(at, data, peer=SERVER):
    return Record(at=at, direction=Direction.IN, peer=peer, data=data)


def note(at, text="connected"):
    return Record(at=at, direction=Direction.INFO, peer=SERVER, note=text)


def messages(stream, choice=None):
    reader = RecordingReader(stream, choice or ReplayChoice())
    return [m for m in reader if m is not None], reader


def error_of(stream):
    with pytest.raises(RecordingError) as caught:
        scan_recording(stream)
    return caught.value


# -- what a recording holds -----------------------------------------------------------------


def test_the_summary_counts_each_direction_each_peer_bytes_and_the_duration():
    summary = scan_recording(
        recording(
            note(100.0),
            out(100.5, b"hello"),
            inn(100.75, b"HELLO", "10.0.0.1:1"),
            inn(101.0, b"x" * 300, "10.0.0.2:2"),
            out(102.5, b"bye"),
            note(103.0, "closed"),
        )
    )
    assert summary.rows == 6 and summary.notes == 2 and summary.messages == 4
    assert summary.span == pytest.approx(3.0)
    sent = summary.tally(Direction.OUT)
    assert (sent.messages, sent.nbytes, sent.span) == (2, 8, pytest.approx(2.0))
    assert summary.tally(Direction.IN).nbytes == 305
    assert summary.peer_names(Direction.IN) == ["10.0.0.1:1", "10.0.0.2:2"]
    assert summary.tally(Direction.IN, "10.0.0.2:2").messages == 1
    assert summary.tally(Direction.IN, "nobody").messages == 0
    assert summary.problem(ReplayChoice()) is None


def test_no_messages_in_the_chosen_direction_or_from_the_chosen_peer_is_said():
    summary = scan_recording(recording(inn(1.0, b"a", "10.0.0.1:1")))
    assert "no sent" in summary.problem(ReplayChoice(Direction.OUT))
    assert 'choose "in"' in summary.problem(ReplayChoice(Direction.OUT))
    assert summary.problem(ReplayChoice(Direction.IN)) is None
    assert summary.problem(ReplayChoice(Direction.IN, "10.0.0.9:9")) == (
        "nothing was received from 10.0.0.9:9 in this recording"
    )
    notes_only = scan_recording(recording(note(1.0), note(2.0, "closed")))
    assert "no messages, only notes" in notes_only.problem(ReplayChoice())


def test_thousands_of_peers_keep_the_summary_small_and_the_counts_exact():
    rows = [inn(float(i), b"ab", f"10.0.{i // 256}.{i % 256}:1") for i in range(MAX_PEERS + 50)]
    summary = scan_recording(recording(*rows))
    assert len(summary.peer_names(Direction.IN)) == MAX_PEERS
    assert summary.tally(Direction.IN).messages == MAX_PEERS + 50
    assert summary.unnamed[Direction.IN].messages == 50


def test_a_scan_goes_a_step_at_a_time():
    stream = recording(*[out(float(i), b"x" * 1000) for i in range(100)])
    scanner = RecordingScanner(stream)
    steps = 1
    while not scanner.advance(budget=10_000):
        steps += 1
    assert steps >= 10
    assert scanner.summary.tally(Direction.OUT).messages == 100


# -- the messages to send -------------------------------------------------------------------


def test_the_chosen_messages_come_in_order_with_their_recorded_offsets():
    stream = recording(
        note(10.0),
        out(10.0, b"one"),
        inn(10.1, b"reply"),
        out(10.3, b"two"),
        out(10.2, b"three"),  # the wall clock stepped back: never an earlier deadline
        out(11.0, b"four"),
    )
    sent, reader = messages(stream)
    assert [m.data for m in sent] == [b"one", b"two", b"three", b"four"]
    assert [m.offset for m in sent] == pytest.approx([0.0, 0.3, 0.3, 1.0])
    assert [m.line for m in sent] == [2, 4, 5, 6]
    assert (reader.skipped, reader.notes) == (1, 1)


def test_the_received_side_of_one_peer_can_be_chosen():
    stream = recording(
        inn(1.0, b"a1", "10.0.0.1:1"),
        inn(1.1, b"b1", "10.0.0.2:2"),
        out(1.2, b"reply", "10.0.0.1:1"),
        inn(1.5, b"a2", "10.0.0.1:1"),
    )
    sent, reader = messages(stream, ReplayChoice(Direction.IN, "10.0.0.1:1"))
    assert [m.data for m in sent] == [b"a1", b"a2"]
    assert sent[1].offset == pytest.approx(0.5)
    assert reader.skipped == 2


def test_the_reader_reads_lazily_and_pauses_on_long_stretches_it_skips():
    rows = [inn(float(i), b"in") for i in range(3 * PAUSE_ROWS)] + [out(9e3, b"last")]
    stream = recording(*rows)
    reader = RecordingReader(stream, ReplayChoice(Direction.OUT))
    items = iter(reader)
    assert next(items) is None
    assert reader.line == PAUSE_ROWS  # read no further than it had to
    rest = list(items)
    assert rest[:2] == [None, None] and rest[2].data == b"last"


def test_only_out_and_in_can_be_replayed():
    with pytest.raises(ValueError, match="can be replayed"):
        ReplayChoice(Direction.INFO)


def test_timing_offsets_recorded_scaled_fixed_or_none():
    assert ReplayTiming().offset(3, 0.3) == pytest.approx(0.3)
    assert ReplayTiming(speed=2).offset(3, 0.3) == pytest.approx(0.15)
    assert ReplayTiming(speed=0.5).offset(3, 0.3) == pytest.approx(0.6)
    assert ReplayTiming(Pace.INTERVAL, interval=0.1).offset(3, 99.0) == pytest.approx(0.3)
    assert ReplayTiming(Pace.FAST).offset(3, 0.3) is None
    assert ReplayTiming(Pace.INTERVAL, interval=0.1).duration(11, 5.0) == pytest.approx(1.0)
    assert ReplayTiming(speed=10).duration(0, 5.0) == 0.0
    with pytest.raises(ValueError, match="above 0"):
        ReplayTiming(speed=0)
    with pytest.raises(ValueError, match="negative"):
        ReplayTiming(Pace.INTERVAL, interval=-1)


# -- bad input ------------------------------------------------------------------------------


def lines(*texts):
    return io.BytesIO("".join(t + "\n" for t in texts).encode())


GOOD = record_to_json(out(1.0, b"ok"))


@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        (lines(GOOD, "not json"), 2, "line 2 is not JSON (Expecting value at column 1)"),
        (lines(GOOD, "[1, 2]"), 2, "line 2 is not a JSON object"),
        (lines(GOOD, '{"at": 1, "dir": "out", "hex": "00"}'), 2, 'line 2: "peer" is missing'),
        (lines(GOOD, '{"at": 1, "dir": "in", "peer": "p"}'), 2, 'line 2: "hex" is missing'),
        (
            lines(GOOD, '{"at": 1, "dir": "out", "peer": "p", "hex": "0g"}'),
            2,
            'line 2: "hex" is not valid hexadecimal (at character 2)',
        ),
        (
            lines(GOOD, GOOD, '{"at": 1, "dir": "out", "peer": "p", "hex": "abc"}'),
            3,
            "not valid hexadecimal (at character 3)",
        ),
        (
            lines(GOOD, '{"at": "soon", "dir": "out", "peer": "p", "hex": ""}'),
            2,
            'line 2: "at" is not a time in seconds',
        ),
        (
            lines(GOOD, '{"at": NaN, "dir": "out", "peer": "p", "hex": ""}'),
            2,
            '"at" is not a time in seconds',
        ),
        (
            lines(GOOD, '{"at": 1, "dir": "sideways", "peer": "p", "hex": ""}'),
            2,
            'line 2: "dir" is not in, out, info or error',
        ),
        (
            lines(GOOD, '{"at": 1, "dir": "out", "peer": 7, "hex": ""}'),
            2,
            'line 2: "peer" is not text',
        ),
        (io.BytesIO(GOOD.encode() + b"\n\xff\xfe\n"), 2, "line 2 is not UTF-8 text"),
        (lines(GOOD, "[" * 100_000), 2, "line 2 is not JSON (nested too deeply)"),
    ],
)
def test_a_bad_row_is_named_by_its_line(content, line, words):
    error = error_of(content)
    assert error.line == line
    assert words in error.message, error.message


def test_a_file_that_is_not_a_netbench_recording_says_so():
    snippets = io.BytesIO(json.dumps({"version": 1, "snippets": []}, indent=2).encode())
    error = error_of(snippets)
    assert error.message.startswith("this is not a netbench recording: line 1 is not JSON")
    one_line = io.BytesIO(b'{"name": "netbench", "version": 1}\n')
    error = error_of(one_line)
    assert error.message.startswith('this is not a netbench recording: line 1 has no "at"')
    assert error.line == 1
    picture = io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert "not a netbench recording: line 1 is not UTF-8" in error_of(picture).message


def test_an_empty_file_or_blank_lines_only_say_there_is_nothing():
    assert error_of(io.BytesIO(b"")).message == "the file is empty: nothing to replay"
    assert error_of(io.BytesIO(b"\n  \n\r\n")).line is None


def test_blank_lines_and_a_byte_order_mark_are_fine():
    stream = io.BytesIO(b"\xef\xbb\xbf" + GOOD.encode() + b"\r\n\n\n" + GOOD.encode())
    assert scan_recording(stream).tally(Direction.OUT).messages == 2


def test_an_endless_line_is_refused_without_reading_it_whole(monkeypatch):
    import netbench.core.recording.rows as recording_rows

    monkeypatch.setattr(recording_rows, "MAX_LINE_BYTES", 1000)

    class Endless(io.RawIOBase):
        """A stream of 'x' that never ends: reading it whole would never return."""

        read_bytes = 0

        def readable(self):
            return True

        def readinto(self, buffer):
            buffer[:] = b"x" * len(buffer)
            self.read_bytes += len(buffer)
            return len(buffer)

    endless = Endless()
    error = error_of(io.BufferedReader(endless))
    assert error.line == 1 and "longer than" in error.message
    assert endless.read_bytes < 100_000
    assert MAX_LINE_BYTES >= 64 << 20


def test_missing_files_folders_and_other_files_are_said(tmp_path):
    with pytest.raises(RecordingError, match="the file does not exist"):
        open_recording(tmp_path / "missing.jsonl")
    with pytest.raises(RecordingError, match="it is a folder, not a recording"):
        open_recording(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(RecordingError, match="not a regular file"):
        open_recording(fifo)


# -- properties -----------------------------------------------------------------------------

chunks = st.one_of(
    st.just((-1, -1, 1, 0)),
    st.tuples(
        st.integers(0, 2**40),
        st.integers(0, 2**40),
        st.integers(1, 1000),
        st.integers(0, 1000),
    ),
)

records = st.builds(
    lambda at, direction, peer, data, note, channel, chunk: Record(
        at, direction, peer, data, note, channel, *chunk
    ),
    at=st.floats(min_value=0, max_value=4e9, allow_nan=False),
    direction=st.sampled_from(Direction),
    peer=st.text(),
    data=st.binary(max_size=300),
    note=st.text(),
    channel=st.text(),
    chunk=chunks,
)


@given(records)
def test_any_record_round_trips_through_json(record):
    line = record_to_json(record)
    assert "\n" not in line
    assert record_from_json(line) == record


@given(st.lists(records, min_size=1, max_size=20), st.sampled_from([Direction.OUT, Direction.IN]))
def test_a_recording_replays_exactly_the_chosen_messages(rows, direction):
    sent, _ = messages(recording(*rows), ReplayChoice(direction))
    assert [m.data for m in sent] == [r.data for r in rows if r.direction is direction]
    offsets = [m.offset for m in sent]
    assert offsets == sorted(offsets) and all(o >= 0 for o in offsets)
    summary = scan_recording(recording(*rows))
    assert summary.tally(direction).messages == len(sent)
    assert summary.tally(direction).nbytes == sum(len(m.data) for m in sent)


garbage_line = st.one_of(
    st.binary(max_size=60).map(lambda b: b.replace(b"\n", b"")),
    st.text(max_size=60).map(lambda t: t.replace("\n", "").encode()),
    st.recursive(
        st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=8),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(
                st.sampled_from(["at", "dir", "peer", "hex", "text", "x"]), inner, max_size=5
            )
        ),
        max_leaves=8,
    ).map(lambda value: json.dumps(value).encode()),
    st.fixed_dictionaries(
        {
            "at": st.one_of(st.floats(), st.integers(), st.text(max_size=3)),
            "dir": st.sampled_from(["in", "out", "info", "error", "up", 1]),
            "peer": st.one_of(st.text(max_size=5), st.none()),
            "hex": st.one_of(st.text("0123456789abcdefg ", max_size=8), st.integers()),
        }
    ).map(lambda value: json.dumps(value).encode()),
)


@settings(max_examples=300)
@given(st.lists(garbage_line, max_size=12))
def test_garbage_never_crashes_it_is_named_by_its_line(raw_lines):
    content = b"".join(line + b"\n" for line in raw_lines)
    error: RecordingError | None = None
    try:
        summary = scan_recording(io.BytesIO(content))
    except RecordingError as exc:
        error = exc
    if error is not None:
        if error.line is None:
            assert error.message == "the file is empty: nothing to replay"
            assert not any(line.removeprefix(b"\xef\xbb\xbf").strip() for line in raw_lines)
        else:
            assert 1 <= error.line <= len(raw_lines)
            assert re.search(rf"\bline {error.line}\b", error.message), error.message
        return
    assert summary.rows >= 1
    # What scans well also reads well, all the way through.
    for direction in (Direction.OUT, Direction.IN):
        sent, _ = messages(io.BytesIO(content), ReplayChoice(direction))
        assert len(sent) == summary.tally(direction).messages


@given(
    st.lists(
        st.tuples(st.floats(0, 1e6, allow_nan=False), st.binary(max_size=40)),
        min_size=1,
        max_size=10,
    )
)
def test_parse_row_reads_what_record_to_json_writes(rows):
    for number, (at, data) in enumerate(rows, start=1):
        raw = (record_to_json(out(at, data)) + "\n").encode()
        row = parse_row(raw, number, first=number == 1)
        assert row is not None
        assert (row.line, row.at, row.direction, row.data) == (number, at, Direction.OUT, data)


def test_memory_stays_bounded_however_big_the_recording(tmp_path):
    import tracemalloc

    path = tmp_path / "big.jsonl"
    chunk = os.urandom(64 * 1024)
    with path.open("w") as out_file:  # rows as netbench writes them, made quickly
        for i in range(80):
            for direction in ("out", "in"):
                row = {"at": i, "dir": direction, "peer": SERVER, "hex": chunk.hex(), "text": ""}
                out_file.write(json.dumps(row) + "\n")
    assert path.stat().st_size > 20 << 20
    tracemalloc.start()
    try:
        with path.open("rb") as stream:
            summary = scan_recording(stream)
        with path.open("rb") as stream:
            sent = sum(len(m.data) for m in RecordingReader(stream, ReplayChoice()) if m)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert summary.tally(Direction.OUT).nbytes == sent == 80 * len(chunk)
    assert peak < 4 << 20  # a few rows at a time, never the file
