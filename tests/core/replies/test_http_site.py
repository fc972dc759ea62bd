"""The static HTTP responder: serving a folder, malformed requests, nothing outside it."""

from __future__ import annotations

import os
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reply_helpers import NOW, Response, get, http, replies, statuses

from netbench.core.replies import http_files
from netbench.core.replies.factory import make_responder
from netbench.core.replies.http_connection import StaticHttpConnection
from netbench.core.replies.http_files import StaticSite
from netbench.core.replies.http_request import MAX_HEAD_BYTES, http_date
from netbench.core.replies.http_site import HttpStaticResponder, default_site_dir
from netbench.core.replies.responder import (
    Action,
    CloseConnection,
    Reply,
)

# The site fixture is only read, so sharing it between examples is fine.
HTTP_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


# --- HTTP: helpers and a site ----------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
SECRET = b"top secret, outside the site"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "sub").mkdir(parents=True)
    (root / "empty" / "deeper").mkdir(parents=True)
    (root / "index.html").write_bytes(b"<h1>home</h1>\n")
    (root / "logo.png").write_bytes(PNG)
    (root / "style.css").write_bytes(b"body { color: red }\n")
    (root / "中文.txt").write_bytes("你好，世界\n".encode())
    (root / "sub" / "index.html").write_bytes(b"<p>sub</p>\n")
    (root / "empty" / "a&b.txt").write_bytes(b"x")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_bytes(SECRET)
    try:
        (root / "leak").symlink_to(outside / "secret.txt")
        (root / "leakdir").symlink_to(outside, target_is_directory=True)
        (root / "empty" / "leak").symlink_to(outside / "secret.txt")
        (root / "inside-link.txt").symlink_to(root / "style.css")
    except OSError:
        pass  # no symbolic links here (Windows without the privilege): those cases skip
    return root


# --- HTTP: serving ---------------------------------------------------------------------------


def test_get_root_serves_the_index(site):
    response = get(site, "/")
    assert response.status == 200
    assert response.body == b"<h1>home</h1>\n"
    mtime = int((site / "index.html").stat().st_mtime)
    assert response.headers == {
        "server": "netbench",
        "date": "Sun, 22 Nov 2026 02:20:42 GMT",
        "content-type": "text/html; charset=utf-8",
        "last-modified": http_date(mtime),
        "content-length": "14",
        "connection": "keep-alive",
    }


def test_head_has_the_same_headers_and_no_body(site):
    got, head = get(site, "/logo.png"), get(site, "/logo.png", method="HEAD")
    assert got.body == PNG and head.body == b""
    assert head.headers == got.headers
    assert head.headers["content-type"] == "image/png"
    assert head.headers["content-length"] == str(len(PNG))


@pytest.mark.parametrize(
    ("path", "content_type", "body"),
    [
        ("/style.css", "text/css; charset=utf-8", b"body { color: red }\n"),
        ("/%E4%B8%AD%E6%96%87.txt", "text/plain; charset=utf-8", "你好，世界\n".encode()),
        ("/中文.txt", "text/plain; charset=utf-8", "你好，世界\n".encode()),  # typed by hand
        ("/index.html?x=1&y=%zz", "text/html; charset=utf-8", b"<h1>home</h1>\n"),
        ("/./sub/./index.html", "text/html; charset=utf-8", b"<p>sub</p>\n"),
        ("http://localhost:8000/sub/", "text/html; charset=utf-8", b"<p>sub</p>\n"),
    ],
)
def test_files_by_path(site, path, content_type, body):
    response = get(site, path)
    assert (response.status, response.headers["content-type"], response.body) == (
        200,
        content_type,
        body,
    )


def test_a_symlink_inside_the_site_is_served(site):
    if not (site / "inside-link.txt").is_symlink():
        pytest.skip("no symbolic links on this system")
    assert get(site, "/inside-link.txt").body == b"body { color: red }\n"


def test_a_folder_without_slash_is_redirected(site):
    response = get(site, "/sub?q=1")
    assert response.status == 301
    assert response.headers["location"] == "/sub/?q=1"
    assert get(site, "/%E4%B8%AD").status == 404
    (site / "文件夹").mkdir()
    assert get(site, "/文件夹").headers["location"] == "/%E6%96%87%E4%BB%B6%E5%A4%B9/"


def test_a_folder_without_index_is_listed(site):
    response = get(site, "/empty/")
    assert response.status == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    page = response.body.decode()
    assert "Index of /empty/" in page
    assert '<a href="deeper/">deeper/</a>' in page
    assert '<a href="a%26b.txt">a&amp;b.txt</a>' in page
    assert '<a href="../">../</a>' in page
    assert "leak" not in page  # links out of the site are not advertised
    assert page.index("deeper/") < page.index("a&amp;b.txt")  # folders first


def test_missing_file_is_404_html(site):
    response = get(site, "/nope.html")
    assert response.status == 404
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert b"404 Not Found" in response.body
    assert response.headers["connection"] == "keep-alive"
    assert get(site, "/index.html/x").status == 404  # a file is not a folder


def test_not_modified_since(site):
    last_modified = get(site, "/").headers["last-modified"]
    response = get(site, "/", extra=f"If-Modified-Since: {last_modified}\r\n")
    assert response.status == 304 and response.body == b""
    assert "content-length" not in response.headers
    earlier = http_date(int((site / "index.html").stat().st_mtime) - 10)
    assert get(site, "/", extra=f"If-Modified-Since: {earlier}\r\n").status == 200
    assert get(site, "/", extra="If-Modified-Since: yesterday\r\n").status == 200


def test_files_over_the_size_cap_get_500(site, monkeypatch):
    monkeypatch.setattr(http_files, "MAX_FILE_BYTES", 100)
    response = get(site, "/logo.png")
    assert response.status == 500
    assert b"larger than" in response.body


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_in_the_site_does_not_block(site):
    os.mkfifo(site / "pipe")
    assert get(site, "/pipe").status == 404


# --- HTTP: methods and malformed requests ----------------------------------------------------


def test_other_methods_get_405_with_allow(site):
    response = get(site, "/", method="DELETE")
    assert response.status == 405
    assert response.headers["allow"] == "GET, HEAD"
    assert response.headers["connection"] == "keep-alive"
    assert b"Methods are case-sensitive" in get(site, "/", method="get").body


def test_a_request_body_is_skipped_and_the_next_request_answered(site):
    post = b"POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nGET / HTTP"
    after = b"GET /style.css HTTP/1.1\r\nHost: x\r\n\r\n"
    actions = http(site, chunks=[post[:-4], post[-4:] + after])
    assert statuses(actions) == [405, 200]


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"HELLO\r\n\r\n", 400),
        (b"GET /\r\n\r\n", 400),  # HTTP/0.9 style
        (b"GET  / HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\n\r\n", 400),  # no Host
        (b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nHost x\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nHo st: x\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nHost: x\rY\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1, 2\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400),
        (
            b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n",
            400,
        ),
        (b"GET index.html HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        (b"GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        (b"GET /%ff HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        (b"GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505),
    ],
)
def test_malformed_requests_get_an_error_and_close(site, request_bytes, status):
    later = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"
    actions = http(site, request_bytes + later)
    assert statuses(actions) == [status, "close"]
    assert Response(replies(actions)[0]).headers["connection"] == "close"


def test_hand_typed_requests_with_bare_lf_and_blank_lines_work(site):
    actions = http(site, b"\r\n\nGET / HTTP/1.0\n\n")
    assert statuses(actions) == [200, "close"]


def test_chunked_bodies_are_read_and_thrown_away_and_the_next_request_answered(site):
    request = (
        b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
    )
    after = b"GET /style.css HTTP/1.1\r\nHost: x\r\n\r\n"
    assert statuses(http(site, request + after)) == [405, 200]


def test_expect_continue_with_a_body_closes(site):
    request = b"PUT /x HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n"
    assert statuses(http(site, request)) == [405, "close"]


# --- HTTP: connections -----------------------------------------------------------------------

GET_1_1 = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"


@pytest.mark.parametrize(
    ("request_bytes", "expected", "connection"),
    [
        (GET_1_1, [200], "keep-alive"),
        (b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", [200, "close"], "close"),
        (
            b"GET / HTTP/1.1\r\nHost: x\r\nConnection: Keep-Alive, CLOSE\r\n\r\n",
            [200, "close"],
            "close",
        ),
        (b"GET / HTTP/1.0\r\n\r\n", [200, "close"], "close"),
        (b"GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", [200], "keep-alive"),
    ],
)
def test_keep_alive_and_close(site, request_bytes, expected, connection):
    actions = http(site, request_bytes)
    assert statuses(actions) == expected
    assert Response(replies(actions)[0]).headers["connection"] == connection


def test_pipelined_requests_are_answered_in_order(site):
    stream = (
        GET_1_1
        + b"HEAD /logo.png HTTP/1.1\r\nHost: x\r\n\r\n"
        + b"GET /missing HTTP/1.1\r\nHost: x\r\n\r\n"
        + b"GET /style.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        + GET_1_1  # after the close: never answered
    )
    actions = http(site, stream)
    assert statuses(actions) == [200, 200, 404, 200, "close"]
    assert Response(replies(actions)[3]).body == b"body { color: red }\n"


def test_options_apply_to_http(site):
    actions = http(site, GET_1_1 + GET_1_1, delay=0.5)
    assert [a.delay for a in actions] == [0.5, 0.5]
    actions = http(site, GET_1_1 + GET_1_1, close_after_reply=True)
    assert statuses(actions) == [200, "close"]
    assert Response(replies(actions)[0]).headers["connection"] == "close"


def test_end_of_stream(site):
    responder = HttpStaticResponder(site)
    idle = responder.new_session("p")
    idle.on_frame(GET_1_1, NOW)
    assert idle.on_end() == [CloseConnection()]
    partial = responder.new_session("p")
    assert partial.on_frame(b"GET / HTTP/1.0\r\n", NOW) == []
    actions = partial.on_end()
    assert statuses(actions) == [400, "close"]
    assert b"empty line" in Response(replies(actions)[0]).body
    closed = responder.new_session("p")
    closed.on_frame(b"GET / HTTP/1.0\r\n\r\n", NOW)
    assert closed.on_end() == []


def test_oversized_head_gets_431_and_close(site):
    big = b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * MAX_HEAD_BYTES + b"\r\n\r\n"
    assert statuses(http(site, big)) == [431, "close"]
    assert statuses(http(site, chunks=[big[i : i + 1000] for i in range(0, len(big), 1000)])) == [
        431,
        "close",
    ]
    many = b"GET / HTTP/1.1\r\nHost: x\r\n" + b"X: y\r\n" * 150 + b"\r\n"
    assert statuses(http(site, many)) == [431, "close"]


def test_a_head_that_never_ends_is_not_buffered_without_bound(site):
    connection = StaticHttpConnection(StaticSite(site))
    assert connection.receive(b"GET / HTTP/1.1\r\n", NOW) == []
    for _ in range(MAX_HEAD_BYTES // 1024 - 1):
        assert connection.receive(b"X-Filler: " + b"z" * 1012 + b"\r\n", NOW) == []
        assert connection.pending <= MAX_HEAD_BYTES
    (response,) = connection.receive(b"X: " + b"z" * 2000, NOW)
    assert (response.status, response.close, connection.pending) == (431, True, 0)
    assert connection.receive(GET_1_1, NOW) == []


def test_blank_lines_between_requests_are_not_buffered(site):
    connection = StaticHttpConnection(StaticSite(site))
    for _ in range(100):
        assert connection.receive(b"\r\n" * 1000 + b"\n", NOW) == []
    assert connection.pending == 0


# --- HTTP: nothing outside the site ----------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/../etc/passwd", 403),
        ("/%2e%2e/", 403),
        ("/%2E%2E/outside/secret.txt", 403),
        ("/..%2f", 403),
        ("/..%2foutside%2fsecret.txt", 403),
        ("/sub/../../x", 403),
        ("/sub/..", 403),
        ("/..\\outside\\secret.txt", 403),
        ("/%5c..%5coutside%5csecret.txt", 403),
        ("/index.html%00.png", 403),
        ("//etc/passwd", 404),  # an empty segment is skipped: this is <site>/etc/passwd
        ("///outside/secret.txt", 404),
        ("http://x/../outside/secret.txt", 403),
    ],
)
def test_traversal_is_refused(site, path, status):
    response = get(site, path)
    assert response.status == status
    assert SECRET not in response.body
    assert response.headers["content-type"] == "text/html; charset=utf-8"


def test_absolute_file_system_paths_stay_inside(site, tmp_path):
    secret = (tmp_path / "outside" / "secret.txt").as_posix()
    response = get(site, "/" + secret.lstrip("/"))
    assert response.status == 404
    assert SECRET not in response.body


@pytest.mark.parametrize("path", ["/leak", "/leakdir/secret.txt", "/leakdir/", "/empty/leak"])
def test_symlinks_out_of_the_site_are_refused(site, path):
    if not (site / "leak").is_symlink():
        pytest.skip("no symbolic links on this system")
    response = get(site, path)
    assert response.status == 403
    assert SECRET not in response.body


def test_an_index_linking_outside_is_not_served(site, tmp_path):
    if not (site / "leak").is_symlink():
        pytest.skip("no symbolic links on this system")
    folder = site / "trap"
    folder.mkdir()
    (folder / "index.html").symlink_to(tmp_path / "outside" / "secret.txt")
    response = get(site, "/trap/")
    assert response.status == 200
    assert SECRET not in response.body and b"Index of /trap/" in response.body


# --- HTTP: chunking never matters ------------------------------------------------------------

_REQUESTS = [
    GET_1_1,
    b"HEAD /logo.png HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /%E4%B8%AD%E6%96%87.txt HTTP/1.1\r\nHost: x\r\n\r\n",
    b"\r\nGET /sub HTTP/1.1\nHost: x\n\n",
    b"POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: 7\r\n\r\n\r\n\r\nab\r\n",
    b"GET /missing HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /../x HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /empty/ HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    b"BROKEN\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * MAX_HEAD_BYTES + b"\r\n\r\n",
    b"POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
    + b"3\r\nabc\r\n0\r\nT: 1\r\n\r\n",
]


def split_at(stream: bytes, cuts: Sequence[int]) -> list[bytes]:
    points = [0, *sorted(cuts), len(stream)]
    return [stream[a:b] for a, b in pairwise(points)]


def run_session(site: Path, chunks: Sequence[bytes]) -> list[Action]:
    session = HttpStaticResponder(site).new_session("p")
    actions: list[Action] = []
    for chunk in chunks:
        actions += session.on_frame(chunk, NOW)
    return actions + session.on_end()


def test_byte_by_byte_gives_the_same_replies(site):
    stream = b"".join(_REQUESTS[:9])
    whole = run_session(site, [stream])
    assert statuses(whole) == [200, 200, 200, 301, 405, 404, 403, 200, 200, "close"]
    assert run_session(site, [stream[i : i + 1] for i in range(len(stream))]) == whole


@HTTP_SETTINGS
@given(data=st.data())
def test_any_chunking_gives_the_same_replies(site, data):
    requests = data.draw(st.lists(st.sampled_from(_REQUESTS), min_size=1, max_size=5))
    stream = b"".join(requests)
    cuts = data.draw(st.lists(st.integers(0, len(stream)), max_size=12))
    assert run_session(site, split_at(stream, cuts)) == run_session(site, [stream])


@HTTP_SETTINGS
@given(st.binary(max_size=200), st.lists(st.integers(0, 200), max_size=6))
def test_http_never_raises_on_garbage(site, garbage, cuts):
    actions = run_session(site, split_at(garbage, [c for c in cuts if c <= len(garbage)]))
    for action in actions:
        if isinstance(action, Reply):
            assert Response(action.data).status in (
                *(200, 301, 304, 400, 403, 404, 405, 431, 501, 505),
            )


# --- the bundled page ------------------------------------------------------------------------


def test_default_site_says_it_works():
    root = default_site_dir()
    page = get(root, "/")
    assert page.status == 200
    assert "It works — served by netbench".encode() in page.body
    image = get(root, "/netbench.png")
    assert image.headers["content-type"] == "image/png"
    assert image.body.startswith(b"\x89PNG\r\n\x1a\n")
    assert make_responder("http_static").root == root
