"""A static-file HTTP/1.1 server as a pure state machine over a raw byte stream.

The Server tab's "HTTP static files" responder lets a browser or curl fetch pages from a
folder, so users can watch a real HTTP exchange byte for byte. TCP may split a request
anywhere or merge several into one read, so requests are parsed incrementally from the
chunks as they arrived, and the same responses come out however the stream was cut.

What a peer sends never makes this raise or buffer without bound: a request head is capped
at ``MAX_HEAD_BYTES`` (431 Request Header Fields Too Large), and request bodies are skipped
as they arrive instead of being stored. This module cuts the heads out of the stream; h11
reads each one and its body (:mod:`.http_reader`, which also lists where this server and
h11 differ); what a path serves is in :mod:`.http_files`.
"""

from __future__ import annotations

import html
import stat
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from urllib.parse import quote, quote_from_bytes

from netbench.core.replies.http_files import (
    FileChunks,
    StaticSite,
    content_type,
    inside,
    listing,
    locate,
    open_file,
    stat_path,
)
from netbench.core.replies.http_reader import RequestReader
from netbench.core.replies.http_request import (
    HEAD_END,
    MAX_HEAD_BYTES,
    HttpError,
    HttpRequest,
    http_date,
    parse_http_date,
    request_path,
)

SERVER_NAME = "netbench"
ALLOWED_METHODS = ("GET", "HEAD")


@dataclass(frozen=True, slots=True)
class HttpResponse:
    """One response ready for the wire; ``close`` means the connection must end after it.

    With a ``body`` (a large file, streamed), ``data`` is the head alone, and the
    connection answers no further request until :meth:`StaticHttpConnection.sent`."""

    data: bytes
    status: int
    close: bool
    body: FileChunks | None = None


class StaticHttpConnection:
    """One TCP connection's worth of HTTP: bytes in, responses out, in request order.

    ``close_after_response`` makes the first response announce ``Connection: close`` and
    end the connection, for the "close after reply" option.
    """

    __slots__ = (
        "_buffer",
        "_busy",
        "_close_after",
        "_closed",
        "_now",
        "_reading_body",
        "_scan_from",
        "_site",
    )

    def __init__(self, site: StaticSite, *, close_after_response: bool = False) -> None:
        self._site = site
        self._close_after = close_after_response
        self._buffer = bytearray()
        self._scan_from = 0  # where the search for the end of the head resumes
        self._reading_body: RequestReader | None = None  # a request whose body is skipped
        self._closed = False
        self._busy = False  # a streamed response is being sent: later requests wait
        self._now = 0.0

    @property
    def closed(self) -> bool:
        """True once a response ended the connection; later input is ignored."""
        return self._closed

    @property
    def busy(self) -> bool:
        """A streamed response is still being sent; requests after it wait their turn."""
        return self._busy

    @property
    def pending(self) -> int:
        """Bytes received and not yet read: an unfinished head (never above the cap), or
        what h11 holds of a body."""
        reader = self._reading_body
        return len(self._buffer) + (reader.held if reader is not None else 0)

    def receive(self, data: bytes, now: float) -> list[HttpResponse]:
        """Take the next chunk of the stream; answer every request it completes."""
        self._now = now
        if self._closed:
            return []
        self._buffer += data
        return self._answer_waiting()

    def sent(self, now: float) -> list[HttpResponse]:
        """The streamed response is out: answer the requests that waited behind it."""
        self._now = now
        self._busy = False
        return self._answer_waiting()

    def _answer_waiting(self) -> list[HttpResponse]:
        responses: list[HttpResponse] = []
        while not self._closed and not self._busy:
            response = self._next_response()
            if response is None:
                break
            responses.append(response)
            self._busy = response.body is not None
        return responses

    def end(self) -> list[HttpResponse]:
        """The peer finished sending: say so if it stopped in the middle of a request head.

        A hand-typed request that never got its empty line is a common mistake, and a 400
        page naming it is more use than a silent close.
        """
        if self._closed:
            return []
        if self._busy:
            return []  # the requests still waiting are answered first (see sent())
        self._closed = True
        if not self._buffer or self._reading_body is not None:
            return []  # nothing begun, or a body cut short: there is no request to answer
        message = (
            "The connection ended before the request head was complete: "
            "a request head ends with an empty line."
        )
        return [self._error_page(HttpError(400, message, close=True), None)]

    # --- stream ---------------------------------------------------------------------------

    def _next_response(self) -> HttpResponse | None:
        """Cut the next complete head out of the buffer and answer it, or wait for more."""
        reader = self._reading_body
        if reader is not None:
            try:
                if not reader.discard_body(self._buffer):
                    return None
            except HttpError as error:  # broken chunked framing: nothing after it can be read
                self._reading_body = None
                return self._error_page(error, reader.request)
            self._reading_body = None
        self._drop_leading_blank_lines()
        buffer = self._buffer
        if not buffer:
            return None
        match = HEAD_END.search(buffer, max(0, self._scan_from - 2))
        if match is None:
            if len(buffer) > MAX_HEAD_BYTES:
                return self._too_large()
            self._scan_from = len(buffer)
            return None
        if match.end() > MAX_HEAD_BYTES:
            return self._too_large()
        head = bytes(buffer[: match.end()])
        del buffer[: match.end()]
        self._scan_from = 0
        return self._answer(head)

    def _drop_leading_blank_lines(self) -> None:
        """Servers should ignore empty lines before a request (RFC 9112, section 2.2)."""
        buffer = self._buffer
        count = 0
        while count < len(buffer) and buffer[count] in b"\r\n":
            count += 1
        if count:
            del buffer[:count]
            self._scan_from = max(0, self._scan_from - count)

    def _too_large(self) -> HttpResponse:
        self._buffer.clear()
        message = f"The request head is larger than {MAX_HEAD_BYTES // 1024} KB."
        return self._error_page(HttpError(431, message, close=True), None)

    def _answer(self, head: bytes) -> HttpResponse:
        request: HttpRequest | None = None
        try:
            reader = RequestReader(head)
            request = reader.request
            if reader.body_follows:
                self._reading_body = reader  # thrown away before the next head is cut
            return self._serve(request, reader.close)
        except HttpError as error:
            return self._error_page(error, request)

    # --- responses ------------------------------------------------------------------------

    def _serve(self, request: HttpRequest, close: bool) -> HttpResponse:
        if request.method not in ALLOWED_METHODS:
            hint = ""
            if request.method.upper() in ALLOWED_METHODS:
                hint = f" Methods are case-sensitive: write {request.method.upper()}."
            raise HttpError(
                405,
                f"This server only serves files, with GET and HEAD, not {request.method}.{hint}",
                close=close,
                allow=True,
            )
        url_path, query = request_path(request.target)
        root = self._site.root.resolve()
        try:
            return self._serve_path(request, url_path, query, root, close)
        except HttpError as error:
            error.close = error.close or close
            raise

    def _serve_path(
        self, request: HttpRequest, url_path: str, query: bytes, root: Path, close: bool
    ) -> HttpResponse:
        target = locate(root, url_path)
        info = stat_path(target, url_path)
        if not stat.S_ISDIR(info.st_mode):
            return self._file_response(request, target, url_path, close)
        if not url_path.endswith("/"):
            location = quote(url_path + "/")
            if query:
                location += "?" + quote_from_bytes(query, safe="!$&'()*+,/:;=?@~%")
            body = _page(
                "301 Moved Permanently",
                f"{url_path} is a folder; its address ends with a slash: ",
                link=location,
            )
            headers = [("Location", location), ("Content-Type", "text/html; charset=utf-8")]
            return self._response(301, headers, body, request, close)
        index = inside(root, target / self._site.index)
        if index is not None and index.is_file():
            return self._file_response(request, index, url_path, close)
        body = listing(url_path, target, root)
        headers = [("Content-Type", "text/html; charset=utf-8")]
        return self._response(200, headers, body, request, close)

    def _file_response(
        self, request: HttpRequest, path: Path, url_path: str, close: bool
    ) -> HttpResponse:
        opened = open_file(path, url_path)
        headers = [("Last-Modified", http_date(opened.modified))]
        since = parse_http_date(request.header("if-modified-since"))
        if (
            since is not None
            and "if-none-match" not in request.headers
            and opened.modified <= since
        ):
            opened.discard()
            return self._response(304, headers, None, request, close)
        headers.insert(0, ("Content-Type", content_type(path.name)))
        if opened.data is not None:
            return self._response(200, headers, opened.data, request, close)
        if request.method == "HEAD":
            opened.discard()
            return self._response(200, headers, b"", request, close, length=opened.size)
        head = self._response(200, headers, b"", request, close, length=opened.size)
        return HttpResponse(head.data, 200, head.close, opened.chunks())

    def _error_page(self, error: HttpError, request: HttpRequest | None) -> HttpResponse:
        status = HTTPStatus(error.status)
        body = _page(f"{status.value} {status.phrase}", error.message)
        headers = [("Content-Type", "text/html; charset=utf-8")]
        if error.allow:
            headers.append(("Allow", ", ".join(ALLOWED_METHODS)))
        return self._response(error.status, headers, body, request, error.close)

    def _response(
        self,
        status: int,
        headers: list[tuple[str, str]],
        body: bytes | None,
        request: HttpRequest | None,
        close: bool,
        length: int | None = None,
    ) -> HttpResponse:
        """Frame a response; a HEAD answer has the same headers as GET but no body.
        ``length``: the Content-Length of a body sent separately (streamed)."""
        close = close or self._close_after
        lines = [
            f"HTTP/1.1 {status} {HTTPStatus(status).phrase}",
            f"Server: {SERVER_NAME}",
            f"Date: {http_date(self._now)}",
        ]
        lines += [f"{name}: {value}" for name, value in headers]
        if body is not None:
            lines.append(f"Content-Length: {len(body) if length is None else length}")
        lines.append(f"Connection: {'close' if close else 'keep-alive'}")
        data = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        if body is not None and (request is None or request.method != "HEAD"):
            data += body
        if close:
            self._closed = True
            self._buffer.clear()
        return HttpResponse(data, status, close)


def _page(title: str, message: str, *, link: str | None = None) -> bytes:
    """A small HTML page for errors and redirects; `message` is plain text."""
    text = html.escape(message)
    if link is not None:
        text += f'<a href="{html.escape(link)}">{html.escape(link)}</a>'
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n</head>\n<body>\n"
        f"<h1>{html.escape(title)}</h1>\n<p>{text}</p>\n"
        "<hr>\n<p><small>netbench HTTP static responder</small></p>\n</body>\n</html>\n"
    ).encode()
