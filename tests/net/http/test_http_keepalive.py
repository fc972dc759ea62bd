"""Requests one after another on a kept-alive connection: each keeps its own read timeout,
its own headers and its own anomalies, however the engine shares work between them."""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from nginx_peer import Nginx

from netbench.core.http.model import Header, HttpRequest, Timeouts
from netbench.core.http.result import ExchangeResult, Outcome
from netbench.net.http.client import HttpClient

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]
Step = Callable[[HttpClient, str], Awaitable[ExchangeResult]]


def answers(*responses: bytes) -> Handler:
    """Answers the requests of one connection with ``responses`` in turn, then never again
    (the connection stays open: the next request waits for its read timeout)."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            for response in responses:
                await reader.readuntil(b"\r\n\r\n")
                writer.write(response)
                await writer.drain()
            await reader.readuntil(b"\r\n\r\n")
            await asyncio.sleep(10)
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    return handle


OK = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"


async def _run(handler: Handler, steps: list[Step]) -> list[ExchangeResult]:
    server = await asyncio.start_server(handler, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    client = HttpClient(directory=Path(tempfile.mkdtemp(prefix="http-test-")))
    try:
        return [await step(client, f"http://127.0.0.1:{port}/") for step in steps]
    finally:
        await client.aclose()
        server.close()
        await server.wait_closed()


def get(read_timeout: float, pause: float = 0.0) -> Step:
    async def step(client: HttpClient, url: str) -> ExchangeResult:
        await asyncio.sleep(pause)
        request = HttpRequest(url=url, timeouts=Timeouts(read=read_timeout))
        return await client.send(request)

    return step


def timed(results: list[ExchangeResult]) -> tuple[Outcome, float]:
    hop = results[-1].final
    assert hop is not None
    return hop.outcome, hop.timings.total


def test_read_timeout_after_a_quick_request_waits_its_own_time() -> None:
    """The second request's deadline is later than the one the first set: it must still
    time out, at its own deadline, not at the first's and not never."""
    results = asyncio.run(_run(answers(OK), [get(0.4), get(0.4, pause=0.2)]))
    assert results[0].outcome is Outcome.COMPLETE
    outcome, total = timed(results)
    assert outcome is Outcome.FAILED and "read timeout" in results[-1].error
    assert 0.39 <= total < 1.5


def test_shorter_read_timeout_after_a_longer_one() -> None:
    """A deadline earlier than the one being watched is watched too: 0.2 s, not 30 s."""
    started = time.monotonic()
    results = asyncio.run(_run(answers(OK, OK), [get(30.0), get(30.0), get(0.2)]))
    assert [r.outcome for r in results[:2]] == [Outcome.COMPLETE] * 2
    outcome, total = timed(results)
    assert outcome is Outcome.FAILED and 0.19 <= total < 1.5
    assert time.monotonic() - started < 5


def test_each_hop_keeps_its_own_anomalies_when_read_later() -> None:
    """Anomalies are scanned when first read: by then the connection's log holds the next
    responses too, and they must not leak into an earlier hop (or the other way)."""
    doubled = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok"
    results = asyncio.run(_run(answers(doubled, OK, doubled), [get(5.0)] * 3))
    hops = [r.final for r in results]
    assert all(h is not None and h.reused == (i > 0) for i, h in enumerate(hops))
    assert [[a.code for a in h.anomalies] for h in hops if h] == [
        ["cl-duplicate"],
        [],
        ["cl-duplicate"],
    ]
    assert hops[2] is not None and hops[2].anomalies[0].offset > 0  # in its own head


def test_the_same_url_with_other_headers_sends_them(nginx: Nginx) -> None:
    """Repeated requests reuse what h11 made of them; a changed header is a new request."""
    url = nginx.http + "/echo-cookie"

    async def send_each() -> list[ExchangeResult]:
        client = HttpClient(directory=Path(tempfile.mkdtemp(prefix="http-test-")))
        try:
            return [
                await client.send(HttpRequest(url=url, headers=(Header("Cookie", value),)))
                for value in ("a=1", "a=1", "a=2", "a=1")
            ]
        finally:
            await client.aclose()

    hops = [r.final for r in asyncio.run(send_each())]
    assert [h.body.read_raw() for h in hops if h] == [
        b"cookie=a=1",
        b"cookie=a=1",
        b"cookie=a=2",
        b"cookie=a=1",
    ]
    assert [h.reused for h in hops if h] == [False, True, True, True]
