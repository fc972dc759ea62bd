"""Automatic replies: the tutorial servers byte for byte, and the options they share."""

from __future__ import annotations

import time

import pytest
from encodable import CODECS
from hypothesis import given, settings
from hypothesis import strategies as st
from reply_helpers import NOW, one_reply

from netbench.core.replies.responder import (
    CloseConnection,
    Reply,
    ReplyOptions,
)
from netbench.core.replies.rules import RulesResponder
from netbench.core.replies.simple import (
    ByteCountResponder,
    EchoResponder,
    FixedResponder,
    NoReply,
    TimestampResponder,
    UpperEchoResponder,
    upper_ascii,
)

ASCII_LOWER = "abcdefghijklmnopqrstuvwxyz"
ASCII_UPPER = ASCII_LOWER.upper()
PROPERTY_SETTINGS = settings(max_examples=200, deadline=None, database=None)


# --- the tutorial servers --------------------------------------------------------------------


def test_no_reply_stays_silent():
    session = NoReply().new_session("peer")
    assert session.on_frame(b"hello", NOW) == []
    assert session.on_end() == []


def test_echo_sends_the_message_back():
    assert one_reply(EchoResponder(), b"hello\r\n") == b"hello\r\n"
    assert one_reply(EchoResponder(), "你好".encode()) == "你好".encode()


def test_echo_answers_an_empty_frame_too():
    # An empty datagram is a message; echoing it keeps UDP echo honest.
    assert EchoResponder().new_session("p").on_frame(b"", NOW) == [Reply(b"")]


@pytest.mark.parametrize(
    ("data", "codec", "expected"),
    [
        (b"hello, World 123!", "utf-8", b"HELLO, WORLD 123!"),
        ("你好abc，ü".encode(), "utf-8", "你好ABC，ü".encode()),
        ("café".encode("latin-1"), "latin-1", "CAFé".encode("latin-1")),
        # GBK 瞭 is B2 74: its second byte looks like "t" and must stay.
        ("瞭a".encode("gbk"), "gbk", "瞭A".encode("gbk")),
        ("乤x".encode("gb18030"), "gb18030", "乤X".encode("gb18030")),
        ("\U0002000bq".encode("gb18030"), "gb18030", "\U0002000bQ".encode("gb18030")),
        # Big5 好 is A6 6E ("n").
        ("好n".encode("big5"), "big5", "好N".encode("big5")),
        # UTF-16LE 乡 is 61 4E ("a" and "N").
        ("乡a".encode("utf-16-le"), "utf-16-le", "乡A".encode("utf-16-le")),
        ("a乡".encode("utf-16-be"), "utf-16-be", "A乡".encode("utf-16-be")),
        (b"od\x00a", "utf-16-le", b"od\x00a"),  # units 646F and 6100: no letters
        (b"a\x00b", "utf-16-le", b"A\x00b"),  # a lone last byte is not a character
    ],
)
def test_upper_changes_only_ascii_letters(data, codec, expected):
    assert upper_ascii(data, codec) == expected
    assert one_reply(UpperEchoResponder(encoding=codec), data) == expected


def test_upper_echo_like_the_socketserver_tutorial():
    assert one_reply(UpperEchoResponder(), "hello 世界".encode()) == "HELLO 世界".encode()


def test_timestamp_reply_matches_the_tutorial_format(utc):
    assert one_reply(TimestampResponder(), b"data") == b"[Sun Nov 22 02:20:42 2026] data"
    # ctime pads single-digit days with a space
    assert one_reply(TimestampResponder(), b"x", 1793508800.0) == b"[Sun Nov  1 04:53:20 2026] x"


def test_timestamp_uses_local_time():
    expected = f"[{time.ctime(NOW)}] ".encode() + "数据".encode()
    assert one_reply(TimestampResponder(), "数据".encode()) == expected


def test_timestamp_prefix_is_encoded_like_the_text():
    reply = one_reply(TimestampResponder(encoding="utf-16-le"), "好".encode("utf-16-le"))
    assert reply == f"[{time.ctime(NOW)}] 好".encode("utf-16-le")


def test_byte_count_reply_matches_the_udp_tutorial():
    assert one_reply(ByteCountResponder(), b"this is my message") == b"your data was 18 bytes"
    assert one_reply(ByteCountResponder(), b"") == b"your data was 0 bytes"
    assert one_reply(ByteCountResponder(), "中".encode()) == b"your data was 3 bytes"


def test_fixed_reply():
    responder = FixedResponder(b"Receive your message")
    assert one_reply(responder, b"anything") == b"Receive your message"
    with pytest.raises(ValueError, match="must be bytes"):
        FixedResponder("text")  # type: ignore[arg-type]


# --- options ---------------------------------------------------------------------------------


def test_options_delay_close_and_suffix():
    options = ReplyOptions(delay=0.25, close_after_reply=True, suffix=b"\r\n")
    actions = EchoResponder(options).new_session("p").on_frame(b"hi", NOW)
    assert actions == [Reply(b"hi\r\n", 0.25), CloseConnection()]


@pytest.mark.parametrize(
    "responder",
    [
        EchoResponder(ReplyOptions(suffix=b"\n")),
        UpperEchoResponder(ReplyOptions(suffix=b"\n")),
        TimestampResponder(ReplyOptions(suffix=b"\n")),
        ByteCountResponder(ReplyOptions(suffix=b"\n")),
        FixedResponder(b"ok", ReplyOptions(suffix=b"\n")),
        RulesResponder((), fallback=b"ok", options=ReplyOptions(suffix=b"\n")),
    ],
)
def test_every_reply_gets_the_suffix(responder):
    assert one_reply(responder, b"x").endswith(b"\n")


def test_no_reply_ignores_options():
    options = ReplyOptions(delay=1, close_after_reply=True, suffix=b"\n")
    assert NoReply(options).new_session("p").on_frame(b"x", NOW) == []


@pytest.mark.parametrize("delay", [-1.0, float("nan"), float("inf")])
def test_bad_delays_are_refused(delay):
    with pytest.raises(ValueError, match="delay"):
        ReplyOptions(delay=delay)


def test_a_text_suffix_is_refused():
    with pytest.raises(ValueError, match="suffix"):
        ReplyOptions(suffix="\n")  # type: ignore[arg-type]


# --- properties ------------------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(st.binary(max_size=64))
def test_echo_returns_any_bytes_unchanged(data):
    assert EchoResponder().new_session("p").on_frame(data, NOW) == [Reply(data)]


@PROPERTY_SETTINGS
@given(st.binary(max_size=64) | st.text(max_size=16).map(str.encode), st.sampled_from(CODECS))
def test_upper_only_touches_lower_case_ascii(data, codec):
    upper = upper_ascii(data, codec)
    assert len(upper) == len(data)
    for before, after in zip(data, upper, strict=True):
        assert after == before or (0x61 <= before <= 0x7A and after == before - 0x20)


@PROPERTY_SETTINGS
@given(st.text(max_size=16), st.sampled_from(CODECS))
def test_upper_matches_str_upper_on_ascii_letters_of_real_text(text, codec):
    data = text.encode(codec, "ignore")
    expected = data.decode(codec).translate(str.maketrans(ASCII_LOWER, ASCII_UPPER))
    assert upper_ascii(data, codec) == expected.encode(codec)
