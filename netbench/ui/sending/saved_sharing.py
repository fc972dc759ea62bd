"""Sharing saved messages: export them to a file, import a file someone sent.

Apart from the list because sharing has its own flow: a file dialog, a file that may be
broken (nothing is imported then), and names the list already has, which are asked about
in the panel itself (`ImportQuestion`) rather than in a modal dialog. What happened is
reported through `said`, for the panel's status line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from netbench.core.errors import SnippetError
from netbench.core.saved_messages import DuplicatePolicy, SnippetLibrary, duplicates
from netbench.core.saved_messages_file import read_library_file
from netbench.ui.runtime.net_text import net_text
from netbench.ui.sending.panel_note import PanelNote
from netbench.ui.sending.saved_store import SnippetStore
from netbench.ui.widgets.buttons import push_button
from netbench.ui.widgets.file_dialogs import DialogPurpose, DialogSpec, FileDialogs

EXPORT_FILE_NAME = "netbench-snippets.json"
# How many clashing names the import question lists before "and n more".
_NAMES_LISTED = 3


class ImportQuestion(PanelNote):
    """``<prefix>.snippet_duplicates``: what to do with imported names already in the list.

    Signals:
        answered(DuplicatePolicy): Replace, Keep both or Skip.
        cancelled(): Cancel.
    """

    answered = Signal(object)
    cancelled = Signal()

    def __init__(self, prefix: str, parent: QWidget) -> None:
        super().__init__(prefix, "snippet_duplicates", parent)
        grid = QGridLayout()
        grid.setSpacing(4)
        choices = [
            (
                self.tr("Replace"),
                "snippet_replace",
                self.tr("Replace the saved messages of the same name"),
                DuplicatePolicy.REPLACE,
            ),
            (
                self.tr("Keep both"),
                "snippet_keep_both",
                self.tr("Keep both, the imported ones under new names"),
                DuplicatePolicy.KEEP_BOTH,
            ),
            (
                self.tr("Skip"),
                "snippet_skip",
                self.tr("Skip the imported messages whose names are taken"),
                DuplicatePolicy.SKIP,
            ),
        ]
        for position, (text, name, accessible, policy) in enumerate(choices):
            button = push_button(
                self,
                text,
                prefix,
                name,
                accessible,
                accessible,
                on_click=self._answer_with(policy),
            )
            grid.addWidget(button, position // 2, position % 2)
        cancel = push_button(
            self,
            self.tr("Cancel"),
            prefix,
            "snippet_import_cancel",
            self.tr("Cancel the import"),
            on_click=self.cancelled.emit,
        )
        grid.addWidget(cancel, 1, 1)
        self.column.addLayout(grid)
        self.hide()

    def _answer_with(self, policy: DuplicatePolicy) -> Callable[[], None]:
        """What a choice's button does: answer ``policy`` (a click's ``checked`` is not
        passed on, as the lambda takes no arguments)."""
        return lambda: self.answered.emit(policy)


class SnippetSharing(QObject):
    """Import into and export from ``store``, for the panel ``owner``.

    Signals:
        said(str, bool): a line for the panel's status (empty: clear it), and whether it
            reports a failure.
    """

    said = Signal(str, bool)

    def __init__(self, prefix: str, store: SnippetStore, owner: QWidget) -> None:
        super().__init__(owner)
        self.prefix = prefix
        self.store = store
        self.dialogs = FileDialogs(owner)
        self.question = ImportQuestion(prefix, owner)
        self.question.answered.connect(self.finish_import)
        self.question.cancelled.connect(self._on_cancelled)
        self._pending: tuple[str, SnippetLibrary] | None = None

    # -- dialogs ----------------------------------------------------------------------------

    def choose_import(self) -> None:
        self._open(DialogPurpose.OPEN_FILE, self.tr("Import saved messages"), "", self.import_file)

    def choose_export(self, rows: list[int] | None = None) -> None:
        """Ask where to write every saved message, or only the store's ``rows``."""
        caption = (
            self.tr("Export saved messages")
            if rows is None
            else self.tr("Export the selected messages")
        )
        self._open(
            DialogPurpose.SAVE_FILE,
            caption,
            EXPORT_FILE_NAME,
            lambda path: self.export_file(path, rows),
        )

    def _open(
        self,
        purpose: DialogPurpose,
        caption: str,
        select: str,
        on_chosen: Callable[[str], object],
    ) -> None:
        saving = purpose is DialogPurpose.SAVE_FILE
        name = "snippet_export_dialog" if saving else "snippet_import_dialog"
        spec = DialogSpec(
            purpose,
            caption,
            f"{self.prefix}.{name}",
            select=select,
            filters=[self.tr("Saved messages (*.json)"), self.tr("All files (*)")],
            default_suffix="json" if saving else "",
        )
        self.dialogs.open(spec, on_chosen)

    # -- import -----------------------------------------------------------------------------

    def import_file(self, path: str | Path) -> bool:
        """Read a saved-messages file; all or nothing. Clashing names are asked about."""
        path = Path(path)
        self.dialogs.last_directory = str(path.parent)
        self.cancel_import()
        try:
            incoming = read_library_file(path)
        except SnippetError as error:
            self.said.emit(
                self.tr("Nothing was imported from {file}: {problem}").format(
                    file=path.name, problem=net_text(error.message)
                ),
                True,
            )
            return False
        if not len(incoming):
            self.said.emit(self.tr("{file} has no saved messages").format(file=path.name), False)
            return False
        self._pending = (path.name, incoming)
        clashes = duplicates(self.store.library, incoming)
        if not clashes:
            return self.finish_import(DuplicatePolicy.SKIP)
        listed = ", ".join(f"“{name}”" for name in clashes[:_NAMES_LISTED])
        if len(clashes) > _NAMES_LISTED:
            listed += " " + self.tr("and {count} more").format(count=len(clashes) - _NAMES_LISTED)
        self.question.text.setText(
            self.tr(
                "{clashes} of the {count} messages in {file} have names already in the list "
                "({names}). What should happen to them?"
            ).format(clashes=len(clashes), count=len(incoming), file=path.name, names=listed)
        )
        self.question.show()
        self.said.emit("", False)
        return True

    def finish_import(self, policy: DuplicatePolicy) -> bool:
        """Merge the file being imported, answering the question about clashing names."""
        pending = self._pending
        self.cancel_import()
        if pending is None:
            return False
        file_name, incoming = pending
        result = self.store.merge(incoming, policy)
        parts = [self.tr("{count} added").format(count=len(result.added))]
        if result.replaced:
            parts.append(self.tr("{count} replaced").format(count=len(result.replaced)))
        if result.renamed:
            parts.append(self.tr("{count} kept under new names").format(count=len(result.renamed)))
        if result.skipped:
            parts.append(self.tr("{count} skipped").format(count=len(result.skipped)))
        self.said.emit(
            self.tr("Imported {file}: {parts}").format(file=file_name, parts=", ".join(parts)),
            False,
        )
        return True

    def cancel_import(self) -> None:
        """Forget the file waiting for an answer, and put the question away."""
        self._pending = None
        self.question.hide()

    def _on_cancelled(self) -> None:
        self.cancel_import()
        self.said.emit(self.tr("Nothing was imported"), False)

    # -- export -----------------------------------------------------------------------------

    def export_file(self, path: str | Path, rows: list[int] | None = None) -> bool:
        """Write every saved message (or the store's ``rows``) to ``path``."""
        path = Path(path)
        self.dialogs.last_directory = str(path.parent)
        try:
            count = self.store.export(path, rows)
        except OSError as error:
            self.said.emit(
                self.tr("Could not export to {path}: {reason}").format(
                    path=path, reason=error.strerror or error
                ),
                True,
            )
            return False
        self.said.emit(
            self.tr("Exported {count} saved messages to {file}").format(
                count=count, file=path.name
            ),
            False,
        )
        return True
