"""Reading HTTP/1.1 requests for the static site: the head, its lengths, its path, dates.

Parsing is lenient where people type requests by hand in a workbench (bare LF line ends,
blank lines before a request, raw UTF-8 in the path) and strict where HTTP says a server
must be (a single Host in HTTP/1.1, no line folding, no conflicting body lengths), because
a lax reading there is how request smuggling starts.
"""

from __future__ import annotations

import calendar
import re
import time
from dataclasses import dataclass, field
from urllib.parse import unquote_to_bytes

MAX_HEAD_BYTES = 16 * 1024  # request line + header lines + the empty line
MAX_HEADER_LINES = 100

_TOKEN = rb"[!#$%&'*+.^_`|~0-9A-Za-z-]+"
# Method, target and version. The target may hold raw UTF-8 bytes (a hand-typed request
# with a Chinese file name); every other control or space ends it.
_REQUEST_LINE = re.compile(rb"(" + _TOKEN + rb") ([\x21-\x7e\x80-\xff]+) HTTP/([0-9])\.([0-9])")
_FIELD_NAME = re.compile(_TOKEN)
_FIELD_VALUE_FORBIDDEN = re.compile(rb"[\x00-\x08\x0a-\x1f\x7f]")
# The empty line that ends a head: "\n\n", "\n\r\n" (the CR before the first LF belongs
# to the last header line).
HEAD_END = re.compile(rb"\n\r?\n")
_ABSOLUTE_FORM = re.compile(rb"(?i:https?)://[^/?#]*")
_BAD_PERCENT = re.compile(rb"%(?![0-9A-Fa-f]{2})")
_DIGITS = re.compile(r"[0-9]{1,18}")

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_IMF_FIXDATE = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), ([0-9]{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct"
    r"|Nov|Dec) ([0-9]{4}) ([0-9]{2}):([0-9]{2}):([0-9]{2}) GMT"
)


class HttpError(Exception):
    """A request that gets an error page instead of a file (``allow``: list the methods)."""

    def __init__(
        self, status: int, message: str, *, close: bool = False, allow: bool = False
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.close = close
        self.allow = allow


@dataclass(slots=True)
class HttpRequest:
    """A request head as read: method, raw target, version, headers by lower-case name."""

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


def parse_head(head: bytes) -> HttpRequest:
    lines = [line.removesuffix(b"\r") for line in head.split(b"\n")]
    if any(b"\r" in line for line in lines):
        raise HttpError(400, "A bare carriage return (CR) appears inside a line.", close=True)
    request_line = _REQUEST_LINE.fullmatch(lines[0])
    if request_line is None:
        shown = lines[0][:200].decode("latin-1")
        raise HttpError(
            400,
            f"The request line {shown!r} is not METHOD TARGET HTTP/x.y "
            "(for example GET /index.html HTTP/1.1).",
            close=True,
        )
    method, target, major, minor = request_line.groups()
    if major != b"1":
        raise HttpError(
            505, f"Only HTTP/1.x is spoken here, not HTTP/{major.decode()}.", close=True
        )
    request = HttpRequest(method.decode("ascii"), target, (1, 1 if minor != b"0" else 0))
    if len(lines) - 1 > MAX_HEADER_LINES:
        raise HttpError(431, f"The request has more than {MAX_HEADER_LINES} headers.", close=True)
    for line in lines[1:]:
        name, colon, value = line.partition(b":")
        if line[:1] in b" \t":
            raise HttpError(
                400, "A header line starts with white space (obsolete line folding).", close=True
            )
        if not colon or _FIELD_NAME.fullmatch(name) is None:
            shown = line[:200].decode("latin-1")
            raise HttpError(400, f"The header line {shown!r} is not Name: value.", close=True)
        value = value.strip(b" \t")
        if _FIELD_VALUE_FORBIDDEN.search(value):
            raise HttpError(
                400, f"The {name.decode()} header holds a control character.", close=True
            )
        key = name.decode("ascii").lower()
        request.headers.setdefault(key, []).append(value.decode("latin-1"))
    return request


def content_length(request: HttpRequest) -> int | None:
    """The body length, or None without one; differing or bad lengths are refused."""
    values = request.headers.get("content-length")
    if values is None:
        return None
    lengths = {part.strip() for value in values for part in value.split(",")}
    if len(lengths) != 1:
        raise HttpError(400, "The request has conflicting Content-Length values.", close=True)
    (length,) = lengths
    if _DIGITS.fullmatch(length) is None:
        raise HttpError(400, f"Content-Length {length!r} is not a number.", close=True)
    return int(length)


def request_path(target: bytes) -> tuple[str, bytes]:
    """The percent-decoded path of a request target, and its raw query (ignored otherwise)."""
    absolute = _ABSOLUTE_FORM.match(target)
    if absolute is not None:
        target = target[absolute.end() :]
        if not target.startswith(b"/"):
            target = b"/" + target
    if not target.startswith(b"/"):
        raise HttpError(
            400,
            "The request target must be a path starting with / (for example /index.html).",
            close=True,
        )
    path, _, query = target.partition(b"?")
    path = path.partition(b"#")[0]
    if _BAD_PERCENT.search(path):
        raise HttpError(400, "The path has a % that is not followed by two hex digits.", close=True)
    try:
        return unquote_to_bytes(path).decode("utf-8"), query
    except UnicodeDecodeError:
        raise HttpError(
            400, "The path is not valid UTF-8 once percent-decoded.", close=True
        ) from None


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


def parse_http_date(value: str | None) -> float | None:
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
