"""The one list of saved messages a window has, as a Qt model every sender's list shows.

All client sessions and server listeners share one store, so a message saved in one shows
up in all the others at once: each list is a view (through its own filter) of this model.
Every change is written to the file straight away and atomically; a problem with the file
becomes a notice that every list shows until the user dismisses it once.

Signals:
    notice_changed(str): the file problem to show in the lists ("" when there is none).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from netbench.core.checksum import ByteOrder, ChecksumSpec, Placement
from netbench.core.display import hex_inline, visible_text
from netbench.core.encodings import find_encoding
from netbench.core.errors import SnippetError
from netbench.core.payload import InputMode, LineEnding
from netbench.core.saved_messages import (
    DuplicatePolicy,
    MergeResult,
    Snippet,
    SnippetLibrary,
    merge,
    unique_name,
)
from netbench.core.saved_messages_file import FILE_NAME, load_library_file, save_library_file
from netbench.ui.runtime.net_text import net_text
from netbench.ui.widgets.checksum_names import checksum_labels
from netbench.ui.widgets.input_mode_names import input_mode_labels
from netbench.ui.widgets.sizes import format_size

SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
# What a tooltip shows of a payload: enough to recognise it, never a wall of text.
TOOLTIP_BYTES = 48
TOOLTIP_CHARS = 160

AnyIndex = QModelIndex | QPersistentModelIndex


def default_data_dir() -> Path:
    """The user's netbench data directory (saved messages, server keys), per platform."""
    return Path(user_data_dir("netbench", appauthor=False))


def default_snippets_path(data_dir: Path | None = None) -> Path:
    """The saved-messages file in `data_dir`, by default the user's own, next to the keys.

    A window that is not the user's session (screenshots, the self-test) passes a folder
    of its own, so it neither shows nor touches the user's list.
    """
    return (default_data_dir() if data_dir is None else data_dir) / FILE_NAME


def now() -> datetime:
    return datetime.now(UTC)


class SnippetStore(QAbstractListModel):
    notice_changed = Signal(str)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        loaded = load_library_file(path, datetime.now())
        self._library = loaded.library
        self._can_save = loaded.can_save
        self._load_notice = ""
        self._save_notice = ""
        if loaded.problem:
            if loaded.kept_as is not None:
                self._load_notice = self.tr(
                    "The saved messages could not be read ({problem}). The file was kept as "
                    "{kept} next to it, and the list starts empty."
                ).format(problem=net_text(loaded.problem), kept=loaded.kept_as.name)
            else:
                self._load_notice = self.tr(
                    "The saved messages could not be read ({problem}). Changes are not saved "
                    "until netbench restarts, so the file is not overwritten."
                ).format(problem=net_text(loaded.problem))

    # -- the library ------------------------------------------------------------------------

    @property
    def library(self) -> SnippetLibrary:
        return self._library

    @property
    def folder(self) -> Path:
        """Where the file lives, for the notice's tooltip: people look for the kept copy."""
        return self.path.parent

    @property
    def notice(self) -> str:
        """Why the file was not read or not written, for every list to show."""
        return "\n".join(text for text in (self._save_notice, self._load_notice) if text)

    def dismiss_notice(self) -> None:
        """The user has read it: no list shows it again (a new save failure would)."""
        self._load_notice = self._save_notice = ""
        self.notice_changed.emit("")

    def snippet(self, row: int) -> Snippet:
        return self._library[row]

    def row_of(self, name: str) -> int | None:
        return self._library.index_of(name)

    # -- changes (each one is saved) --------------------------------------------------------

    def save_snippet(self, snippet: Snippet) -> tuple[int, Snippet | None]:
        """Add `snippet`, or update the one of the same name in its place.

        Returns its row and the snippet it replaced (None when it is new). An update keeps
        the original creation time.
        """
        row = self._library.index_of(snippet.name)
        if row is None:
            row = len(self._library)
            self.beginInsertRows(QModelIndex(), row, row)
            self._library = self._library.appended(snippet)
            self.endInsertRows()
            self._save()
            return row, None
        old = self._library[row]
        created = old.created or snippet.created
        self._replace_row(row, replace(snippet, created=created))
        return row, old

    def rename(self, row: int, name: str) -> Snippet:
        """Give the snippet at `row` a new name; SnippetError says why it cannot have it."""
        library = self._library.renamed(row, name, now())
        if library is not self._library:
            self._library = library
            self._changed(row)
            self._save()
        return self._library[row]

    def remove_rows(self, rows: Sequence[int]) -> list[tuple[int, Snippet]]:
        """Delete these rows; returns (row, snippet) pairs that `restore` puts back."""
        removed = [(row, self._library[row]) for row in sorted(set(rows))]
        for row, _snippet in reversed(removed):
            self.beginRemoveRows(QModelIndex(), row, row)
            self._library = self._library.removed(row)
            self.endRemoveRows()
        if removed:
            self._save()
        return removed

    def restore(self, removed: Sequence[tuple[int, Snippet]]) -> list[str]:
        """Put deleted snippets back where they were; a name taken meanwhile gets " (2)"."""
        names = []
        for row, snippet in sorted(removed, key=lambda pair: pair[0]):
            name = unique_name(snippet.name, self._library.names())
            row = min(row, len(self._library))
            self.beginInsertRows(QModelIndex(), row, row)
            self._library = self._library.inserted(row, replace(snippet, name=name))
            self.endInsertRows()
            names.append(name)
        if removed:
            self._save()
        return names

    def put_back(self, snippet: Snippet) -> None:
        """Undo an update: the snippet of that name becomes `snippet` again (or returns)."""
        row = self._library.index_of(snippet.name)
        if row is None:
            self.restore([(len(self._library), snippet)])
        else:
            self._replace_row(row, snippet)

    def move(self, row: int, to: int) -> int:
        """Move the snippet at `row` to position `to` (clamped); returns where it is now."""
        to = max(0, min(to, len(self._library) - 1))
        if to == row:
            return row
        # Qt counts the destination before the move: one further when moving down.
        destination = to + 1 if to > row else to
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._library = self._library.moved(row, to)
        self.endMoveRows()
        self._save()
        return to

    def merge(self, incoming: SnippetLibrary, policy: DuplicatePolicy) -> MergeResult:
        """Add an imported library; `policy` decides for names the list already has."""
        result = merge(self._library, incoming, policy)
        if result.library != self._library:
            self.beginResetModel()
            self._library = result.library
            self.endResetModel()
            self._save()
        return result

    def export(self, path: Path, rows: Sequence[int] | None = None) -> int:
        """Write all snippets (or those at `rows`) to `path`; returns how many. OSError."""
        chosen = self._library.snippets
        if rows is not None:
            chosen = tuple(self._library[row] for row in sorted(set(rows)))
        save_library_file(path, SnippetLibrary(chosen))
        return len(chosen)

    def _replace_row(self, row: int, snippet: Snippet) -> None:
        self._library = self._library.replaced(row, snippet)
        self._changed(row)
        self._save()

    def _changed(self, row: int) -> None:
        index = self.index(row)
        self.dataChanged.emit(index, index)

    def _save(self) -> None:
        if not self._can_save:
            return
        try:
            save_library_file(self.path, self._library)
        except OSError as error:
            self._save_notice = self.tr(
                "The saved messages could not be written to {path}: {reason}. They are kept "
                "while netbench runs, and the next change tries again."
            ).format(path=self.path, reason=error.strerror or error)
            self.notice_changed.emit(self.notice)
            return
        if self._save_notice:
            self._save_notice = ""
            self.notice_changed.emit(self.notice)

    # -- model ------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex | None = None) -> int:
        if parent is not None and parent.isValid():
            return 0
        return len(self._library)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid():
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._library):
            return None
        snippet = self._library[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return snippet.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(snippet)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self.summary(snippet)
        if role == SNIPPET_ROLE:
            return snippet
        if role == SEARCH_ROLE:
            return f"{snippet.name}\n{snippet.note}\n{snippet.text}"
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Renaming through the model (inline editing); a name that is taken is refused."""
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        try:
            self.rename(index.row(), str(value))
        except SnippetError:
            return False
        return True

    # -- wording ----------------------------------------------------------------------------

    def summary(self, snippet: Snippet) -> str:
        """How it is read and what is added, in a few words: "Hex · CRC-16/MODBUS"."""
        parts = [input_mode_labels()[snippet.mode]]
        if snippet.mode is not InputMode.HEX:
            parts.append(find_encoding(snippet.encoding).label)
        if snippet.line_ending is not LineEnding.NONE:
            parts.append(_LINE_ENDING_NAMES[snippet.line_ending])
        if snippet.checksum.enabled:
            parts.append(self.checksum_summary(snippet.checksum))
        return " · ".join(parts)

    def checksum_summary(self, spec: ChecksumSpec) -> str:
        """The algorithm, and whatever about it is not the usual: "CRC-32 (low byte first)"."""
        details = []
        if spec.order is not None and spec.order is not spec.algorithm.default_order:
            details.append(
                self.tr("low byte first")
                if spec.order is ByteOrder.LITTLE
                else self.tr("high byte first")
            )
        if spec.skip:
            details.append(
                self.tr("skipping the first byte")
                if spec.skip == 1
                else self.tr("skipping the first {count} bytes").format(count=spec.skip)
            )
        if spec.placement is Placement.AFTER_LINE_ENDING:
            details.append(self.tr("after the line ending"))
        label = checksum_labels()[spec.algorithm]
        if not details:
            return label
        return self.tr("{checksum} ({details})").format(checksum=label, details=", ".join(details))

    def tooltip(self, snippet: Snippet) -> str:
        """Name, note, how it is read, and what it sends: as text, and always as hex.

        The size counts the typed bytes and the checksum apart ("6 B + 2"), as the editor's
        preview names the checksum apart, so the list says what was typed and what is added.
        """
        parts = snippet.parts()
        data = parts.data
        size = format_size(len(parts.body) + len(parts.tail))
        if parts.checksum:
            size = self.tr("{size} + {checksum}").format(size=size, checksum=len(parts.checksum))
        lines = [f"<b>{html.escape(snippet.name)}</b>"]
        if snippet.note:
            lines.append(html.escape(_cut(snippet.note, TOOLTIP_CHARS)).replace("\n", "<br>"))
        lines.append(
            self.tr("{summary} · {size}").format(
                summary=html.escape(self.summary(snippet)), size=size
            )
        )
        if snippet.mode is not InputMode.HEX:
            shown = _cut(visible_text(data, snippet.encoding), TOOLTIP_CHARS)
            lines.append(f"<tt>{html.escape(shown)}</tt>")
        lines.append(f"<tt>{html.escape(net_text(hex_inline(data, TOOLTIP_BYTES)))}</tt>")
        return "<br>".join(lines)


_LINE_ENDING_NAMES = {LineEnding.LF: "LF", LineEnding.CR: "CR", LineEnding.CRLF: "CRLF"}


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
