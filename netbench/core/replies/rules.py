"""Replies by rules: "if the message starts with PING, reply PONG {counter}".

A rule's pattern and template are typed like the send box in escape mode; each rule is
compiled (and checked, with the rule number and position of a mistake) before the server
runs, so a peer never meets a half-valid rule.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import ClassVar, TypeAlias

# Matching with a time limit: re cannot stop a catastrophic backtrack such as (a+)+$ on
# "aaaa…!", which froze the window for good.
import regex

from netbench.core.encodings import normalize_encoding
from netbench.core.errors import MessageError, PayloadError
from netbench.core.escapes import decode_escapes
from netbench.core.payload import parse_hex
from netbench.core.replies.responder import (
    NO_OPTIONS,
    Action,
    Note,
    ReplyOptions,
    ResponderKind,
    ResponderSession,
    shown,
)
from netbench.core.replies.simple import upper_ascii
from netbench.core.text import QT_TRANSLATE_NOOP, message_of, plural


class MatchKind(StrEnum):
    """How a rule's pattern is compared with a frame."""

    EXACT = "exact"  # the frame is exactly the pattern (escapes allowed, e.g. "PING\r\n")
    PREFIX = "prefix"  # the frame starts with the pattern
    CONTAINS = "contains"  # the pattern occurs anywhere in the frame
    REGEX = "regex"  # a regex search on the frame decoded as text, with a time limit
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


class RuleError(MessageError, ValueError):
    """A rule that cannot be used, with where the problem is for the editor to show.

    `rule` is 1-based, as rules are numbered on screen; `field` is "match", "pattern",
    "template" or "encoding"; `position` is the 0-based character position in that field,
    or None when the whole field is wrong.
    """

    def __init__(self, message: str, rule: int, field: str, position: int | None) -> None:
        super().__init__(message)
        self.rule = rule
        self.field = field
        self.position = position

    def __reduce__(self) -> tuple[type[RuleError], tuple[str, int, str, int | None]]:
        return (type(self), (self.message, self.rule, self.field, self.position))


# How long one regular expression may search one message before it is given up.
REGEX_TIMEOUT = 0.1
# A group holding a quantifier that is itself quantified: (a+)+, (\w*)*, (x{2,})+ ...
_NESTED_QUANTIFIER = re.compile(r"\((?:[^()\\]|\\.)*[+*}](?:\?|\+)?\)(?:[+*]|\{\d*,)")


def nested_quantifier(pattern: str) -> bool:
    """Whether ``pattern`` repeats a group that repeats: the shape of catastrophic
    backtracking, for the rule editor to warn about as the user types."""
    return _NESTED_QUANTIFIER.search(pattern) is not None


def risky_rule_lines(text: str) -> list[int]:
    """The numbers (from 1) of the lines ``regex PATTERN => REPLY`` in the rule editor's
    text whose pattern nests quantifiers."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        kind_name, _, pattern = line.partition(" => ")[0].strip().partition(" ")
        if kind_name.lower() == MatchKind.REGEX.value and nested_quantifier(pattern):
            found.append(number)
    return found


class RegexTimeoutError(Exception):
    """A rule's regular expression ran out of time on a message."""


# A compiled template: literal bytes, or the name of a placeholder.
_Template: TypeAlias = tuple[bytes | str, ...]


@dataclass(frozen=True, slots=True)
class _CompiledRule:
    match: MatchKind
    needle: bytes
    regex: regex.Pattern[str] | None
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
                try:
                    return self.regex.search(text, timeout=REGEX_TIMEOUT) is not None
                except TimeoutError:
                    raise RegexTimeoutError from None
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
    compiled = None
    try:
        if match is MatchKind.REGEX:
            re.compile(rule.pattern)  # re's error positions are the ones people know
            compiled = regex.compile(rule.pattern, regex.VERSION0)
        elif match in (MatchKind.HEX, MatchKind.HEX_PREFIX):
            needle = parse_hex(rule.pattern)
        else:
            needle = decode_escapes(rule.pattern, codec)
    except (re.error, regex.error) as error:
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
    return _CompiledRule(match, needle, compiled, template, codec, bool(rule.close))


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
    """A responder's rules for one peer, with what they remember of it: how many messages
    came (``{counter}``), and the rules that ran out of time on its messages."""

    __slots__ = ("_counter", "_peer", "_responder", "_skipped")

    def __init__(self, responder: RulesResponder, peer: str) -> None:
        self._responder = responder
        self._peer = peer
        self._counter = 0
        self._skipped: set[int] = set()  # rules that ran out of time on this peer

    def on_frame(self, data: bytes, now: float) -> list[Action]:
        self._counter += 1
        texts: dict[str, str] = {}
        notes: list[Action] = []
        responder = self._responder
        for number, rule in enumerate(responder._compiled, 1):
            if number in self._skipped:
                continue
            try:
                matched = rule.matches(data, texts)
            except RegexTimeoutError:
                # One slow rule must not freeze the listener: skip it for this peer.
                self._skipped.add(number)
                notes.append(Note(_timed_out(number)))
                continue
            if matched:
                reply = self._render(rule, data, now) if rule.template else None
                return notes + responder.options.actions(reply, close=rule.close)
        return notes + responder.options.actions(responder.fallback)

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


def _timed_out(number: int) -> str:
    return QT_TRANSLATE_NOOP(
        "Responders",
        "rule {number}: its regular expression took more than {seconds:g} s on a message "
        "from this peer and was stopped; it is skipped for this peer from now on (a repeat "
        "that can match the same text in many ways, such as (a|aa)+, backtracks without end)",
    ).format(number=number, seconds=REGEX_TIMEOUT)


@dataclass(frozen=True, slots=True)
class RulesResponder:
    """Reply by the first rule whose pattern matches; `fallback` (or nothing) otherwise.

    Every rule is checked on construction, so a mistake is reported with its rule number
    and position before the server runs, never while a peer is talking.
    """

    rules: tuple[Rule, ...]
    fallback: bytes | None = None
    options: ReplyOptions = NO_OPTIONS
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
        return _RulesSession(self, peer)

    def describe(self) -> str:
        otherwise = "no reply" if self.fallback is None else f"reply {shown(self.fallback)}"
        return (
            f"reply by {plural(len(self.rules), 'rule')}, otherwise {otherwise}"
            + self.options.describe()
        )
