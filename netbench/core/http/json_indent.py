"""JSON re-indented token by token, from the start of a body that may be far too big to parse.

``json.loads`` of a 100 MB body holds the interpreter for seconds (its C scanner never
lets another thread run), and the Pretty view shows only the first megabyte anyway. This
formats the first ``limit`` characters straight from the tokens, checking as it goes that
they follow JSON's grammar, so it stops early, runs on a worker thread without starving
the window, and still refuses what is not JSON. For a whole, valid document its output is
``json.dumps(json.loads(text), indent=2)`` with strings and numbers kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r'[ \t\r\n]*(?:("(?:[^"\\\x00-\x1f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*")'
    r"|(\{[ \t\r\n]*\}|\[[ \t\r\n]*\])"  # {} and [] stay on one line
    r"|([{}\[\],:])"
    r"|(-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null)(?![\w.+-]))"
)
# What the end of a partial body may cut: a string not closed yet, or a short scalar.
_CUT_TOKEN = re.compile(
    r'"(?:[^"\\\x00-\x1f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*(?:\\u?[0-9a-fA-F]{0,3})?'
    r"|-?[0-9.eE+-]*|t(?:r(?:ue?)?)?|f(?:a(?:l(?:se?)?)?)?|n(?:u(?:ll?)?)?"
)
_CLOSE = {"{": "}", "[": "]"}

# What may come next: a value, an object key, the colon after a key, a comma or a close.
VALUE, KEY, COLON, NEXT, END = range(5)


class JsonIndentError(ValueError):
    """Not JSON: ``position`` is where in the text the grammar broke."""

    def __init__(self, position: int) -> None:
        super().__init__(f"not JSON at character {position}")
        self.position = position


@dataclass(frozen=True, slots=True)
class Indented:
    text: str
    complete: bool  # the whole input was formatted (not cut at ``limit`` or a partial input)


class _Writer:
    def __init__(self, indent: int) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.indent = indent
        self.stack: list[str] = []

    def put(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)

    def newline(self) -> None:
        self.put("\n" + " " * (self.indent * len(self.stack)))


def indent_json(text: str, limit: int = -1, final: bool = True, indent: int = 2) -> Indented:
    """Format ``text`` up to ``limit`` characters of output (-1: all).

    ``final`` False: ``text`` is the start of a longer body, so running out in the middle
    of a token or a container is the end of what was read, not an error.
    """
    out = _Writer(indent)
    state, position, length = VALUE, 0, len(text)
    while limit < 0 or out.size < limit:
        match = _TOKEN.match(text, position)
        if match is None:
            at = _skip_space(text, position)
            if not final and _CUT_TOKEN.fullmatch(text, at):  # cut where the read ended
                return Indented(_cut("".join(out.parts), limit), False)
            raise JsonIndentError(at)
        position = match.end()
        if not final and match.group(3) in _CLOSE and _skip_space(text, position) == length:
            break  # "[" at the very end of the read: "[]" or "[\n  …", not known yet
        state = _step(out, state, match)
        if state < 0:
            raise JsonIndentError(match.start(match.lastindex or 0))
        if state == END and not out.stack:
            after = _skip_space(text, position)
            if after != length:
                raise JsonIndentError(after)
            return Indented(_cut("".join(out.parts), limit), final)
    return Indented(_cut("".join(out.parts), limit), False)


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def _cut(text: str, limit: int) -> str:
    return text if limit < 0 else text[:limit]


def _step(out: _Writer, state: int, match: re.Match[str]) -> int:
    """Write one token; the state after it, or -1 when it may not come here."""
    string, empty, mark, scalar = match.groups()
    if state == KEY and string is not None:
        out.put(string)
        return COLON
    if mark is None:  # a value: a string, a number, a literal, {} or []
        if state != VALUE:
            return -1
        out.put(string or scalar or empty[0] + empty[-1])
        return _after_value(out)
    if mark == ":":
        if state != COLON:
            return -1
        out.put(": ")
        return VALUE
    if mark == ",":
        if state != NEXT:
            return -1
        out.put(",")
        out.newline()
        return KEY if out.stack[-1] == "{" else VALUE
    if mark in _CLOSE:
        if state != VALUE:
            return -1
        out.put(mark)
        out.stack.append(mark)
        out.newline()
        return KEY if mark == "{" else VALUE
    if state != NEXT or _CLOSE[out.stack[-1]] != mark:  # a closing bracket
        return -1
    out.stack.pop()
    out.newline()
    out.put(mark)
    return _after_value(out)


def _after_value(out: _Writer) -> int:
    return NEXT if out.stack else END
