"""A request as the static site reads it: its head's fields, its path, its dates.

h11 parses the bytes (:mod:`.http_reader`); this module holds what the site makes of them,
and the error that becomes an error page.

Reading is lenient where people type requests by hand in a workbench (bare LF line ends,
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

from netbench.core.errors import MessageError

MAX_HEAD_BYTES = 16 * 1024  # request line + header lines + the empty line
MAX_HEADER_LINES = 100

# The empty line that ends a head: "\n\n", "\n\r\n" (the CR before the first LF belongs
# to the last header line).
HEAD_END = re.compile(rb"\n\r?\n")
_ABSOLUTE_FORM = re.compile(rb"(?i:https?)://[^/?#]*")
_BAD_PERCENT = re.compile(rb"%(?![0-9A-Fa-f]{2})")

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_IMF_FIXDATE = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), ([0-9]{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct"
    r"|Nov|Dec) ([0-9]{4}) ([0-9]{2}):([0-9]{2}):([0-9]{2}) GMT"
)


class HttpError(MessageError):
    """A request that gets an error page instead of a file (``allow``: list the methods)."""

    def __init__(
        self, status: int, message: str, *, close: bool = False, allow: bool = False
    ) -> None:
        super().__init__(message)
        self.status = status
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
