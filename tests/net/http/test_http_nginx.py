"""The HTTP engine against a real nginx on loopback: bytes, bodies, timings, TLS, HTTP/2."""

from __future__ import annotations

import asyncio
import hashlib
import subprocess
import sys
import tempfile
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar

import pytest
from loopback import needs
from nginx_peer import LARGE_SIZE, SMALL_BODY, Nginx

from netbench.core.http.h2frames import decode_frames
from netbench.core.http.model import (
    BytesBody,
    ConnectionSettings,
    FileBody,
    FormField,
    Header,
    HttpRequest,
    HttpVersion,
    MultipartBody,
    TlsOptions,
)
from netbench.core.http.result import ExchangeResult, Outcome
from netbench.core.http.wirelog import Direction
from netbench.net.events import NetEvent
from netbench.net.http.client import HttpClient
from netbench.net.http.events import HttpHopDone, HttpProgress

T = TypeVar("T")


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


async def send_all(requests: list[HttpRequest], sink: Callable[[NetEvent], None] | None = None):
    client = HttpClient(sink=sink, directory=Path(tempfile.mkdtemp(prefix="http-test-")))
    try:
        return [await client.send(r) for r in requests]
    finally:
        await client.aclose()


def tls(nginx: Nginx, version: HttpVersion = HttpVersion.AUTO) -> ConnectionSettings:
    return ConnectionSettings(version=version, tls=TlsOptions(ca_file=nginx.ca_file))


def test_get_keeps_bytes_order_and_timings(nginx: Nginx) -> None:
    headers = (Header("X-Mixed-Case", "1"), Header("X-Off", "no", enabled=False))
    request = HttpRequest(url=nginx.http + "/static/small.txt", headers=headers)
    (result,) = run(send_all([request]))
    hop = result.final
    assert hop is not None and result.outcome is Outcome.COMPLETE
    assert (hop.status, hop.reason, hop.http_version) == (200, "OK", "HTTP/1.1")
    assert hop.body.read_raw() == SMALL_BODY
    assert hop.wire is not None
    sent = b"".join(c.data for c in hop.wire if c.direction is Direction.SENT)
    assert sent.startswith(b"GET /static/small.txt HTTP/1.1\r\n")
    assert b"X-Mixed-Case: 1\r\n" in sent and b"X-Off" not in sent
    received = b"".join(c.data for c in hop.wire if c.direction is Direction.RECEIVED)
    assert received.endswith(SMALL_BODY) and hop.received_bytes == len(received)
    assert [n for n, _ in hop.headers][:2] == ["Server", "Date"]  # order and case as sent
    t = hop.timings
    assert t.namelookup is None  # an IP literal is not looked up
    assert t.connect is not None and t.pretransfer is not None and t.starttransfer is not None
    assert 0 < t.connect <= t.pretransfer <= t.starttransfer <= t.total
    assert not t.reused and hop.attempts[0].ok


def test_keep_alive_is_reused_and_said_so(nginx: Nginx) -> None:
    request = HttpRequest(url=nginx.http + "/static/small.txt")
    first, second = run(send_all([request, request]))
    a, b = first.final, second.final
    assert a is not None and b is not None
    assert a.connection_number == b.connection_number
    assert (a.reused, b.reused) == (False, True)
    assert b.timings.reused and b.timings.connect is None and b.timings.namelookup is None
    assert b.wire is not None and b.wire.start > 0  # its own part of the connection's log


def test_fresh_connection_opens_a_new_one(nginx: Nginx) -> None:
    request = HttpRequest(url=nginx.http + "/static/small.txt", fresh_connection=True)
    first, second = run(send_all([request, request]))
    assert first.final is not None and second.final is not None
    assert first.final.connection_number != second.final.connection_number
    assert not second.final.reused


def test_localhost_is_looked_up_and_every_address_tried(nginx: Nginx) -> None:
    url = f"http://localhost:{nginx.http_port}/static/small.txt"
    (result,) = run(send_all([HttpRequest(url=url)]))
    hop = result.final
    assert hop is not None and hop.status == 200
    assert hop.timings.namelookup is not None
    assert hop.attempts[-1].ok and hop.attempts[-1].address.startswith("127.0.0.1:")
    assert all(not a.ok for a in hop.attempts[:-1])  # ::1 refused first where it resolves


def test_gzip_is_decoded_to_a_second_file(nginx: Nginx) -> None:
    request = HttpRequest(
        url=nginx.http + "/static/text.txt", headers=(Header("Accept-Encoding", "gzip"),)
    )
    (result,) = run(send_all([request]))
    hop = result.final
    assert hop is not None and hop.header("content-encoding") == "gzip"
    original = (nginx.www / "static" / "text.txt").read_bytes()
    assert hop.body.read_decoded() == original
    assert hop.body.raw_size < hop.body.decoded_size == len(original)


def test_chunked_gzip_response(nginx: Nginx) -> None:
    request = HttpRequest(url=nginx.http + "/chunked", headers=(Header("Accept-Encoding", "gzip"),))
    (result,) = run(send_all([request]))
    hop = result.final
    assert hop is not None and hop.header("transfer-encoding") == "chunked"
    assert hop.body.read_decoded() == b"x" * 300


def test_large_body_streams_to_disk_with_progress(nginx: Nginx) -> None:
    events: list[NetEvent] = []
    request = HttpRequest(url=nginx.http + "/static/large.bin")
    (result,) = run(send_all([request], events.append))
    hop = result.final
    assert hop is not None and hop.body.raw is not None
    expected = hashlib.sha256((nginx.www / "static" / "large.bin").read_bytes()).hexdigest()
    assert hashlib.sha256(hop.body.read_raw()).hexdigest() == expected
    progress = [e for e in events if isinstance(e, HttpProgress)]
    assert progress[-1].received == progress[-1].expected == LARGE_SIZE
    assert hop.wire is not None and hop.wire.log.spilled  # 8 MB in memory, the rest on disk
    assert hop.received_bytes > LARGE_SIZE
    assert any(isinstance(e, HttpHopDone) for e in events)


def test_redirect_chain_is_one_hop_each(nginx: Nginx) -> None:
    request = HttpRequest(url=nginx.http + "/redirect/3", follow_redirects=True)
    (result,) = run(send_all([request]))
    assert [h.status for h in result.hops] == [302, 302, 302, 200]
    assert result.hops[-1].url.endswith("/static/small.txt")
    assert result.hops[-1].timings.redirect > 0
    assert all(h.connection_number == result.hops[0].connection_number for h in result.hops)


def test_redirect_not_followed_unless_asked(nginx: Nginx) -> None:
    (result,) = run(send_all([HttpRequest(url=nginx.http + "/redirect/2")]))
    assert [h.status for h in result.hops] == [302]


def test_redirect_loop_stops(nginx: Nginx) -> None:
    request = HttpRequest(url=nginx.http + "/loop", follow_redirects=True, max_redirects=3)
    (result,) = run(send_all([request]))
    assert result.outcome is Outcome.FAILED and "more than 3 redirects" in result.error
    assert len(result.hops) == 4


@pytest.mark.parametrize(
    ("path", "expected"),
    [("/r301", b"GET "), ("/r307", b"POST 4"), ("/r308", b"POST 4")],
)
def test_redirect_method_and_body(nginx: Nginx, path: str, expected: bytes) -> None:
    request = HttpRequest(
        method="POST", url=nginx.http + path, body=BytesBody(b"data"), follow_redirects=True
    )
    (result,) = run(send_all([request]))
    final = result.final
    assert final is not None
    assert final.body.read_raw() == expected


def test_cookie_follows_the_redirect(nginx: Nginx) -> None:
    request = HttpRequest(url=nginx.http + "/cookie", follow_redirects=True)
    (result,) = run(send_all([request]))
    final = result.final
    assert final is not None
    assert final.body.read_raw() == b"cookie=session=abc123"


def test_tls_http2_reports_certificate_and_frames(nginx: Nginx) -> None:
    request = HttpRequest(url=nginx.https + "/static/small.txt", connection=tls(nginx))
    (result,) = run(send_all([request]))
    hop = result.final
    assert hop is not None and hop.status == 200 and hop.http_version == "HTTP/2"
    assert hop.tls is not None and hop.tls.alpn == "h2" and hop.tls.verified
    assert hop.tls.version in ("TLSv1.2", "TLSv1.3")
    leaf = hop.tls.chain[0]
    assert "localhost" in leaf.alt_names and len(leaf.sha256) == 95
    assert hop.tls.chain_complete is (sys.version_info >= (3, 13))
    assert hop.body.read_raw() == SMALL_BODY
    assert hop.wire is not None
    frames = decode_frames(hop.wire.log)
    received = [f for f in frames if f.direction is Direction.RECEIVED]
    assert received[0].frame.type_name == "SETTINGS"  # the server's, before our response
    headers = next(f for f in received if f.frame.type_name == "HEADERS")
    assert (":status", "200") in headers.headers and headers.frame.stream_id == hop.stream_id
    t = hop.timings
    assert t.appconnect is not None and t.starttransfer is not None
    assert headers.frame.at >= received[0].frame.at
    assert t.connect is not None and t.connect <= t.appconnect <= t.starttransfer


def test_tls_http1_only(nginx: Nginx) -> None:
    request = HttpRequest(
        url=nginx.https + "/static/small.txt", connection=tls(nginx, HttpVersion.HTTP1_1)
    )
    (result,) = run(send_all([request]))
    hop = result.final
    assert hop is not None and hop.http_version == "HTTP/1.1"
    assert hop.tls is not None and hop.tls.alpn == "http/1.1"


def test_untrusted_certificate_is_refused_then_insecure_passes(nginx: Nginx) -> None:
    url = nginx.https + "/static/small.txt"
    insecure = ConnectionSettings(tls=TlsOptions(verify=False))
    refused, accepted = run(
        send_all([HttpRequest(url=url), HttpRequest(url=url, connection=insecure)])
    )
    assert refused.outcome is Outcome.FAILED and "not trusted" in refused.error
    assert accepted.final is not None and accepted.final.status == 200
    assert accepted.final.tls is not None and not accepted.final.tls.verified


def test_unix_socket(nginx: Nginx) -> None:
    settings = ConnectionSettings(unix_socket=nginx.unix_socket)
    request = HttpRequest(url="http://localhost/static/small.txt", connection=settings)
    (result,) = run(send_all([request]))
    hop = result.final
    assert hop is not None and hop.status == 200
    assert hop.attempts[0].address == nginx.unix_socket


def test_connection_refused_lists_the_attempt() -> None:
    from loopback import free_port

    port = free_port()
    (result,) = run(send_all([HttpRequest(url=f"http://127.0.0.1:{port}/")]))
    assert result.outcome is Outcome.FAILED and "refused" in result.error
    hop = result.final
    assert hop is not None and hop.attempts and not hop.attempts[0].ok


def test_file_and_multipart_bodies_go_out_whole(nginx: Nginx, tmp_path: Path) -> None:
    upload = tmp_path / "upload.bin"
    upload.write_bytes(b"\x00\x01" * 100_000)
    multipart = MultipartBody(
        (FormField("a", "1"), FormField("f", file=upload), FormField("off", "x", enabled=False))
    )
    requests = [
        HttpRequest(method="POST", url=nginx.http + "/echo-method", body=FileBody(upload)),
        HttpRequest(method="POST", url=nginx.http + "/echo-method", body=multipart),
    ]
    file_result, multipart_result = run(send_all(requests))
    for result in (file_result, multipart_result):
        hop = result.final
        assert hop is not None and hop.wire is not None
        sent = b"".join(c.data for c in hop.wire if c.direction is Direction.SENT)
        _, _, body = sent.partition(b"\r\n\r\n")
        length = int(dict(hop.request_headers)["Content-Length"])
        assert len(body) == length and hop.body.read_raw() == b"POST %d" % length
    assert b'name="off"' not in sent


def test_cancel_mid_body_keeps_what_arrived(nginx: Nginx) -> None:
    async def scenario() -> tuple[ExchangeResult, ExchangeResult]:
        client = HttpClient()
        started = asyncio.Event()

        def sink(event: NetEvent) -> None:
            if isinstance(event, HttpProgress) and event.received > 0:
                started.set()

        client.sink = sink
        request = HttpRequest(url=nginx.http + "/static/large.bin")
        http_run = client.prepare(request)
        task = asyncio.create_task(http_run.execute())
        await started.wait()
        http_run.cancel()
        cancelled = await task
        after = await client.send(HttpRequest(url=nginx.http + "/static/small.txt"))
        await client.aclose()
        return cancelled, after

    cancelled, after = run(scenario())
    assert cancelled.outcome is Outcome.CANCELLED and cancelled.error == "cancelled"
    hop = cancelled.final
    assert hop is not None and hop.outcome is Outcome.CANCELLED and hop.status == 200
    assert 0 < hop.body.raw_size < LARGE_SIZE
    assert after.outcome is Outcome.COMPLETE  # the pool is still usable


@needs("curl")
def test_bytes_agree_with_curl(nginx: Nginx) -> None:
    url = nginx.http + "/static/text.txt"
    curl = subprocess.run(
        ["curl", "-s", "-o", "/dev/null", "-w", "%{size_header} %{size_download}", url],
        capture_output=True,
        check=True,
        text=True,
    )
    size_header, size_download = map(int, curl.stdout.split())
    (result,) = run(send_all([HttpRequest(url=url)]))
    hop = result.final
    assert hop is not None and hop.body.raw_size == size_download
    assert hop.received_bytes == size_header + size_download
