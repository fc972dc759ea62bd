"""The saved-messages file: a versioned JSON document, read strictly.

A file from a colleague either loads completely or says which entry and which field is
wrong, so nothing is ever half-imported. The checksum is an optional object in each entry,
left out when there is none, so a file without checksums is exactly what version 1 always
was and older readers still take it.
"""

from __future__ import annotations

import json
from typing import Any

from netbench.core.errors import SnippetError
from netbench.core.saved_message_fields import (
    checked_snippet,
    checksum_entry,
    entry_label,
    json_kind,
    shown_value,
)
from netbench.core.saved_messages import FieldError, Snippet, SnippetLibrary
from netbench.core.text import QT_TRANSLATE_NOOP

FORMAT_NAME = "netbench-snippets"
FORMAT_VERSION = 1
_ENTRY_FIELDS = (
    "name",
    "text",
    "mode",
    "encoding",
    "line_ending",
    "checksum",
    "note",
    "created",
    "modified",
)
_DOCUMENT_FIELDS = ("format", "version", "snippets")


def dump_library(library: SnippetLibrary) -> str:
    """The library as the JSON text of a saved-messages file (UTF-8, readable by people)."""
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "snippets": [_entry(snippet) for snippet in library],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _entry(snippet: Snippet) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "name": snippet.name,
        "text": snippet.text,
        "mode": snippet.mode.value,
        "encoding": snippet.encoding,
        "line_ending": snippet.line_ending.value,
    }
    # Left out when there is none: such an entry is exactly what older readers know.
    if snippet.checksum.enabled:
        entry["checksum"] = checksum_entry(snippet.checksum)
    for optional in ("note", "created", "modified"):
        value = getattr(snippet, optional)
        if value:
            entry[optional] = value
    return entry


def parse_library(data: str | bytes) -> SnippetLibrary:
    """Read a saved-messages file; SnippetError says what is wrong and where.

    Bytes must be UTF-8 (a byte order mark, as some editors write, is allowed). Every
    entry is checked completely, including that its text makes a payload, so a library
    that loads can send every one of its snippets.
    """
    document = _load_json(data)
    if not isinstance(document, dict):
        raise SnippetError(
            QT_TRANSLATE_NOOP(
                "Snippets",
                "This is not a saved-messages file: it holds {kind}, not an object "
                'with "format": "{format}"',
            ).format(kind=json_kind(document), format=FORMAT_NAME)
        )
    if document.get("format") != FORMAT_NAME:
        if "format" not in document:
            message = QT_TRANSLATE_NOOP(
                "Snippets", 'This is not a saved-messages file: it has no "format", not "{format}"'
            ).format(format=FORMAT_NAME)
        else:
            message = QT_TRANSLATE_NOOP(
                "Snippets",
                'This is not a saved-messages file: it has {value} as "format", not "{format}"',
            ).format(value=shown_value(document["format"]), format=FORMAT_NAME)
        raise SnippetError(message, field="format")
    _check_version(document.get("version"))
    unknown = sorted(set(document) - set(_DOCUMENT_FIELDS))
    if unknown:
        raise SnippetError(
            QT_TRANSLATE_NOOP(
                "Snippets", "The file has an unknown field {field}; known fields are {known}"
            ).format(field=shown_value(unknown[0]), known=", ".join(_DOCUMENT_FIELDS)),
            field=unknown[0],
        )
    entries = document.get("snippets")
    if not isinstance(entries, list):
        raise SnippetError(
            QT_TRANSLATE_NOOP(
                "Snippets", '"snippets" must be a list of saved messages, not {kind}'
            ).format(kind=json_kind(entries)),
            field="snippets",
        )
    snippets: list[Snippet] = []
    first_with_name: dict[str, int] = {}
    for number, entry in enumerate(entries, start=1):
        snippet = _parse_entry(number, entry)
        earlier = first_with_name.setdefault(snippet.name, number)
        if earlier != number:
            raise SnippetError(
                QT_TRANSLATE_NOOP(
                    "Snippets", "{entry}: this name is already used by entry {earlier}"
                ).format(entry=entry_label(number, snippet.name), earlier=earlier),
                entry=number,
                field="name",
            )
        snippets.append(snippet)
    return SnippetLibrary(tuple(snippets))


class _DuplicateKeyError(ValueError):
    pass


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object that names a key twice is ambiguous: refuse it instead of guessing."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKeyError(key)
        result[key] = value
    return result


def _load_json(data: str | bytes) -> Any:
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise SnippetError(
                QT_TRANSLATE_NOOP(
                    "Snippets", "This is not a saved-messages file: byte {offset} is not UTF-8 text"
                ).format(offset=error.start)
            ) from None
    try:
        return json.loads(data, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as error:
        raise SnippetError(
            QT_TRANSLATE_NOOP(
                "Snippets", "This is not a JSON file: {reason} at line {line}, column {column}"
            ).format(reason=error.msg, line=error.lineno, column=error.colno)
        ) from None
    except _DuplicateKeyError as error:
        raise SnippetError(
            QT_TRANSLATE_NOOP(
                "Snippets", "The file names the field {field} twice in one object"
            ).format(field=shown_value(str(error)))
        ) from None
    except RecursionError:
        raise SnippetError(
            QT_TRANSLATE_NOOP(
                "Snippets", "This is not a saved-messages file: it is nested too deeply"
            )
        ) from None
    except ValueError as error:  # e.g. a number with more digits than Python reads
        raise SnippetError(
            QT_TRANSLATE_NOOP("Snippets", "This is not a saved-messages file: {reason}").format(
                reason=str(error)
            )
        ) from None


def _check_version(version: object) -> None:
    if version is None:
        raise SnippetError(
            QT_TRANSLATE_NOOP("Snippets", 'The file has no "version"'), field="version"
        )
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SnippetError(
            QT_TRANSLATE_NOOP(
                "Snippets", '"version" must be a whole number of at least 1, not {value}'
            ).format(value=shown_value(version)),
            field="version",
        )
    if version > FORMAT_VERSION:
        raise SnippetError(
            QT_TRANSLATE_NOOP(
                "Snippets",
                "The file is in version {version} of the saved-messages format, written by a "
                "newer netbench; this netbench reads version {supported}. Update netbench "
                "to read it.",
            ).format(version=version, supported=FORMAT_VERSION),
            field="version",
        )


def _parse_entry(number: int, entry: object) -> Snippet:
    if not isinstance(entry, dict):
        raise SnippetError(
            QT_TRANSLATE_NOOP(
                "Snippets", 'Entry {number}: must be an object with "name" and "text", not {kind}'
            ).format(number=number, kind=json_kind(entry)),
            entry=number,
        )
    raw_name = entry.get("name")
    name = raw_name.strip() if isinstance(raw_name, str) else None
    label = entry_label(number, name)
    unknown = sorted(set(entry) - set(_ENTRY_FIELDS))
    if unknown:
        raise SnippetError(
            QT_TRANSLATE_NOOP(
                "Snippets", "{entry}: unknown field {field}; known fields are {known}"
            ).format(entry=label, field=shown_value(unknown[0]), known=", ".join(_ENTRY_FIELDS)),
            entry=number,
            field=unknown[0],
        )
    try:
        return checked_snippet(entry)
    except FieldError as problem:
        if problem.field == "name":
            label = entry_label(number, None)
        raise SnippetError(
            QT_TRANSLATE_NOOP("Snippets", '{entry}: "{field}" {problem}').format(
                entry=label, field=problem.field, problem=problem.description
            ),
            entry=number,
            field=problem.field,
        ) from None
