"""Saved messages: named payloads as typed, and a library of them with unique names.

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

A snippet's fields are checked by :mod:`netbench.core.saved_message_fields`; the file
format is :mod:`netbench.core.saved_messages_format`.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum

from netbench.core.checksum import (
    NO_CHECKSUM,
    ChecksumSpec,
)
from netbench.core.encodings import DEFAULT_ENCODING
from netbench.core.errors import SnippetError
from netbench.core.payload import InputMode, LineEnding
from netbench.core.recipe import PayloadRecipe, RenderedPayload, compile_payload
from netbench.core.text import QT_TRANSLATE_NOOP

MAX_NAME_LENGTH = 200
# How much of a name an error message quotes: enough to recognise it, not a paragraph.
_QUOTED_NAME_LENGTH = 40
# The send a snippet's bytes are shown for: the first one, at a fixed moment, so checking a
# snippet gives the same answer whenever it runs ({time} always has the same length).
FIRST_SEND = 1
# Characters a name may not contain: line breaks, tabs and other controls would break the
# one-line list, and lone surrogates cannot be written as UTF-8.
_NAME_BANNED_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})
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

    def payload(self, counter: int = FIRST_SEND, wall: float | None = None) -> bytes:
        """The bytes send number `counter` of this snippet is, at `wall` (default: now).

        {counter} and {time} are filled in and the checksum appended, exactly as sending it
        from the editor does. A checked snippet always has its first send's bytes.
        """
        return self.parts(counter, wall).data

    def parts(self, counter: int = FIRST_SEND, wall: float | None = None) -> RenderedPayload:
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
            raise SnippetError(name_taken(snippet.name))
        index = max(0, min(index, len(self.snippets)))
        return SnippetLibrary((*self.snippets[:index], snippet, *self.snippets[index:]))

    def appended(self, snippet: Snippet) -> SnippetLibrary:
        return self.inserted(len(self.snippets), snippet)

    def replaced(self, index: int, snippet: Snippet) -> SnippetLibrary:
        """`snippet` instead of the one at `index`; its name may be that one's or a free one."""
        others = self.names() - {self.snippets[index].name}
        if snippet.name in others:
            raise SnippetError(name_taken(snippet.name))
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
        return checked_name(name)
    except FieldError as problem:
        raise SnippetError(
            QT_TRANSLATE_NOOP("Snippets", "The name {problem}").format(problem=problem.description),
            field="name",
        ) from None


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


class FieldError(Exception):
    """One field of one entry is wrong: `description` completes 'The <field> …'."""

    def __init__(self, field: str, description: str) -> None:  # description: a Text
        super().__init__(description)
        self.field = field
        self.description = description


def checked_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise FieldError("name", QT_TRANSLATE_NOOP("Snippets", "is empty"))
    if len(name) > MAX_NAME_LENGTH:
        raise FieldError(
            "name",
            QT_TRANSLATE_NOOP("Snippets", "is longer than {limit} characters").format(
                limit=MAX_NAME_LENGTH
            ),
        )
    for char in name:
        if unicodedata.category(char) in _NAME_BANNED_CATEGORIES:
            raise FieldError(
                "name",
                QT_TRANSLATE_NOOP(
                    "Snippets", "contains a line break or control character (U+{code:04X})"
                ).format(code=ord(char)),
            )
    return name


def name_taken(name: str) -> str:
    return QT_TRANSLATE_NOOP("Snippets", "a saved message is already called {name}").format(
        name=quote(name)
    )


def quote(name: str) -> str:
    if len(name) > _QUOTED_NAME_LENGTH:
        name = name[: _QUOTED_NAME_LENGTH - 1] + "…"
    return f"“{name}”"
