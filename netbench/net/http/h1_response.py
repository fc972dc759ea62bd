"""One HTTP/1.x response read on the h11 path: llhttp for speed, h11 for the verdict.

h11 spends ~35 us taking apart a small keep-alive response (its events, state machine and
header checks); llhttp, through httptools (the C parser of Node.js, aiohttp and uvicorn),
~2 us. But llhttp and h11 do not agree on everything: llhttp refuses a bare LF, a folded
header, Content-Length with Transfer-Encoding and a repeated equal Content-Length, which
h11 reads; it lets through control characters, Transfer-Encoding other than one
"chunked", status codes under 100 and versions other than 1.x, which h11 refuses; it sets
no limit on a head's size. The engine's answers must not depend on which parser read
them, so llhttp reads only the ordinary response: a head with none of those, status 200
to 599, no 1xx before it, not to CONNECT. The first moment a response is not ordinary
(or llhttp refuses a byte, or the connection ends before the message does) h11 takes
over from the response's first byte: the bytes read so far are kept for that (up to
:data:`REPLAY_LIMIT`), and body bytes already passed on are not passed again.

The outcome is h11's (status, head, body, whether the connection is kept, or the error
and its words), with three exceptions, all past what servers send by mistake: a fault in
a body after :data:`REPLAY_LIMIT` bytes (llhttp's reason, or h11's words rebuilt for a
body cut short); empty lines after a message, which llhttp skips, so the connection is
kept where h11 would close it; a chunk size written with over 20 digits (zeros first).

A response is read by a new :class:`ResponseReader`; the connection holds no parser state
between responses, so the request side needs no h11 state either (see :mod:`.h1`).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterable
from typing import Any

import h11
import httptools

from netbench.net.http.failures import ReadTimedOutError
from netbench.net.http.wire import WireProtocol

READ_SIZE = 256 * 1024  # asyncio's own largest read: fewer, bigger steps for big bodies
MAX_HEAD_SIZE = 100 * 1024  # as httpcore2: a larger response head is refused
REPLAY_LIMIT = 1024 * 1024  # a response's first bytes, kept for h11 to read again
DISCONNECTED = "Server disconnected without sending a response."
CUT_SHORT = "peer closed connection without sending complete message body"
NO_BODY_STATUSES = frozenset({204, 304})
# Control characters llhttp lets through in a reason phrase or a header value, h11 not.
CONTROL = re.compile(rb"[\x00-\x08\x0a-\x1f\x7f]")


def h11_client(method: bytes, max_head: int, upgrade: bool = False) -> Any:
    """An h11 client that believes it sent a ``method`` request (proposing an upgrade when
    ``upgrade``): it reads the answer with the framing rules that request implies (HEAD's
    has no body, a 101 switches protocols), whatever was really sent."""
    connection = h11.Connection(h11.CLIENT, max_incomplete_event_size=max_head)
    headers = [(b"Host", b"x"), *([(b"Upgrade", b"x")] if upgrade else [])]
    connection.send(h11.Request(method=method, target=b"/", headers=headers))
    connection.send(h11.EndOfMessage())
    return connection


def says_close(headers: Iterable[tuple[bytes, bytes]]) -> bool:
    """A "Connection: close" among ``headers``: the last message on its connection."""
    for name, value in headers:
        if name.lower() == b"connection" and b"close" in [
            token.strip() for token in value.lower().split(b",")
        ]:
            return True
    return False


def _values(headers: list[tuple[bytes, bytes]], name: bytes) -> list[bytes]:
    """The values of the ``name`` fields (lower case), in order."""
    return [value for field, value in headers if field.lower() == name]


def _ordinary_framing(headers: list[tuple[bytes, bytes]]) -> bool:
    """No Transfer-Encoding, or one that is exactly "chunked" (h11 refuses any other, and
    writes "Chunked" in lower case)."""
    codings = _values(headers, b"transfer-encoding")
    return not codings or codings == [b"chunked"]


class ResponseReader:
    """Reads one response from ``protocol``: :meth:`read_head`, then :meth:`body`."""

    def __init__(
        self,
        protocol: WireProtocol,
        method: bytes,
        timeout: float | None,
        upgrade: bool = False,
    ) -> None:
        self.protocol = protocol
        self.method = method
        self.timeout = timeout
        self.upgrade = upgrade  # the request proposed another protocol
        self.status = 0
        self.reason = b""
        self.version = b"HTTP/1.1"
        self.headers: list[tuple[bytes, bytes]] = []
        self.finished = False  # the whole message was read
        self.keep_alive = False  # and the connection may serve another request
        self._parser = httptools.HttpResponseParser(self)
        self._replay: bytearray | None = bytearray()
        self._head_size = 0
        self._head_done = False
        self._extra = False  # bytes after the message: the connection is not reused
        self._odd = ""  # why this is not an ordinary response (h11 reads it)
        self._failure: h11.RemoteProtocolError | None = None  # raised after what came before
        self._chunks: list[bytes] = []
        self._passed = 0  # body bytes passed on
        self._h11: Any = None  # h11's connection, once it took over
        self._h11_at_end = False  # it took over when the connection had ended
        self._head_again = False  # and the head it reads first was already given
        if method == b"CONNECT":  # a tunnel's answer: h11 knows where it ends
            self._take_over("")

    # -- llhttp's callbacks ------------------------------------------------------------------

    def on_message_begin(self) -> None:
        if self.finished:
            self._extra = True

    def on_status(self, data: bytes) -> None:
        if not self._head_done:
            self.reason += data
            self._head_size += len(data)
            if CONTROL.search(data):
                self._odd = "control character in the reason phrase"

    def on_header(self, name: bytes, value: bytes) -> None:
        if self.finished:
            return  # the next message's: the connection is not kept (on_message_begin)
        value = value.rstrip(b" \t")  # as h11 (llhttp strips only the leading blanks)
        if CONTROL.search(value):
            self._odd = "illegal header value"
        if not self._head_done:
            self.headers.append((name, value))
            self._head_size += len(name) + len(value) + 4
        elif name.lower() in (b"content-length", b"transfer-encoding"):
            self._odd = "illegal field in the chunked body's trailer"  # (else ignored, as h11)

    def on_headers_complete(self) -> None:
        if self.finished or self._odd:
            return
        parser = self._parser
        status = parser.get_status_code()
        version = parser.get_http_version()
        if not 200 <= status <= 599 or version not in ("1.1", "1.0"):
            self._odd = "not a final HTTP/1.x status"  # a 1xx, or what h11 refuses
            return
        if not _ordinary_framing(self.headers):
            self._odd = "Transfer-Encoding other than chunked"
            return
        self.status = status
        self.version = b"HTTP/" + version.encode()
        self._head_done = True
        if self.method == b"HEAD":  # llhttp cannot know: the length announced is not sent
            self.finished = True
            self.keep_alive = self.version == b"HTTP/1.1" and not says_close(self.headers)

    def on_body(self, data: bytes) -> None:
        if self.finished:
            self._extra = True
        else:
            self._chunks.append(data)

    def on_chunk_header(self) -> None:
        if self.finished:
            self._extra = True  # a HEAD's answer followed by chunks

    def on_message_complete(self) -> None:
        if not self.finished and not self._odd:
            self.finished = True
            # as h11: an HTTP/1.0 answer ends its connection, "Connection: keep-alive" or not
            self.keep_alive = self.version == b"HTTP/1.1" and self._parser.should_keep_alive()

    # -- reading ----------------------------------------------------------------------------

    @property
    def reusable(self) -> bool:
        """The message ended cleanly where the next one may begin."""
        if self._h11 is not None:
            state = self._h11
            done = state.our_state is h11.DONE and state.their_state is h11.DONE
            return bool(done and state.trailing_data == (b"", False))  # nothing after it
        return self.finished and self.keep_alive and not self._extra

    async def read_head(self) -> None:
        """Read until the final response's head is known (1xx other than 101 skipped)."""
        while not self._head_done or self._head_again:
            if self._h11 is not None:
                self._head_again = False
                await self._h11_head()
                return
            self._feed(await self._read())
            if self._failure is not None:
                raise self._failure

    async def body(self) -> AsyncIterator[bytes]:
        """The body's bytes as they arrive, decoded from chunked framing."""
        while True:
            if self._chunks:
                chunks, self._chunks = self._chunks, []
                for chunk in chunks:
                    self._passed += len(chunk)
                    yield chunk
            if self._failure is not None:
                raise self._failure
            if self.finished:
                return
            if self._h11 is not None:
                async for chunk in self._h11_body():
                    yield chunk
                return
            self._feed(await self._read())

    async def _read(self) -> bytes:
        try:
            return await self.protocol.read(READ_SIZE, self.timeout)
        except TimeoutError as exc:
            raise ReadTimedOutError("read timed out") from exc

    def _feed(self, data: bytes) -> None:
        replay = self._replay
        if replay is not None:
            if not replay and data[:1] in (b"\r", b"\n"):
                self._odd = "an empty line before the status line"
            if len(replay) + len(data) <= REPLAY_LIMIT:
                replay += data
            else:
                self._replay = replay = None
        if not data:
            self._at_end()
            return
        try:
            if not self._odd:
                self._parser.feed_data(data)
        except httptools.HttpParserUpgrade:
            self._odd = self._odd or "a switch of protocols"  # (a 101 is odd already)
        except httptools.HttpParserError as exc:
            self._take_over(str(exc))
            return
        if self._odd:
            self._take_over(self._odd)
        elif self._head_done:
            if self._head_size > MAX_HEAD_SIZE - 1024:
                self._take_over("")  # near the limit: h11 measures it as it always has
        elif replay is None or len(replay) > MAX_HEAD_SIZE - 1024:
            self._take_over("")

    def _at_end(self) -> None:
        """The connection ended: fine where the body runs to the close, h11's call if not."""
        if self._head_done and self._ends_at_close():
            self.finished = True
            self.keep_alive = False
        elif self._head_done and self._replay is None:
            self._failure = h11.RemoteProtocolError(self._cut_short())
        else:
            self._take_over("", at_end=True)

    def _ends_at_close(self) -> bool:
        if self.status in NO_BODY_STATUSES:
            return False
        framed = _values(self.headers, b"content-length") or _values(
            self.headers, b"transfer-encoding"
        )
        return not framed

    def _cut_short(self) -> str:
        """h11's words for a body the connection's end cut short."""
        received = self._passed + sum(map(len, self._chunks))
        lengths = _values(self.headers, b"content-length")
        if lengths:
            return f"{CUT_SHORT} (received {received} bytes, expected {int(lengths[0])})"
        return f"{CUT_SHORT} (incomplete chunked read)"

    def _take_over(self, reason: str, at_end: bool = False) -> None:
        """h11 reads the response again from its first byte, and from now on."""
        if self._replay is None:  # the body decoded before the fault is passed on first
            self._failure = h11.RemoteProtocolError(reason or self._cut_short())
            return
        state = h11_client(self.method, MAX_HEAD_SIZE, self.upgrade)
        if self._replay:  # (no bytes at all would tell h11 the connection ended)
            state.receive_data(bytes(self._replay))
        self._h11 = state
        self._h11_at_end = at_end
        self._head_again = self._head_done  # h11 reads the head llhttp read: once more
        self.finished = False
        self._replay = None
        self._chunks.clear()

    # -- h11, once it took over -------------------------------------------------------------

    async def _h11_event(self) -> Any:
        state = self._h11
        while True:
            event = state.next_event()
            if event is not h11.NEED_DATA:
                return event
            data = b"" if self._h11_at_end else await self._read()
            if not data and state.their_state is h11.SEND_RESPONSE:
                raise h11.RemoteProtocolError(DISCONNECTED)
            state.receive_data(data)

    async def _h11_head(self) -> None:
        while True:
            event = await self._h11_event()
            if isinstance(event, h11.Response) or (
                isinstance(event, h11.InformationalResponse) and event.status_code == 101
            ):
                break
        self.status = event.status_code
        self.reason = bytes(event.reason)
        self.version = b"HTTP/" + bytes(event.http_version)
        self.headers = list(event.headers.raw_items())
        self._head_done = True

    async def _h11_body(self) -> AsyncIterator[bytes]:
        if self._head_again:
            self._head_again = False
            await self._h11_head()
        skip = self._passed
        while True:
            event = await self._h11_event()
            kind = type(event)  # h11's events are ABCs: an exact check skips ABCMeta
            if kind is h11.Data:
                data = bytes(event.data)
                if skip:
                    dropped = min(skip, len(data))
                    skip -= dropped
                    data = data[dropped:]
                if data:
                    self._passed += len(data)
                    yield data
            elif kind is h11.EndOfMessage or kind is h11.ConnectionClosed:
                self.finished = True
                return
            elif event is h11.PAUSED:
                return  # after a 101 or a CONNECT's 2xx: the bytes are the next protocol's
