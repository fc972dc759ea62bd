"""A recipe turns what was typed into each send's bytes: templates first, then checksum."""

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netbench.core.checksum import (
    Checksum,
    ChecksumError,
    ChecksumSpec,
    Placement,
    crc16_modbus,
    sum8,
)
from netbench.core.errors import PayloadError
from netbench.core.payload import InputMode, LineEnding, parse_payload
from netbench.core.recipe import compile_payload

WALL = time.mktime((2024, 1, 2, 14, 3, 7, 0, 0, -1)) + 0.25


def test_modbus_request_in_hex_with_its_crc():
    recipe = compile_payload(
        "01 03 00 00 00 01", InputMode.HEX, checksum=ChecksumSpec(Checksum.CRC16_MODBUS)
    )
    assert recipe.render(1, WALL) == bytes.fromhex("01 03 00 00 00 01 84 0a")
    assert not recipe.has_placeholders


def test_hex_mode_sends_as_typed_with_the_line_ending():
    recipe = compile_payload("7b 7d", InputMode.HEX, line_ending=LineEnding.CRLF)
    assert recipe.render(9, WALL) == b"{}\r\n"


def test_templates_are_filled_before_the_checksum_which_goes_before_the_line_ending():
    recipe = compile_payload(
        "n={counter}", InputMode.TEXT, "utf-8", LineEnding.LF, ChecksumSpec(Checksum.SUM8)
    )
    for counter in (1, 2, 10):
        parts = recipe.render_parts(counter, WALL)
        assert parts.body == f"n={counter}".encode()
        assert parts.checksum == bytes([sum8(parts.body)])
        assert parts.tail == b"\n"
        assert recipe.render(counter, WALL) == parts.body + parts.checksum + b"\n"


def test_after_the_line_ending_the_checksum_covers_it_and_ends_the_message():
    spec = ChecksumSpec(Checksum.XOR8, placement=Placement.AFTER_LINE_ENDING)
    recipe = compile_payload("A", InputMode.TEXT, line_ending=LineEnding.CRLF, checksum=spec)
    assert recipe.render(1, WALL) == b"A\r\n" + bytes([ord("A") ^ 0x0D ^ 0x0A])


def test_modbus_ascii_frame():
    spec = ChecksumSpec(Checksum.LRC_ASCII, skip=1)
    recipe = compile_payload(":010300000001", InputMode.TEXT, "ascii", LineEnding.CRLF, spec)
    assert recipe.render(1, WALL) == b":010300000001FB\r\n"


def test_templates_in_utf16_and_escapes():
    recipe = compile_payload("第{counter}条\\n", InputMode.ESCAPES, "utf-16-le")
    assert recipe.render(12, WALL) == "第12条\n".encode("utf-16-le")
    assert compile_payload("{time}", InputMode.TEXT).render(1, WALL) == b"14:03:07.250"


def test_escaped_placeholder_is_sent_literally():
    assert compile_payload("{{counter}}", InputMode.TEXT).render(4, WALL) == b"{counter}"


def test_an_escape_cannot_reach_into_a_placeholder_and_errors_point_into_the_text():
    with pytest.raises(PayloadError) as caught:
        compile_payload("ab{counter}\\x{counter}", InputMode.ESCAPES)
    assert caught.value.position == 11
    assert "position 11" in caught.value.message
    with pytest.raises(PayloadError) as caught:
        compile_payload("{counter}\\q", InputMode.ESCAPES)
    assert caught.value.position == 9


def test_a_checksum_that_cannot_be_computed_says_so_when_rendering():
    recipe = compile_payload("a", InputMode.TEXT, checksum=ChecksumSpec(Checksum.SUM8, skip=2))
    with pytest.raises(ChecksumError):
        recipe.render(1, WALL)


texts = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\\"), max_size=30)


@given(texts, st.sampled_from(list(LineEnding)))
def test_without_templates_or_checksum_the_bytes_are_what_parse_payload_gives(text, ending):
    if "{counter}" in text or "{time}" in text:
        return
    recipe = compile_payload(text, InputMode.TEXT, "utf-8", ending)
    assert recipe.render(1, WALL) == parse_payload(text, InputMode.TEXT, "utf-8", ending)


@given(texts, st.integers(1, 10**9))
def test_every_send_carries_a_correct_modbus_crc(text, counter):
    spec = ChecksumSpec(Checksum.CRC16_MODBUS)
    recipe = compile_payload(text + "{counter}", InputMode.TEXT, "utf-8", checksum=spec)
    assert crc16_modbus(recipe.render(counter, WALL)) == 0
