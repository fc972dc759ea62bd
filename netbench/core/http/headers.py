"""Header checks the builder runs as the user types, and the charset of a Content-Type.

A CR or LF inside a header would end the header early: the request sent would not be the
one shown. So they are refused, with their position, as are characters that cannot be in
a header name (RFC 9110's token).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.message import Message

from netbench.core.text import QT_TRANSLATE_NOOP

_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")


@dataclass(frozen=True, slots=True)
class HeaderProblem:
    field: str  # "name" or "value"
    position: int
    message: str


def check_header(name: str, value: str) -> HeaderProblem | None:
    """The first problem of a header row, or None."""
    for index, char in enumerate(name):
        if char in "\r\n":
            return HeaderProblem(
                "name",
                index,
                QT_TRANSLATE_NOOP(
                    "HttpHeaders", "a line break in the header name at position {position}"
                ).format(position=index + 1),
            )
    if not name:
        return HeaderProblem("name", 0, QT_TRANSLATE_NOOP("HttpHeaders", "the header has no name"))
    if not _TOKEN.fullmatch(name):
        index = next(i for i, c in enumerate(name) if not _TOKEN.fullmatch(c))
        return HeaderProblem(
            "name",
            index,
            QT_TRANSLATE_NOOP(
                "HttpHeaders", "{char} cannot be in a header name (position {position})"
            ).format(char=repr(name[index]), position=index + 1),
        )
    for index, char in enumerate(value):
        if char in "\r\n\0":
            return HeaderProblem(
                "value",
                index,
                QT_TRANSLATE_NOOP(
                    "HttpHeaders",
                    "a line break or NUL in the value of {name} at position {position}",
                ).format(name=name, position=index + 1),
            )
    return None


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
