"""Servers that break HTTP on purpose: each case has its own message, and what did arrive
is kept (body so far, wire log, anomalies). Also raw mode, and the import cost check."""

from __future__ import annotations

import asyncio
import socket
import struct
import subprocess
import sys
import tempfile
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path

import pytest
from nginx_peer import SMALL_BODY, Nginx

from netbench.core.http.model import HttpRequest, Timeouts
from netbench.core.http.result import ExchangeResult, HopResult, Outcome
from netbench.core.http.wirelog import Direction
from netbench.net.http.client import HttpClient
from netbench.net.http.raw import RawTarget, send_raw

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


def answer(data: bytes, *, close: bool = True, reset: bool = False) -> Handler:
    """A handler that reads the request head, writes ``data``, then closes or resets."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await reader.readuntil(b"\r\n\r\n")
            writer.write(data)
            await writer.drain()
            if reset:
                sock = writer.get_extra_info("socket")
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                writer.transport.abort()
            elif not close:
                await asyncio.sleep(5)
        finally:
            writer.close()

    return handle


async def _exchange(handler: Handler, request: HttpRequest | None = None) -> ExchangeResult:
    server = await asyncio.start_server(handler, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    client = HttpClient(directory=Path(tempfile.mkdtemp(prefix="http-test-")))
    try:
        url = f"http://127.0.0.1:{port}/"
        return await client.send(replace(request, url=url) if request else HttpRequest(url=url))
    finally:
        await client.aclose()
        server.close()
        await server.wait_closed()


def exchange(handler: Handler, request: HttpRequest | None = None) -> HopResult:
    result = asyncio.run(_exchange(handler, request))
    assert result.final is not None
    return result.final


def received(hop: HopResult) -> bytes:
    assert hop.wire is not None
    return b"".join(c.data for c in hop.wire if c.direction is Direction.RECEIVED)


def codes(hop: HopResult) -> set[str]:
    return {a.code for a in hop.anomalies}


def test_bad_chunked() -> None:
    data = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nzz\r\n"
    hop = exchange(answer(data))
    assert hop.outcome is Outcome.FAILED
    assert hop.error.startswith("the chunked body is malformed after 5 bytes")
    assert hop.body.read_raw() == b"hello"
    assert received(hop) == data


def test_short_body() -> None:
    hop = exchange(answer(b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"))
    assert hop.outcome is Outcome.FAILED
    assert hop.error == "the connection ended after 3 of the 10 body bytes announced"
    assert hop.body.raw_size == 3


def test_duplicate_content_length_is_reported() -> None:
    hop = exchange(answer(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok"))
    assert hop.outcome is Outcome.COMPLETE and "cl-duplicate" in codes(hop)


def test_conflicting_content_length() -> None:
    hop = exchange(answer(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok"))
    assert hop.outcome is Outcome.FAILED and "Content-Length" in hop.error
    assert "cl-conflict" in codes(hop)


def test_content_length_with_transfer_encoding() -> None:
    data = (
        b"HTTP/1.1 200 OK\r\nContent-Length: 99\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"2\r\nok\r\n0\r\n\r\n"
    )
    hop = exchange(answer(data))
    assert "cl-and-te" in codes(hop)


def test_huge_header() -> None:
    data = b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * 300_000 + b"\r\n\r\n"
    hop = exchange(answer(data))
    assert hop.outcome is Outcome.FAILED and "too large" in hop.error
    assert len(received(hop)) > 100_000


def test_bare_lf_and_folding_are_reported() -> None:
    data = b"HTTP/1.1 200 OK\nContent-Length: 2\nX-Folded: a\n b\n\nok"
    hop = exchange(answer(data))
    assert "bare-lf" in codes(hop)
    assert hop.outcome is Outcome.FAILED or "obs-fold" in codes(hop)


def test_reset_mid_body() -> None:
    data = b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + b"x" * 1000
    hop = exchange(answer(data, reset=True))
    assert hop.outcome is Outcome.FAILED
    assert "reset the connection after" in hop.error or "ended after" in hop.error
    assert 0 < hop.body.raw_size <= 1000


def test_close_without_answering() -> None:
    hop = exchange(answer(b""))
    assert hop.outcome is Outcome.FAILED and "closed the connection without answering" in hop.error


def test_read_timeout() -> None:
    request = HttpRequest(timeouts=Timeouts(read=0.2))
    hop = exchange(answer(b"", close=False), request)
    assert hop.outcome is Outcome.FAILED and "read timeout" in hop.error


def test_interim_responses_are_found_in_the_bytes() -> None:
    data = (
        b"HTTP/1.1 100 Continue\r\n\r\n"
        b"HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
    )
    hop = exchange(answer(data))
    assert hop.outcome is Outcome.COMPLETE and hop.status == 200
    assert [i.status for i in hop.interim] == [100, 103]
    assert hop.interim[1].headers == (("Link", "</style.css>; rel=preload"),)


# -- raw mode ------------------------------------------------------------------------------


def test_raw_http10_to_nginx(nginx: Nginx, tmp_path: Path) -> None:
    data = b"GET /static/small.txt HTTP/1.0\r\n\r\n"
    target = RawTarget("127.0.0.1", nginx.http_port)
    hop = asyncio.run(send_raw(target, data, tmp_path))
    assert hop.outcome is Outcome.COMPLETE and hop.status == 200
    assert hop.http_version == "HTTP/1.1" and hop.method == "GET"
    assert hop.body.read_raw() == SMALL_BODY
    assert hop.wire is not None
    assert [c.data for c in hop.wire if c.direction is Direction.SENT] == [data]


def test_raw_malformed_request_gets_nginx_400(nginx: Nginx, tmp_path: Path) -> None:
    data = b"GET /static/small.txt HTTP/1.1\r\nBad Header\r\n\r\n"
    target = RawTarget("127.0.0.1", nginx.http_port)
    hop = asyncio.run(send_raw(target, data, tmp_path))
    assert hop.status == 400


def test_raw_tls_and_unix(nginx: Nginx, tmp_path: Path) -> None:
    from netbench.core.http.model import TlsOptions

    data = b"HEAD /static/small.txt HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    tls = RawTarget(
        "localhost", nginx.tls_port, tls=True, tls_options=TlsOptions(ca_file=nginx.ca_file)
    )
    unix = RawTarget(unix_socket=nginx.unix_socket)
    for target in (tls, unix):
        hop = asyncio.run(send_raw(target, data, tmp_path))
        assert hop.status == 200 and hop.body.raw_size == 0  # HEAD: no body
    assert hop.timings.connect is not None


def test_raw_misbehaving_keeps_the_bytes(tmp_path: Path) -> None:
    async def scenario() -> HopResult:
        server = await asyncio.start_server(
            answer(b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"), "127.0.0.1", 0
        )
        port = server.sockets[0].getsockname()[1]
        try:
            return await send_raw(RawTarget("127.0.0.1", port), b"GET / HTTP/1.1\r\n\r\n", tmp_path)
        finally:
            server.close()
            await server.wait_closed()

    hop = asyncio.run(scenario())
    assert hop.outcome is Outcome.FAILED and hop.body.raw_size == 3
    assert "not valid HTTP" in hop.error


@pytest.mark.parametrize("module", ["netbench.net.http", "netbench.net.http.client"])
def test_importing_the_engine_does_not_import_httpcore2(module: str) -> None:
    code = (
        f"import sys, {module}; "
        "print(sorted(m for m in ('httpcore2', 'anyio', 'h2', 'brotli') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
