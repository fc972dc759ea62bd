"""Showing payload bytes in transcripts: one-line cells and multi-line copies."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netbench.core.display import (
    DisplayMode,
    hex_dump,
    hex_inline,
    parse_hex_dump,
    render,
    render_block,
    text_block,
    visible_text,
)
from netbench.core.escapes import decode_escapes
from netbench.core.payload import parse_hex

PROPERTY_SETTINGS = settings(max_examples=200, deadline=None, database=None)

# --- visible_text --------------------------------------------------------------------------


def test_visible_text_shows_controls_and_keeps_cjk() -> None:
    assert visible_text(b"Hello\r\n") == r"Hello\r\n"
    assert visible_text("你好\n".encode()) == r"你好\n"
    assert visible_text(b"\xc4\xe3\xba\xc3", "gbk") == "你好"
    assert visible_text(b"\xff\x00") == r"\xff\0"


@PROPERTY_SETTINGS
@given(data=st.binary(max_size=64))
def test_visible_text_is_one_visible_line(data: bytes) -> None:
    shown = visible_text(data)
    assert shown.isprintable()
    assert decode_escapes(shown, "utf-8") == data


# --- hex_dump ------------------------------------------------------------------------------


def test_hex_dump_of_a_short_message() -> None:
    hex_part = "48 65 6c 6c 6f 0a" + " " * 6 + "  " + " " * 23
    assert hex_dump(b"Hello\n") == f"00000000  {hex_part}  |Hello.|"


def test_hex_dump_lines_up_the_ascii_column() -> None:
    data = bytes(range(0x1E, 0x1E + 20))
    lines = hex_dump(data).split("\n")
    assert lines == [
        "00000000  1e 1f 20 21 22 23 24 25  26 27 28 29 2a 2b 2c 2d  |.. !\"#$%&'()*+,-|",
        "00000010  2e 2f 30 31                                       |./01|",
    ]
    assert len({line.index("|") for line in lines}) == 1


def test_hex_dump_marks_non_printable_bytes_with_dots() -> None:
    assert hex_dump(b"\x7f\x80~ ", width=4) == "00000000  7f 80 7e 20  |..~ |"


def test_hex_dump_continues_from_a_start_offset() -> None:
    assert hex_dump(b"abc", width=2, start_offset=0x100) == (
        "00000100  61 62  |ab|\n00000102  63     |c|"
    )


def test_hex_dump_of_nothing_is_empty() -> None:
    assert hex_dump(b"") == ""


def test_hex_dump_rejects_a_useless_width() -> None:
    with pytest.raises(ValueError, match="width"):
        hex_dump(b"x", width=0)


@PROPERTY_SETTINGS
@given(data=st.binary(max_size=100), width=st.integers(min_value=1, max_value=24))
def test_hex_dump_holds_exactly_the_data(data: bytes, width: int) -> None:
    lines = hex_dump(data, width).split("\n") if data else []
    assert len(lines) == -(-len(data) // width)
    hex_columns = [re.match(r"[0-9a-f]{8}  (.*)  \|", line) for line in lines]
    assert all(hex_columns)
    assert parse_hex(" ".join(match.group(1) for match in hex_columns if match)) == data
    assert len({line.index("|") for line in lines}) <= 1


# --- hex_inline ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "limit", "expected"),
    [
        (b"Hel", None, "48 65 6c"),
        (b"Hel", 3, "48 65 6c"),
        (b"Hello", 2, "48 65 … (+3 bytes)"),
        (b"Hel", 2, "48 65 … (+1 byte)"),
        (b"Hel", 0, "… (+3 bytes)"),
        (b"", 0, ""),
    ],
)
def test_hex_inline(data: bytes, limit: int | None, expected: str) -> None:
    assert hex_inline(data, limit) == expected


def test_hex_inline_rejects_a_negative_limit() -> None:
    with pytest.raises(ValueError, match="limit"):
        hex_inline(b"x", -1)


# --- render / render_block -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        (DisplayMode.TEXT, r"Hi\n"),
        (DisplayMode.HEX, "48 69 0a"),
        (DisplayMode.BOTH, r"Hi\n  |  48 69 0a"),
    ],
)
def test_render_is_one_line_per_mode(mode: DisplayMode, expected: str) -> None:
    assert render(b"Hi\n", mode) == expected
    assert render(b"Hi\n", str(mode)) == expected  # type: ignore[arg-type]


def test_render_uses_the_encoding() -> None:
    assert render("你好".encode("big5"), DisplayMode.TEXT, "big5") == "你好"


def test_render_block_text_breaks_lines_after_newlines() -> None:
    assert render_block(b"one\r\ntwo\nend", DisplayMode.TEXT) == "one\\r\\n\ntwo\\n\nend"


def test_render_block_text_does_not_break_after_an_escaped_backslash() -> None:
    assert render_block(b"a\\nb\\\n", DisplayMode.TEXT) == "a\\\\nb\\\\\\n\n"


def test_render_block_hex_and_both() -> None:
    data = b"Hi\n"
    assert render_block(data, DisplayMode.HEX) == hex_dump(data)
    assert render_block(data, DisplayMode.BOTH) == hex_dump(data) + "\n\nHi\\n\n"


@pytest.mark.parametrize("mode", list(DisplayMode))
def test_nothing_renders_as_nothing(mode: DisplayMode) -> None:
    assert render_block(b"", mode) == ""
    assert render(b"", mode) == ""


@PROPERTY_SETTINGS
@given(data=st.binary(max_size=64))
def test_render_block_text_is_the_visible_text_with_line_breaks(data: bytes) -> None:
    block = render_block(data, DisplayMode.TEXT)
    assert block.replace("\n", "") == visible_text(data)
    assert block.count("\n") == data.count(b"\n")


# --- parse_hex_dump ------------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(
    data=st.binary(max_size=300),
    width=st.integers(min_value=1, max_value=24),
    start=st.integers(min_value=0, max_value=1 << 40),
)
def test_a_hex_dump_parses_back_to_the_same_bytes(data: bytes, width: int, start: int) -> None:
    offset, parsed = parse_hex_dump(hex_dump(data, width, start), width)
    assert parsed == data
    assert offset == (start if data else 0)


def test_a_hex_dump_whose_ascii_column_holds_bars_and_spaces_parses() -> None:
    data = b"|  |" * 9
    assert parse_hex_dump(hex_dump(data)) == (0, data)


@pytest.mark.parametrize(
    "broken",
    [
        "00000000  48 69  |Hi",  # no closing bar
        "00000000  48 69  |Ho|",  # the ASCII column disagrees
        "00000000  48 6  |H.|",  # half a byte
        "00000000  48 69  |Hi|\n00000003  21  |!|",  # an offset that skips a byte
        "zzzzzzzz  48 69  |Hi|",
    ],
)
def test_a_damaged_hex_dump_is_refused(broken: str) -> None:
    with pytest.raises(ValueError, match="line"):
        parse_hex_dump(broken, width=2)


# --- text_block ----------------------------------------------------------------------------

_ESCAPE = re.compile(r"\\.", re.DOTALL)


@PROPERTY_SETTINGS
@given(
    data=st.lists(st.sampled_from([b"\\", b"n", b"\n", b"\\n", b"a", b"\xff", b"\r"])).map(b"".join)
)
def test_text_block_breaks_exactly_after_newline_escapes(data: bytes) -> None:
    """The same as walking the escapes one by one, as a reader would."""
    expected = _ESCAPE.sub(
        lambda found: found.group() + ("\n" if found.group() == "\\n" else ""),
        visible_text(data),
    )
    assert text_block(data) == expected
