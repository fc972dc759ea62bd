"""The send row's length header: what it sends is read back whole by the length-prefix
framing of the same size and byte order, however the stream is cut; replies too."""

from __future__ import annotations

import struct

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netbench.core.framing.spec import FramingKind, FramingSpec
from netbench.core.framing.wire import make_framer
from netbench.core.length_header import HEADER_SIZES, LengthHeader, LengthHeaderError
from netbench.core.payload import InputMode
from netbench.core.recipe import compile_payload
from netbench.core.replies.responder import Note, Reply, ReplyOptions

headers = st.builds(LengthHeader, st.sampled_from(HEADER_SIZES), st.sampled_from(["big", "little"]))


@given(headers, st.lists(st.binary(max_size=300), max_size=8), st.data())
def test_what_the_header_frames_a_framer_reads_back_whole(header, messages, data):
    fitting = [m for m in messages if len(m) <= header.largest]
    stream = b"".join(header.wrap(m) for m in fitting)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(stream)), max_size=6)))
    chunks = [stream[a:b] for a, b in zip([0, *cuts], [*cuts, len(stream)], strict=True)]
    framer = make_framer(header.framing())
    out: list[bytes] = []
    for chunk_id, chunk in enumerate(chunks):
        out += framer.feed(chunk, chunk_id)
    assert framer.flush() == []
    assert out == fitting


@given(headers, st.integers(0, 1 << 70))
def test_a_length_fits_its_header_or_is_refused_by_name(header, length):
    if length <= header.largest:
        assert int.from_bytes(header.header_for(length), header.byteorder) == length
    else:
        with pytest.raises(LengthHeaderError, match=f"{header.size}-byte length header"):
            header.header_for(length)


def test_the_tutorials_struct_header_is_the_4_byte_big_endian_one():
    assert LengthHeader(4, "big").wrap(b"hello") == struct.pack("!I", 5) + b"hello"
    assert LengthHeader(2, "little").wrap(b"abc") == b"\x03\x00abc"
    assert LengthHeader.of_framing(FramingSpec(kind=FramingKind.RAW)) is None
    counted = FramingSpec(kind=FramingKind.LENGTH_PREFIX, length_includes_header=True)
    assert LengthHeader.of_framing(counted) is None
    spec = FramingSpec(kind=FramingKind.LENGTH_PREFIX, prefix_size=8, byteorder="little")
    assert LengthHeader.of_framing(spec) == LengthHeader(8, "little")


def test_a_recipe_puts_the_header_before_the_line_ending_and_checksum_it_counts():
    recipe = compile_payload("msg {counter}", InputMode.TEXT, line_ending="lf")
    framed = compile_payload(
        "msg {counter}", InputMode.TEXT, line_ending="lf", length_header=LengthHeader(1)
    )
    body = recipe.render(12, 0.0)
    assert framed.render(12, 0.0) == bytes([len(body)]) + body
    with pytest.raises(LengthHeaderError):
        compile_payload("x" * 300, InputMode.TEXT, length_header=LengthHeader(1)).render(1, 0.0)


def test_replies_get_their_header_or_a_note_when_too_long():
    options = ReplyOptions(length_header=LengthHeader(2, "big"))
    assert options.actions(b"Yes") == [Reply(b"\x00\x03Yes")]
    small = ReplyOptions(length_header=LengthHeader(1))
    (note,) = small.actions(b"x" * 256)
    assert isinstance(note, Note) and "1-byte length header" in note.text
