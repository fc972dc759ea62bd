"""A cookie jar across the hops of one run: Set-Cookie in, Cookie out.

``http.cookiejar`` does the policy (domain, path, secure, expiry); it speaks urllib's
request and response objects, so these small adapters stand in for them (no network).
"""

from __future__ import annotations

import email.message
import urllib.request
from http.cookiejar import CookieJar


class _Response:
    def __init__(self, headers: list[tuple[str, str]]) -> None:
        self._message = email.message.Message()
        for name, value in headers:
            self._message[name] = value

    def info(self) -> email.message.Message:
        return self._message


class Jar:
    def __init__(self) -> None:
        self._jar = CookieJar()

    def __len__(self) -> int:
        return len(self._jar)

    def store(self, url: str, headers: list[tuple[str, str]]) -> None:
        """Keep what a response's Set-Cookie headers set (``url`` is the request's)."""
        self._jar.extract_cookies(_Response(headers), urllib.request.Request(url))  # type: ignore[arg-type]

    def header_for(self, url: str) -> str | None:
        """The Cookie header value to send to ``url``, or None."""
        request = urllib.request.Request(url)
        self._jar.add_cookie_header(request)
        return request.get_header("Cookie") or request.unredirected_hdrs.get("Cookie")
