"""Header checks the builder runs as the user types, and the charset of a Content-Type.

A CR or LF inside a header would end the header early: the request sent would not be the
one shown. So they are refused, with their position, as are characters that cannot be in
a header name (RFC 9110's token).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.message import Message

from netbench.core.text import QT_TRANSLATE_NOOP, Text

_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")


@dataclass(frozen=True, slots=True)
class HeaderProblem:
    field: str  # "name" or "value"
    position: int
    message: str


def check_header(name: str, value: str) -> HeaderProblem | None:
    """The first problem of a header row, or None."""
    index = _first_of(name, "\r\n")
    if index >= 0:
        return _problem_at(
            "name",
            index,
            QT_TRANSLATE_NOOP(
                "HttpHeaders", "a line break in the header name at position {position}"
            ),
        )
    if not name:
        return HeaderProblem("name", 0, QT_TRANSLATE_NOOP("HttpHeaders", "the header has no name"))
    if not _TOKEN.fullmatch(name):
        index = next(i for i, c in enumerate(name) if not _TOKEN.fullmatch(c))
        return _problem_at(
            "name",
            index,
            QT_TRANSLATE_NOOP(
                "HttpHeaders", "{char} cannot be in a header name (position {position})"
            ),
            char=repr(name[index]),
        )
    index = _first_of(value, "\r\n\0")
    if index >= 0:
        return _problem_at(
            "value",
            index,
            QT_TRANSLATE_NOOP(
                "HttpHeaders",
                "a line break or NUL in the value of {name} at position {position}",
            ),
            name=name,
        )
    return None


def _first_of(text: str, chars: str) -> int:
    """The index of the first of ``chars`` in ``text``, or -1."""
    return next((index for index, char in enumerate(text) if char in chars), -1)


def _problem_at(field: str, index: int, template: Text, **values: object) -> HeaderProblem:
    """A problem at ``index`` (0-based, for the cursor); its words count from 1, as a
    person does."""
    return HeaderProblem(field, index, template.format(position=index + 1, **values))


def charset_of(content_type: str, default: str = "") -> str:
    """The charset parameter of a Content-Type value, lower case (``default`` if none)."""
    message = Message()
    message["content-type"] = content_type
    charset = message.get_param("charset")
    if isinstance(charset, str) and charset.strip():
        return charset.strip().strip('"').lower()
    return default


def media_type(content_type: str) -> str:
    return content_type.partition(";")[0].strip().lower()
