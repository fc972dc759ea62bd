"""Reading the send box: text, escapes and hex, with line endings."""

from __future__ import annotations

import pytest
from encodable import CODECS, first_unencodable
from hypothesis import given, settings
from hypothesis import strategies as st

from netbench.core.errors import PayloadError
from netbench.core.escapes import encode_escapes
from netbench.core.payload import InputMode, LineEnding, parse_hex, parse_payload, to_hex

PROPERTY_SETTINGS = settings(max_examples=200, deadline=None, database=None)
_CODECS = st.sampled_from(CODECS)
_LINE_ENDINGS = st.sampled_from(list(LineEnding))

# --- parse_hex / to_hex --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("48 65 6c", b"Hel"),
        ("48656c", b"Hel"),
        ("0x48,0x65", b"He"),
        ("0x4865", b"He"),
        ("0X48 0x65", b"He"),
        ("AbCd", b"\xab\xcd"),
        ("  48\t65\r\n6c, ", b"Hel"),
        ("48,,65", b"He"),
        ("48\u300065", b"He"),  # a full-width space pasted from CJK text
        ("", b""),
        (" , ", b""),
    ],
)
def test_parse_hex_examples(text: str, expected: bytes) -> None:
    assert parse_hex(text) == expected


@pytest.mark.parametrize(
    ("text", "position", "message"),
    [
        ("48 6g", 4, "'g' at position 4 is not a hex digit"),
        ("48 65 6", 6, "odd number of hex digits: the digit at position 6 has no partner"),
        ("486 5c", 2, "odd number of hex digits: the digit at position 2 has no partner"),
        ("4 86", 0, "odd number of hex digits: the digit at position 0 has no partner"),
        ("0x", 0, "'0x' at position 0 is not followed by hex digits"),
        ("48 0X, 65", 3, "'0X' at position 3 is not followed by hex digits"),
        ("48:65", 2, "':' at position 2 is not a hex digit"),
        ("480x65", 3, "'x' at position 3 is not a hex digit"),
        ("\\x48", 0, "'\\\\' at position 0 is not a hex digit"),
        ("４８", 0, "'４' at position 0 is not a hex digit"),  # full-width digits are not hex
    ],
)
def test_parse_hex_reports_exact_positions(text: str, position: int, message: str) -> None:
    with pytest.raises(PayloadError) as caught:
        parse_hex(text)
    assert caught.value.position == position
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("sep", "expected"),
    [(" ", "00 ff 41"), ("", "00ff41"), (", ", "00, ff, 41"), (":", "00:ff:41")],
)
def test_to_hex(sep: str, expected: str) -> None:
    assert to_hex(b"\x00\xffA", sep) == expected
    assert to_hex(b"", sep) == ""


@PROPERTY_SETTINGS
@given(data=st.binary(max_size=64), sep=st.sampled_from([" ", "", ", ", ",", "\n", "\t "]))
def test_to_hex_round_trips(data: bytes, sep: str) -> None:
    assert parse_hex(to_hex(data, sep)) == data


_SEPARATORS = st.text(st.sampled_from(" \t\r\n,"), min_size=1, max_size=3)


@st.composite
def hex_with_groups(draw: st.DrawFn) -> tuple[str, bytes]:
    """Bytes written the way people paste them: groups, 0x prefixes, odd separators."""
    groups = draw(st.lists(st.binary(min_size=1, max_size=4), max_size=8))
    written = draw(_SEPARATORS) if draw(st.booleans()) else ""
    for group in groups:
        digits = group.hex().upper() if draw(st.booleans()) else group.hex()
        prefix = draw(st.sampled_from(["", "0x", "0X"]))
        written += prefix + digits + draw(_SEPARATORS)
    return written, b"".join(groups)


@PROPERTY_SETTINGS
@given(case=hex_with_groups())
def test_parse_hex_reads_grouped_and_prefixed_input(case: tuple[str, bytes]) -> None:
    written, expected = case
    assert parse_hex(written) == expected


@PROPERTY_SETTINGS
@given(
    text=st.text(st.one_of(st.sampled_from("0123456789abcdefABCDEFxX ,\t\n:g"), st.characters()))
)
def test_parse_hex_returns_bytes_or_a_positioned_payload_error(text: str) -> None:
    outcome = _bytes_or_payload_error(text)
    if isinstance(outcome, PayloadError):
        assert 0 <= outcome.position < len(text)
        assert f"position {outcome.position}" in outcome.message
        assert not text[outcome.position].isspace()
    else:
        assert isinstance(outcome, bytes)


def _bytes_or_payload_error(text: str) -> bytes | PayloadError:
    """Any other exception escapes and fails the test."""
    try:
        return parse_hex(text)
    except PayloadError as error:
        return error


# --- parse_payload -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mode", "expected"),
    [
        (r"a\nb", InputMode.TEXT, b"a\\nb"),
        (r"a\nb", InputMode.ESCAPES, b"a\nb"),
        ("61 5c 6e", InputMode.HEX, b"a\\n"),
        ("你好", InputMode.TEXT, "你好".encode()),
        ("", InputMode.TEXT, b""),
    ],
)
def test_parse_payload_modes(text: str, mode: InputMode, expected: bytes) -> None:
    assert parse_payload(text, mode) == expected


@pytest.mark.parametrize(
    ("line_ending", "suffix"),
    [
        (LineEnding.NONE, b""),
        (LineEnding.LF, b"\n"),
        (LineEnding.CR, b"\r"),
        (LineEnding.CRLF, b"\r\n"),
    ],
)
@pytest.mark.parametrize("mode", list(InputMode))
def test_line_endings_are_appended_in_every_mode(
    line_ending: LineEnding, suffix: bytes, mode: InputMode
) -> None:
    text = "41 42" if mode is InputMode.HEX else "AB"
    assert parse_payload(text, mode, "utf-8", line_ending) == b"AB" + suffix
    assert line_ending.bytes == suffix


def test_line_ending_is_encoded_like_the_text_but_raw_after_hex() -> None:
    crlf = LineEnding.CRLF
    assert parse_payload("A", InputMode.TEXT, "utf-16-le", crlf) == "A\r\n".encode("utf-16-le")
    assert parse_payload("A", InputMode.ESCAPES, "UTF-16BE", crlf) == "A\r\n".encode("utf-16-be")
    assert parse_payload("00 41", InputMode.HEX, "utf-16-be", crlf) == b"\x00A\r\n"


def test_parse_payload_encodes_with_the_chosen_encoding() -> None:
    assert parse_payload("你好", InputMode.TEXT, "gbk") == b"\xc4\xe3\xba\xc3"
    assert parse_payload(r"\xff你", InputMode.ESCAPES, "big5") == b"\xff" + "你".encode("big5")


def test_parse_payload_accepts_plain_strings_for_the_enums() -> None:
    assert parse_payload("41", "hex", "utf-8", "crlf") == b"A\r\n"  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "mode", "codec", "position"),
    [
        ("héllo 中", InputMode.TEXT, "latin-1", 6),
        ("ab\\中", InputMode.TEXT, "ascii", 3),
        ("ab\\q", InputMode.ESCAPES, "utf-8", 2),
        ("41 4", InputMode.HEX, "utf-8", 3),
    ],
)
def test_parse_payload_errors_carry_positions(
    text: str, mode: InputMode, codec: str, position: int
) -> None:
    with pytest.raises(PayloadError) as caught:
        parse_payload(text, mode, codec)
    assert caught.value.position == position


def test_parse_payload_rejects_an_unknown_encoding() -> None:
    with pytest.raises(ValueError, match="unknown encoding"):
        parse_payload("x", InputMode.TEXT, "klingon")


@PROPERTY_SETTINGS
@given(text=st.text(), codec=_CODECS, line_ending=_LINE_ENDINGS)
def test_parse_payload_text_mode_is_plain_encoding(
    text: str, codec: str, line_ending: LineEnding
) -> None:
    culprit = first_unencodable(text, codec)
    if culprit is None:
        got = parse_payload(text, InputMode.TEXT, codec, line_ending)
        assert got == text.encode(codec) + line_ending.text.encode(codec)
    else:
        with pytest.raises(PayloadError) as caught:
            parse_payload(text, InputMode.TEXT, codec, line_ending)
        assert caught.value.position == culprit


@PROPERTY_SETTINGS
@given(data=st.binary(max_size=48), codec=_CODECS, line_ending=_LINE_ENDINGS)
def test_parse_payload_reads_back_what_the_display_shows(
    data: bytes, codec: str, line_ending: LineEnding
) -> None:
    shown = encode_escapes(data, codec)
    assert parse_payload(shown, InputMode.ESCAPES, codec, line_ending) == (
        data + line_ending.text.encode(codec)
    )
    assert parse_payload(to_hex(data), InputMode.HEX, codec, line_ending) == (
        data + line_ending.bytes
    )
