"""The HTTP site reads requests with h11: where it and h11 0.16 differ, each on purpose.

Every case here is one that h11 alone would answer otherwise (see the list in
``netbench/core/replies/http_reader.py``), so each fails if that difference is lost.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reply_helpers import NOW, Response, http, replies, statuses

from netbench.core.replies.http_connection import StaticHttpConnection
from netbench.core.replies.http_files import StaticSite
from netbench.core.replies.http_request import MAX_HEAD_BYTES

GET = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"
CHUNKED_POST = b"POST /form HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "index.html").write_bytes(b"home")
    (tmp_path / "中文.txt").write_bytes("你好".encode())
    return tmp_path


def body_of(actions: list) -> bytes:
    return Response(replies(actions)[0]).body


# --- what h11 accepts and this server refuses ------------------------------------------------


def test_obsolete_line_folding_is_refused(site):
    for fold in (b" folded", b"\tfolded"):
        actions = http(site, b"GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\n" + fold + b"\r\n\r\n" + GET)
        assert statuses(actions) == [400, "close"]
        assert b"obsolete line folding" in body_of(actions)


@pytest.mark.parametrize(
    ("headers", "said"),
    [
        (b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", b"ambiguous"),
        (b"Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", b"ambiguous"),
        (b"Transfer-Encoding: chunked\r\nContent-Length: 0\r\n", b"ambiguous"),
        (b"Content-Length: 5\r\nContent-Length: 6\r\n", b"Content-Length"),
        (b"Content-Length: 5, 6\r\n", b"Content-Length"),
        (b"Content-Length: +5\r\n", b"Content-Length"),
        (b"Content-Length: 0x5\r\n", b"Content-Length"),
        (b"Content-Length: 5 5\r\n", b"Content-Length"),
    ],
)
def test_lengths_that_could_smuggle_a_request_are_refused(site, headers, said):
    smuggled = b"POST / HTTP/1.1\r\nHost: x\r\n" + headers + b"\r\n0\r\n\r\n" + GET
    actions = http(site, smuggled)
    assert statuses(actions) == [400, "close"]
    assert said in body_of(actions)


def test_the_same_length_twice_is_one_length(site):
    request = b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello"
    assert statuses(http(site, request + GET)) == [405, 200]


@pytest.mark.parametrize("version", [b"2.0", b"3.0", b"0.9"])
def test_other_major_versions_get_505(site, version):
    actions = http(site, b"GET / HTTP/" + version + b"\r\nHost: x\r\n\r\n" + GET)
    assert statuses(actions) == [505, "close"]


def test_http_1_2_needs_one_host_as_1_1_does(site):
    assert statuses(http(site, b"GET / HTTP/1.2\r\n\r\n")) == [400, "close"]
    (reply,) = replies(http(site, b"GET / HTTP/1.2\r\nHost: x\r\n\r\n"))
    assert Response(reply).status == 200  # answered as HTTP/1.1 (Response checks the line)


@pytest.mark.parametrize("control", [b"\x01", b"\x07", b"\x1b", b"\x7f"])
def test_control_characters_in_a_value_are_refused(site, control):
    actions = http(site, b"GET / HTTP/1.1\r\nHost: x\r\nX-A: a" + control + b"b\r\n\r\n")
    assert statuses(actions) == [400, "close"]
    assert b"control character" in body_of(actions)


def test_a_space_before_the_colon_is_refused(site):
    smuggle = b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding : chunked\r\n\r\n0\r\n\r\n"
    assert statuses(http(site, smuggle + GET)) == [400, "close"]


# --- what h11 refuses and this server accepts ------------------------------------------------


def test_blank_lines_before_a_request_line_are_skipped(site):
    assert statuses(http(site, b"\r\n" + GET + b"\n\r\n" + GET)) == [200, 200]


def test_raw_utf8_in_the_path_is_read_as_percent_encoded(site):
    (reply,) = replies(http(site, "GET /中文.txt HTTP/1.1\r\nHost: x\r\n\r\n".encode()))
    assert Response(reply).body == "你好".encode()


def test_raw_utf8_in_the_method_or_version_is_still_refused(site):
    for line in ("GÉT / HTTP/1.1", "GET / HTTP/１.1"):
        actions = http(site, f"{line}\r\nHost: x\r\n\r\n".encode())
        assert statuses(actions) == [400, "close"]
        assert b"is not METHOD TARGET HTTP/x.y" in body_of(actions)


# --- bodies h11 reads ------------------------------------------------------------------------


def test_a_chunked_body_split_anywhere_is_thrown_away(site):
    stream = CHUNKED_POST + b"5\r\nhello\r\n10\r\n" + b"x" * 16 + b"\r\n0\r\nT: 1\r\n\r\n" + GET
    one_piece = statuses(http(site, stream))
    assert one_piece == [405, 200]
    byte_by_byte = http(site, chunks=[stream[i : i + 1] for i in range(len(stream))])
    assert statuses(byte_by_byte) == one_piece


def test_a_large_chunked_body_is_never_held(site):
    connection = StaticHttpConnection(StaticSite(site))
    assert [r.status for r in connection.receive(CHUNKED_POST, NOW)] == [405]
    for _ in range(64):
        assert connection.receive(b"4000\r\n" + b"z" * 0x4000 + b"\r\n", NOW) == []
        assert connection.pending == 0
    assert [r.status for r in connection.receive(b"0\r\n\r\n" + GET, NOW)] == [200]


def test_broken_chunked_framing_is_said_and_closes(site):
    actions = http(site, CHUNKED_POST + b"5\r\nhello!!\r\n0\r\n\r\n" + GET)
    assert statuses(actions) == [405, 400, "close"]


def test_h11s_size_limit_in_a_chunked_body_is_431(site):
    endless_trailer = b"0\r\n" + b"T: " + b"t" * (MAX_HEAD_BYTES + 10)
    actions = http(site, chunks=[CHUNKED_POST, endless_trailer[:9000], endless_trailer[9000:]])
    assert statuses(actions) == [405, 431, "close"]
    assert b"16 KB" in Response(replies(actions)[1]).body


@pytest.mark.parametrize("coding", [b"gzip", b"chunked, gzip", b"gzip, chunked"])
def test_transfer_codings_but_chunked_get_501(site, coding):
    actions = http(
        site, b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: " + coding + b"\r\n\r\n"
    )
    assert statuses(actions) == [501, "close"]


def test_a_chunked_http_1_0_body_is_faulty_framing_and_closes(site):
    request = b"POST / HTTP/1.0\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\n\r\n"
    assert statuses(http(site, request + b"0\r\n\r\n" + GET)) == [405, "close"]


def test_a_body_cut_short_by_the_peer_ends_quietly(site):
    from netbench.core.replies.http_site import HttpStaticResponder

    session = HttpStaticResponder(site).new_session("p")
    request = b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc"
    assert statuses(session.on_frame(request, NOW)) == [405]
    assert statuses(session.on_end()) == ["close"]
