"""Where a redirect leads, and what the next request keeps of the previous one.

The rules are the Fetch standard's (what browsers do): 303 turns any method but HEAD into
GET without a body; 301 and 302 turn POST into GET without a body; 307 and 308 keep method
and body. Credentials (Authorization, Cookie set by hand) do not follow to another origin.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urljoin, urlsplit

from netbench.core.http.model import Header, HttpRequest, NoBody

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_BODY_HEADERS = frozenset(
    {"content-type", "content-length", "content-encoding", "transfer-encoding"}
)
_CREDENTIALS = frozenset({"authorization", "cookie", "proxy-authorization"})


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    return parts.scheme.lower(), (parts.hostname or "").lower(), parts.port


def next_request(request: HttpRequest, status: int, location: str) -> HttpRequest:
    """The request for the next hop, after ``status`` with ``Location: location``."""
    url = urljoin(request.url, location)
    method = request.method
    body = request.body
    drop_body = (status == 303 and method != "HEAD") or (status in (301, 302) and method == "POST")
    if drop_body:
        method = "GET" if method != "HEAD" else method
        body = NoBody()
    same_origin = _origin(url) == _origin(request.url)
    headers: list[Header] = []
    for header in request.headers:
        name = header.name.lower()
        if drop_body and name in _BODY_HEADERS:
            continue
        if not same_origin and name in _CREDENTIALS:
            continue
        if name == "host":
            continue
        headers.append(header)
    return replace(request, method=method, url=url, body=body, headers=tuple(headers))
