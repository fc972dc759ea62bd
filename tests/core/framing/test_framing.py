"""Framing must give the same frames however TCP happened to chunk the stream."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netbench.core.framing.delimiter import DelimiterFramer
from netbench.core.framing.fixed_length import FixedLengthFramer
from netbench.core.framing.frames import (
    Frame,
    Framer,
    FramerOutput,
    FramingError,
    RawFramer,
    feed_outputs,
    frames_per_chunk,
)
from netbench.core.framing.length_prefix import LengthPrefixFramer
from netbench.core.framing.spec import FramingKind, FramingSpec
from netbench.core.framing.wire import encode_frame, make_framer

MB = 1 << 20

# A tiny alphabet makes delimiters, near-delimiters and overlapping matches common.
small_bytes = st.lists(st.sampled_from(b"ab\r\n\x00"), max_size=12).map(bytes)


def run(framer: Framer, chunks: Sequence[bytes]) -> list[FramerOutput]:
    """Feed chunks with their index as id, then flush."""
    out: list[FramerOutput] = []
    for chunk_id, chunk in enumerate(chunks):
        out += feed_outputs(framer, chunk, chunk_id)
    return out + framer.flush()


def summary(outputs: Sequence[FramerOutput]) -> list[tuple[object, ...]]:
    """What must not depend on chunking: frame contents and error reports, in order."""
    return [
        ("frame", o.data) if isinstance(o, Frame) else ("error", o.reason, o.discarded)
        for o in outputs
    ]


def only_frames(outputs: Sequence[FramerOutput]) -> list[Frame]:
    return [o for o in outputs if isinstance(o, Frame)]


def split_at(stream: bytes, cuts: Sequence[int]) -> list[bytes]:
    points = [0, *sorted(cuts), len(stream)]
    return [stream[a:b] for a, b in pairwise(points)]


# --- strategies -------------------------------------------------------------------------

small_limits = st.integers(min_value=1, max_value=40) | st.just(MB)

delimiters = st.sampled_from([b"\n", b"\r\n", b"\x00"]) | st.lists(
    st.sampled_from(b"ab\r\n"), min_size=1, max_size=3
).map(bytes)


@st.composite
def specs(draw: st.DrawFn, kind: FramingKind) -> FramingSpec:
    if kind is FramingKind.DELIMITER:
        return FramingSpec(
            kind=kind,
            delimiter=draw(delimiters),
            keep_delimiter=draw(st.booleans()),
            max_frame=draw(small_limits),
        )
    if kind is FramingKind.FIXED:
        fixed_length = draw(st.integers(min_value=1, max_value=12))
        return FramingSpec(kind=kind, fixed_length=fixed_length, max_frame=max(fixed_length, 16))
    if kind is FramingKind.LENGTH_PREFIX:
        return FramingSpec(
            kind=kind,
            prefix_size=draw(st.sampled_from([1, 2, 4, 8])),
            byteorder=draw(st.sampled_from(["big", "little"])),
            length_includes_header=draw(st.booleans()),
            max_frame=draw(small_limits),
        )
    return FramingSpec(kind=kind)


@st.composite
def streams(draw: st.DrawFn, spec: FramingSpec) -> bytes:
    """Well-formed frames of ``spec`` mixed with garbage."""
    parts = []
    for _ in range(draw(st.integers(min_value=0, max_value=8))):
        if draw(st.booleans()):
            parts.append(draw(small_bytes))
        elif spec.kind == FramingKind.FIXED:
            size = spec.fixed_length
            parts.append(encode_frame(draw(st.binary(min_size=size, max_size=size)), spec))
        else:
            parts.append(encode_frame(draw(small_bytes | st.binary(max_size=60)), spec))
    return b"".join(parts)


@st.composite
def chunkings(draw: st.DrawFn, stream: bytes) -> list[bytes]:
    """Random cut points (repeats give empty chunks), or every byte on its own."""
    if draw(st.integers(min_value=0, max_value=4)) == 0:
        return [stream[i : i + 1] for i in range(len(stream))]
    cuts = draw(st.lists(st.integers(min_value=0, max_value=len(stream)), max_size=20))
    return split_at(stream, cuts)


# --- the key property ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(FramingKind))
@settings(max_examples=100)
@given(data=st.data())
def test_chunking_never_changes_the_frames(kind: FramingKind, data: st.DataObject) -> None:
    spec = data.draw(specs(kind))
    stream = data.draw(streams(spec))
    chunks = data.draw(chunkings(stream))

    whole = run(make_framer(spec), [stream])
    pieces = run(make_framer(spec), chunks)

    if kind is FramingKind.RAW:
        # RAW frames are the chunks themselves, so only the bytes must survive re-chunking.
        assert b"".join(f.data for f in only_frames(pieces)) == stream
        assert [f.data for f in only_frames(pieces)] == [c for c in chunks if c]
    else:
        assert summary(pieces) == summary(whole)
    for output in pieces:
        assert 0 <= output.first_chunk <= output.last_chunk < max(len(chunks), 1)
        if isinstance(output, FramingError):
            assert output.discarded >= 0


@pytest.mark.parametrize("kind", list(FramingKind))
@settings(max_examples=25)
@given(data=st.data())
def test_memory_stays_bounded(kind: FramingKind, data: st.DataObject) -> None:
    spec = data.draw(specs(kind))
    chunks = data.draw(chunkings(data.draw(streams(spec))))
    framer = make_framer(spec)
    bound = spec.max_frame + max(spec.prefix_size, len(spec.delimiter))
    for chunk_id, chunk in enumerate(chunks):
        feed_outputs(framer, chunk, chunk_id)
        assert framer.pending <= bound
    framer.flush()
    assert framer.pending == 0


def reference_delimited(stream: bytes, spec: FramingSpec) -> list[tuple[object, ...]]:
    """The documented DELIMITER behaviour, written plainly for a whole stream at once."""
    delim, limit = spec.delimiter, spec.max_frame
    keep = len(delim) if spec.keep_delimiter else 0
    out: list[tuple[object, ...]] = []
    start = 0
    while (end := stream.find(delim, start)) >= 0:
        if end - start > limit:
            out += [("error", limit + 1), ("error", end - start - limit - 1)]
        else:
            out.append(("frame", stream[start : end + keep]))
        start = end + len(delim)
    rest = len(stream) - start
    if rest >= limit + len(delim):
        out += [("error", limit + 1), ("error", rest - limit - 1)]
    elif rest:
        out.append(("error", rest))
    return out


def reference_length_prefixed(stream: bytes, spec: FramingSpec) -> list[tuple[object, ...]]:
    """The documented LENGTH_PREFIX behaviour, written plainly for a whole stream at once."""
    header = spec.prefix_size
    adjust = header if spec.length_includes_header else 0
    out: list[tuple[object, ...]] = []
    pos = 0
    while len(stream) - pos >= header:
        length = int.from_bytes(stream[pos : pos + header], spec.byteorder) - adjust
        if length < 0:
            out.append(("error", header))
            if lost := len(stream) - pos - header:
                out.append(("error", lost))
            return out
        if length > spec.max_frame:
            out.append(("error", header + length))
            pos += header + length
            if pos > len(stream):
                out.append(("error", 0))
                return out
            continue
        if pos + header + length > len(stream):
            break
        out.append(("frame", stream[pos + header : pos + header + length]))
        pos += header + length
    if pos < len(stream):
        out.append(("error", len(stream) - pos))
    return out


@pytest.mark.parametrize(
    ("kind", "reference"),
    [
        (FramingKind.DELIMITER, reference_delimited),
        (FramingKind.LENGTH_PREFIX, reference_length_prefixed),
    ],
)
@settings(max_examples=60)
@given(data=st.data())
def test_matches_the_plain_reference(
    kind: FramingKind,
    reference: Callable[[bytes, FramingSpec], list[tuple[object, ...]]],
    data: st.DataObject,
) -> None:
    spec = data.draw(specs(kind))
    stream = data.draw(streams(spec))
    outputs = run(make_framer(spec), data.draw(chunkings(stream)))
    assert [
        ("frame", o.data) if isinstance(o, Frame) else ("error", o.discarded) for o in outputs
    ] == reference(stream, spec)


# --- round trips --------------------------------------------------------------------------


def without_early_delimiter(message: bytes, delimiter: bytes) -> bytes:
    """Shorten ``message`` until the delimiter appended to it is the first one found."""
    while (message + delimiter).find(delimiter) != len(message):
        message = message[:-1]
    return message


@settings(max_examples=60)
@given(data=st.data())
def test_delimiter_round_trip(data: st.DataObject) -> None:
    spec = data.draw(specs(FramingKind.DELIMITER))
    spec = FramingSpec(kind=spec.kind, delimiter=spec.delimiter, keep_delimiter=spec.keep_delimiter)
    messages = [
        without_early_delimiter(m, spec.delimiter)
        for m in data.draw(st.lists(small_bytes | st.binary(max_size=40), max_size=10))
    ]
    suffix = spec.delimiter if spec.keep_delimiter else b""
    stream = b"".join(encode_frame(m, spec) for m in messages)
    chunks = data.draw(chunkings(stream))
    assert summary(run(make_framer(spec), chunks)) == [("frame", m + suffix) for m in messages]


@settings(max_examples=60)
@given(data=st.data())
def test_length_prefix_round_trip(data: st.DataObject) -> None:
    spec = data.draw(specs(FramingKind.LENGTH_PREFIX))
    # 200 bytes fit every prefix size, even a 1-byte one that counts itself.
    longest = min(spec.max_frame, 200)
    messages = data.draw(st.lists(st.binary(max_size=longest), max_size=10))
    stream = b"".join(encode_frame(m, spec) for m in messages)
    chunks = data.draw(chunkings(stream))
    assert summary(run(make_framer(spec), chunks)) == [("frame", m) for m in messages]


@settings(max_examples=60)
@given(data=st.data())
def test_fixed_round_trip(data: st.DataObject) -> None:
    spec = data.draw(specs(FramingKind.FIXED))
    size = spec.fixed_length
    messages = data.draw(st.lists(st.binary(min_size=size, max_size=size), max_size=10))
    stream = b"".join(encode_frame(m, spec) for m in messages)
    chunks = data.draw(chunkings(stream))
    assert summary(run(make_framer(spec), chunks)) == [("frame", m) for m in messages]


@given(chunks=st.lists(st.binary(max_size=30), max_size=10))
def test_raw_round_trip(chunks: list[bytes]) -> None:
    spec = FramingSpec()
    assert all(encode_frame(c, spec) == c for c in chunks)
    expected = [Frame(chunk, i, i) for i, chunk in enumerate(chunks) if chunk]
    assert run(make_framer(spec), chunks) == expected


def test_length_prefix_header_layout() -> None:
    little = FramingSpec(kind=FramingKind.LENGTH_PREFIX, prefix_size=2, byteorder="little")
    assert encode_frame(b"abc", little) == b"\x03\x00abc"
    counted = FramingSpec(
        kind=FramingKind.LENGTH_PREFIX, prefix_size=4, length_includes_header=True
    )
    assert encode_frame(b"abc", counted) == b"\x00\x00\x00\x07abc"
    assert encode_frame(b"", counted) == b"\x00\x00\x00\x04"


def test_encode_frame_rejects_what_the_framing_cannot_carry() -> None:
    fixed = FramingSpec(kind=FramingKind.FIXED, fixed_length=4)
    with pytest.raises(ValueError, match="exactly 4 bytes"):
        encode_frame(b"abc", fixed)
    one_byte = FramingSpec(kind=FramingKind.LENGTH_PREFIX, prefix_size=1)
    assert encode_frame(bytes(255), one_byte)[0] == 255
    with pytest.raises(ValueError, match="at most 255 bytes"):
        encode_frame(bytes(256), one_byte)
    counted = FramingSpec(
        kind=FramingKind.LENGTH_PREFIX, prefix_size=1, length_includes_header=True
    )
    with pytest.raises(ValueError, match="at most 254 bytes"):
        encode_frame(bytes(255), counted)


# --- chunk ids ------------------------------------------------------------------------------

every_kind_spec = [
    FramingSpec(kind=FramingKind.DELIMITER),
    FramingSpec(kind=FramingKind.DELIMITER, delimiter=b"\r\n", keep_delimiter=True),
    FramingSpec(kind=FramingKind.FIXED, fixed_length=5),
    FramingSpec(kind=FramingKind.LENGTH_PREFIX, prefix_size=2, byteorder="little"),
]


@pytest.mark.parametrize("spec", every_kind_spec, ids=FramingSpec.describe)
def test_ten_messages_in_one_chunk(spec: FramingSpec) -> None:
    stream = b"".join(encode_frame(b"msg%02d" % i, spec) for i in range(10))
    frames = only_frames(run(make_framer(spec), [stream]))
    assert len(frames) == 10
    assert all(f.first_chunk == f.last_chunk == 0 and not f.spans_chunks for f in frames)
    assert frames_per_chunk(frames) == {0: 10}


@pytest.mark.parametrize("spec", every_kind_spec, ids=FramingSpec.describe)
def test_one_message_over_three_chunks(spec: FramingSpec) -> None:
    encoded = encode_frame(b"hello", spec)
    framer = make_framer(spec)
    assert feed_outputs(framer, encoded[:2], 7) == []
    assert feed_outputs(framer, encoded[2:4], 8) == []
    assert framer.pending == 4
    [frame] = feed_outputs(framer, encoded[4:], 9)
    assert isinstance(frame, Frame)
    assert (frame.first_chunk, frame.last_chunk, frame.spans_chunks) == (7, 9, True)
    assert frames_per_chunk([frame]) == {9: 1}
    assert framer.pending == 0


def test_split_delimiter_belongs_to_the_chunk_it_ends_in() -> None:
    framer = make_framer(FramingSpec(kind=FramingKind.DELIMITER, delimiter=b"\r\n"))
    assert feed_outputs(framer, b"one\r", 0) == []
    assert feed_outputs(framer, b"\ntwo\r\nthr", 1) == [Frame(b"one", 0, 1), Frame(b"two", 1, 1)]
    assert feed_outputs(framer, b"\r\n\r\n", 2) == [Frame(b"thr", 1, 2), Frame(b"", 2, 2)]


def test_messages_come_as_plain_bytes_with_the_chunk_the_first_began_in() -> None:
    """The hot path: a list of bytes per feed, no object per message."""
    framer = make_framer(FramingSpec(kind=FramingKind.FIXED, fixed_length=2))
    assert framer.feed(b"aabbccddeef", 3) == [b"aa", b"bb", b"cc", b"dd", b"ee"]
    assert framer.first_chunk == 3
    assert framer.feed(b"fgg", 4) == [b"ff", b"gg"]
    assert framer.first_chunk == 3
    assert framer.errors == []


def test_errors_are_told_in_their_place_among_the_messages() -> None:
    framer = make_framer(FramingSpec(kind=FramingKind.DELIMITER, max_frame=3))
    assert framer.feed(b"ok\ntoolong\nfin\n", 0) == [b"ok", b"fin"]
    assert [(e.discarded, e.position) for e in framer.errors] == [(4, 1), (3, 1)]
    assert framer.feed(b"a\n", 1) == [b"a"]
    assert framer.errors == [], "errors are those of the last feed"


def test_frames_per_chunk_marks_chunks_holding_several() -> None:
    framer = make_framer(FramingSpec(kind=FramingKind.DELIMITER))
    out = (
        feed_outputs(framer, b"a\nb", 0)
        + feed_outputs(framer, b"\nc\nd\n", 1)
        + feed_outputs(framer, b"e", 2)
    )
    assert frames_per_chunk(only_frames(out)) == {0: 1, 1: 3}


def test_empty_chunks_are_ignored() -> None:
    for spec in [FramingSpec(), *every_kind_spec]:
        framer = make_framer(spec)
        assert feed_outputs(framer, b"", 0) == []
        assert framer.flush() == []


# --- guards ---------------------------------------------------------------------------------


def test_delimiter_guard_bounds_memory_and_resyncs() -> None:
    chunk_size = 64 * 1024
    framer = make_framer(FramingSpec(kind=FramingKind.DELIMITER, max_frame=MB))
    junk = b"x" * chunk_size
    chunks = 50 * MB // chunk_size
    errors: list[FramerOutput] = []
    for chunk_id in range(chunks):
        errors += feed_outputs(framer, junk, chunk_id)
        assert framer.pending <= MB + chunk_size
    assert errors == [
        FramingError(
            f"frame exceeds {MB} bytes without a delimiter; {MB + 1} bytes discarded, "
            "skipping to the next delimiter",
            MB + 1,
            0,
            16,
        )
    ]
    tail = feed_outputs(framer, b"xy\nhello\nwor", chunks) + feed_outputs(
        framer, b"ld\n", chunks + 1
    )
    total = 50 * MB + 2
    assert tail == [
        FramingError(
            f"delimiter found, framing resumed; {total - MB - 1} more bytes of the oversized "
            f"frame discarded ({total} in all)",
            total - MB - 1,
            16,
            chunks,
        ),
        Frame(b"hello", chunks, chunks),
        Frame(b"world", chunks, chunks + 1),
    ]
    assert framer.pending == 0


def test_delimiter_guard_keeps_a_split_delimiter_while_discarding() -> None:
    framer = make_framer(FramingSpec(kind=FramingKind.DELIMITER, delimiter=b"END", max_frame=4))
    out = feed_outputs(framer, b"abcdefgE", 0)
    assert [type(o) for o in out] == [FramingError]
    assert framer.pending == 2
    out = (
        feed_outputs(framer, b"ND", 1)
        + feed_outputs(framer, b"ok", 2)
        + feed_outputs(framer, b"END", 3)
    )
    assert summary(out) == [
        (
            "error",
            "delimiter found, framing resumed; 2 more bytes of the oversized "
            "frame discarded (7 in all)",
            2,
        ),
        ("frame", b"ok"),
    ]


def test_frames_exactly_at_the_limit_pass() -> None:
    spec = FramingSpec(kind=FramingKind.DELIMITER, delimiter=b"--", max_frame=4)
    assert summary(run(make_framer(spec), [b"abcd-", b"-abcde--"]))[0] == ("frame", b"abcd")
    spec = FramingSpec(kind=FramingKind.LENGTH_PREFIX, prefix_size=1, max_frame=4)
    assert summary(run(make_framer(spec), [b"\x04abcd"])) == [("frame", b"abcd")]


def test_length_prefix_guard_skips_a_huge_frame_without_buffering() -> None:
    spec = FramingSpec(kind=FramingKind.LENGTH_PREFIX, prefix_size=4, max_frame=MB)
    framer = make_framer(spec)
    declared = (1 << 32) - 1
    [error] = feed_outputs(framer, b"\xff\xff\xff\xffxxxx", 0)
    assert error == FramingError(
        f"length prefix declares a {declared}-byte payload, over the {MB}-byte limit; "
        f"skipping the frame ({declared + 4} bytes)",
        declared + 4,
        0,
        0,
    )
    step = 16 * MB
    block = bytes(step)
    left = declared - 4
    chunk_id = 1
    while left > step:
        assert feed_outputs(framer, block, chunk_id) == []
        assert framer.pending == 0
        left -= step
        chunk_id += 1
    last = bytes(left) + encode_frame(b"next", spec) + b"\x00\x00"
    assert feed_outputs(framer, last, chunk_id) == [Frame(b"next", chunk_id, chunk_id)]
    assert feed_outputs(framer, b"\x00\x01!", chunk_id + 1) == [Frame(b"!", chunk_id, chunk_id + 1)]


def test_length_smaller_than_its_header_loses_sync_for_good() -> None:
    spec = FramingSpec(kind=FramingKind.LENGTH_PREFIX, prefix_size=2, length_includes_header=True)
    framer = make_framer(spec)
    good = encode_frame(b"ok", spec)
    out = (
        feed_outputs(framer, good + b"\x00", 0)
        + feed_outputs(framer, b"\x01abc", 1)
        + feed_outputs(framer, good, 2)
    )
    assert out == [
        Frame(b"ok", 0, 0),
        FramingError(
            "length prefix declares 1 bytes, less than its own 2-byte header; framing cannot "
            "resynchronise, so the rest of the stream is discarded",
            2,
            0,
            1,
        ),
    ]
    assert framer.pending == 0
    assert framer.flush() == [FramingError("7 bytes discarded after framing lost sync", 7, 1, 2)]
    assert feed_outputs(framer, good, 0) == [Frame(b"ok", 0, 0)], "flush starts a new stream"


# --- flush ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "stream", "left"),
    [
        (FramingSpec(kind=FramingKind.DELIMITER), b"a\nbcd", 3),
        (FramingSpec(kind=FramingKind.DELIMITER, delimiter=b"\r\n"), b"a\r\nb\r", 2),
        (FramingSpec(kind=FramingKind.FIXED, fixed_length=3), b"abcde", 2),
        (FramingSpec(kind=FramingKind.LENGTH_PREFIX, prefix_size=2), b"\x00\x01a\x00", 1),
        (FramingSpec(kind=FramingKind.LENGTH_PREFIX, prefix_size=2), b"\x00\x01a\x00\x05ab", 4),
    ],
)
def test_flush_reports_a_partial_frame(spec: FramingSpec, stream: bytes, left: int) -> None:
    framer = make_framer(spec)
    feed_outputs(framer, stream[:1], 3)
    feed_outputs(framer, stream[1:], 4)
    assert framer.pending == left
    [error] = framer.flush()
    assert error == FramingError(
        f"stream ended inside a frame: {left} bytes left over", left, error.first_chunk, 4
    )
    assert framer.pending == 0
    assert framer.flush() == []


def test_raw_flush_yields_nothing() -> None:
    framer = make_framer(FramingSpec())
    assert feed_outputs(framer, b"abc", 0) == [Frame(b"abc", 0, 0)]
    assert framer.pending == 0
    assert framer.flush() == []


def test_flush_while_discarding_an_oversized_line() -> None:
    framer = make_framer(FramingSpec(kind=FramingKind.DELIMITER, max_frame=3))
    out = feed_outputs(framer, b"abcdef", 0) + framer.flush()
    assert summary(out)[1] == (
        "error",
        "stream ended while discarding an oversized frame; 2 more bytes discarded (6 in all)",
        2,
    )


def test_flush_while_skipping_an_oversized_frame() -> None:
    framer = make_framer(FramingSpec(kind=FramingKind.LENGTH_PREFIX, prefix_size=1, max_frame=3))
    feed_outputs(framer, b"\x09abc", 0)
    assert framer.flush() == [
        FramingError(
            "stream ended while skipping an oversized frame; 6 of its bytes never arrived", 0, 0, 0
        )
    ]


# --- spec -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        (FramingSpec(kind=FramingKind.DELIMITER, delimiter=b""), "delimiter must not be empty"),
        (FramingSpec(kind=FramingKind.FIXED, fixed_length=0), "fixed length must be at least 1"),
        (
            FramingSpec(kind=FramingKind.FIXED, fixed_length=9, max_frame=8),
            "must not exceed the max frame size",
        ),
        (
            FramingSpec(kind=FramingKind.LENGTH_PREFIX, prefix_size=3),
            "length prefix must be 1, 2, 4 or 8 bytes, got 3",
        ),
        (FramingSpec(max_frame=0), "max frame size must be at least 1 byte, got 0"),
    ],
)
def test_validate_names_the_bad_setting(spec: FramingSpec, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        spec.validate()
    with pytest.raises(ValueError, match=message):
        make_framer(spec)


def test_validate_ignores_fields_the_kind_does_not_use() -> None:
    FramingSpec(kind=FramingKind.FIXED, delimiter=b"", prefix_size=3).validate()
    FramingSpec(delimiter=b"", fixed_length=0, prefix_size=3).validate()


@pytest.mark.parametrize(
    ("spec", "text"),
    [
        (FramingSpec(), "raw chunks"),
        (FramingSpec(kind=FramingKind.DELIMITER), "LF-delimited"),
        (FramingSpec(kind=FramingKind.DELIMITER, delimiter=b"\r\n"), "CRLF-delimited"),
        (FramingSpec(kind=FramingKind.DELIMITER, delimiter=b"\0"), "NUL-delimited"),
        (FramingSpec(kind=FramingKind.DELIMITER, delimiter=b"|\xff"), '"|\\xff"-delimited'),
        (
            FramingSpec(kind=FramingKind.DELIMITER, keep_delimiter=True),
            "LF-delimited, delimiter kept",
        ),
        (FramingSpec(kind=FramingKind.FIXED), "fixed 16 bytes"),
        (FramingSpec(kind=FramingKind.FIXED, fixed_length=1), "fixed 1 byte"),
        (
            FramingSpec(kind=FramingKind.LENGTH_PREFIX),
            "4-byte big-endian length prefix (header not counted)",
        ),
        (
            FramingSpec(
                kind=FramingKind.LENGTH_PREFIX,
                prefix_size=2,
                byteorder="little",
                length_includes_header=True,
            ),
            "2-byte little-endian length prefix (header counted)",
        ),
        (
            FramingSpec(kind=FramingKind.LENGTH_PREFIX, prefix_size=1),
            "1-byte length prefix (header not counted)",
        ),
    ],
)
def test_describe(spec: FramingSpec, text: str) -> None:
    assert spec.describe() == text


def test_make_framer_picks_the_framer_for_the_kind() -> None:
    expected = {
        FramingKind.RAW: RawFramer,
        FramingKind.DELIMITER: DelimiterFramer,
        FramingKind.FIXED: FixedLengthFramer,
        FramingKind.LENGTH_PREFIX: LengthPrefixFramer,
    }
    for kind, framer_type in expected.items():
        assert type(make_framer(FramingSpec(kind=kind))) is framer_type
