"""The h11 path reads responses with llhttp, and h11 takes over where llhttp is stricter:
whatever a server sends, however it is cut into reads, the outcome is h11's own (status,
head, body, whether the connection is kept, or the error and its words).

The property test gives the reader its bytes from a list (the parser's input, cut where
hypothesis chooses); the tests after it run the engine against real servers on loopback.
"""

from __future__ import annotations

import asyncio
import itertools
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import h11
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netbench.core.http.model import ConnectionSettings, Header, HttpRequest, Timeouts
from netbench.core.http.result import ExchangeResult, Outcome
from netbench.net.http.client import HttpClient
from netbench.net.http.h1 import H1Pool
from netbench.net.http.h1_response import REPLAY_LIMIT, ResponseReader, h11_client

# -- the parser's input, cut into reads ----------------------------------------------------


class Reads:
    """What a connection would give the reader: these pieces, then the end."""

    def __init__(self, pieces: list[bytes]) -> None:
        self.pieces = [p for p in pieces if p]

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.pieces.pop(0) if self.pieces else b""


def cut(data: bytes, points: list[int]) -> list[bytes]:
    edges = sorted({0, len(data), *(p % (len(data) + 1) for p in points)})
    return [data[a:b] for a, b in itertools.pairwise(edges)]


async def _by_reader(pieces: list[bytes], method: bytes, upgrade: bool) -> tuple[Any, ...]:
    reader = ResponseReader(Reads(pieces), method, None, upgrade)  # type: ignore[arg-type]
    try:
        await reader.read_head()
        body = b"".join([chunk async for chunk in reader.body()])
    except h11.RemoteProtocolError as exc:
        return ("error", str(exc))
    head = (reader.status, reader.reason, reader.version, reader.headers)
    return (*head, body, reader.reusable)


def _by_h11(pieces: list[bytes], method: bytes, upgrade: bool) -> tuple[Any, ...]:
    """h11 alone, as the engine read with it before llhttp: the reference."""
    state, source, body, head = h11_client(method, 100 * 1024, upgrade), list(pieces), b"", None
    try:
        while True:
            event = state.next_event()
            if event is h11.NEED_DATA:
                data = source.pop(0) if source else b""
                if not data and state.their_state is h11.SEND_RESPONSE:
                    raise h11.RemoteProtocolError("Server disconnected without sending a response.")
                state.receive_data(data)
            elif isinstance(event, h11.Response) or (
                isinstance(event, h11.InformationalResponse) and event.status_code == 101
            ):
                head = event
                if event.status_code == 101:
                    break
            elif isinstance(event, h11.Data):
                body += bytes(event.data)
            elif isinstance(event, h11.EndOfMessage | h11.ConnectionClosed) or event is h11.PAUSED:
                break
    except h11.RemoteProtocolError as exc:
        return ("error", str(exc))
    assert head is not None
    done = state.our_state is h11.DONE and state.their_state is h11.DONE
    reusable = done and state.trailing_data == (b"", False)  # nothing after it, no close
    version = b"HTTP/" + bytes(head.http_version)
    headers = list(head.headers.raw_items())
    return (head.status_code, bytes(head.reason), version, headers, body, reusable)


TOKEN = st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-", min_size=1)
VALUE = st.text('abcdefghijklmnopqrstuvwxyz0123456789 ;=/,."\t', max_size=20)


@st.composite
def responses(draw: Any) -> tuple[bytes, bytes, bool]:
    """A response (ordinary or broken in the ways servers break it), the request method,
    and whether the request proposed an upgrade."""
    eol = draw(st.sampled_from([b"\r\n", b"\r\n", b"\n"]))
    version = draw(st.sampled_from([b"1.1", b"1.1", b"1.0", b"2.0"]))
    status = draw(st.sampled_from([200, 200, 201, 204, 304, 404, 500, 101, 99, 10, 600]))
    body = draw(st.binary(max_size=300))
    framing = draw(
        st.sampled_from(
            ["length", "chunked", "close", "both", "twice", "differ", "coded", "Chunked", "gzip"]
        )
    )
    head = draw(st.sampled_from([b"", b"", b"", b"\r\n", b"\n"]))  # an empty line first
    for interim in draw(st.lists(st.sampled_from([100, 103]), max_size=2)):
        head += b"HTTP/1.1 %d Interim" % interim + eol + b"Link: </a>" + eol + eol
    head += b"HTTP/" + version + b" %03d Status" % status + eol
    for name, value in draw(st.lists(st.tuples(TOKEN, VALUE), max_size=4)):
        if name.lower() not in ("content-length", "transfer-encoding", "connection"):
            head += name.encode() + b": " + value.encode() + eol
    if draw(st.booleans()):
        head += b"Connection: " + draw(st.sampled_from([b"close", b"keep-alive"])) + eol
    if draw(st.integers(0, 9)) == 0:
        head += b"X-Folded: one" + eol + b"  two" + eol
    length = b"Content-Length: %d" % len(body) + eol
    chunked = b"Transfer-Encoding: chunked" + eol
    head += {
        "length": length,
        "chunked": chunked,
        "close": b"",
        "both": length + chunked,
        "twice": length + length,
        "differ": length + b"Content-Length: %d" % (len(body) + 1) + eol,
        "coded": b"Transfer-Encoding: gzip, chunked" + eol,
        "Chunked": b"Transfer-Encoding: Chunked" + eol,
        "gzip": b"Transfer-Encoding: gzip" + eol,
    }[framing]
    if framing in ("chunked", "both", "coded", "Chunked"):
        trailer = draw(
            st.sampled_from(
                [b"", b"X-Trailer: yes" + eol, b"Content-Length: 1" + eol, b"X-T: \x01" + eol]
            )
        )
        extension = draw(st.sampled_from([b"", b";name=value"]))
        pieces = [body] if body else []
        body = b"".join(b"%x" % len(p) + extension + eol + p + eol for p in pieces)
        body += b"0" + eol + trailer + eol
    data = head + eol + body
    if draw(st.integers(0, 5)) == 0:  # garbage, a cut, or what a next response would be
        spot = draw(st.integers(0, len(data)))
        data = draw(
            st.sampled_from(
                [data[:spot], data[:spot] + b"\x00zz" + data[spot:], data + b"HTTP/1.1 200"]
            )
        )
    method = draw(st.sampled_from([b"GET", b"GET", b"HEAD", b"CONNECT"]))
    return data, method, draw(st.booleans())


@settings(max_examples=500, deadline=None)
@given(responses(), st.lists(st.integers(0, 10_000), max_size=6))
def test_the_reader_answers_as_h11_does(
    response: tuple[bytes, bytes, bool], points: list[int]
) -> None:
    data, method, upgrade = response
    pieces = cut(data, points)
    assert asyncio.run(_by_reader(pieces, method, upgrade)) == _by_h11(pieces, method, upgrade)


# -- against real servers -------------------------------------------------------------------

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


def serving(*responses: bytes, close: bool = False) -> tuple[Handler, list[int]]:
    """A server answering each request on a connection with the next response (closing
    after the last when ``close``); the list holds how many requests each connection
    carried."""
    carried: list[int] = []
    queue = list(responses)

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        carried.append(0)
        try:
            while queue:
                await reader.readuntil(b"\r\n\r\n")
                carried[-1] += 1
                writer.write(queue.pop(0))
                await writer.drain()
            if not close:
                await reader.read()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    return handle, carried


async def _run(handler: Handler, requests: list[HttpRequest]) -> list[ExchangeResult]:
    server = await asyncio.start_server(handler, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    client = HttpClient(directory=Path(tempfile.mkdtemp(prefix="http-test-")))
    url = f"http://127.0.0.1:{port}/"
    try:
        return [await client.send(replace(request, url=url)) for request in requests]
    finally:
        await client.aclose()
        server.close()
        await server.wait_closed()


def run(
    responses: list[bytes], requests: list[HttpRequest], close: bool = False
) -> tuple[list[Any], list[int]]:
    handler, carried = serving(*responses, close=close)
    results = asyncio.run(_run(handler, requests))
    hops = [result.final for result in results]
    assert all(hop is not None for hop in hops)
    return hops, carried


OK = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
GET = HttpRequest(url="http://x/")


def test_head_then_get_share_one_connection() -> None:
    """A HEAD's answer announces a length it does not send: the next request still reads
    its own answer on the same connection."""
    head = b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n"
    hops, carried = run([head, OK], [HttpRequest(url="http://x/", method="HEAD"), GET])
    assert [hop.status for hop in hops] == [200, 200]
    assert hops[0].body.raw_size == 0 and hops[1].body.raw_data == b"ok"
    assert carried == [2] and hops[1].reused


def test_bare_lf_answer_is_read_and_the_connection_kept() -> None:
    """llhttp refuses a bare LF; h11 reads it, as it always has, and the next request
    goes on the same connection."""
    bare = b"HTTP/1.1 200 OK\nContent-Length: 3\nX-Odd: yes\n\nabc"
    hops, carried = run([bare, OK], [GET, GET])
    assert hops[0].outcome is Outcome.COMPLETE and hops[0].body.raw_data == b"abc"
    assert ("X-Odd", "yes") in hops[0].headers
    assert "bare-lf" in {a.code for a in hops[0].anomalies}
    assert carried == [2] and hops[1].body.raw_data == b"ok"


def test_interim_answers_are_skipped_for_the_final_one() -> None:
    interim = b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </s>\r\n\r\n"
    hops, carried = run([interim + OK, OK], [GET, GET])
    assert hops[0].status == 200 and hops[0].body.raw_data == b"ok"
    assert {i.status for i in hops[0].interim} == {100, 103}
    assert carried == [2]


def test_bytes_after_the_answer_close_the_connection() -> None:
    """What follows the message is not the next answer: the connection is not reused."""
    hops, carried = run([OK + b"HTTP/1.1 200 OK\r\n", OK], [GET, GET])
    assert [hop.body.raw_data for hop in hops] == [b"ok", b"ok"]
    assert carried == [1, 1] and not hops[1].reused


def test_connection_close_asked_or_answered_is_not_reused() -> None:
    closing = HttpRequest(url="http://x/", headers=(Header("Connection", "close"),))
    hops, carried = run([OK, OK], [closing, GET])
    assert carried == [1, 1] and not hops[1].reused
    answered = b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok"
    hops, carried = run([answered, OK], [GET, GET])
    assert carried == [1, 1] and hops[1].body.raw_data == b"ok"


def test_a_body_to_the_close() -> None:
    hops, _ = run([b"HTTP/1.1 200 OK\r\n\r\nall of it"], [GET], close=True)
    assert hops[0].outcome is Outcome.COMPLETE and hops[0].body.raw_data == b"all of it"


def test_broken_chunks_past_the_replay_limit_say_what_llhttp_found() -> None:
    """Beyond the bytes kept for h11, llhttp's own reason is the error."""
    size = REPLAY_LIMIT + 4096
    broken = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n%x\r\n" % size
    broken += b"x" * size + b"\r\nzz\r\n"
    hops, _ = run([broken], [GET], close=True)
    assert hops[0].outcome is Outcome.FAILED
    assert hops[0].error.startswith(f"the chunked body is malformed after {size} bytes")


@pytest.mark.parametrize("method", [b"GET", b"HEAD"])
def test_h11_client_reads_with_the_methods_rules(method: bytes) -> None:
    state = h11_client(method, 1024)
    state.receive_data(b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n")
    assert isinstance(state.next_event(), h11.Response)
    assert (state.next_event() is h11.NEED_DATA) == (method == b"GET")


async def _upload_cut_short() -> tuple[int, list[int]]:
    """A server answers 413 at once and stops reading; the upload's write times out."""
    connections: list[int] = []
    ended = asyncio.Event()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connections.append(len(connections))
        try:
            await reader.readuntil(b"\r\n\r\n")
            writer.write(b"HTTP/1.1 413 Too Large\r\nContent-Length: 0\r\n\r\n")
            await writer.drain()
            await ended.wait()  # not reading the body
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}/"
    pool = H1Pool(ConnectionSettings(), 1 << 16)
    size = 64 << 20

    async def content() -> AsyncIterator[bytes]:
        for _ in range(size >> 20):
            yield b"x" * (1 << 20)

    try:
        headers = [(b"Content-Length", str(size).encode())]
        response = await pool.open("POST", url, headers, content(), Timeouts(write=0.3), None)
        assert b"".join([chunk async for chunk in response.aiter_stream()]) == b""
        pool.done(response, True)
        second = await pool.open("GET", url, [], None, Timeouts(read=5), None)
        return second.status, connections
    finally:
        await pool.aclose()
        ended.set()
        server.close()
        await server.wait_closed()
        await asyncio.sleep(0.05)  # the handlers close their ends


def test_a_request_not_sent_whole_leaves_its_connection_unused() -> None:
    """The server answered before the body was written: the next request must not go
    after the half-written body on the same connection."""
    status, connections = asyncio.run(_upload_cut_short())
    assert status == 413 and connections == [0, 1]
