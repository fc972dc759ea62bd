"""Saved messages: named payloads as typed, and the versioned JSON file they are kept in.

A snippet keeps what the user typed (text, input mode, encoding, line ending, checksum),
not the bytes, so loading it gives back the same notation to edit and the same bytes to
send. The checksum is an optional object in each entry, left out when there is none, so a
file without checksums is exactly what version 1 always was and older readers still
take it.
The file is read strictly: a file from a colleague either loads completely or says which
entry and which field is wrong, so nothing is ever half-imported, and a snippet that could
not be sent (bad hex, a character the encoding lacks) never gets into a library.

Names are unique within a library; `merge` decides what happens to an imported snippet
whose name is taken (replace it, keep both under a " (2)" name, or skip it).
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
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
from netbench.core.recipe import PayloadRecipe, RenderedPayload, compile_payload
from netbench.core.text import QT_TRANSLATE_NOOP, message_of

FORMAT_NAME = "netbench-snippets"
FORMAT_VERSION = 1
MAX_NAME_LENGTH = 200
# How much of a name an error message quotes: enough to recognise it, not a paragraph.
_QUOTED_NAME_LENGTH = 40
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
_CHECKSUM_FIELDS = ("algorithm", "order", "skip", "placement")
# The send a snippet's bytes are shown for: the first one, at a fixed moment, so checking a
# snippet gives the same answer whenever it runs ({time} always has the same length).
_FIRST_SEND = 1
_CHECK_WALL = 0.0
_DOCUMENT_FIELDS = ("format", "version", "snippets")
# Characters a name may not contain: line breaks, tabs and other controls would break the
# one-line list, and lone surrogates cannot be written as UTF-8.
_NAME_BANNED_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})
_Choice = TypeVar("_Choice", InputMode, LineEnding, Checksum, ByteOrder, Placement)
_NUMBERED_NAME = re.compile(r"^(?P<base>.*?) \((?P<number>\d+)\)$", re.DOTALL)


class DuplicatePolicy(StrEnum):
    """What an import does with a snippet whose name the library already has."""

    REPLACE = "replace"  # the imported one takes the place of the existing one
    KEEP_BOTH = "keep-both"  # the imported one is added as "name (2)"
    SKIP = "skip"  # the existing one stays, the imported one is dropped


@dataclass(frozen=True)
class Snippet:
    """One saved message as the user typed it; `payload()` gives the bytes it sends.

    `created` and `modified` are ISO 8601 times ("" when unknown, e.g. in a hand-written
    file). Build snippets with `make_snippet` or `parse_library`, which check every field.
    """

    name: str
    text: str
    mode: InputMode = InputMode.TEXT
    encoding: str = DEFAULT_ENCODING
    line_ending: LineEnding = LineEnding.NONE
    note: str = ""
    created: str = ""
    modified: str = ""
    checksum: ChecksumSpec = NO_CHECKSUM

    def recipe(self) -> PayloadRecipe:
        """What the editor compiles this snippet into; every send is rendered from it."""
        return compile_payload(self.text, self.mode, self.encoding, self.line_ending, self.checksum)

    def payload(self, counter: int = _FIRST_SEND, wall: float | None = None) -> bytes:
        """The bytes send number `counter` of this snippet is, at `wall` (default: now).

        {counter} and {time} are filled in and the checksum appended, exactly as sending it
        from the editor does. A checked snippet always has its first send's bytes.
        """
        return self.parts(counter, wall).data

    def parts(self, counter: int = _FIRST_SEND, wall: float | None = None) -> RenderedPayload:
        """`payload` split into what the checksum covers, the checksum and the rest."""
        return self.recipe().render_parts(counter, time.time() if wall is None else wall)


@dataclass(frozen=True)
class SnippetLibrary:
    """An ordered list of snippets with unique names. Every change returns a new library."""

    snippets: tuple[Snippet, ...] = ()

    def __post_init__(self) -> None:
        names = [snippet.name for snippet in self.snippets]
        if len(set(names)) != len(names):
            raise ValueError(f"names must be unique: {names}")

    def __len__(self) -> int:
        return len(self.snippets)

    def __iter__(self) -> Iterator[Snippet]:
        return iter(self.snippets)

    def __getitem__(self, index: int) -> Snippet:
        return self.snippets[index]

    def names(self) -> set[str]:
        return {snippet.name for snippet in self.snippets}

    def index_of(self, name: str) -> int | None:
        for index, snippet in enumerate(self.snippets):
            if snippet.name == name:
                return index
        return None

    def inserted(self, index: int, snippet: Snippet) -> SnippetLibrary:
        """`snippet` at `index` (clamped); raises SnippetError when its name is taken."""
        if snippet.name in self.names():
            raise SnippetError(_name_taken(snippet.name))
        index = max(0, min(index, len(self.snippets)))
        return SnippetLibrary((*self.snippets[:index], snippet, *self.snippets[index:]))

    def appended(self, snippet: Snippet) -> SnippetLibrary:
        return self.inserted(len(self.snippets), snippet)

    def replaced(self, index: int, snippet: Snippet) -> SnippetLibrary:
        """`snippet` instead of the one at `index`; its name may be that one's or a free one."""
        others = self.names() - {self.snippets[index].name}
        if snippet.name in others:
            raise SnippetError(_name_taken(snippet.name))
        items = list(self.snippets)
        items[index] = snippet
        return SnippetLibrary(tuple(items))

    def removed(self, index: int) -> SnippetLibrary:
        return SnippetLibrary(self.snippets[:index] + self.snippets[index + 1 :])

    def moved(self, index: int, to: int) -> SnippetLibrary:
        """The snippet at `index` moved so that it ends up at position `to` (clamped)."""
        items = list(self.snippets)
        snippet = items.pop(index)
        items.insert(max(0, min(to, len(items))), snippet)
        return SnippetLibrary(tuple(items))

    def renamed(self, index: int, name: str, now: datetime) -> SnippetLibrary:
        """The snippet at `index` under a new, checked name; raises SnippetError."""
        name = check_name(name)
        old = self.snippets[index]
        if name == old.name:
            return self
        return self.replaced(index, replace(old, name=name, modified=timestamp(now)))


@dataclass(frozen=True)
class MergeResult:
    """A merged library and what happened to each imported snippet, for the status line."""

    library: SnippetLibrary
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (imported name, new name)


# -- building and checking ------------------------------------------------------------------


def timestamp(now: datetime) -> str:
    """`now` as the files store it: ISO 8601 in UTC, to the second."""
    return now.astimezone(UTC).isoformat(timespec="seconds")


def check_name(name: str) -> str:
    """`name` without surrounding spaces, or SnippetError saying what is wrong with it."""
    try:
        return _checked_name(name)
    except _FieldError as problem:
        raise SnippetError(
            QT_TRANSLATE_NOOP("Snippets", "The name {problem}").format(problem=problem.description),
            field="name",
        ) from None


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
        entry["checksum"] = _checksum_entry(checksum)
    try:
        return _checked(entry)
    except _FieldError as problem:
        if problem.field == "name":
            message = QT_TRANSLATE_NOOP("Snippets", "The name {problem}").format(
                problem=problem.description
            )
        else:
            message = QT_TRANSLATE_NOOP("Snippets", '"{field}" {problem}').format(
                field=problem.field, problem=problem.description
            )
        raise SnippetError(message, field=problem.field) from None


def unique_name(name: str, taken: Iterable[str]) -> str:
    """`name`, or "name (2)", "name (3)"… : the first one not in `taken`.

    A name that already ends in " (n)" counts on from its base, so a second copy of
    "reset (2)" becomes "reset (3)" rather than "reset (2) (2)".
    """
    used = set(taken)
    if name not in used:
        return name
    match = _NUMBERED_NAME.match(name)
    base = match.group("base") if match and match.group("base").strip() else name
    number = 2
    while True:
        suffix = f" ({number})"
        candidate = base[: MAX_NAME_LENGTH - len(suffix)].rstrip() + suffix
        if candidate not in used:
            return candidate
        number += 1


def duplicates(existing: SnippetLibrary, incoming: SnippetLibrary) -> list[str]:
    """Names of `incoming` snippets that `existing` already has, in `incoming`'s order."""
    names = existing.names()
    return [snippet.name for snippet in incoming if snippet.name in names]


def merge(
    existing: SnippetLibrary, incoming: SnippetLibrary, policy: DuplicatePolicy
) -> MergeResult:
    """`existing` with `incoming` added; `policy` decides for names `existing` already has.

    New snippets go to the end in their file's order; a replaced one keeps its place in
    the list. A renamed copy gets a name free in both libraries, so it can never collide
    with a later snippet of the same import.
    """
    policy = DuplicatePolicy(policy)
    items = list(existing.snippets)
    positions = {snippet.name: index for index, snippet in enumerate(items)}
    result = MergeResult(existing)
    reserved = existing.names() | incoming.names()
    for snippet in incoming:
        position = positions.get(snippet.name)
        if position is None:
            items.append(snippet)
            result.added.append(snippet.name)
        elif policy is DuplicatePolicy.REPLACE:
            items[position] = snippet
            result.replaced.append(snippet.name)
        elif policy is DuplicatePolicy.KEEP_BOTH:
            name = unique_name(snippet.name, reserved)
            reserved.add(name)
            items.append(replace(snippet, name=name))
            result.renamed.append((snippet.name, name))
        else:
            result.skipped.append(snippet.name)
    return replace(result, library=SnippetLibrary(tuple(items)))


# -- the file -------------------------------------------------------------------------------


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
        entry["checksum"] = _checksum_entry(snippet.checksum)
    for optional in ("note", "created", "modified"):
        value = getattr(snippet, optional)
        if value:
            entry[optional] = value
    return entry


def _checksum_entry(spec: ChecksumSpec) -> dict[str, Any]:
    """The checksum as the file keeps it: the enums' own stable values, null for "usual"."""
    return {
        "algorithm": spec.algorithm.value,
        "order": None if spec.order is None else spec.order.value,
        "skip": spec.skip,
        "placement": spec.placement.value,
    }


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
            ).format(kind=_describe(document), format=FORMAT_NAME)
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
            ).format(value=_show(document["format"]), format=FORMAT_NAME)
        raise SnippetError(message, field="format")
    _check_version(document.get("version"))
    unknown = sorted(set(document) - set(_DOCUMENT_FIELDS))
    if unknown:
        raise SnippetError(
            QT_TRANSLATE_NOOP(
                "Snippets", "The file has an unknown field {field}; known fields are {known}"
            ).format(field=_show(unknown[0]), known=", ".join(_DOCUMENT_FIELDS)),
            field=unknown[0],
        )
    entries = document.get("snippets")
    if not isinstance(entries, list):
        raise SnippetError(
            QT_TRANSLATE_NOOP(
                "Snippets", '"snippets" must be a list of saved messages, not {kind}'
            ).format(kind=_describe(entries)),
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
                ).format(entry=_label(number, snippet.name), earlier=earlier),
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
            ).format(field=_show(str(error)))
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
            ).format(value=_show(version)),
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


class _FieldError(Exception):
    """One field of one entry is wrong: `description` completes 'The <field> …'."""

    def __init__(self, field: str, description: str) -> None:  # description: a Text
        super().__init__(description)
        self.field = field
        self.description = description


def _parse_entry(number: int, entry: object) -> Snippet:
    if not isinstance(entry, dict):
        raise SnippetError(
            QT_TRANSLATE_NOOP(
                "Snippets", 'Entry {number}: must be an object with "name" and "text", not {kind}'
            ).format(number=number, kind=_describe(entry)),
            entry=number,
        )
    raw_name = entry.get("name")
    name = raw_name.strip() if isinstance(raw_name, str) else None
    label = _label(number, name)
    unknown = sorted(set(entry) - set(_ENTRY_FIELDS))
    if unknown:
        raise SnippetError(
            QT_TRANSLATE_NOOP(
                "Snippets", "{entry}: unknown field {field}; known fields are {known}"
            ).format(entry=label, field=_show(unknown[0]), known=", ".join(_ENTRY_FIELDS)),
            entry=number,
            field=unknown[0],
        )
    try:
        return _checked(entry)
    except _FieldError as problem:
        if problem.field == "name":
            label = _label(number, None)
        raise SnippetError(
            QT_TRANSLATE_NOOP("Snippets", '{entry}: "{field}" {problem}').format(
                entry=label, field=problem.field, problem=problem.description
            ),
            entry=number,
            field=problem.field,
        ) from None


def _checked(entry: dict[str, Any]) -> Snippet:
    """A snippet from the fields of `entry`, every one checked; raises _FieldError."""
    name = _checked_name(_string(entry, "name", required=True))
    text = _string(entry, "text", required=True)
    mode = _choice(entry, "mode", InputMode, InputMode.TEXT)
    line_ending = _choice(entry, "line_ending", LineEnding, LineEnding.NONE)
    encoding_name = _string(entry, "encoding", default=DEFAULT_ENCODING)
    try:
        encoding = find_encoding(encoding_name).codec
    except ValueError:
        supported = ", ".join(encoding.label for encoding in SUPPORTED_ENCODINGS)
        raise _FieldError(
            "encoding",
            QT_TRANSLATE_NOOP("Snippets", "is {value}, which is not one of {supported}").format(
                value=_show(encoding_name), supported=supported
            ),
        ) from None
    note = _string(entry, "note")
    if any(unicodedata.category(char) == "Cs" for char in note):
        raise _FieldError(
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
        raise _FieldError(
            "text",
            QT_TRANSLATE_NOOP("Snippets", "cannot be sent as {mode}: {problem}").format(
                mode=_MODE_NAMES[mode], problem=message_of(error)
            ),
        ) from None
    try:
        recipe.render(_FIRST_SEND, _CHECK_WALL)
    except ChecksumError as error:
        raise _FieldError(
            "checksum",
            QT_TRANSLATE_NOOP("Snippets", "cannot be computed over this message: {problem}").format(
                problem=message_of(error)
            ),
        ) from None
    return snippet


def _checksum(entry: dict[str, Any]) -> ChecksumSpec:
    """The entry's checksum (none when it has no "checksum" object); raises _FieldError.

    Fields inside it are named "checksum.<field>", so an error points at the very value.
    A byte order is kept only where the result has more than one byte: for the others it
    means nothing, and keeping it would make equal checksums compare unequal.
    """
    if "checksum" not in entry:
        return NO_CHECKSUM
    value = entry["checksum"]
    if not isinstance(value, dict):
        raise _FieldError(
            "checksum",
            QT_TRANSLATE_NOOP(
                "Snippets", 'must be an object like {{"algorithm": "crc16-modbus"}}, not {kind}'
            ).format(kind=_describe(value)),
        )
    unknown = sorted(set(value) - set(_CHECKSUM_FIELDS))
    if unknown:
        raise _FieldError(
            f"checksum.{unknown[0]}",
            QT_TRANSLATE_NOOP("Snippets", "is an unknown field; known fields are {known}").format(
                known=", ".join(_CHECKSUM_FIELDS)
            ),
        )
    if "algorithm" not in value:
        raise _FieldError("checksum.algorithm", _missing())
    algorithm = _choice(value, "algorithm", Checksum, Checksum.NONE, "checksum.")
    order = None
    if value.get("order") is not None:
        order = _choice(value, "order", ByteOrder, ByteOrder.BIG, "checksum.", or_null=True)
    skip = value.get("skip", 0)
    if isinstance(skip, bool) or not isinstance(skip, int) or not 0 <= skip <= MAX_SKIP:
        raise _FieldError(
            "checksum.skip",
            QT_TRANSLATE_NOOP(
                "Snippets", "must be a whole number from 0 to {limit}, not {value}"
            ).format(limit=MAX_SKIP, value=_show(skip) if _is_json(skip) else _describe(skip)),
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


def _checked_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise _FieldError("name", QT_TRANSLATE_NOOP("Snippets", "is empty"))
    if len(name) > MAX_NAME_LENGTH:
        raise _FieldError(
            "name",
            QT_TRANSLATE_NOOP("Snippets", "is longer than {limit} characters").format(
                limit=MAX_NAME_LENGTH
            ),
        )
    for char in name:
        if unicodedata.category(char) in _NAME_BANNED_CATEGORIES:
            raise _FieldError(
                "name",
                QT_TRANSLATE_NOOP(
                    "Snippets", "contains a line break or control character (U+{code:04X})"
                ).format(code=ord(char)),
            )
    return name


def _string(
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
            raise _FieldError(within + key, _missing())
        return default
    value = entry[key]
    if not isinstance(value, str):
        raise _FieldError(
            within + key,
            QT_TRANSLATE_NOOP("Snippets", "must be a string, not {kind}").format(
                kind=_describe(value)
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
    value = _string(entry, key, default=default.value, within=within)
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(_show(member.value) for member in kind)
        if or_null:
            template = QT_TRANSLATE_NOOP(
                "Snippets",
                "is {value}; expected one of {choices} or null (the algorithm's usual order)",
            )
        else:
            template = QT_TRANSLATE_NOOP("Snippets", "is {value}; expected one of {choices}")
        raise _FieldError(
            within + key, template.format(value=_show(value), choices=choices)
        ) from None


def _time(entry: dict[str, Any], key: str) -> str:
    value = _string(entry, key)
    if value:
        try:
            datetime.fromisoformat(value)
        except ValueError:
            raise _FieldError(
                key,
                QT_TRANSLATE_NOOP(
                    "Snippets", "is {value}, not a time like 2024-05-01T12:30:00+00:00"
                ).format(value=_show(value)),
            ) from None
    return value


# -- wording --------------------------------------------------------------------------------


def _missing() -> str:
    return QT_TRANSLATE_NOOP("Snippets", "is missing")


def _name_taken(name: str) -> str:
    return QT_TRANSLATE_NOOP("Snippets", "a saved message is already called {name}").format(
        name=_quote(name)
    )


def _quote(name: str) -> str:
    if len(name) > _QUOTED_NAME_LENGTH:
        name = name[: _QUOTED_NAME_LENGTH - 1] + "…"
    return f"“{name}”"


def _label(number: int, name: str | None) -> str:
    """How an error names an entry: by number, and by name when it has a usable one."""
    entry = QT_TRANSLATE_NOOP("Snippets", "Entry {number}").format(number=number)
    if not name:
        return entry
    try:
        _checked_name(name)
    except _FieldError:
        return entry
    return QT_TRANSLATE_NOOP("Snippets", "Entry {number} ({name})").format(
        number=number, name=_quote(name)
    )


def _show(value: object) -> str:
    """A JSON value as it appears in the file, cut short when long."""
    text = json.dumps(value, ensure_ascii=False) if _is_json(value) else repr(value)
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")  # lone surrogates
    return text if len(text) <= 60 else text[:59] + "…"


def _is_json(value: object) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def _describe(value: object) -> str:
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
