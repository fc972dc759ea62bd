"""A static-file HTTP/1.1 server as a pure state machine over a raw byte stream.

The Server tab's "HTTP static files" responder lets a browser or curl fetch pages from a
folder, so users can watch a real HTTP exchange byte for byte. TCP may split a request
anywhere or merge several into one read, so requests are parsed incrementally from the
chunks as they arrived, and the same responses come out however the stream was cut.

What a peer sends never makes this raise or buffer without bound: a request head is capped
at ``MAX_HEAD_BYTES`` (431 Request Header Fields Too Large), and request bodies are skipped
as they arrive instead of being stored.

Parsing is lenient where people type requests by hand in a workbench (bare LF line ends,
blank lines before a request, raw UTF-8 in the path) and strict where HTTP says a server
must be (a single Host in HTTP/1.1, no line folding, no conflicting body lengths), because
a lax reading there is how request smuggling starts.

Nothing outside the site folder is ever served. A path with a ``..`` segment, a backslash,
a NUL or a drive-like segment is refused before it touches the file system, and the path
that remains is resolved (following symbolic links) and must still lie inside the
resolved site folder. Refusals are 403 rather than 404: the folder is the user's own, and
"Forbidden: the path leaves the site folder" teaches more than a bare "Not Found".

Files are read whole, up to ``MAX_FILE_BYTES``; anything bigger gets 500 with a page that
says why (413 would wrongly blame the request).
"""

from __future__ import annotations

import calendar
import html
import mimetypes
import os
import re
import stat
import time
from dataclasses import dataclass, field
from functools import cache
from http import HTTPStatus
from pathlib import Path, PurePath
from urllib.parse import quote, quote_from_bytes, unquote_to_bytes

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_HEADER_LINES",
    "MAX_HEAD_BYTES",
    "MAX_LISTING_ENTRIES",
    "HttpResponse",
    "StaticHttpConnection",
    "StaticSite",
    "content_type",
    "http_date",
]

MAX_HEAD_BYTES = 16 * 1024  # request line + header lines + the empty line
MAX_HEADER_LINES = 100
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_LISTING_ENTRIES = 1000
SERVER_NAME = "netbench"
ALLOWED_METHODS = ("GET", "HEAD")

_TOKEN = rb"[!#$%&'*+.^_`|~0-9A-Za-z-]+"
# Method, target and version. The target may hold raw UTF-8 bytes (a hand-typed request
# with a Chinese file name); every other control or space ends it.
_REQUEST_LINE = re.compile(rb"(" + _TOKEN + rb") ([\x21-\x7e\x80-\xff]+) HTTP/([0-9])\.([0-9])")
_FIELD_NAME = re.compile(_TOKEN)
_FIELD_VALUE_FORBIDDEN = re.compile(rb"[\x00-\x08\x0a-\x1f\x7f]")
# The empty line that ends a head: "\n\n", "\n\r\n" (the CR before the first LF belongs
# to the last header line).
_HEAD_END = re.compile(rb"\n\r?\n")
_ABSOLUTE_FORM = re.compile(rb"(?i:https?)://[^/?#]*")
_BAD_PERCENT = re.compile(rb"%(?![0-9A-Fa-f]{2})")
_DIGITS = re.compile(r"[0-9]{1,18}")

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_IMF_FIXDATE = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), ([0-9]{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct"
    r"|Nov|Dec) ([0-9]{4}) ([0-9]{2}):([0-9]{2}):([0-9]{2}) GMT"
)

# Python's built-in table (not the system's mime.types, so every machine answers alike),
# brought up to date where browsers care.
_TYPE_OVERRIDES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".webp": "image/webp",
    ".md": "text/markdown",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ico": "image/x-icon",
}
_COMPRESSED_TYPES = {"gzip": "application/gzip", "bzip2": "application/x-bzip2"}
_TEXT_APPLICATION_TYPES = frozenset({"application/json", "application/xml"})


@dataclass(frozen=True, slots=True)
class HttpResponse:
    """One response ready for the wire; ``close`` means the connection must end after it."""

    data: bytes
    status: int
    close: bool


@dataclass(frozen=True, slots=True)
class StaticSite:
    """The folder to serve and the file a folder request gets.

    Checked on construction so the UI can say what is wrong before the server starts.
    """

    root: Path
    index: str = "index.html"

    def __post_init__(self) -> None:
        root = Path(self.root)
        object.__setattr__(self, "root", root)
        if not root.is_dir():
            raise ValueError(f"the site folder {str(root)!r} does not exist or is not a folder")
        index = self.index
        if not index or PurePath(index).name != index or index in (".", ".."):
            raise ValueError(f"the index file must be a plain file name, got {index!r}")


class _HttpError(Exception):
    """A request that gets an error page instead of a file."""

    def __init__(
        self, status: int, message: str, *, close: bool = False, allow: bool = False
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.close = close
        self.allow = allow


@dataclass(slots=True)
class _Request:
    method: str
    target: bytes
    version: tuple[int, int]
    headers: dict[str, list[str]] = field(default_factory=dict)

    def header(self, name: str) -> str | None:
        values = self.headers.get(name)
        return None if values is None else ", ".join(values)

    def tokens(self, name: str) -> set[str]:
        value = self.header(name)
        if value is None:
            return set()
        return {token.strip().lower() for token in value.split(",")}


class StaticHttpConnection:
    """One TCP connection's worth of HTTP: bytes in, responses out, in request order.

    ``close_after_response`` makes the first response announce ``Connection: close`` and
    end the connection, for the "close after reply" option.
    """

    __slots__ = ("_buffer", "_close_after", "_closed", "_now", "_scan_from", "_site", "_skip")

    def __init__(self, site: StaticSite, *, close_after_response: bool = False) -> None:
        self._site = site
        self._close_after = close_after_response
        self._buffer = bytearray()
        self._scan_from = 0  # where the search for the end of the head resumes
        self._skip = 0  # request body bytes still to be thrown away
        self._closed = False
        self._now = 0.0

    @property
    def closed(self) -> bool:
        """True once a response ended the connection; later input is ignored."""
        return self._closed

    @property
    def pending(self) -> int:
        """Bytes of an unfinished request head held in memory (never above the cap)."""
        return len(self._buffer)

    def receive(self, data: bytes, now: float) -> list[HttpResponse]:
        """Take the next chunk of the stream; answer every request it completes."""
        self._now = now
        if self._closed:
            return []
        view = memoryview(data)
        if self._skip:
            skipped = min(self._skip, len(view))
            self._skip -= skipped
            view = view[skipped:]
        self._buffer += view
        responses: list[HttpResponse] = []
        while not self._closed and not self._skip:
            response = self._next_response()
            if response is None:
                break
            responses.append(response)
        return responses

    def end(self) -> list[HttpResponse]:
        """The peer finished sending: say so if it stopped in the middle of a request head.

        A hand-typed request that never got its empty line is a common mistake, and a 400
        page naming it is more use than a silent close.
        """
        if self._closed:
            return []
        self._closed = True
        if not self._buffer:
            return []
        message = (
            "The connection ended before the request head was complete: "
            "a request head ends with an empty line."
        )
        return [self._error_page(_HttpError(400, message, close=True), None)]

    # --- stream ---------------------------------------------------------------------------

    def _next_response(self) -> HttpResponse | None:
        """Cut the next complete head out of the buffer and answer it, or wait for more."""
        self._drop_leading_blank_lines()
        buffer = self._buffer
        if not buffer:
            return None
        match = _HEAD_END.search(buffer, max(0, self._scan_from - 2))
        if match is None:
            if len(buffer) > MAX_HEAD_BYTES:
                return self._too_large()
            self._scan_from = len(buffer)
            return None
        if match.end() > MAX_HEAD_BYTES:
            return self._too_large()
        head = bytes(buffer[: match.start()])
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
        return self._error_page(_HttpError(431, message, close=True), None)

    def _answer(self, head: bytes) -> HttpResponse:
        request: _Request | None = None
        try:
            request = _parse_head(head)
            close = self._check_framing(request)
            return self._serve(request, close)
        except _HttpError as error:
            return self._error_page(error, request)

    def _check_framing(self, request: _Request) -> bool:
        """Check Host and the body's framing, arrange to skip a body, and say whether the
        connection ends after this response."""
        connection = request.tokens("connection")
        if request.version >= (1, 1):
            close = "close" in connection
        else:
            close = "keep-alive" not in connection
        if request.version >= (1, 1):
            hosts = request.headers.get("host", [])
            if len(hosts) != 1:
                raise _HttpError(
                    400,
                    "An HTTP/1.1 request must carry exactly one Host header "
                    "(for example Host: localhost).",
                    close=True,
                )
        length = _content_length(request)
        if "transfer-encoding" in request.headers:
            if length is not None:
                raise _HttpError(
                    400,
                    "The request has both Content-Length and Transfer-Encoding; "
                    "its end is ambiguous.",
                    close=True,
                )
            # The body is not read, so the connection cannot carry another request.
            return True
        if length:
            if "100-continue" in request.tokens("expect"):
                # The client may never send the body it asked permission for.
                return True
            self._skip_body(length)
        return close or self._close_after

    def _skip_body(self, length: int) -> None:
        taken = min(length, len(self._buffer))
        del self._buffer[:taken]
        self._skip = length - taken

    # --- responses ------------------------------------------------------------------------

    def _serve(self, request: _Request, close: bool) -> HttpResponse:
        if request.method not in ALLOWED_METHODS:
            hint = ""
            if request.method.upper() in ALLOWED_METHODS:
                hint = f" Methods are case-sensitive: write {request.method.upper()}."
            raise _HttpError(
                405,
                f"This server only serves files, with GET and HEAD, not {request.method}.{hint}",
                close=close,
                allow=True,
            )
        url_path, query = _request_path(request.target)
        root = self._site.root.resolve()
        try:
            return self._serve_path(request, url_path, query, root, close)
        except _HttpError as error:
            error.close = error.close or close
            raise

    def _serve_path(
        self, request: _Request, url_path: str, query: bytes, root: Path, close: bool
    ) -> HttpResponse:
        target = _locate(root, url_path)
        info = _stat(target, url_path)
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
        index = _inside(root, target / self._site.index)
        if index is not None and index.is_file():
            return self._file_response(request, index, url_path, close)
        body = _listing(url_path, target, root)
        headers = [("Content-Type", "text/html; charset=utf-8")]
        return self._response(200, headers, body, request, close)

    def _file_response(
        self, request: _Request, path: Path, url_path: str, close: bool
    ) -> HttpResponse:
        body, modified = _read_file(path, url_path)
        headers = [("Last-Modified", http_date(modified))]
        since = _parse_http_date(request.header("if-modified-since"))
        if since is not None and "if-none-match" not in request.headers and modified <= since:
            return self._response(304, headers, None, request, close)
        headers.insert(0, ("Content-Type", content_type(path.name)))
        return self._response(200, headers, body, request, close)

    def _error_page(self, error: _HttpError, request: _Request | None) -> HttpResponse:
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
        request: _Request | None,
        close: bool,
    ) -> HttpResponse:
        """Frame a response; a HEAD answer has the same headers as GET but no body."""
        close = close or self._close_after
        lines = [
            f"HTTP/1.1 {status} {HTTPStatus(status).phrase}",
            f"Server: {SERVER_NAME}",
            f"Date: {http_date(self._now)}",
        ]
        lines += [f"{name}: {value}" for name, value in headers]
        if body is not None:
            lines.append(f"Content-Length: {len(body)}")
        lines.append(f"Connection: {'close' if close else 'keep-alive'}")
        data = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        if body is not None and (request is None or request.method != "HEAD"):
            data += body
        if close:
            self._closed = True
            self._buffer.clear()
        return HttpResponse(data, status, close)


# --- parsing ---------------------------------------------------------------------------------


def _parse_head(head: bytes) -> _Request:
    lines = [line.removesuffix(b"\r") for line in head.split(b"\n")]
    if any(b"\r" in line for line in lines):
        raise _HttpError(400, "A bare carriage return (CR) appears inside a line.", close=True)
    request_line = _REQUEST_LINE.fullmatch(lines[0])
    if request_line is None:
        shown = lines[0][:200].decode("latin-1")
        raise _HttpError(
            400,
            f"The request line {shown!r} is not METHOD TARGET HTTP/x.y "
            "(for example GET /index.html HTTP/1.1).",
            close=True,
        )
    method, target, major, minor = request_line.groups()
    if major != b"1":
        raise _HttpError(
            505, f"Only HTTP/1.x is spoken here, not HTTP/{major.decode()}.", close=True
        )
    request = _Request(method.decode("ascii"), target, (1, 1 if minor != b"0" else 0))
    if len(lines) - 1 > MAX_HEADER_LINES:
        raise _HttpError(431, f"The request has more than {MAX_HEADER_LINES} headers.", close=True)
    for line in lines[1:]:
        name, colon, value = line.partition(b":")
        if line[:1] in b" \t":
            raise _HttpError(
                400, "A header line starts with white space (obsolete line folding).", close=True
            )
        if not colon or _FIELD_NAME.fullmatch(name) is None:
            shown = line[:200].decode("latin-1")
            raise _HttpError(400, f"The header line {shown!r} is not Name: value.", close=True)
        value = value.strip(b" \t")
        if _FIELD_VALUE_FORBIDDEN.search(value):
            raise _HttpError(
                400, f"The {name.decode()} header holds a control character.", close=True
            )
        key = name.decode("ascii").lower()
        request.headers.setdefault(key, []).append(value.decode("latin-1"))
    return request


def _content_length(request: _Request) -> int | None:
    """The body length, or None without one; differing or bad lengths are refused."""
    values = request.headers.get("content-length")
    if values is None:
        return None
    lengths = {part.strip() for value in values for part in value.split(",")}
    if len(lengths) != 1:
        raise _HttpError(400, "The request has conflicting Content-Length values.", close=True)
    (length,) = lengths
    if _DIGITS.fullmatch(length) is None:
        raise _HttpError(400, f"Content-Length {length!r} is not a number.", close=True)
    return int(length)


def _request_path(target: bytes) -> tuple[str, bytes]:
    """The percent-decoded path of a request target, and its raw query (ignored otherwise)."""
    absolute = _ABSOLUTE_FORM.match(target)
    if absolute is not None:
        target = target[absolute.end() :]
        if not target.startswith(b"/"):
            target = b"/" + target
    if not target.startswith(b"/"):
        raise _HttpError(
            400,
            "The request target must be a path starting with / (for example /index.html).",
            close=True,
        )
    path, _, query = target.partition(b"?")
    path = path.partition(b"#")[0]
    if _BAD_PERCENT.search(path):
        raise _HttpError(
            400, "The path has a % that is not followed by two hex digits.", close=True
        )
    try:
        return unquote_to_bytes(path).decode("utf-8"), query
    except UnicodeDecodeError:
        raise _HttpError(
            400, "The path is not valid UTF-8 once percent-decoded.", close=True
        ) from None


def _locate(root: Path, url_path: str) -> Path:
    """The file system path for `url_path`, refused with 403 if it could leave `root`."""
    if "\0" in url_path:
        raise _HttpError(403, "The path contains a NUL character.")
    if "\\" in url_path:
        raise _HttpError(403, "The path contains a backslash, which is not a path separator here.")
    parts: list[str] = []
    for segment in url_path.split("/"):
        if segment in ("", "."):
            continue
        if segment == "..":
            raise _HttpError(
                403, "The path goes up a folder with '..'; only the site folder is served."
            )
        pure = PurePath(segment)
        if pure.anchor or pure.name != segment:
            raise _HttpError(403, f"The path segment {segment!r} is not a plain name.")
        parts.append(segment)
    resolved = _inside(root, root.joinpath(*parts))
    if resolved is None:
        raise _HttpError(403, "The path leads outside the site folder.")
    return resolved


def _inside(root: Path, path: Path) -> Path | None:
    """`path` with every symbolic link followed, if that is still inside `root`."""
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symbolic link loop (Python 3.11)
        return None
    return resolved if resolved.is_relative_to(root) else None


def _stat(path: Path, url_path: str) -> os.stat_result:
    try:
        return path.stat()
    except PermissionError:
        raise _HttpError(403, f"{url_path} cannot be read (permission denied).") from None
    except OSError:
        raise _HttpError(404, f"There is no {url_path} on this server.") from None


def _read_file(path: Path, url_path: str) -> tuple[bytes, float]:
    """The file's bytes and modification time, read from one open file.

    Opened without blocking and checked on the open descriptor, so a FIFO or device that
    appeared in the folder cannot stall the server, and the size checked is the size read.
    """
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except PermissionError:
        raise _HttpError(403, f"{url_path} cannot be read (permission denied).") from None
    except OSError:
        raise _HttpError(404, f"There is no {url_path} on this server.") from None
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise _HttpError(404, f"{url_path} is not a regular file.")
        try:
            data = file.read(MAX_FILE_BYTES + 1)
        except OSError as error:
            raise _HttpError(500, f"{url_path} could not be read: {error.strerror}.") from None
    if len(data) > MAX_FILE_BYTES:
        raise _HttpError(
            500,
            f"{url_path} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, "
            "the most this responder serves.",
        )
    return data, float(int(info.st_mtime))


def _listing(url_path: str, folder: Path, root: Path) -> bytes:
    """A plain index of a folder without an index file, like ``python -m http.server``.

    Entries that lead outside the site folder are left out, so the page never links to
    something that would be refused.
    """
    entries: list[tuple[bool, str]] = []
    truncated = False
    try:
        with os.scandir(folder) as scan:
            for entry in scan:
                if len(entries) == MAX_LISTING_ENTRIES:
                    truncated = True
                    break
                target = _inside(root, Path(entry.path))
                if target is None or not _encodable(entry.name):
                    continue
                entries.append((target.is_dir(), entry.name))
    except OSError:
        raise _HttpError(403, f"The folder {url_path} cannot be listed.") from None
    entries.sort(key=lambda item: (not item[0], item[1].casefold(), item[1]))
    items = []
    if url_path != "/":
        items.append('<li><a href="../">../</a></li>')
    for is_dir, name in entries:
        slash = "/" if is_dir else ""
        href = html.escape(quote(name) + slash)
        items.append(f'<li><a href="{href}">{html.escape(name)}{slash}</a></li>')
    if truncated:
        items.append(f"<li>… only the first {MAX_LISTING_ENTRIES} entries are shown</li>")
    title = f"Index of {html.escape(url_path)}"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n</head>\n<body>\n<h1>{title}</h1>\n"
        "<p>This folder has no index file, so netbench lists what it holds.</p>\n"
        "<ul>\n" + "\n".join(items) + "\n</ul>\n</body>\n</html>\n"
    ).encode()


def _encodable(name: str) -> bool:
    """False for file names that are not valid UTF-8 on disk: no URL can reach them."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


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


# --- headers ---------------------------------------------------------------------------------


@cache
def _mime_types() -> mimetypes.MimeTypes:
    return mimetypes.MimeTypes()


def content_type(name: str) -> str:
    """The Content-Type for a file name, with ``charset=utf-8`` for text.

    Text files are assumed to be UTF-8: a browser guessing the charset shows Chinese
    pages as mojibake.
    """
    suffix = PurePath(name).suffix.lower()
    kind = _TYPE_OVERRIDES.get(suffix)
    if kind is None:
        guessed, encoding = _mime_types().guess_type(name, strict=False)
        if encoding is not None:
            # A .tar.gz is a gzip file on the wire: there is no Content-Encoding here.
            guessed = _COMPRESSED_TYPES.get(encoding)
        kind = guessed or "application/octet-stream"
    if kind.startswith("text/") or kind in _TEXT_APPLICATION_TYPES:
        return f"{kind}; charset=utf-8"
    return kind


def http_date(timestamp: float) -> str:
    """An IMF-fixdate, e.g. ``Sun, 06 Nov 1994 08:49:37 GMT``.

    Spelled out by hand because strftime's day and month names follow the locale, and Qt
    switches the process to the user's locale.
    """
    t = time.gmtime(timestamp)
    return (
        f"{_WEEKDAYS[t.tm_wday]}, {t.tm_mday:02d} {_MONTHS[t.tm_mon - 1]} {t.tm_year:04d} "
        f"{t.tm_hour:02d}:{t.tm_min:02d}:{t.tm_sec:02d} GMT"
    )


def _parse_http_date(value: str | None) -> float | None:
    """An IMF-fixdate as a timestamp; None for anything else, which HTTP says to ignore."""
    if value is None:
        return None
    match = _IMF_FIXDATE.fullmatch(value.strip())
    if match is None:
        return None
    day, month, year, hour, minute, second = match.groups()
    fields = (int(year), _MONTHS.index(month) + 1, int(day), int(hour), int(minute), int(second))
    if not (1 <= fields[2] <= 31 and fields[3] < 24 and fields[4] < 60 and fields[5] < 61):
        return None
    return float(calendar.timegm((*fields, 0, 0, 0)))
