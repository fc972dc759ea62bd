"""One HTTP/1.x response read on the h11 path: llhttp for speed, h11 for the verdict.

h11 spends ~35 us taking apart a small keep-alive response (its events, state machine and
header checks); llhttp, through httptools (the C parser of Node.js, aiohttp and uvicorn),
~2 us. But llhttp is stricter than h11 (a bare LF, a folded header, Content-Length with
Transfer-Encoding, a repeated equal Content-Length) and sets no limit on a head's size,
while the engine's answers must not depend on which parser read them. So llhttp reads
while everything is ordinary, and the first moment it is not (llhttp refuses a byte, the
head grows past the limit, the connection ends before the message does) h11 takes over
from the response's first byte: the bytes read so far are kept for that (up to
:data:`REPLAY_LIMIT`), and body bytes already passed on are not passed again. The outcome
is h11's in every case but one: llhttp refusing a body after more than
:data:`REPLAY_LIMIT` bytes, where llhttp's reason is the error.

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


def h11_client(method: bytes, max_head: int) -> Any:
    """An h11 client that believes it sent a ``method`` request: it reads the answer with
    the framing rules that method implies (HEAD's has no body), whatever was really sent."""
    connection = h11.Connection(h11.CLIENT, max_incomplete_event_size=max_head)
    connection.send(h11.Request(method=method, target=b"/", headers=[(b"Host", b"x")]))
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


class ResponseReader:
    """Reads one response from ``protocol``: :meth:`read_head`, then :meth:`body`."""

    def __init__(self, protocol: WireProtocol, method: bytes, timeout: float | None) -> None:
        self.protocol = protocol
        self.method = method
        self.timeout = timeout
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
        self._interim = False  # the head being read is a 1xx (not 101): skipped, as h11 does
        self._extra = False  # bytes after the message: the connection is not reused
        self._odd = False  # a byte llhttp accepted and h11 would not
        self._failure: h11.RemoteProtocolError | None = None  # raised after what came before
        self._chunks: list[bytes] = []
        self._passed = 0  # body bytes passed on
        self._h11: Any = None  # h11's connection, once it took over
        self._h11_at_end = False  # it took over when the connection had ended
        self._head_again = False  # and the head it reads first was already given

    # -- llhttp's callbacks ------------------------------------------------------------------

    def on_message_begin(self) -> None:
        if self.finished:
            self._extra = True

    def on_status(self, data: bytes) -> None:
        if not self._head_done:
            self.reason += data
            self._head_size += len(data)
            if CONTROL.search(data):
                self._odd = True

    def on_header(self, name: bytes, value: bytes) -> None:
        if not self._head_done:  # (after the head: a chunked body's trailer, ignored as h11)
            self.headers.append((name, value))
            self._head_size += len(name) + len(value) + 4
            if CONTROL.search(value):
                self._odd = True

    def on_headers_complete(self) -> None:
        if self.finished:
            return
        status = self._parser.get_status_code()
        if 100 <= status < 200 and status != 101:
            self._interim = True  # its head is dropped; the raw view shows it
            self.headers = []
            self.reason = b""
            return
        self.status = status
        self.version = b"HTTP/" + self._parser.get_http_version().encode()
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
        if self._interim:
            self._interim = False
        elif not self.finished:
            self._complete()

    def _complete(self) -> None:
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
            if len(replay) + len(data) <= REPLAY_LIMIT:
                replay += data
            else:
                self._replay = replay = None
        if not data:
            self._at_end()
            return
        try:
            self._parser.feed_data(data)
        except httptools.HttpParserUpgrade:
            self._chunks.clear()  # what follows a 101 is the next protocol's
            self.keep_alive = False
            return
        except httptools.HttpParserError as exc:
            self._take_over(str(exc))
            return
        if self._odd:
            self._take_over("")
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
            raise h11.RemoteProtocolError(CUT_SHORT)
        else:
            self._take_over("", at_end=True)

    def _ends_at_close(self) -> bool:
        if self.status in NO_BODY_STATUSES:
            return False
        names = {name.lower() for name, _ in self.headers}
        return b"content-length" not in names and b"transfer-encoding" not in names

    def _take_over(self, reason: str, at_end: bool = False) -> None:
        """h11 reads the response again from its first byte, and from now on."""
        if self._replay is None:  # the body decoded before the fault is passed on first
            self._failure = h11.RemoteProtocolError(reason or CUT_SHORT)
            return
        state = h11_client(self.method, MAX_HEAD_SIZE)
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
        if self.status == 101:
            return  # what follows is the next protocol's
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
