"""The tutorial servers' replies: none, echo, upper case, time stamp, byte count, fixed."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import ClassVar

from netbench.core.encodings import normalize_encoding
from netbench.core.replies.responder import (
    NO_OPTIONS,
    ReplyOptions,
    ResponderKind,
    ResponderSession,
    SilentSession,
    TransformSession,
    shown,
)


@dataclass(frozen=True, slots=True)
class NoReply:
    """Receive and show only, like the tutorials' print-what-arrives Unix socket server."""

    options: ReplyOptions = NO_OPTIONS
    kind: ClassVar[ResponderKind] = ResponderKind.NONE

    def new_session(self, peer: str) -> ResponderSession:
        return SilentSession()

    def describe(self) -> str:
        return "no automatic reply"


@dataclass(frozen=True, slots=True)
class EchoResponder:
    """Send every message back unchanged."""

    options: ReplyOptions = NO_OPTIONS
    kind: ClassVar[ResponderKind] = ResponderKind.ECHO

    def new_session(self, peer: str) -> ResponderSession:
        return TransformSession(lambda data, now: data, self.options)

    def describe(self) -> str:
        return "echo each message back" + self.options.describe()


@dataclass(frozen=True, slots=True)
class TextReply:
    """A reply that writes text of its own, in ``encoding`` (normalised once, here)."""

    options: ReplyOptions = NO_OPTIONS
    encoding: str = "utf-8"

    def __post_init__(self) -> None:
        object.__setattr__(self, "encoding", normalize_encoding(self.encoding))


@dataclass(frozen=True, slots=True)
class UpperEchoResponder(TextReply):
    """Send every message back with ASCII letters in upper case (``data.upper()``).

    The encoding matters because in GBK, Big5 and UTF-16 the bytes of a Chinese character
    can look like ASCII letters, and upper-casing those would corrupt the character.
    """

    kind: ClassVar[ResponderKind] = ResponderKind.UPPER

    def new_session(self, peer: str) -> ResponderSession:
        codec = self.encoding
        return TransformSession(lambda data, now: upper_ascii(data, codec), self.options)

    def describe(self) -> str:
        return "echo each message back in upper case" + self.options.describe()


@dataclass(frozen=True, slots=True)
class TimestampResponder(TextReply):
    """Echo with the local time in front: ``[Sun Nov 22 02:20:42 2026] message``.

    The classic time-stamp server from Core Python Programming replies
    ``'[%s] %s' % (ctime(), data)``; this gives byte for byte the same. ``joined=True``
    gives the other tutorials' form, ``bytes(ctime(), encoding="utf-8") + data``, with no
    brackets and no space: ``Fri Dec  4 20:00:19 2026hello``.
    """

    joined: bool = False
    kind: ClassVar[ResponderKind] = ResponderKind.TIMESTAMP

    def new_session(self, peer: str) -> ResponderSession:
        codec = self.encoding
        if self.joined:
            return TransformSession(
                lambda data, now: time.ctime(now).encode(codec) + data, self.options
            )
        return TransformSession(
            lambda data, now: f"[{time.ctime(now)}] ".encode(codec) + data, self.options
        )

    def describe(self) -> str:
        return "echo each message with the time in front" + self.options.describe()


@dataclass(frozen=True, slots=True)
class ByteCountResponder(TextReply):
    """Reply ``your data was N bytes``, like the UDP server in Foundations of Python
    Network Programming (the grammar is theirs, "1 bytes" included, so output matches)."""

    kind: ClassVar[ResponderKind] = ResponderKind.BYTE_COUNT

    def new_session(self, peer: str) -> ResponderSession:
        codec = self.encoding
        return TransformSession(
            lambda data, now: f"your data was {len(data)} bytes".encode(codec), self.options
        )

    def describe(self) -> str:
        return 'reply "your data was N bytes"' + self.options.describe()


@dataclass(frozen=True, slots=True)
class FixedResponder:
    """Reply the same bytes to every message, e.g. ``Receive your message``."""

    data: bytes
    options: ReplyOptions = NO_OPTIONS
    kind: ClassVar[ResponderKind] = ResponderKind.FIXED

    def __post_init__(self) -> None:
        if not isinstance(self.data, bytes | bytearray | memoryview):
            raise ValueError(f"the fixed reply must be bytes, got {type(self.data).__name__}")
        object.__setattr__(self, "data", bytes(self.data))

    def new_session(self, peer: str) -> ResponderSession:
        reply = self.data
        return TransformSession(lambda data, now: reply, self.options)

    def describe(self) -> str:
        return f"reply {shown(self.data)} to each message" + self.options.describe()


def upper_ascii(data: bytes, encoding: str = "utf-8") -> bytes:
    """`data` with the ASCII letters a-z of its text upper-cased and every other byte kept.

    In UTF-8, Latin-1 and ASCII a byte below 0x80 is always a character of its own, so
    ``bytes.upper`` is exact. GBK, GB18030 and Big5 reuse 0x40-0x7E as the second byte of
    a double-byte character, and UTF-16 has a letter's byte inside many Chinese characters
    (乡 is 61 4E in UTF-16LE), so those are walked character by character.
    """
    codec = normalize_encoding(encoding)
    if codec in ("utf-16-le", "utf-16-be"):
        return _upper_utf16(data, little_endian=codec == "utf-16-le")
    if codec in ("gbk", "gb18030", "big5"):
        return _upper_double_byte(data, four_byte=codec == "gb18030")
    return data.upper()


def _is_lower(byte: int) -> bool:
    return 0x61 <= byte <= 0x7A


def _upper_utf16(data: bytes, *, little_endian: bool) -> bytes:
    out = bytearray(data)
    low, high = (0, 1) if little_endian else (1, 0)
    for unit in range(0, len(out) - 1, 2):
        if out[unit + high] == 0 and _is_lower(out[unit + low]):
            out[unit + low] -= 0x20
    return bytes(out)


def _upper_double_byte(data: bytes, *, four_byte: bool) -> bytes:
    out = bytearray(data)
    index = 0
    size = len(out)
    while index < size:
        byte = out[index]
        if byte < 0x80:
            if _is_lower(byte):
                out[index] = byte - 0x20
            index += 1
        elif 0x81 <= byte <= 0xFE and index + 1 < size:
            second = out[index + 1]
            if four_byte and 0x30 <= second <= 0x39 and index + 3 < size:
                index += 4
            elif 0x40 <= second <= 0xFE and second != 0x7F:
                index += 2
            else:
                index += 1  # not a valid pair: the next byte is a character of its own
        else:
            index += 1
    return bytes(out)
