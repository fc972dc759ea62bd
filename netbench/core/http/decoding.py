"""Content-Encoding undone as the body arrives: gzip, deflate and br, in any stack.

The engine keeps the body exactly as it came and writes the decoded form to a second file,
chunk by chunk, so a 1 GB gzip response never sits in memory. ``brotli`` is imported only
for a br response. ``deflate`` is zlib-wrapped by the standard, but some servers send raw
deflate: the first chunk tells which.
"""

from __future__ import annotations

import zlib
from typing import Protocol

from netbench.core.text import QT_TRANSLATE_NOOP, Text


class DecodeError(Exception):
    pass


class _Step(Protocol):
    def feed(self, data: bytes) -> bytes: ...
    def finish(self) -> bytes: ...


class _Decompressor(Protocol):
    """What zlib.decompressobj returns (its class is private to zlib)."""

    def decompress(self, data: bytes) -> bytes: ...
    def flush(self) -> bytes: ...


class _Zlib:
    def __init__(self, wbits: int) -> None:
        self._wbits = wbits
        self._inner: _Decompressor | None = None

    def feed(self, data: bytes) -> bytes:
        if self._inner is None:
            self._inner = zlib.decompressobj(self._wbits)
            if self._wbits == zlib.MAX_WBITS:  # deflate: zlib-wrapped, or raw from some servers
                try:
                    return self._inner.decompress(data)
                except zlib.error:
                    self._inner = zlib.decompressobj(-zlib.MAX_WBITS)
        return self._inner.decompress(data)

    def finish(self) -> bytes:
        return self._inner.flush() if self._inner is not None else b""


class _Brotli:
    def __init__(self) -> None:
        import brotli

        self._inner = brotli.Decompressor()

    def feed(self, data: bytes) -> bytes:
        out: bytes = self._inner.process(data)
        return out

    def finish(self) -> bytes:
        return b""


class _Identity:
    def feed(self, data: bytes) -> bytes:
        return data

    def finish(self) -> bytes:
        return b""


def _step(coding: str) -> _Step:
    if coding in ("gzip", "x-gzip"):
        return _Zlib(16 + zlib.MAX_WBITS)
    if coding == "deflate":
        return _Zlib(zlib.MAX_WBITS)
    if coding == "br":
        return _Brotli()
    if coding == "identity":
        return _Identity()
    raise DecodeError(
        QT_TRANSLATE_NOOP("HttpDecode", "unknown content coding {coding}").format(coding=coding)
    )


def codings_of(content_encoding: str) -> list[str]:
    """The codings in the order they were applied (``gzip, br``: gzip first)."""
    return [c.strip().lower() for c in content_encoding.split(",") if c.strip()]


def can_decode(content_encoding: str) -> bool:
    return all(
        c in ("gzip", "x-gzip", "deflate", "br", "identity") for c in codings_of(content_encoding)
    )


class ContentDecoder:
    """Feed coded chunks, get decoded bytes; the last coding applied is undone first."""

    def __init__(self, content_encoding: str) -> None:
        self._steps = [_step(c) for c in reversed(codings_of(content_encoding))]

    def feed(self, data: bytes) -> bytes:
        try:
            for step in self._steps:
                data = step.feed(data)
        except Exception as exc:  # zlib.error, brotli.error: the library's own words
            raise DecodeError(_failed(exc)) from exc
        return data

    def finish(self) -> bytes:
        out = b""
        try:
            for step in self._steps:
                out = (step.feed(out) if out else b"") + step.finish()
        except Exception as exc:
            raise DecodeError(_failed(exc)) from exc
        return out


def _failed(exc: Exception) -> Text:
    return QT_TRANSLATE_NOOP("HttpDecode", "the body does not decode: {reason}").format(
        reason=str(exc)
    )
