"""Reading the static site's requests with h11, the sans-IO HTTP/1.1 parser.

The connection cuts each request head out of the stream (it ends at the first empty line
and is at most ``MAX_HEAD_BYTES``); h11 reads that head (request line, header syntax, Host,
Content-Length) and then the body, which is thrown away as it arrives. One h11 parser
reads one request: bytes after the request's end go back to the connection, which cuts
the next head from them, so the checks below see every pipelined request raw.

Where this server and h11 0.16 differ, on purpose (each has a test in
``tests/core/replies/test_http_h11.py``):

- **Blank lines before a request line** are skipped (RFC 9112, section 2.2: a server
  SHOULD ignore at least one); h11 refuses them. The connection drops them before cutting.
- **Raw UTF-8 in the target** (a Chinese file name typed by hand) is percent-encoded
  before h11 sees it; h11 allows only visible ASCII there.
- **Obsolete line folding** gets 400 (RFC 9112, section 5.2 lets a server refuse it or
  unfold it; h11 unfolds), and so do **control characters in a header value**, which h11
  lets through: a lenient reading of a head is how request smuggling starts.
- **Content-Length with Transfer-Encoding** gets 400 (h11 lets chunked win); differing
  Content-Length values get h11's own 400.
- **HTTP/2.0** (any major version but 1) gets 505; h11 reads the line as it stands. HTTP/1.x
  with x above 1 must carry one Host, as 1.1 must (h11 asks it of 1.1 only).
- **Transfer codings other than chunked** get h11's 501; a **chunked body** is read and
  thrown away, so the connection can carry the next request, except in HTTP/1.0, where
  RFC 9112 (section 6.1) says such framing is faulty: the connection ends after the reply.
- **Sizes**: more than ``MAX_HEADER_LINES`` header lines get 431. h11's own limit
  (``max_incomplete_event_size``) is the same ``MAX_HEAD_BYTES``: heads never reach it
  (they are cut at that size first), but a chunk-size line or trailer section that never
  ends does, and its 431 is answered like an oversized head.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from netbench.core.replies.http_request import (
    MAX_HEAD_BYTES,
    MAX_HEADER_LINES,
    HttpError,
    HttpRequest,
)

if TYPE_CHECKING:
    import h11

_RAW_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_FOLDED_LINE = re.compile(rb"\n[ \t]")
_FIELD_VALUE_FORBIDDEN = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
_VERSION = re.compile(rb"([0-9])\.([0-9])")


class RequestReader:
    """One request read by its own h11 parser: the head when built, then the body.

    ``body_follows``: bytes of a body come next on the connection; :meth:`discard_body`
    throws them away. ``close``: the connection must end after this request's response,
    because of what the request says or because its body cannot be read.
    """

    __slots__ = ("_left", "_parser", "body_follows", "close", "request")

    def __init__(self, head: bytes) -> None:
        """Read `head` (up to and including its empty line); HttpError if it is refused."""
        import h11

        _check_raw_head(head)
        self._parser = h11.Connection(h11.SERVER, max_incomplete_event_size=MAX_HEAD_BYTES)
        self._parser.receive_data(_encode_raw_target(head))
        try:
            event = self._parser.next_event()
        except h11.RemoteProtocolError as error:
            raise _refusal(error, head) from None
        assert isinstance(event, h11.Request)
        self.request = _request_of(event)
        self._left: int | None = None  # body bytes still to read; None: chunked
        self.body_follows, self.close = self._framing()

    def _framing(self) -> tuple[bool, bool]:
        """Whether a body follows, and whether the connection ends after the response."""
        request = self.request
        connection = request.tokens("connection")
        if request.version >= (1, 1):
            close = "close" in connection
        else:
            close = "keep-alive" not in connection
        chunked = "transfer-encoding" in request.headers
        if chunked and "content-length" in request.headers:
            raise HttpError(
                400,
                "The request has both Content-Length and Transfer-Encoding; its end is ambiguous.",
                close=True,
            )
        length = int(request.header("content-length") or 0)
        if not chunked and not length:
            return False, close
        if "100-continue" in request.tokens("expect") or (chunked and request.version < (1, 1)):
            # The client may never send the body it asked permission for; an HTTP/1.0
            # chunked body is faulty framing. Either way the body is not read.
            return False, True
        self._left = None if chunked else length
        return True, close

    @property
    def held(self) -> int:
        """Body bytes h11 holds unread (a chunk-size line or trailer; at most the cap)."""
        return len(self._parser.trailing_data[0])

    def discard_body(self, buffer: bytearray) -> bool:
        """Throw away the body bytes at the start of `buffer` (taking them out of it).

        True once the body has ended (the bytes after it stay in `buffer`); False while
        more is needed. HttpError if the body's chunked framing is broken.
        """
        import h11

        parser = self._parser
        while True:
            try:
                event = parser.next_event()
            except h11.RemoteProtocolError as error:
                raise _refusal(error, b"") from None
            if event is h11.NEED_DATA:
                # A body with a length is fed exactly, so nothing after it is copied back.
                take = len(buffer) if self._left is None else min(self._left, len(buffer))
                if not take:  # (never feed h11 b"": that says the peer closed)
                    return False
                parser.receive_data(bytes(buffer[:take]))
                del buffer[:take]
            elif isinstance(event, h11.Data):
                if self._left is not None:
                    self._left -= len(event.data)
            else:
                assert isinstance(event, h11.EndOfMessage)
                buffer[:0] = parser.trailing_data[0]
                return True


def _check_raw_head(head: bytes) -> None:
    """What h11 would let through or cannot see once it has parsed: folding, line count."""
    if _FOLDED_LINE.search(head):
        raise HttpError(
            400, "A header line starts with white space (obsolete line folding).", close=True
        )
    if head.count(b"\n") - 2 > MAX_HEADER_LINES:
        raise HttpError(431, f"The request has more than {MAX_HEADER_LINES} headers.", close=True)


def _encode_raw_target(head: bytes) -> bytes:
    """The head with raw bytes above ASCII in its target percent-encoded, as a browser
    would have sent them; method and version are left for h11 to judge."""
    end = head.find(b"\n")
    parts = head[:end].split(b" ")
    if len(parts) != 3 or not _RAW_HIGH_BYTE.search(parts[1]):
        return head
    parts[1] = _RAW_HIGH_BYTE.sub(lambda match: b"%%%02X" % match[0][0], parts[1])
    return b" ".join(parts) + head[end:]


def _request_of(event: h11.Request) -> HttpRequest:
    """The request as the site reads it, with the checks h11 leaves to the server."""
    version = _VERSION.fullmatch(event.http_version)
    assert version is not None  # h11's request line allows only digit.digit
    major, minor = int(version[1]), int(version[2])
    if major != 1:
        raise HttpError(505, f"Only HTTP/1.x is spoken here, not HTTP/{major}.", close=True)
    request = HttpRequest(event.method.decode("ascii"), bytes(event.target), (1, min(minor, 1)))
    for name, value in event.headers:
        text = value.decode("latin-1")
        if _FIELD_VALUE_FORBIDDEN.search(text):
            raise HttpError(
                400, f"The {name.decode()} header holds a control character.", close=True
            )
        request.headers.setdefault(name.decode("ascii"), []).append(text)
    if request.version >= (1, 1) and len(request.headers.get("host", [])) != 1:
        raise _host_refusal()
    return request


def _host_refusal() -> HttpError:
    return HttpError(
        400,
        "An HTTP/1.1 request must carry exactly one Host header (for example Host: localhost).",
        close=True,
    )


def _refusal(error: h11.RemoteProtocolError, head: bytes) -> HttpError:
    """h11's refusal as a page that says what to change; its status hint is kept."""
    words = str(error)
    status = error.error_status_hint
    if status == 431:  # heads are cut at that size first: this is a chunked body's line
        message = (
            f"A chunk-size line or the trailer of the chunked body is longer than "
            f"{MAX_HEAD_BYTES // 1024} KB."
        )
    elif status == 501:
        message = f"Only the chunked transfer coding is understood here ({words})."
    elif words.startswith(("illegal request line", "no request line")):
        shown = head.partition(b"\n")[0].removesuffix(b"\r")[:200].decode("latin-1")
        message = (
            f"The request line {shown!r} is not METHOD TARGET HTTP/x.y "
            "(for example GET /index.html HTTP/1.1)."
        )
    elif "Host" in words:
        return _host_refusal()
    elif "Content-Length" in words:
        message = "The request has conflicting or malformed Content-Length values."
    elif words.startswith("illegal header line"):
        line = words.removeprefix("illegal header line: ")
        message = f"A header line is not Name: value ({line})."
    else:
        message = f"The request is not valid HTTP/1.1: {words}."
    return HttpError(status, message, close=True)
