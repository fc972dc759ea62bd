"""Checking a saved message's fields, as the editor builds one or a file brings it.

Every problem is a :class:`~netbench.core.saved_messages.FieldError` naming the field, or
a SnippetError for the user; a snippet that could not be sent (bad hex, a character the
encoding lacks) never gets past here.
"""

from __future__ import annotations

import json
import unicodedata
from datetime import datetime
from typing import Any, TypeVar

from netbench.core.checksum import (
    MAX_SKIP,
    NO_CHECKSUM,
    ByteOrder,
    Checksum,
    ChecksumError,
    ChecksumSpec,
    Placement,
)
from netbench.core.encodings import DEFAULT_ENCODING, SUPPORTED_ENCODINGS, find_encoding
from netbench.core.errors import PayloadError, SnippetError
from netbench.core.payload import InputMode, LineEnding
from netbench.core.saved_messages import (
    FIRST_SEND,
    FieldError,
    Snippet,
    checked_name,
    quote,
    timestamp,
)
from netbench.core.text import QT_TRANSLATE_NOOP, message_of

_CHECKSUM_FIELDS = ("algorithm", "order", "skip", "placement")
# The moment that first send is rendered at when a snippet is checked (see FIRST_SEND).
_CHECK_WALL = 0.0
_Choice = TypeVar("_Choice", InputMode, LineEnding, Checksum, ByteOrder, Placement)


def make_snippet(
    name: str,
    text: str,
    mode: InputMode | str = InputMode.TEXT,
    encoding: str = DEFAULT_ENCODING,
    line_ending: LineEnding | str = LineEnding.NONE,
    *,
    now: datetime,
    note: str = "",
    checksum: ChecksumSpec = NO_CHECKSUM,
) -> Snippet:
    """A checked snippet created `now`; SnippetError names the field that is wrong."""
    entry: dict[str, Any] = {
        "name": name,
        "text": text,
        "mode": str(mode),
        "encoding": encoding,
        "line_ending": str(line_ending),
        "note": note,
        "created": timestamp(now),
        "modified": timestamp(now),
    }
    if checksum.enabled:
        entry["checksum"] = checksum_entry(checksum)
    try:
        return checked_snippet(entry)
    except FieldError as problem:
        if problem.field == "name":
            message = QT_TRANSLATE_NOOP("Snippets", "The name {problem}").format(
                problem=problem.description
            )
        else:
            message = QT_TRANSLATE_NOOP("Snippets", '"{field}" {problem}').format(
                field=problem.field, problem=problem.description
            )
        raise SnippetError(message, field=problem.field) from None


def checksum_entry(spec: ChecksumSpec) -> dict[str, Any]:
    """The checksum as the file keeps it: the enums' own stable values, null for "usual"."""
    return {
        "algorithm": spec.algorithm.value,
        "order": None if spec.order is None else spec.order.value,
        "skip": spec.skip,
        "placement": spec.placement.value,
    }


def checked_snippet(entry: dict[str, Any]) -> Snippet:
    """A snippet from the fields of `entry`, every one checked; raises FieldError."""
    name = checked_name(string_field(entry, "name", required=True))
    text = string_field(entry, "text", required=True)
    mode = _choice(entry, "mode", InputMode, InputMode.TEXT)
    line_ending = _choice(entry, "line_ending", LineEnding, LineEnding.NONE)
    encoding_name = string_field(entry, "encoding", default=DEFAULT_ENCODING)
    try:
        encoding = find_encoding(encoding_name).codec
    except ValueError:
        supported = ", ".join(encoding.label for encoding in SUPPORTED_ENCODINGS)
        raise FieldError(
            "encoding",
            QT_TRANSLATE_NOOP("Snippets", "is {value}, which is not one of {supported}").format(
                value=shown_value(encoding_name), supported=supported
            ),
        ) from None
    note = string_field(entry, "note")
    if any(unicodedata.category(char) == "Cs" for char in note):
        raise FieldError(
            "note",
            QT_TRANSLATE_NOOP("Snippets", "contains a lone surrogate, which no file can hold"),
        )
    created = _time(entry, "created")
    modified = _time(entry, "modified")
    checksum = _checksum(entry)
    snippet = Snippet(name, text, mode, encoding, line_ending, note, created, modified, checksum)
    try:
        recipe = snippet.recipe()
    except PayloadError as error:
        raise FieldError(
            "text",
            QT_TRANSLATE_NOOP("Snippets", "cannot be sent as {mode}: {problem}").format(
                mode=_MODE_NAMES[mode], problem=message_of(error)
            ),
        ) from None
    try:
        recipe.render(FIRST_SEND, _CHECK_WALL)
    except ChecksumError as error:
        raise FieldError(
            "checksum",
            QT_TRANSLATE_NOOP("Snippets", "cannot be computed over this message: {problem}").format(
                problem=message_of(error)
            ),
        ) from None
    return snippet


def _checksum(entry: dict[str, Any]) -> ChecksumSpec:
    """The entry's checksum (none when it has no "checksum" object); raises FieldError.

    Fields inside it are named "checksum.<field>", so an error points at the very value.
    A byte order is kept only where the result has more than one byte: for the others it
    means nothing, and keeping it would make equal checksums compare unequal.
    """
    if "checksum" not in entry:
        return NO_CHECKSUM
    value = entry["checksum"]
    if not isinstance(value, dict):
        raise FieldError(
            "checksum",
            QT_TRANSLATE_NOOP(
                "Snippets", 'must be an object like {{"algorithm": "crc16-modbus"}}, not {kind}'
            ).format(kind=json_kind(value)),
        )
    unknown = sorted(set(value) - set(_CHECKSUM_FIELDS))
    if unknown:
        raise FieldError(
            f"checksum.{unknown[0]}",
            QT_TRANSLATE_NOOP("Snippets", "is an unknown field; known fields are {known}").format(
                known=", ".join(_CHECKSUM_FIELDS)
            ),
        )
    if "algorithm" not in value:
        raise FieldError("checksum.algorithm", _missing())
    algorithm = _choice(value, "algorithm", Checksum, Checksum.NONE, "checksum.")
    order = None
    if value.get("order") is not None:
        order = _choice(value, "order", ByteOrder, ByteOrder.BIG, "checksum.", or_null=True)
    skip = value.get("skip", 0)
    if isinstance(skip, bool) or not isinstance(skip, int) or not 0 <= skip <= MAX_SKIP:
        raise FieldError(
            "checksum.skip",
            QT_TRANSLATE_NOOP(
                "Snippets", "must be a whole number from 0 to {limit}, not {value}"
            ).format(
                limit=MAX_SKIP, value=shown_value(skip) if _is_json(skip) else json_kind(skip)
            ),
        )
    placement = _choice(value, "placement", Placement, Placement.BEFORE_LINE_ENDING, "checksum.")
    if algorithm is Checksum.NONE:
        return NO_CHECKSUM
    if not algorithm.has_byte_order:
        order = None
    return ChecksumSpec(algorithm, order, skip, placement)


_MODE_NAMES = {
    InputMode.TEXT: QT_TRANSLATE_NOOP("Snippets", "text"),
    InputMode.ESCAPES: QT_TRANSLATE_NOOP("Snippets", "text with escapes"),
    InputMode.HEX: QT_TRANSLATE_NOOP("Snippets", "hex"),
}


def string_field(
    entry: dict[str, Any],
    key: str,
    *,
    required: bool = False,
    default: str = "",
    within: str = "",
) -> str:
    """`entry[key]`, which must be a string; `within` prefixes the field's name in errors."""
    if key not in entry:
        if required:
            raise FieldError(within + key, _missing())
        return default
    value = entry[key]
    if not isinstance(value, str):
        raise FieldError(
            within + key,
            QT_TRANSLATE_NOOP("Snippets", "must be a string, not {kind}").format(
                kind=json_kind(value)
            ),
        )
    return value


def _choice(
    entry: dict[str, Any],
    key: str,
    kind: type[_Choice],
    default: _Choice,
    within: str = "",
    *,
    or_null: bool = False,
) -> _Choice:
    value = string_field(entry, key, default=default.value, within=within)
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(shown_value(member.value) for member in kind)
        if or_null:
            template = QT_TRANSLATE_NOOP(
                "Snippets",
                "is {value}; expected one of {choices} or null (the algorithm's usual order)",
            )
        else:
            template = QT_TRANSLATE_NOOP("Snippets", "is {value}; expected one of {choices}")
        raise FieldError(
            within + key, template.format(value=shown_value(value), choices=choices)
        ) from None


def _time(entry: dict[str, Any], key: str) -> str:
    value = string_field(entry, key)
    if value:
        try:
            datetime.fromisoformat(value)
        except ValueError:
            raise FieldError(
                key,
                QT_TRANSLATE_NOOP(
                    "Snippets", "is {value}, not a time like 2024-05-01T12:30:00+00:00"
                ).format(value=shown_value(value)),
            ) from None
    return value


# -- wording --------------------------------------------------------------------------------


def _missing() -> str:
    return QT_TRANSLATE_NOOP("Snippets", "is missing")


def entry_label(number: int, name: str | None) -> str:
    """How an error names an entry: by number, and by name when it has a usable one."""
    entry = QT_TRANSLATE_NOOP("Snippets", "Entry {number}").format(number=number)
    if not name:
        return entry
    try:
        checked_name(name)
    except FieldError:
        return entry
    return QT_TRANSLATE_NOOP("Snippets", "Entry {number} ({name})").format(
        number=number, name=quote(name)
    )


def shown_value(value: object) -> str:
    """A JSON value as it appears in the file, cut short when long."""
    text = json.dumps(value, ensure_ascii=False) if _is_json(value) else repr(value)
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")  # lone surrogates
    return text if len(text) <= 60 else text[:59] + "…"


def _is_json(value: object) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def json_kind(value: object) -> str:
    """The JSON type of `value` in words, for "must be a string, not a number"."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return QT_TRANSLATE_NOOP("Snippets", "a number")
    if isinstance(value, str):
        return QT_TRANSLATE_NOOP("Snippets", "a string")
    if isinstance(value, list):
        return QT_TRANSLATE_NOOP("Snippets", "a list")
    return QT_TRANSLATE_NOOP("Snippets", "an object")
