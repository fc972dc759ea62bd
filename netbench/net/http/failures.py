"""Why an exchange failed, in a person's words, with what had arrived by then.

httpcore2 and h11 say what broke in their terms ("Receive buffer too long", "peer closed
connection without sending complete message body"); the user wants to know what the
server did and how far it got. :class:`Progress` is how far it got.

Both paths of the engine end here: httpcore2's exceptions, and those of the h11 path
(:mod:`.h1`): h11's own, and the two timeouts below. httpcore2 is looked at only when it
is loaded: an exception cannot be one of its own before then.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import h11

from netbench.core.text import QT_TRANSLATE_NOOP, Text, verbatim
from netbench.net.errors import NetError


@dataclass(frozen=True, slots=True)
class Progress:
    target: str
    headers_received: bool
    body_bytes: int
    expected: int  # Content-Length, or -1
    chunked: bool
    read_timeout: float | None
    proxy: str = ""  # the proxy's URL, empty when the request went straight to the server


class ReadTimedOutError(TimeoutError):
    """The h11 path waited longer than the read timeout for the server's next bytes."""


class WriteTimedOutError(TimeoutError):
    """The h11 path could not hand the request to the socket within the write timeout."""


def _protocol_error(text: str, progress: Progress) -> Text:
    lowered = text.lower()
    if "disconnected without sending a response" in lowered:
        return QT_TRANSLATE_NOOP(
            "HttpErrors", "{target} closed the connection without answering"
        ).format(target=progress.target)
    if "receive buffer too long" in lowered or "exceeds" in lowered:
        return QT_TRANSLATE_NOOP(
            "HttpErrors", "the response head from {target} is too large (over 100 KB)"
        ).format(target=progress.target)
    if "chunk" in lowered:
        return QT_TRANSLATE_NOOP(
            "HttpErrors", "the chunked body is malformed after {got} bytes: {reason}"
        ).format(got=progress.body_bytes, reason=text)
    if "content-length" in lowered:
        return QT_TRANSLATE_NOOP(
            "HttpErrors", "the response's Content-Length is invalid: {reason}"
        ).format(reason=text)
    if "complete message body" in lowered:
        return _cut_short(progress)
    return QT_TRANSLATE_NOOP("HttpErrors", "{target} broke the HTTP protocol: {reason}").format(
        target=progress.target, reason=text
    )


def _cut_short(progress: Progress) -> Text:
    if progress.expected >= 0:
        return QT_TRANSLATE_NOOP(
            "HttpErrors",
            "the connection ended after {got} of the {expected} body bytes announced",
        ).format(got=progress.body_bytes, expected=progress.expected)
    return QT_TRANSLATE_NOOP(
        "HttpErrors", "the connection ended in the middle of the body, after {got} bytes"
    ).format(got=progress.body_bytes)


def _read_error(text: str, progress: Progress) -> Text:
    if "reset" in text.lower() or "errno 104" in text.lower():
        if progress.headers_received:
            return QT_TRANSLATE_NOOP(
                "HttpErrors", "{target} reset the connection after {got} body bytes"
            ).format(target=progress.target, got=progress.body_bytes)
        return QT_TRANSLATE_NOOP(
            "HttpErrors", "{target} reset the connection before answering"
        ).format(target=progress.target)
    if progress.headers_received:
        return _cut_short(progress)
    return QT_TRANSLATE_NOOP("HttpErrors", "reading from {target} failed: {reason}").format(
        target=progress.target, reason=text
    )


def describe_failure(exc: BaseException, progress: Progress) -> str:
    """The message for an exception raised while running one hop (on either path)."""
    if isinstance(exc, NetError):
        return exc.message
    httpcore2 = sys.modules.get("httpcore2")
    if httpcore2 is not None and _from_httpcore2(exc):
        return _httpcore2_failure(httpcore2, exc, progress)
    text = str(exc) or type(exc).__name__
    if isinstance(exc, ReadTimedOutError):
        return _read_timeout(progress)
    if isinstance(exc, WriteTimedOutError):
        return QT_TRANSLATE_NOOP("HttpErrors", "timed out: {reason}").format(reason=text)
    if isinstance(exc, h11.RemoteProtocolError):
        return _protocol_error(text, progress)
    if isinstance(exc, h11.LocalProtocolError):
        return _invalid_request(text)
    if isinstance(exc, OSError):
        return _read_error(text, progress)
    return verbatim(text)


def is_proxy_refusal(exc: BaseException) -> bool:
    """The proxy answered, but refused the way through (CONNECT's status, SOCKS5's reply)."""
    httpcore2 = sys.modules.get("httpcore2")
    return httpcore2 is not None and isinstance(exc, httpcore2.ProxyError)


def _from_httpcore2(exc: BaseException) -> bool:
    """One of httpcore2's exceptions, or of their subclasses (the backend's own)."""
    return any(kind.__module__.startswith("httpcore2") for kind in type(exc).__mro__)


def _read_timeout(progress: Progress) -> Text:
    return QT_TRANSLATE_NOOP(
        "HttpErrors", "{target} sent nothing for {seconds} s (read timeout)"
    ).format(target=progress.target, seconds=progress.read_timeout)


def _invalid_request(text: str) -> Text:
    return QT_TRANSLATE_NOOP("HttpErrors", "the request is not valid HTTP: {reason}").format(
        reason=text
    )


def _proxy_failure(exc: BaseException, progress: Progress) -> Text:
    """A proxy answered, but not with a way through: a CONNECT's status other than 2xx
    (httpcore2 says "403 Forbidden"), or a SOCKS5 reply other than "succeeded"."""
    proxy = urlsplit(progress.proxy).netloc or progress.proxy
    reason = str(exc).removeprefix("Proxy Server could not connect: ").rstrip(".")
    if progress.proxy.startswith("socks5"):
        return QT_TRANSLATE_NOOP(
            "HttpErrors", "the SOCKS5 proxy {proxy} refused to connect to {target}: {reason}"
        ).format(proxy=proxy, target=progress.target, reason=reason)
    return QT_TRANSLATE_NOOP(
        "HttpErrors", "the proxy {proxy} refused the tunnel to {target}: {reason}"
    ).format(proxy=proxy, target=progress.target, reason=reason)


def _connect_failure(cause: NetError, progress: Progress) -> str:
    """Through a proxy, every connection is to the proxy: name it (TLS is the server's)."""
    if not progress.proxy or cause.field == "tls":
        return cause.message
    return QT_TRANSLATE_NOOP("HttpErrors", "the proxy {proxy} cannot be reached: {reason}").format(
        proxy=urlsplit(progress.proxy).netloc or progress.proxy, reason=cause.message
    )


def _httpcore2_failure(httpcore2: Any, exc: BaseException, progress: Progress) -> str:
    net_error = getattr(exc, "net_error", None)  # the backend's WireConnectError
    if isinstance(net_error, NetError):
        return _connect_failure(net_error, progress)
    if isinstance(exc, httpcore2.ProxyError):
        return _proxy_failure(exc, progress)
    text = str(exc) or type(exc).__name__
    if isinstance(exc, httpcore2.ReadTimeout):
        return _read_timeout(progress)
    if isinstance(exc, httpcore2.TimeoutException):
        return QT_TRANSLATE_NOOP("HttpErrors", "timed out: {reason}").format(reason=text)
    if isinstance(exc, httpcore2.RemoteProtocolError):
        return _protocol_error(text, progress)
    if isinstance(exc, httpcore2.ReadError | httpcore2.WriteError):
        return _read_error(text, progress)
    if isinstance(exc, httpcore2.LocalProtocolError):
        return _invalid_request(text)
    if isinstance(exc, httpcore2.UnsupportedProtocol):
        return QT_TRANSLATE_NOOP("HttpErrors", "unsupported URL: {reason}").format(reason=text)
    return verbatim(text)
