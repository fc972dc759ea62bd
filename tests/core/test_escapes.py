"""The escape codec: typed escapes to bytes, and any bytes back to readable, exact text."""

from __future__ import annotations

import pickle

import pytest
from encodable import CODECS, first_unencodable
from hypothesis import given, settings
from hypothesis import strategies as st

from netbench.core.errors import PayloadError
from netbench.core.escapes import decode_escapes, encode_escapes, encode_text

CJK_CODECS = ["utf-8", "gbk", "gb18030", "big5", "utf-16-le", "utf-16-be"]

PROPERTY_SETTINGS = settings(max_examples=200, deadline=None, database=None)
PER_CODEC_SETTINGS = settings(max_examples=120, deadline=None, database=None)

_CJK_CHARACTERS = st.characters(min_codepoint=0x3000, max_codepoint=0x9FFF)
# Characters that make the display work hard: controls, backslashes, invisible code points.
_SPECIAL_CHARACTERS = st.sampled_from("\n\r\t\0\\\x1b\x7f\x85\xa0\u200b\ufeff\U0001f600\U000e0001")
_INTERESTING_CHARACTERS = st.one_of(st.characters(), _CJK_CHARACTERS, _SPECIAL_CHARACTERS)


def bytes_worth_showing(codec: str) -> st.SearchStrategy[bytes]:
    """Random bytes, encoded text, and both spliced, so every decode path gets exercised."""

    def encoded(characters: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
        return st.text(characters, max_size=8).map(lambda text: text.encode(codec, "ignore"))

    spliced = st.tuples(
        encoded(_CJK_CHARACTERS),
        st.binary(max_size=3),
        encoded(_SPECIAL_CHARACTERS),
        encoded(_CJK_CHARACTERS),
    ).map(b"".join)
    return st.one_of(st.binary(max_size=32), encoded(st.characters()), spliced)


# --- decode_escapes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        ("hello", "utf-8", b"hello"),
        (r"a\nb\rc\td\0e", "utf-8", b"a\nb\rc\td\0e"),
        (r"\a\b\f\v\e\\", "ascii", b"\a\b\f\v\x1b\\"),
        (r"\x00\xff\xAb", "utf-8", b"\x00\xff\xab"),
        (r"\x41", "utf-16-le", b"A"),  # raw byte, not encoded
        (r"\n", "utf-16-le", b"\n\x00"),  # a character, encoded like the text
        (r"\n", "utf-16-be", b"\x00\n"),
        (r"\u4e2d", "utf-8", "中".encode()),
        (r"\u4E2D", "gbk", "中".encode("gbk")),
        (r"\U0001F600", "utf-8", "😀".encode()),
        (r"\ud83d\ude00", "utf-8", "😀".encode()),
        (r"\ud83d\ude00", "utf-16-be", "😀".encode("utf-16-be")),
        ("你好\\n", "gbk", "你好\n".encode("gbk")),
        ("你好", "big5", "你好".encode("big5")),
        ("你好😀", "gb18030", "你好😀".encode("gb18030")),
        ("é", "latin-1", b"\xe9"),
        (r"\0123", "ascii", b"\x00123"),  # \0 is only NUL, never an octal escape
        ("", "utf-8", b""),
    ],
)
def test_decode_escapes_examples(text: str, codec: str, expected: bytes) -> None:
    assert decode_escapes(text, codec) == expected


@pytest.mark.parametrize(
    ("text", "codec", "position", "message"),
    [
        (r"abcde\q", "utf-8", 5, "unknown escape \\q at position 5"),
        ("abc中", "ascii", 3, "'中' cannot be encoded as ascii at position 3"),
        ("ab\\n中", "latin-1", 4, "'中' cannot be encoded as latin-1 at position 4"),
        (r"\x4", "utf-8", 0, "\\x at position 0 needs exactly two hex digits"),
        (r"ab\x4g", "utf-8", 2, "\\x at position 2 needs exactly two hex digits"),
        (r"\u12", "utf-8", 0, "\\u at position 0 needs exactly four hex digits"),
        (r"x\U1234567", "utf-8", 1, "\\U at position 1 needs exactly eight hex digits"),
        (r"\UFFFFFFFF", "utf-8", 0, "\\UFFFFFFFF at position 0 is beyond U+10FFFF"),
        ("abc\\", "utf-8", 3, "lone backslash at position 3"),
        (r"a\u4e2d", "latin-1", 1, "'中' cannot be encoded as latin-1 at position 1"),
        (r"ab\ud800", "utf-8", 2, "'\\ud800' cannot be encoded as utf-8 at position 2"),
        (r"\ud83d\ude00", "gbk", 0, "cannot be encoded as gbk at position 0"),
        ("a\\\nb", "utf-8", 1, "(backslash followed by '\\n') at position 1"),
    ],
)
def test_decode_escapes_reports_exact_positions(
    text: str, codec: str, position: int, message: str
) -> None:
    with pytest.raises(PayloadError) as caught:
        decode_escapes(text, codec)
    assert caught.value.position == position
    assert message.casefold() in str(caught.value).casefold()
    assert str(caught.value) == caught.value.message


def test_payload_error_is_a_value_error_that_survives_pickling() -> None:
    error = PayloadError("bad thing at position 7", 7)
    assert isinstance(error, ValueError)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.message, copy.position, str(copy)) == (error.message, 7, str(error))


def test_encode_text_keeps_backslashes_literal_and_names_the_culprit() -> None:
    assert encode_text(r"a\nb", "utf-8") == b"a\\nb"
    with pytest.raises(PayloadError) as caught:
        encode_text("héllo 中", "latin-1")
    assert caught.value.position == 6


def test_an_unsupported_encoding_is_a_plain_value_error() -> None:
    with pytest.raises(ValueError, match="not supported") as caught:
        decode_escapes("x", "utf-16")
    assert not isinstance(caught.value, PayloadError)


@PROPERTY_SETTINGS
@given(
    text=st.text(
        st.one_of(st.sampled_from("\\xuUnrt0abfveq0123456789abcdefABCDEF"), st.characters())
    ),
    codec=st.sampled_from(CODECS),
)
def test_decode_escapes_returns_bytes_or_a_positioned_payload_error(text: str, codec: str) -> None:
    outcome = _bytes_or_payload_error(text, codec)
    if isinstance(outcome, PayloadError):
        assert 0 <= outcome.position < len(text)
        assert f"position {outcome.position}" in outcome.message
    else:
        assert isinstance(outcome, bytes)


def _bytes_or_payload_error(text: str, codec: str) -> bytes | PayloadError:
    """Any other exception escapes and fails the test."""
    try:
        return decode_escapes(text, codec)
    except PayloadError as error:
        return error


@PROPERTY_SETTINGS
@given(text=st.text(_INTERESTING_CHARACTERS), codec=st.sampled_from(CODECS))
def test_text_without_backslashes_is_just_encoded(text: str, codec: str) -> None:
    text = text.replace("\\", "")
    culprit = first_unencodable(text, codec)
    if culprit is None:
        assert decode_escapes(text, codec) == text.encode(codec)
    else:
        with pytest.raises(PayloadError) as caught:
            decode_escapes(text, codec)
        assert caught.value.position == culprit


# --- encode_escapes ------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-8", "gbk", "gb18030", "big5"])
def test_cjk_text_stays_readable(codec: str) -> None:
    text = "你好，世界！中文測試" if codec == "big5" else "你好，世界！中文测试"
    assert encode_escapes(text.encode(codec), codec) == text


def test_gbk_bytes_of_nihao_display_as_nihao() -> None:
    assert encode_escapes(b"\xc4\xe3\xba\xc3", "gbk") == "你好"


@pytest.mark.parametrize(
    ("data", "codec", "shown"),
    [
        (b"\xff", "utf-8", r"\xff"),
        (b"a\xffb", "utf-8", r"a\xffb"),
        (b"Hello\r\n\t\0", "utf-8", r"Hello\r\n\t\0"),
        (b"\x1b[0m\x7f", "utf-8", r"\x1b[0m\x7f"),
        (b"C:\\dir", "utf-8", r"C:\\dir"),
        (b"\\n", "ascii", r"\\n"),
        (b"\x85\xa0\xe9", "latin-1", r"\x85\xa0é"),
        ("\x85".encode(), "utf-8", r"\u0085"),  # a control character, but two bytes
        ("a\u00a0b\u200bc".encode(), "utf-8", r"a\u00a0b\u200bc"),
        ("\U000e0001".encode(), "utf-8", r"\U000e0001"),
        ("😀".encode(), "utf-8", "😀"),
        ("ok你".encode()[:-1], "utf-8", r"ok\xe4\xbd"),  # cut-off character at the end
        (b"\xe4\xbdA", "utf-8", r"\xe4\xbdA"),
        (b"\x80\xff", "ascii", r"\x80\xff"),
        ("Hi\n".encode("utf-16-le"), "utf-16-le", r"Hi\n"),
        ("\x01".encode("utf-16-le"), "utf-16-le", r"\u0001"),
        ("\ufeffA".encode("utf-16-le"), "utf-16-le", r"\ufeffA"),
        (b"A\x00B", "utf-16-le", r"A\x42"),  # odd byte left at the end
        (b"\x00\xd8A\x00", "utf-16-le", r"\x00\xd8A"),  # lone surrogate: a whole code unit
        (b"\xd8\x00\x00A", "utf-16-be", r"\xd8\x00A"),
        (b"\x81\x30\x81\x30", "gb18030", r"\u0080"),  # four-byte GB18030 control
        (b"\x81 ", "gbk", r"\x81 "),
        # Big5 A1FE decodes to a character that encodes as A241, so it must stay raw.
        (b"ab\xa1\xfe" + "你".encode("big5"), "big5", "ab\\xa1\\xfe你"),
    ],
)
def test_encode_escapes_examples(data: bytes, codec: str, shown: str) -> None:
    assert encode_escapes(data, codec) == shown
    assert decode_escapes(shown, codec) == data


@pytest.mark.parametrize("cut", range(4088, 4100))
@pytest.mark.parametrize(("codec", "tail"), [("utf-8", "你好😀"), ("gb18030", "你😀\x80")])
def test_long_payloads_stay_readable_across_decode_windows(codec: str, cut: int, tail: str) -> None:
    """Long data is decoded a window at a time; characters must survive the cuts."""
    data = b"\n" + b"a" * (cut - 1) + tail.encode(codec) + b"\xff" * 3 + tail.encode(codec)
    shown = encode_escapes(data, codec)
    visible_tail = tail.replace("\x80", "\\u0080")
    assert shown == "\\n" + "a" * (cut - 1) + visible_tail + "\\xff" * 3 + visible_tail
    assert decode_escapes(shown, codec) == data


def test_long_big5_payloads_with_ambiguous_characters_round_trip() -> None:
    ambiguous = b"\xa1\xfe\xa2\x40"  # decode to characters that encode differently
    data = ("你好\n".encode("big5") + ambiguous) * 1500
    shown = encode_escapes(data, "big5")
    assert shown.count("你好") == 1500
    assert shown.count("\\xa1\\xfe\\xa2\\x40") == 1500
    assert decode_escapes(shown, "big5") == data


@pytest.mark.parametrize("codec", CODECS)
def test_every_single_byte_round_trips(codec: str) -> None:
    for byte in range(256):
        data = bytes([byte])
        assert decode_escapes(encode_escapes(data, codec), codec) == data


@pytest.mark.parametrize("codec", CODECS)
@PER_CODEC_SETTINGS
@given(data=st.data())
def test_encode_then_decode_gives_back_the_same_bytes(codec: str, data: st.DataObject) -> None:
    original = data.draw(bytes_worth_showing(codec))
    shown = encode_escapes(original, codec)
    assert decode_escapes(shown, codec) == original
    assert shown.isprintable(), "the display must be one line with nothing invisible"


@PROPERTY_SETTINGS
@given(text=st.text(_INTERESTING_CHARACTERS), codec=st.sampled_from(CJK_CODECS))
def test_printable_text_is_shown_as_itself(text: str, codec: str) -> None:
    encoded = text.encode(codec, errors="ignore")
    readable = encoded.decode(codec)
    if readable.isprintable() and "\\" not in readable and readable.encode(codec) == encoded:
        assert encode_escapes(encoded, codec) == readable


@settings(max_examples=400)
@given(
    data=st.one_of(
        st.binary(max_size=300),
        st.text(max_size=100).map(lambda text: text.encode("utf-8", "surrogatepass")),
        st.lists(
            st.sampled_from([b"\xe4\xbd\xa0", b"\xc2\x85", b"\xed\xa0\x80", b"\\", b"\n"])
        ).map(b"".join),
    ),
    codec=st.sampled_from(["utf-8", "ascii"]),
)
def test_binary_is_shown_as_the_careful_walk_shows_it(data: bytes, codec: str) -> None:
    """The one-pass display of UTF-8/ASCII binary data agrees with the general walk."""
    from netbench.core.escapes import escapes_by_walk

    shown = encode_escapes(data, codec)
    assert shown == escapes_by_walk(data, codec)
    assert decode_escapes(shown, codec) == data


def test_a_megabyte_of_random_bytes_is_shown_exactly() -> None:
    import random

    data = random.Random(7).randbytes(1 << 20)
    assert decode_escapes(encode_escapes(data, "utf-8"), "utf-8") == data
