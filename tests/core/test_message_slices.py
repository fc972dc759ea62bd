"""Cutting a long message into slices to show it a part at a time, losing no byte."""

from __future__ import annotations

import re

import pytest
from encodable import CODECS
from hypothesis import given, settings
from hypothesis import strategies as st

from netbench.core.display import hex_dump, parse_hex_dump, text_block, visible_text
from netbench.core.escapes import decode_escapes
from netbench.core.message_slices import (
    HEX_LINE_BYTES,
    TextLines,
    byte_slices,
    hex_lines,
    hex_slice_end,
    text_slice_end,
    text_slices,
)

PROPERTY_SETTINGS = settings(max_examples=200, deadline=None, database=None)

# Text that is mostly characters of more than one byte, with controls and stray bytes.
MIXED_TEXT = st.lists(
    st.sampled_from(["你", "好", "a", "\n", "\r", "\\", "é", "€", "😀", "\x00", " "]),
    max_size=80,
).map("".join)


def covered(slices: list[tuple[int, int]]) -> list[int]:
    """Every byte offset the slices cover, in order (duplicates and gaps show up)."""
    return [offset for first, end in slices for offset in range(first, end)]


# --- byte_slices ---------------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(
    size=st.integers(min_value=0, max_value=5_000),
    step=st.integers(min_value=1, max_value=700),
    start=st.integers(min_value=0, max_value=5_000),
)
def test_byte_slices_cover_every_byte_once_in_order(size: int, step: int, start: int) -> None:
    slices = list(byte_slices(size, step, start))
    assert covered(slices) == list(range(min(start, size), size))
    assert all(0 < end - first <= step for first, end in slices)


def test_byte_slices_refuse_a_useless_step() -> None:
    with pytest.raises(ValueError, match="step"):
        list(byte_slices(10, 0))


# --- text slices ---------------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(
    text=MIXED_TEXT,
    noise=st.binary(max_size=12),
    codec=st.sampled_from(CODECS),
    step=st.integers(min_value=1, max_value=40),
)
def test_text_slices_cover_every_byte_once_and_read_back(
    text: str, noise: bytes, codec: str, step: int
) -> None:
    data = text.encode(codec, "ignore") + noise + text.encode(codec, "ignore")
    slices = list(text_slices(data, codec, step))
    assert covered(slices) == list(range(len(data)))
    shown = "".join(visible_text(data[first:end], codec) for first, end in slices)
    assert decode_escapes(shown, codec) == data


@pytest.mark.parametrize(
    ("codec", "text", "wanted", "expected"),
    [
        ("utf-8", "你好", 1, 3),  # inside the first character: it is taken whole
        ("utf-8", "你好", 4, 3),  # inside the second: left for the next slice
        ("utf-8", "你好", 6, 6),
        ("gb18030", "你好", 3, 2),
        ("utf-16-le", "ab", 1, 2),
        ("utf-16-le", "😀a", 2, 4),  # a surrogate pair is one character
        ("latin-1", "abc", 1, 1),
    ],
)
def test_a_text_slice_never_cuts_a_character(
    codec: str, text: str, wanted: int, expected: int
) -> None:
    assert text_slice_end(text.encode(codec), 0, wanted, codec) == expected


def test_a_text_slice_of_bytes_that_never_make_a_character_still_moves_on() -> None:
    data = b"\xe4\xbd" + b"\xe4\xbd"  # two cut characters in a row
    slices = list(text_slices(data, "utf-8", 1))
    assert covered(slices) == [0, 1, 2, 3]


# --- display lines -------------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(
    text=MIXED_TEXT,
    noise=st.binary(max_size=40),
    codec=st.sampled_from(CODECS),
    step=st.integers(min_value=1, max_value=64),
    width=st.integers(min_value=16, max_value=60),
)
def test_display_lines_stay_short_and_are_the_text_with_breaks(
    text: str, noise: bytes, codec: str, step: int, width: int
) -> None:
    data = noise + text.encode(codec, "ignore") * 3 + noise
    lines = TextLines(codec, width)
    shown = "".join(lines.render(data[first:end]) for first, end in text_slices(data, codec, step))
    assert max(map(len, shown.split("\n"))) <= width
    # Every break is either after a \n escape or between two escapes: none cut one.
    one_line = shown.replace("\n", "")
    assert decode_escapes(one_line, codec) == data
    newline_escapes = [m for m in re.finditer(r"\\.", one_line, re.DOTALL) if m[0] == "\\n"]
    assert shown.count("\n") >= len(newline_escapes)


def test_a_long_line_is_broken_at_the_width() -> None:
    lines = TextLines("utf-8", width=16)
    assert lines.render(b"a" * 20) == "a" * 16 + "\n" + "a" * 4
    assert lines.render(b"b" * 12) == "b" * 12  # the open line had 4; 16 now
    assert lines.render(b"c\nd") == "\nc\\n\nd"


def test_short_lines_are_the_text_block_itself() -> None:
    data = "第一行\r\n第二行\n".encode()
    assert TextLines("utf-8").render(data) == text_block(data, "utf-8")


# --- hex slices ----------------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(data=st.binary(max_size=600), step=st.integers(min_value=1, max_value=100))
def test_hex_slices_join_into_the_dump_of_the_whole(data: bytes, step: int) -> None:
    pieces = []
    start = 0
    while start < len(data):
        end = hex_slice_end(len(data), start, step)
        assert end == len(data) or (end - start) % HEX_LINE_BYTES == 0
        pieces.append(hex_lines(data, start, end))
        start = end
    joined = "\n".join(pieces)
    assert joined == hex_dump(data)
    assert parse_hex_dump(joined) == (0, data)
