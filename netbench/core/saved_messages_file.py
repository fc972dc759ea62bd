"""The saved-messages file on disk: read at start, written whole and atomically on change.

A file that cannot be read is never silently replaced by an empty one: it is renamed
aside (``snippets.json.corrupt-<time>``) so the user can repair it, and the caller gets
the reason to show. A file that cannot even be opened (permissions) is left alone and
saving is turned off, since writing would replace what could not be read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from netbench.core.atomic_file import set_aside, write_atomically
from netbench.core.errors import SnippetError
from netbench.core.saved_messages import SnippetLibrary
from netbench.core.saved_messages_format import dump_library, parse_library
from netbench.core.text import QT_TRANSLATE_NOOP

FILE_NAME = "snippets.json"
# Larger than any list of commands a person keeps; a bigger file is the wrong file.
MAX_FILE_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class LoadedLibrary:
    """What reading the file at start gave: the library and, if it went wrong, why."""

    library: SnippetLibrary
    problem: str = ""  # why the file was not read; "" when it was (or did not exist)
    kept_as: Path | None = None  # where an unreadable file was moved
    can_save: bool = True  # False when saving would overwrite a file we could not read


def read_library_file(path: Path) -> SnippetLibrary:
    """The library in `path`; SnippetError (also for IO problems) says why not."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise SnippetError(_unreadable(path.name, error)) from None
    if len(data) > MAX_FILE_BYTES:
        raise SnippetError(
            QT_TRANSLATE_NOOP(
                "Snippets", "{name} is larger than {size} MB; it is not a saved-messages file"
            ).format(name=path.name, size=MAX_FILE_BYTES // (1024 * 1024))
        )
    return parse_library(data)


def load_library_file(path: Path, now: datetime) -> LoadedLibrary:
    """The user's library at start: empty when there is none, set aside when unreadable."""
    if not path.exists():
        return LoadedLibrary(SnippetLibrary())
    try:
        with path.open("rb"):
            pass
    except OSError as error:
        return LoadedLibrary(
            SnippetLibrary(),
            problem=_unreadable(str(path), error),
            can_save=False,
        )
    try:
        return LoadedLibrary(read_library_file(path))
    except SnippetError as error:
        problem = error.message
    try:
        kept_as = set_aside(path, now)
    except OSError as error:
        return LoadedLibrary(
            SnippetLibrary(),
            problem=QT_TRANSLATE_NOOP(
                "Snippets", "{problem} (it could not be renamed aside: {reason})"
            ).format(problem=problem, reason=error.strerror or str(error)),
            can_save=False,
        )
    return LoadedLibrary(SnippetLibrary(), problem=problem, kept_as=kept_as)


def _unreadable(name: str, error: OSError) -> str:
    return QT_TRANSLATE_NOOP("Snippets", "{name} cannot be read: {reason}").format(
        name=name, reason=error.strerror or str(error)
    )


def save_library_file(path: Path, library: SnippetLibrary) -> None:
    """Write `library` to `path` atomically; OSError leaves the old file as it was."""
    write_atomically(path, dump_library(library).encode("utf-8"))
