"""Automatic replies for the Server tab: echo, time stamps, fixed text, rules, static HTTP.

The servers people learn sockets from each answer in one fixed way: echo with the time in
front, echo in upper case, "your data was N bytes", a fixed "Receive your message", a page
over HTTP. A responder plays any of them, so the user can point a client (theirs or
netbench's) at it without writing a server first.

A responder is the user's configuration; the net layer asks it for one session per
connection (per peer address for datagram sockets), so state such as the ``{counter}`` of
a rule or a half-received HTTP request belongs to one peer only. Sessions are pure: they
get each frame and the wall-clock time from the caller and return actions, so tests need
no sockets, no clock and no waiting.

How the driver performs actions, so delays and closes mean one thing everywhere:

- Actions run in order, per connection. Each waits its ``delay`` after the previous action
  was performed, and the actions of a later frame queue behind those of an earlier one,
  so a delayed reply is never overtaken.
- ``CloseConnection`` closes after everything before it has been written. On a datagram
  socket there is no connection; it ends that peer's session instead.
- Peer data never makes a session raise: whatever arrives gets a reply, an error page or
  nothing.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from enum import StrEnum
from pathlib import Path
from typing import Any, ClassVar, Protocol, TypeAlias

from netbench.core.encodings import normalize_encoding
from netbench.core.errors import PayloadError
from netbench.core.escapes import decode_escapes, encode_escapes
from netbench.core.http_static import HttpResponse, StaticHttpConnection, StaticSite
from netbench.core.payload import parse_hex
from netbench.core.resources import resource_path
from netbench.core.text import QT_TRANSLATE_NOOP, message_of

__all__ = [
    "PLACEHOLDERS",
    "Action",
    "ByteCountResponder",
    "CloseConnection",
    "EchoResponder",
    "FixedResponder",
    "HttpStaticResponder",
    "MatchKind",
    "NoReply",
    "Reply",
    "ReplyOptions",
    "Responder",
    "ResponderKind",
    "ResponderSession",
    "Rule",
    "RuleError",
    "RulesResponder",
    "TimestampResponder",
    "UpperEchoResponder",
    "default_site_dir",
    "make_responder",
    "responder_settings",
    "upper_ascii",
]


# --- actions and protocols -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Reply:
    """Send `data` after waiting `delay` seconds."""

    data: bytes
    delay: float = 0.0


@dataclass(frozen=True, slots=True)
class CloseConnection:
    """Close the connection after waiting `delay` seconds (once earlier replies are sent)."""

    delay: float = 0.0


Action: TypeAlias = Reply | CloseConnection


class ResponderSession(Protocol):
    """What one connection's automatic replies remember between frames."""

    def on_frame(self, data: bytes, now: float) -> list[Action]:
        """The actions for one received frame; `now` is ``time.time()`` at its arrival."""
        ...

    def on_end(self) -> list[Action]:
        """The peer finished sending (end of stream): anything left to say or do."""
        return []


class ResponderKind(StrEnum):
    """Which automatic reply the Server tab is set to."""

    NONE = "none"
    ECHO = "echo"
    UPPER = "upper"
    TIMESTAMP = "timestamp"
    BYTE_COUNT = "byte_count"
    FIXED = "fixed"
    RULES = "rules"
    HTTP_STATIC = "http_static"

    @property
    def label(self) -> str:
        """A short name for a menu."""
        return _KIND_LABELS[self]


_KIND_LABELS: dict[ResponderKind, str] = {
    ResponderKind.NONE: "No reply",
    ResponderKind.ECHO: "Echo",
    ResponderKind.UPPER: "Echo in upper case",
    ResponderKind.TIMESTAMP: "Time stamp and echo",
    ResponderKind.BYTE_COUNT: "Byte count",
    ResponderKind.FIXED: "Fixed reply",
    ResponderKind.RULES: "Rules",
    ResponderKind.HTTP_STATIC: "HTTP static files",
}


class Responder(Protocol):
    """A configured automatic reply: immutable, and shared by every connection."""

    @property
    def kind(self) -> ResponderKind: ...

    def new_session(self, peer: str) -> ResponderSession:
        """Fresh per-connection state; `peer` is the address as the transcript shows it."""
        ...

    def describe(self) -> str:
        """One line for the status bar, e.g. "echo each message back"."""
        ...


@dataclass(frozen=True, slots=True)
class ReplyOptions:
    """Settings every responder shares.

    ``suffix`` is appended to each reply: with delimiter framing that strips the line
    ending, an echo would otherwise come back without one and a line-reading client would
    wait forever.
    """

    delay: float = 0.0
    close_after_reply: bool = False
    suffix: bytes = b""

    def __post_init__(self) -> None:
        if not (math.isfinite(self.delay) and self.delay >= 0):
            raise ValueError(f"the reply delay must be 0 seconds or more, got {self.delay}")
        if not isinstance(self.suffix, bytes):
            raise ValueError(f"the reply suffix must be bytes, got {type(self.suffix).__name__}")

    def describe(self) -> str:
        """The options as a phrase to append to a responder's description, or ""."""
        parts = []
        if self.suffix:
            parts.append(f"each reply ends with {_shown(self.suffix)}")
        if self.delay:
            parts.append(f"replies wait {self.delay:g} s")
        if self.close_after_reply:
            parts.append("the connection is closed after a reply")
        return "; " + ", ".join(parts) if parts else ""

    def actions(self, data: bytes | None, *, close: bool = False) -> list[Action]:
        """The actions for one reply (None: no reply), with these options applied."""
        if data is None:
            return [CloseConnection(self.delay)] if close else []
        actions: list[Action] = [Reply(data + self.suffix, self.delay)]
        if close or self.close_after_reply:
            actions.append(CloseConnection())
        return actions


_NO_OPTIONS = ReplyOptions()


def _shown(data: bytes, limit: int = 40) -> str:
    """Bytes as the user would type them, quoted and shortened for a one-line label."""
    text = encode_escapes(data, "utf-8")
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f'"{text}"'


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"


class _TransformSession(ResponderSession):
    """A session whose reply depends only on the frame and the time."""

    __slots__ = ("_options", "_transform")

    def __init__(self, transform: Callable[[bytes, float], bytes], options: ReplyOptions) -> None:
        self._transform = transform
        self._options = options

    def on_frame(self, data: bytes, now: float) -> list[Action]:
        return self._options.actions(self._transform(data, now))


class _SilentSession(ResponderSession):
    __slots__ = ()

    def on_frame(self, data: bytes, now: float) -> list[Action]:
        return []


# --- simple responders ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NoReply:
    """Receive and show only, like the tutorials' print-what-arrives Unix socket server."""

    options: ReplyOptions = _NO_OPTIONS
    kind: ClassVar[ResponderKind] = ResponderKind.NONE

    def new_session(self, peer: str) -> ResponderSession:
        return _SilentSession()

    def describe(self) -> str:
        return "no automatic reply"


@dataclass(frozen=True, slots=True)
class EchoResponder:
    """Send every message back unchanged."""

    options: ReplyOptions = _NO_OPTIONS
    kind: ClassVar[ResponderKind] = ResponderKind.ECHO

    def new_session(self, peer: str) -> ResponderSession:
        return _TransformSession(lambda data, now: data, self.options)

    def describe(self) -> str:
        return "echo each message back" + self.options.describe()


@dataclass(frozen=True, slots=True)
class UpperEchoResponder:
    """Send every message back with ASCII letters in upper case (``data.upper()``).

    The encoding matters because in GBK, Big5 and UTF-16 the bytes of a Chinese character
    can look like ASCII letters, and upper-casing those would corrupt the character.
    """

    options: ReplyOptions = _NO_OPTIONS
    encoding: str = "utf-8"
    kind: ClassVar[ResponderKind] = ResponderKind.UPPER

    def __post_init__(self) -> None:
        object.__setattr__(self, "encoding", normalize_encoding(self.encoding))

    def new_session(self, peer: str) -> ResponderSession:
        codec = self.encoding
        return _TransformSession(lambda data, now: upper_ascii(data, codec), self.options)

    def describe(self) -> str:
        return "echo each message back in upper case" + self.options.describe()


@dataclass(frozen=True, slots=True)
class TimestampResponder:
    """Echo with the local time in front: ``[Sun Nov 22 02:20:42 2026] message``.

    The classic time-stamp server from Core Python Programming replies
    ``'[%s] %s' % (ctime(), data)``; this gives byte for byte the same. For the variant
    without brackets (``ctime() + data``) use a rule with the template ``{time}{data}``.
    """

    options: ReplyOptions = _NO_OPTIONS
    encoding: str = "utf-8"
    kind: ClassVar[ResponderKind] = ResponderKind.TIMESTAMP

    def __post_init__(self) -> None:
        object.__setattr__(self, "encoding", normalize_encoding(self.encoding))

    def new_session(self, peer: str) -> ResponderSession:
        codec = self.encoding
        return _TransformSession(
            lambda data, now: f"[{time.ctime(now)}] ".encode(codec) + data, self.options
        )

    def describe(self) -> str:
        return "echo each message with the time in front" + self.options.describe()


@dataclass(frozen=True, slots=True)
class ByteCountResponder:
    """Reply ``your data was N bytes``, like the UDP server in Foundations of Python
    Network Programming (the grammar is theirs, "1 bytes" included, so output matches)."""

    options: ReplyOptions = _NO_OPTIONS
    encoding: str = "utf-8"
    kind: ClassVar[ResponderKind] = ResponderKind.BYTE_COUNT

    def __post_init__(self) -> None:
        object.__setattr__(self, "encoding", normalize_encoding(self.encoding))

    def new_session(self, peer: str) -> ResponderSession:
        codec = self.encoding
        return _TransformSession(
            lambda data, now: f"your data was {len(data)} bytes".encode(codec), self.options
        )

    def describe(self) -> str:
        return 'reply "your data was N bytes"' + self.options.describe()


@dataclass(frozen=True, slots=True)
class FixedResponder:
    """Reply the same bytes to every message, e.g. ``Receive your message``."""

    data: bytes
    options: ReplyOptions = _NO_OPTIONS
    kind: ClassVar[ResponderKind] = ResponderKind.FIXED

    def __post_init__(self) -> None:
        if not isinstance(self.data, bytes | bytearray | memoryview):
            raise ValueError(f"the fixed reply must be bytes, got {type(self.data).__name__}")
        object.__setattr__(self, "data", bytes(self.data))

    def new_session(self, peer: str) -> ResponderSession:
        reply = self.data
        return _TransformSession(lambda data, now: reply, self.options)

    def describe(self) -> str:
        return f"reply {_shown(self.data)} to each message" + self.options.describe()


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


# --- rules ---------------------------------------------------------------------------------


class MatchKind(StrEnum):
    """How a rule's pattern is compared with a frame."""

    EXACT = "exact"  # the frame is exactly the pattern (escapes allowed, e.g. "PING\r\n")
    PREFIX = "prefix"  # the frame starts with the pattern
    CONTAINS = "contains"  # the pattern occurs anywhere in the frame
    REGEX = "regex"  # re.search on the frame decoded as text
    HEX = "hex"  # the bytes written in hex ("01 03") occur anywhere in the frame
    HEX_PREFIX = "hex_prefix"  # the frame starts with the bytes written in hex


_MATCH_LABELS: dict[MatchKind, str] = {
    MatchKind.EXACT: "is",
    MatchKind.PREFIX: "starts with",
    MatchKind.CONTAINS: "contains",
    MatchKind.REGEX: "matches",
    MatchKind.HEX: "contains hex",
    MatchKind.HEX_PREFIX: "starts with hex",
}

PLACEHOLDERS: dict[str, str] = {
    "data": "the message, byte for byte",
    "upper": "the message with ASCII letters in upper case",
    "hex": "the message as hex digits",
    "len": "the message's length in bytes",
    "time": "the local time, as time.ctime() writes it",
    "counter": "how many messages this connection has sent, from 1",
    "peer": "the peer's address",
}


@dataclass(frozen=True, slots=True)
class Rule:
    """If a frame matches `pattern`, reply with `template`.

    Patterns and templates are typed like the send box in escape mode (``\\r\\n``,
    ``\\xNN``, ``\\u4e2d``) and encoded with `encoding`; a template's placeholders
    (``{data}``, ``{counter}``... see PLACEHOLDERS, ``{{`` and ``}}`` for braces) are
    filled with bytes after the escapes were read, so a message holding ``{`` or ``\\n``
    is sent back as it came. An empty template sends nothing, for "ignore" and (with
    `close`) "hang up" rules. A rule is plain data until a RulesResponder checks it, so
    an editor can hold a half-typed one.
    """

    match: MatchKind
    pattern: str
    template: str
    encoding: str = "utf-8"
    close: bool = False

    def validate(self, number: int = 1) -> None:
        """Raise RuleError (a ValueError) for the first problem; `number` is 1-based."""
        _compile_rule(self, number)

    def describe(self) -> str:
        """The rule as a sentence, for a tooltip over the rules table."""
        label = _MATCH_LABELS.get(self.match, str(self.match))
        return f"if the message {label} {self.pattern!r}, reply {self.template!r}"


class RuleError(ValueError):
    """A rule that cannot be used, with where the problem is for the editor to show.

    `rule` is 1-based, as rules are numbered on screen; `field` is "match", "pattern",
    "template" or "encoding"; `position` is the 0-based character position in that field,
    or None when the whole field is wrong.
    """

    def __init__(self, message: str, rule: int, field: str, position: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.rule = rule
        self.field = field
        self.position = position

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[type[RuleError], tuple[str, int, str, int | None]]:
        return (type(self), (self.message, self.rule, self.field, self.position))


# A compiled template: literal bytes, or the name of a placeholder.
_Template: TypeAlias = tuple[bytes | str, ...]


@dataclass(frozen=True, slots=True)
class _CompiledRule:
    match: MatchKind
    needle: bytes
    regex: re.Pattern[str] | None
    template: _Template
    codec: str
    close: bool

    def matches(self, data: bytes, texts: dict[str, str]) -> bool:
        match self.match:
            case MatchKind.EXACT:
                return data == self.needle
            case MatchKind.PREFIX | MatchKind.HEX_PREFIX:
                return data.startswith(self.needle)
            case MatchKind.CONTAINS | MatchKind.HEX:
                return self.needle in data
            case MatchKind.REGEX:
                assert self.regex is not None
                text = texts.get(self.codec)
                if text is None:
                    # Undecodable bytes become U+FFFD, so a regex still sees the rest.
                    text = texts[self.codec] = data.decode(self.codec, "replace")
                return self.regex.search(text) is not None
        return False  # pragma: no cover - every kind is handled above


# The fields of a rule, as a rule error names them.
_FIELD_LABELS: dict[str, str] = {
    "match": QT_TRANSLATE_NOOP("Responders", "match"),
    "pattern": QT_TRANSLATE_NOOP("Responders", "pattern"),
    "template": QT_TRANSLATE_NOOP("Responders", "template"),
    "encoding": QT_TRANSLATE_NOOP("Responders", "encoding"),
}


def _compile_rule(rule: Rule, number: int) -> _CompiledRule:
    def fail(field_name: str, message: str, position: int | None) -> RuleError:
        text = QT_TRANSLATE_NOOP("Responders", "rule {number}, {field}: {problem}").format(
            number=number, field=_FIELD_LABELS[field_name], problem=message
        )
        return RuleError(text, number, field_name, position)

    try:
        match = MatchKind(rule.match)
    except ValueError:
        raise fail(
            "match",
            QT_TRANSLATE_NOOP("Responders", "unknown match kind {kind}").format(
                kind=repr(rule.match)
            ),
            None,
        ) from None
    try:
        codec = normalize_encoding(rule.encoding)
    except ValueError as error:
        raise fail("encoding", message_of(error), None) from None
    needle = b""
    regex = None
    try:
        if match is MatchKind.REGEX:
            regex = re.compile(rule.pattern)
        elif match in (MatchKind.HEX, MatchKind.HEX_PREFIX):
            needle = parse_hex(rule.pattern)
        else:
            needle = decode_escapes(rule.pattern, codec)
    except re.error as error:
        raise fail(
            "pattern",
            QT_TRANSLATE_NOOP("Responders", "invalid regular expression: {reason}").format(
                reason=str(error)
            ),
            error.pos,
        ) from None
    except PayloadError as error:
        raise fail("pattern", error.message, error.position) from None
    template = _compile_template(rule.template, codec, fail)
    return _CompiledRule(match, needle, regex, template, codec, bool(rule.close))


def _template_tokens(
    template: str, fail: Callable[[str, str, int | None], RuleError]
) -> Iterator[tuple[str, int, int]]:
    """(kind, start, end) pieces of a template: "text", "brace" ({{ or }}) or "field"."""
    position = 0
    text_start = 0
    length = len(template)
    while position < length:
        char = template[position]
        if char not in "{}":
            position += 1
            continue
        if text_start < position:
            yield "text", text_start, position
        if template.startswith(char * 2, position):
            yield "brace", position, position + 2
            position += 2
        elif char == "}":
            raise fail(
                "template",
                QT_TRANSLATE_NOOP(
                    "Responders",
                    "'}}' at position {position} has no '{{' (write }}}} for a brace)",
                ).format(position=position),
                position,
            )
        else:
            end = template.find("}", position)
            if end < 0:
                raise fail(
                    "template",
                    QT_TRANSLATE_NOOP(
                        "Responders",
                        "'{{' at position {position} is not closed (write {{{{ for a brace)",
                    ).format(position=position),
                    position,
                )
            name = template[position + 1 : end]
            if name not in PLACEHOLDERS:
                known = ", ".join(f"{{{known}}}" for known in PLACEHOLDERS)
                raise fail(
                    "template",
                    QT_TRANSLATE_NOOP(
                        "Responders",
                        "unknown placeholder {name} at position {position}; use {known}",
                    ).format(name="{" + name + "}", position=position, known=known),
                    position,
                )
            yield "field", position, end + 1
            position = end + 1
        text_start = position
    if text_start < length:
        yield "text", text_start, length


def _compile_template(
    template: str, codec: str, fail: Callable[[str, str, int | None], RuleError]
) -> _Template:
    """Split a template into literal bytes and placeholders before any data is seen.

    The escapes are read here, once, so the bytes a placeholder brings in later are never
    read as escapes or placeholders themselves.
    """
    tokens = list(_template_tokens(template, fail))
    for kind, start, end in tokens:
        trailing = len(template[start:end]) - len(template[start:end].rstrip("\\"))
        if kind == "text" and trailing % 2 and end < len(template):
            raise fail(
                "template",
                QT_TRANSLATE_NOOP(
                    "Responders",
                    "a backslash cannot escape a brace (position {position}); "
                    "write {{{{ or }}}} for a brace",
                ).format(position=end - 1),
                end - 1,
            )
    # Checked on the whole template with the placeholders blanked out, so an error names
    # its position in the text the user typed.
    masked = "".join(
        template[start:end] if kind == "text" else " " * (end - start)
        for kind, start, end in tokens
    )
    try:
        decode_escapes(masked, codec)
    except PayloadError as error:
        raise fail("template", error.message, error.position) from None
    parts: list[bytes | str] = []
    for kind, start, end in tokens:
        if kind == "field":
            parts.append(template[start + 1 : end - 1])
            continue
        if kind == "brace":
            literal = template[start].encode(codec)
        else:
            literal = decode_escapes(template[start:end], codec)
        if parts and isinstance(parts[-1], bytes):
            parts[-1] += literal
        else:
            parts.append(literal)
    return tuple(parts)


class _RulesSession(ResponderSession):
    __slots__ = ("_counter", "_fallback", "_options", "_peer", "_rules")

    def __init__(
        self,
        rules: tuple[_CompiledRule, ...],
        fallback: bytes | None,
        options: ReplyOptions,
        peer: str,
    ) -> None:
        self._rules = rules
        self._fallback = fallback
        self._options = options
        self._peer = peer
        self._counter = 0

    def on_frame(self, data: bytes, now: float) -> list[Action]:
        self._counter += 1
        texts: dict[str, str] = {}
        for rule in self._rules:
            if rule.matches(data, texts):
                reply = self._render(rule, data, now) if rule.template else None
                return self._options.actions(reply, close=rule.close)
        return self._options.actions(self._fallback)

    def _render(self, rule: _CompiledRule, data: bytes, now: float) -> bytes:
        out = bytearray()
        for part in rule.template:
            if isinstance(part, bytes):
                out += part
            elif part == "data":
                out += data
            elif part == "upper":
                out += upper_ascii(data, rule.codec)
            else:
                out += self._field_text(part, data, now).encode(rule.codec, "backslashreplace")
        return bytes(out)

    def _field_text(self, name: str, data: bytes, now: float) -> str:
        if name == "hex":
            return data.hex(" ")
        if name == "len":
            return str(len(data))
        if name == "time":
            return time.ctime(now)
        if name == "counter":
            return str(self._counter)
        return self._peer


@dataclass(frozen=True, slots=True)
class RulesResponder:
    """Reply by the first rule whose pattern matches; `fallback` (or nothing) otherwise.

    Every rule is checked on construction, so a mistake is reported with its rule number
    and position before the server runs, never while a peer is talking.
    """

    rules: tuple[Rule, ...]
    fallback: bytes | None = None
    options: ReplyOptions = _NO_OPTIONS
    kind: ClassVar[ResponderKind] = ResponderKind.RULES
    _compiled: tuple[_CompiledRule, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        rules = tuple(self.rules)
        object.__setattr__(self, "rules", rules)
        compiled = tuple(_compile_rule(rule, number) for number, rule in enumerate(rules, 1))
        object.__setattr__(self, "_compiled", compiled)
        if self.fallback is not None:
            if not isinstance(self.fallback, bytes | bytearray | memoryview):
                raise ValueError(
                    f"the fallback reply must be bytes, got {type(self.fallback).__name__}"
                )
            object.__setattr__(self, "fallback", bytes(self.fallback))

    def new_session(self, peer: str) -> ResponderSession:
        return _RulesSession(self._compiled, self.fallback, self.options, peer)

    def describe(self) -> str:
        otherwise = "no reply" if self.fallback is None else f"reply {_shown(self.fallback)}"
        return (
            f"reply by {_plural(len(self.rules), 'rule')}, otherwise {otherwise}"
            + self.options.describe()
        )


# --- HTTP ------------------------------------------------------------------------------------


def default_site_dir() -> Path:
    """The bundled "It works" page, served when the user has not picked a folder."""
    return resource_path("site")


class _HttpSession(ResponderSession):
    __slots__ = ("_connection", "_delay")

    def __init__(self, site: StaticSite, options: ReplyOptions) -> None:
        self._connection = StaticHttpConnection(
            site, close_after_response=options.close_after_reply
        )
        self._delay = options.delay

    def on_frame(self, data: bytes, now: float) -> list[Action]:
        return self._actions(self._connection.receive(data, now))

    def on_end(self) -> list[Action]:
        if self._connection.closed:
            return []
        actions = self._actions(self._connection.end())
        if not actions or not isinstance(actions[-1], CloseConnection):
            # Every request so far has been answered and no more can come.
            actions.append(CloseConnection())
        return actions

    def _actions(self, responses: list[HttpResponse]) -> list[Action]:
        actions: list[Action] = []
        for response in responses:
            actions.append(Reply(response.data, self._delay))
            if response.close:
                actions.append(CloseConnection())
        return actions


@dataclass(frozen=True, slots=True)
class HttpStaticResponder:
    """Serve the files of `root` over HTTP/1.1 (GET and HEAD), like ``python -m http.server``.

    Needs raw framing: HTTP finds its own message boundaries in the byte stream. The
    options' delay applies to each response and "close after reply" sends
    ``Connection: close``; a suffix is refused, since bytes after a response would be read
    as the start of the next one.
    """

    root: Path
    index: str = "index.html"
    options: ReplyOptions = _NO_OPTIONS
    kind: ClassVar[ResponderKind] = ResponderKind.HTTP_STATIC
    _site: StaticSite = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        site = StaticSite(Path(self.root), self.index)
        object.__setattr__(self, "root", site.root)
        object.__setattr__(self, "_site", site)
        if self.options.suffix:
            raise ValueError(
                "an HTTP responder cannot add a suffix: it would corrupt the next response"
            )

    def new_session(self, peer: str) -> ResponderSession:
        return _HttpSession(self._site, self.options)

    def describe(self) -> str:
        return f"serve the files in {self.root} over HTTP" + self.options.describe()


# --- factory ---------------------------------------------------------------------------------

_RESPONDER_CLASSES: dict[ResponderKind, type[Any]] = {
    ResponderKind.NONE: NoReply,
    ResponderKind.ECHO: EchoResponder,
    ResponderKind.UPPER: UpperEchoResponder,
    ResponderKind.TIMESTAMP: TimestampResponder,
    ResponderKind.BYTE_COUNT: ByteCountResponder,
    ResponderKind.FIXED: FixedResponder,
    ResponderKind.RULES: RulesResponder,
    ResponderKind.HTTP_STATIC: HttpStaticResponder,
}


def responder_settings(kind: ResponderKind | str) -> tuple[str, ...]:
    """The keyword settings `make_responder` takes for `kind`, for a settings form."""
    cls = _RESPONDER_CLASSES[ResponderKind(kind)]
    return tuple(item.name for item in fields(cls) if item.init)


def make_responder(kind: ResponderKind | str, **params: Any) -> Responder:
    """Build the responder of `kind` from the settings a form collected.

    Raises ValueError (RuleError for a bad rule) with a message the UI can show. An HTTP
    responder without a `root` serves the bundled "It works" page.
    """
    try:
        kind = ResponderKind(kind)
    except ValueError:
        raise ValueError(f"unknown responder kind {kind!r}") from None
    accepted = responder_settings(kind)
    unknown = sorted(set(params) - set(accepted))
    if unknown:
        raise ValueError(
            f"{kind.label} has no setting {unknown[0]!r}; it takes {', '.join(accepted)}"
        )
    if kind is ResponderKind.HTTP_STATIC and params.get("root") is None:
        params["root"] = default_site_dir()
    if kind is ResponderKind.FIXED and "data" not in params:
        raise ValueError("a fixed reply needs the bytes to send")
    if kind is ResponderKind.RULES and "rules" not in params:
        params["rules"] = ()
    responder: Responder = _RESPONDER_CLASSES[kind](**params)
    return responder
