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
    if httpcore2 is not None and type(exc).__module__.startswith("httpcore2"):
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


def _read_timeout(progress: Progress) -> Text:
    return QT_TRANSLATE_NOOP(
        "HttpErrors", "{target} sent nothing for {seconds} s (read timeout)"
    ).format(target=progress.target, seconds=progress.read_timeout)


def _invalid_request(text: str) -> Text:
    return QT_TRANSLATE_NOOP("HttpErrors", "the request is not valid HTTP: {reason}").format(
        reason=text
    )


def _httpcore2_failure(httpcore2: Any, exc: BaseException, progress: Progress) -> str:
    cause = exc.__cause__
    if isinstance(exc, httpcore2.ConnectError) and isinstance(cause, NetError):
        return cause.message
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
