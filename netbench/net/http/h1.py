"""HTTP/1.1 on our recording connections without httpcore2: the engine's fast path.

httpcore2's pool costs about 0.4 ms a request in its own machinery (request models, locks,
trace hooks), five times what curl spends on a whole keep-alive request. Plain HTTP/1.1
needs none of it: this module keeps idle connections per origin, writes what h11 makes
of the request (made once for a request sent again and again) and reads the response
with :class:`~.h1_response.ResponseReader` (llhttp, and h11 where llhttp is stricter),
every byte still landing in the connection's wire log with the moment it met the socket.

It serves what is HTTP/1.1 for certain: ``http://`` (no TLS, so no ALPN: Auto is
HTTP/1.1 there too), ``https://`` when HTTP/1.1 was chosen, and Unix sockets. HTTP/2,
Auto over TLS (ALPN may pick h2) and proxies stay on httpcore2
(:func:`netbench.net.http.pools.uses_h1` decides).

A hop calls :meth:`H1Pool.open` and :meth:`H1Pool.done` directly (no context manager or
extensions dict per request: a keep-alive request costs curl ~0.07 ms in all); the
response it gets has what httpcore2's has (``status``, ``headers``, ``extensions`` and
``aiter_stream()``), so the hop reads either the same way, and it says which path served
it (``extensions["served_by"]``).
"""

from __future__ import annotations

import functools
import ssl
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlsplit

import h11

from netbench.core.http.model import ConnectionSettings, Timeouts
from netbench.core.text import QT_TRANSLATE_NOOP
from netbench.net.errors import NetError
from netbench.net.http.failures import WriteTimedOutError
from netbench.net.http.h1_response import ResponseReader, says_close
from netbench.net.http.pools import tls_context
from netbench.net.http.recorder import HopRecorder, attach_to_current, note_failed_connect
from netbench.net.http.wire import WireConnection, open_tcp, open_unix

DEFAULT_PORTS = {"http": 80, "https": 443}
SERVED_BY = "h11"
REQUEST_CACHE_SIZE = 32

Origin = tuple[str, str, int]


class _Link:
    """One connection, and the origin it is kept for."""

    __slots__ = ("connection", "origin")

    def __init__(self, connection: WireConnection, origin: Origin) -> None:
        self.connection = connection
        self.origin = origin

    @property
    def stale(self) -> bool:
        """An idle connection that became readable was closed by the server (or broke)."""
        return self.connection.protocol.has_data_or_eof


@functools.lru_cache(maxsize=64)  # the same URL again and again is the common case
def _origin(url: str) -> tuple[Origin, bytes, bytes]:
    """(scheme, host, port), the request target, and the Host header httpcore2 would send."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise NetError(
            QT_TRANSLATE_NOOP("HttpErrors", "unsupported URL: {reason}").format(
                reason=f"the scheme must be http or https: {url}"
            ),
            "url",
        )
    host = parts.hostname or ""
    port = parts.port or DEFAULT_PORTS[scheme]
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    shown = f"[{host}]" if ":" in host else host
    if port != DEFAULT_PORTS[scheme]:
        shown += f":{port}"
    return (scheme, host, port), target.encode(), shown.encode()


class H1Pool:
    """Idle kept-alive connections per origin; one request at a time on each."""

    served_by = SERVED_BY

    def __init__(self, settings: ConnectionSettings, log_limit: int) -> None:
        self.settings = settings
        self.log_limit = log_limit
        self._idle: dict[Origin, list[_Link]] = {}
        self._busy: set[_Link] = set()
        self._requests: dict[tuple[Any, ...], _Request] = {}

    async def open(
        self,
        method: str,
        url: str,
        headers: list[tuple[bytes, bytes]],
        content: AsyncIterator[bytes] | None,
        timeouts: Timeouts,
        recorder: HopRecorder | None,
    ) -> H1Response:
        """Send the request on a kept-alive or new connection and read the response's head.

        The body is the response's to read (:meth:`H1Response.aiter_stream`); then hand the
        response back with :meth:`done`, which keeps its connection for the next request
        when both sides finished cleanly.
        """
        origin, target, host = _origin(url)
        link = await self.acquire(origin, timeouts.connect)
        try:
            request = self._request(method, target, host, headers)
        except h11.LocalProtocolError:
            self.release(link, False)
            raise
        sent = False
        try:
            await _Sender(link, recorder, timeouts.write).send(request, content)
            sent = True
        except OSError:
            pass  # as httpcore2: a server may answer (a 413, say) and close before reading all
        except BaseException:
            self.release(link, False)
            raise
        protocol = link.connection.protocol
        reader = ResponseReader(protocol, request.method, timeouts.read, request.upgrade)
        try:
            await reader.read_head()
        except BaseException:
            self.release(link, False)
            raise
        # a request not sent whole leaves the connection mid-message: never reused
        return H1Response(link, reader, request.closes or not sent)

    def done(self, response: H1Response, clean: bool) -> None:
        """The hop is over with ``response``: ``clean`` when nothing went wrong reading it."""
        self.release(response.link, clean and response.reusable)

    def _request(
        self, method: str, target: bytes, host: bytes, headers: list[tuple[bytes, bytes]]
    ) -> _Request:
        """The request's bytes, made (and its headers checked) by h11 once for a request
        sent again and again, as a keep-alive burst does."""
        key = (method, target, host, *headers)
        request = self._requests.get(key)
        if request is None:
            if not any(name.lower() == b"host" for name, _ in headers):
                headers = [(b"Host", host), *headers]
            request = _Request(h11.Request(method=method, target=target, headers=headers))
            if len(self._requests) >= REQUEST_CACHE_SIZE:
                self._requests.clear()
            self._requests[key] = request
        return request

    async def acquire(self, origin: Origin, timeout: float | None) -> _Link:
        idle = self._idle.get(origin)
        while idle:
            link = idle.pop()
            if not link.stale:
                attach_to_current(link.connection)
                self._busy.add(link)
                return link
            link.connection.close()
        link = _Link(await self._open(origin, timeout), origin)
        attach_to_current(link.connection, new=True)
        self._busy.add(link)
        return link

    async def _open(self, origin: Origin, timeout: float | None) -> WireConnection:
        scheme, host, port = origin
        unix = self.settings.unix_socket
        try:
            if unix:
                connection = await open_unix(unix, timeout, self.log_limit)
            else:
                connection = await open_tcp(host, port, timeout, self.log_limit)
        except NetError as exc:
            note_failed_connect(getattr(exc, "attempts", ()))
            raise
        if scheme == "https":
            try:
                await connection.start_tls(self._tls_context, host, timeout)
            except NetError:
                connection.close()
                raise
        return connection

    @functools.cached_property
    def _tls_context(self) -> ssl.SSLContext:
        """Made at the first https:// request (loading the CAs takes time) and kept for the
        pool's life; a TLS file that does not load is said again at the next request."""
        context = tls_context(self.settings)
        context.set_alpn_protocols(["http/1.1"])
        return context

    def release(self, link: _Link, reusable: bool) -> None:
        """Back to the idle list when both sides finished the exchange cleanly, else closed."""
        self._busy.discard(link)
        if reusable:
            self._idle.setdefault(link.origin, []).append(link)
        else:
            link.connection.close()

    async def aclose(self) -> None:
        links = [link for idle in self._idle.values() for link in idle] + list(self._busy)
        self._idle.clear()
        self._busy.clear()
        for link in links:
            link.connection.close()


class _Request:
    """A request's h11 event; without a body, also the bytes h11 makes of it (the same for
    every sending: h11 never changes an event it is given)."""

    __slots__ = ("_bytes", "closes", "event", "method", "upgrade")

    def __init__(self, event: h11.Request) -> None:
        self.event = event
        self.method = bytes(event.method)
        self._bytes: bytes | None = None
        self.closes = says_close(event.headers)  # the server is told: not kept, as h11
        self.upgrade = any(name == b"upgrade" for name, _ in event.headers)  # (lower case)

    @property
    def without_body(self) -> bytes:
        """What h11 sends for the request with no body (refused if it declares one)."""
        if self._bytes is None:
            state = h11.Connection(h11.CLIENT)
            self._bytes = (state.send(self.event) or b"") + (state.send(h11.EndOfMessage()) or b"")
        return self._bytes


class _Sender:
    """Writes one request on a link: the head and body as h11 makes them, with the moments
    the hop's timings need (about to send, last byte sent)."""

    __slots__ = ("link", "recorder", "timeout")

    def __init__(self, link: _Link, recorder: HopRecorder | None, timeout: float | None) -> None:
        self.link = link
        self.recorder = recorder
        self.timeout = timeout

    async def write(self, data: bytes | None) -> None:
        if not data:
            return
        try:
            await self.link.connection.protocol.write(data, self.timeout)
        except TimeoutError as exc:
            raise WriteTimedOutError("write timed out") from exc

    async def send(self, request: _Request, content: AsyncIterator[bytes] | None) -> None:
        recorder = self.recorder
        if recorder is not None:
            recorder.note("send_request_headers.started")
        if content is None:
            await self.write(request.without_body)
        else:
            state = h11.Connection(h11.CLIENT)
            await self.write(state.send(request.event))
            async for chunk in content:
                await self.write(state.send(h11.Data(data=chunk)))
            await self.write(state.send(h11.EndOfMessage()))
        if recorder is not None:
            recorder.note("send_request_body.complete")


class H1Response:
    """The response head, and its body as :meth:`aiter_stream` reads it."""

    def __init__(self, link: _Link, reader: ResponseReader, closes: bool) -> None:
        self.link = link
        self.reader = reader
        self.closes = closes
        self.status = reader.status
        self.headers = reader.headers
        self.extensions = {
            "http_version": reader.version,
            "reason_phrase": reader.reason,
            "served_by": SERVED_BY,
        }

    @property
    def reusable(self) -> bool:
        return not self.closes and self.reader.reusable

    def aiter_stream(self) -> AsyncIterator[bytes]:
        return self.reader.body()
