"""The saved-messages list beside a payload editor: save, find, load, send, share.

Each sender (a client session, a server listener) has one of these panels, all showing
the window's one `SnippetStore` through their own filter. A click or Enter loads a saved
message into the editor; a double-click (or Ctrl+Enter) loads and sends it through the
editor, so it takes exactly the path the Send button takes. Nothing here opens a nested
event loop: names are typed inline, deleting offers Undo instead of asking, file dialogs
are opened with `open()`, and an import with clashing names asks in the panel itself.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSettings,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from netbench.core.errors import SnippetError
from netbench.core.saved_message_fields import make_snippet
from netbench.core.saved_messages import DuplicatePolicy, Snippet, SnippetLibrary, duplicates
from netbench.core.saved_messages_file import read_library_file
from netbench.ui.runtime.net_text import net_text
from netbench.ui.sending.payload_editor import PayloadDraft, PayloadEditor
from netbench.ui.sending.saved_store import SEARCH_ROLE, SNIPPET_ROLE, SnippetStore, now

SETTINGS_COLLAPSED = "snippets/collapsed"
ERROR_COLOR = "#c62828"
MUTED_STYLE = "color: palette(mid);"
EXPORT_FILE_NAME = "netbench-snippets.json"
# Extra height per row: bare text rows are hard to hit with a double-click.
ROW_PADDING = 6
# How many clashing names the import question lists before "and n more".
_NAMES_LISTED = 3

AnyIndex = QModelIndex | QPersistentModelIndex


class _RenameDelegate(QStyledItemDelegate):
    """Inline renaming (F2) that reports a refused name in the panel instead of dropping it."""

    def __init__(self, rename: Callable[[AnyIndex, str], object], parent: QObject) -> None:
        super().__init__(parent)
        self._rename = rename

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        editor.setObjectName("snippet_rename_editor")
        editor.setAccessibleName(self.tr("New name"))
        return editor

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        """As narrow as possible, so a long name is cut with … instead of scrolling sideways."""
        size = super().sizeHint(option, index)
        size.setWidth(1)
        size.setHeight(size.height() + ROW_PADDING)
        return size

    def setModelData(self, editor: QWidget, model: Any, index: AnyIndex) -> None:
        assert isinstance(editor, QLineEdit)
        self._rename(index, editor.text())


class SnippetPanel(QWidget):
    """One sender's view of the saved messages; `not_ready` says why sending cannot happen.

    `not_ready` is shown when a double-click cannot send (not connected, not listening);
    "{name}" in it becomes the message's name.
    """

    def __init__(
        self,
        prefix: str,
        store: SnippetStore,
        editor: PayloadEditor,
        not_ready: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self.store = store
        self.editor = editor
        self.not_ready = not_ready
        self.setObjectName(f"{prefix}.snippet_panel")
        self._undo: Callable[[], None] | None = None
        self._pending_import: tuple[str, SnippetLibrary] | None = None
        self._dialog: QFileDialog | None = None
        self._last_directory = ""

        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(store)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._build()
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._show_count)
        store.notice_changed.connect(self._show_notice)
        self._show_notice(store.notice)
        self._show_count()
        self.set_collapsed(bool(QSettings().value(SETTINGS_COLLAPSED, False, type=bool)))

    # -- construction -----------------------------------------------------------------------

    def _name(self, widget: QWidget, name: str, accessible: str) -> None:
        widget.setObjectName(f"{self.prefix}.{name}")
        widget.setAccessibleName(accessible)

    def _tool(self, text: str, name: str, accessible: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        self._name(button, name, accessible)
        return button

    def _build(self) -> None:
        self.toggle = self._tool(
            self.tr("Saved messages"),
            "snippets_toggle",
            self.tr("Show or hide the saved messages"),
            self.tr("Show or hide the saved messages"),
        )
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)
        self.toggle.clicked.connect(self.on_toggle_clicked)

        self.filter = QLineEdit(self)
        self._name(self.filter, "snippet_filter", self.tr("Filter the saved messages"))
        self.filter.setPlaceholderText(self.tr("Filter…"))
        self.filter.setToolTip(self.tr("Shows the messages whose name, note or text contains this"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.on_filter_text_changed)

        self.notice = QFrame(self)
        self.notice.setObjectName(f"{self.prefix}.snippet_notice")
        self.notice.setFrameShape(QFrame.Shape.StyledPanel)
        self.notice_text = QLabel(self.notice)
        self.notice_text.setObjectName(f"{self.prefix}.snippet_notice_text")
        self.notice_text.setWordWrap(True)
        self.notice_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice_text.setStyleSheet(f"color: {ERROR_COLOR};")
        self.notice_dismiss = QPushButton(self.tr("Dismiss"), self.notice)
        self._name(self.notice_dismiss, "snippet_notice_dismiss", self.tr("Dismiss the notice"))
        self.notice_dismiss.clicked.connect(self.store.dismiss_notice)
        notice_layout = QVBoxLayout(self.notice)
        notice_layout.setContentsMargins(6, 4, 6, 4)
        notice_layout.addWidget(self.notice_text)
        notice_layout.addWidget(self.notice_dismiss, 0, Qt.AlignmentFlag.AlignRight)

        self.view = QListView(self)
        self._name(self.view, "snippets", self.tr("Saved messages"))
        self.view.setModel(self.proxy)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.setUniformItemSizes(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setItemDelegate(_RenameDelegate(self.rename, self.view))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self.on_view_context_menu_requested)
        self.view.clicked.connect(self.on_view_clicked)
        self.view.doubleClicked.connect(self.on_view_double_clicked)
        self.view.installEventFilter(self)
        self.view.setToolTip("")
        self.view.setWhatsThis(
            self.tr(
                "Click or Enter: load into the editor. Double-click or Ctrl+Enter: send. "
                "F2: rename. Del: delete. Alt+Up/Down: move."
            )
        )
        self.empty = QLabel(self)
        self.empty.setObjectName(f"{self.prefix}.snippets_empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet(MUTED_STYLE)
        self.empty.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)

        self.name_edit = QLineEdit(self)
        self._name(self.name_edit, "snippet_name", self.tr("Name for the payload in the editor"))
        self.name_edit.setPlaceholderText(self.tr("Name…"))
        self.name_edit.setToolTip(
            self.tr("A name for the payload in the editor; a name in the list updates that one")
        )
        self.name_edit.returnPressed.connect(self.on_save_clicked)
        self.save_button = QPushButton(self.tr("Save"), self)
        self._name(self.save_button, "snippet_save", self.tr("Save the payload in the editor"))
        self.save_button.setToolTip(self.tr("Save the payload in the editor under this name"))
        self.save_button.clicked.connect(self.on_save_clicked)
        save_row = QHBoxLayout()
        save_row.setSpacing(4)
        save_row.addWidget(self.name_edit, 1)
        save_row.addWidget(self.save_button)

        self.up_button = self._tool(
            "", "snippet_up", self.tr("Move the saved message up"), self.tr("Move up (Alt+Up)")
        )
        self.up_button.setArrowType(Qt.ArrowType.UpArrow)
        self.up_button.clicked.connect(self.on_up_clicked)
        self.down_button = self._tool(
            "",
            "snippet_down",
            self.tr("Move the saved message down"),
            self.tr("Move down (Alt+Down)"),
        )
        self.down_button.setArrowType(Qt.ArrowType.DownArrow)
        self.down_button.clicked.connect(self.on_down_clicked)
        self.delete_button = self._tool(
            self.tr("Delete"),
            "snippet_delete",
            self.tr("Delete the selected saved messages"),
            self.tr("Delete the selected messages (Del); Undo brings them back"),
        )
        self.delete_button.clicked.connect(self.on_delete_clicked)
        self.import_button = self._tool(
            self.tr("Import…"),
            "snippet_import",
            self.tr("Import saved messages from a file"),
            self.tr("Add the messages of a saved-messages file (JSON)"),
        )
        self.import_button.clicked.connect(self.on_import_clicked)
        self.export_button = self._tool(
            self.tr("Export…"),
            "snippet_export",
            self.tr("Export the saved messages to a file"),
            self.tr("Write all saved messages to a file to share (JSON)"),
        )
        self.export_button.clicked.connect(self.on_export_clicked)
        actions = QHBoxLayout()
        actions.setSpacing(2)
        for button in (self.up_button, self.down_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)

        self.status = QLabel(self)
        self.status.setObjectName(f"{self.prefix}.snippet_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.hide()
        self.undo_button = self._tool(
            self.tr("Undo"), "snippet_undo", self.tr("Undo"), self.tr("Undo the last change")
        )
        self.undo_button.clicked.connect(self.on_undo_clicked)
        self.undo_button.hide()
        status_row = QHBoxLayout()
        status_row.setSpacing(4)
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignTop)

        self.duplicates = self._build_duplicates_question()

        self.body = QWidget(self)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(4)
        # Messages go above the list, where they are seen even when the panel is short.
        body.addWidget(self.filter)
        body.addWidget(self.notice)
        body.addWidget(self.duplicates)
        body.addLayout(status_row)
        body.addWidget(self.view, 1)
        body.addWidget(self.empty, 1)
        body.addLayout(save_row)
        body.addLayout(actions)

        # In a short window the controls scroll instead of making the window taller.
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName(f"{self.prefix}.snippet_scroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.body)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.scroll_area, 1)

    def _build_duplicates_question(self) -> QFrame:
        """Asked in the panel when an import has names the list already has."""
        frame = QFrame(self)
        frame.setObjectName(f"{self.prefix}.snippet_duplicates")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.duplicates_text = QLabel(frame)
        self.duplicates_text.setObjectName(f"{self.prefix}.snippet_duplicates_text")
        self.duplicates_text.setWordWrap(True)
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
            button = QPushButton(text, frame)
            self._name(button, name, accessible)
            button.setToolTip(accessible)
            button.clicked.connect(lambda _=False, p=policy: self.finish_import(p))
            grid.addWidget(button, position // 2, position % 2)
        cancel = QPushButton(self.tr("Cancel"), frame)
        self._name(cancel, "snippet_import_cancel", self.tr("Cancel the import"))
        cancel.clicked.connect(self.on_import_cancel_clicked)
        grid.addWidget(cancel, 1, 1)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.duplicates_text)
        layout.addLayout(grid)
        frame.hide()
        return frame

    # -- showing ----------------------------------------------------------------------------

    @property
    def collapsed(self) -> bool:
        return self.scroll_area.isHidden()

    def set_collapsed(self, collapsed: bool) -> None:
        """Fold the panel to its title, giving the space back to its neighbour."""
        self.scroll_area.setHidden(collapsed)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow if collapsed else Qt.ArrowType.DownArrow)
        if collapsed:
            self.setMaximumHeight(self.toggle.sizeHint().height())
        else:
            self.setMaximumHeight(16_777_215)  # QWIDGETSIZE_MAX

    def _show_count(self) -> None:
        total = self.store.rowCount()
        self.toggle.setText(
            self.tr("Saved messages ({count})").format(count=total)
            if total
            else self.tr("Saved messages")
        )
        shown = self.proxy.rowCount()
        if shown:
            self.empty.hide()
            self.view.show()
        else:
            if total:
                self.empty.setText(
                    self.tr("No saved message matches “{filter}”").format(filter=self.filter.text())
                )
            else:
                self.empty.setText(self.tr("No saved messages yet: type a payload and press Save"))
            self.view.hide()
            self.empty.show()
        has_rows = total > 0
        self.export_button.setEnabled(has_rows)
        self.delete_button.setEnabled(shown > 0)
        self.up_button.setEnabled(shown > 1)
        self.down_button.setEnabled(shown > 1)

    def _show_notice(self, text: str) -> None:
        self.notice_text.setText(text)
        self.notice_text.setToolTip(
            self.tr("The saved messages live in {folder}").format(folder=self.store.folder)
        )
        self.notice.setVisible(bool(text))

    def _say(self, text: str, error: bool = False, undo: Callable[[], None] | None = None) -> None:
        """One line of feedback under the list; an undo offer lasts until the next line."""
        self.status.setText(text)
        self.status.setVisible(bool(text))
        self.status.setStyleSheet(f"color: {ERROR_COLOR};" if error else "")
        self._undo = undo
        self.undo_button.setVisible(undo is not None)

    # -- the current message ----------------------------------------------------------------

    def snippet_at(self, index: QModelIndex) -> Snippet | None:
        value = index.data(SNIPPET_ROLE) if index.isValid() else None
        return value if isinstance(value, Snippet) else None

    def index_of(self, name: str) -> QModelIndex:
        """The view's index of the message called `name` (invalid when filtered out)."""
        row = self.store.row_of(name)
        if row is None:
            return QModelIndex()
        return self.proxy.mapFromSource(self.store.index(row))

    def select(self, index: QModelIndex) -> None:
        if index.isValid():
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.view.scrollTo(index)

    def load(self, index: QModelIndex) -> Snippet | None:
        """Put the message at `index` in the editor, as it was typed; nothing is sent.

        Its checksum comes back with it: a request saved with its CRC goes out with it,
        whatever the editor had chosen before.
        """
        snippet = self.snippet_at(index)
        if snippet is None:
            return None
        self.editor.set_draft(
            PayloadDraft(
                snippet.text,
                snippet.mode,
                snippet.encoding,
                snippet.line_ending,
                snippet.checksum,
            )
        )
        self.name_edit.setText(snippet.name)
        return snippet

    def send(self, index: QModelIndex) -> bool:
        """Load the message and send it the way Send does; says so when it cannot be sent."""
        snippet = self.load(index)
        if snippet is None:
            return False
        if not self.editor.send_allowed:
            self._say(self.not_ready.format(name=snippet.name), error=True)
            return False
        self._say("")  # the transcript (or the sender's own status) says how it went
        self.editor.request_send()
        return True

    def selected_rows(self) -> list[int]:
        """Rows of the store that are selected (or current) in this view."""
        indexes = self.view.selectionModel().selectedIndexes()
        if not indexes and self.view.currentIndex().isValid():
            indexes = [self.view.currentIndex()]
        return sorted({self.proxy.mapToSource(index).row() for index in indexes})

    # -- changes ----------------------------------------------------------------------------

    def save_current(self) -> Snippet | None:
        """Save the editor's payload under the typed name; the same name updates that one."""
        name = self.name_edit.text().strip()
        if not name:
            self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self._say(self.tr("Type a name for the payload, then press Enter"))
            return None
        if self.editor.error is not None:
            self._say(
                self.tr("Cannot save: {problem}").format(
                    problem=net_text(self.editor.error.message)
                ),
                True,
            )
            return None
        draft = self.editor.state()
        try:
            snippet = make_snippet(
                name,
                draft.text,
                draft.mode,
                draft.encoding,
                draft.line_ending,
                now=now(),
                checksum=draft.checksum,
            )
        except SnippetError as error:
            self._say(
                self.tr("Cannot save: {problem}").format(problem=net_text(error.message)), True
            )
            return None
        _row, old = self.store.save_snippet(snippet)
        self.name_edit.setText(snippet.name)
        self.select(self.index_of(snippet.name))
        if old is None:
            self._say(self.tr("Saved “{name}”").format(name=snippet.name))
        else:
            self._say(
                self.tr("Updated “{name}”").format(name=snippet.name),
                undo=lambda: self.store.put_back(old),
            )
        return snippet

    def rename(self, index: AnyIndex, name: str) -> bool:
        source = self.proxy.mapToSource(self.proxy.index(index.row(), 0))
        if not source.isValid():
            return False
        old = self.store.snippet(source.row()).name
        try:
            snippet = self.store.rename(source.row(), name)
        except SnippetError as error:
            self._say(
                self.tr("Not renamed: {problem}").format(problem=net_text(error.message)), True
            )
            return False
        if snippet.name != old:
            self._say(self.tr("Renamed “{old}” to “{new}”").format(old=old, new=snippet.name))
            if self.name_edit.text().strip() == old:
                self.name_edit.setText(snippet.name)
        return True

    def delete_selected(self) -> int:
        rows = self.selected_rows()
        if not rows:
            self._say(self.tr("Select the messages to delete first"))
            return 0
        removed = self.store.remove_rows(rows)
        if len(removed) == 1:
            text = self.tr("Deleted “{name}”").format(name=removed[0][1].name)
        else:
            text = self.tr("Deleted {count} saved messages").format(count=len(removed))
        self._say(text, undo=lambda: self._restore(removed))
        return len(removed)

    def _restore(self, removed: list[tuple[int, Snippet]]) -> None:
        names = self.store.restore(removed)
        if names:
            self.select(self.index_of(names[0]))

    def move_current(self, step: int) -> bool:
        """Move the current message up (-1) or down (+1) past its visible neighbour."""
        index = self.view.currentIndex()
        if not index.isValid():
            self._say(self.tr("Select the message to move first"))
            return False
        target = index.row() + step
        if not 0 <= target < self.proxy.rowCount():
            return False
        name = self.store.snippet(self.proxy.mapToSource(index).row()).name
        source_row = self.proxy.mapToSource(index).row()
        target_row = self.proxy.mapToSource(self.proxy.index(target, 0)).row()
        self.store.move(source_row, target_row)
        self.select(self.index_of(name))
        return True

    # -- import and export ------------------------------------------------------------------

    @property
    def file_dialog(self) -> QFileDialog | None:
        """The import or export dialog currently open, if any."""
        return self._dialog

    def _open_dialog(
        self, caption: str, name: str, save: bool, on_chosen: Callable[[str], object]
    ) -> None:
        dialog = QFileDialog(self, caption)
        dialog.setObjectName(f"{self.prefix}.{name}")
        dialog.setAccessibleName(caption)
        dialog.setNameFilters([self.tr("Saved messages (*.json)"), self.tr("All files (*)")])
        if save:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setFileMode(QFileDialog.FileMode.AnyFile)
            dialog.setDefaultSuffix("json")
        else:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        if self._last_directory:
            dialog.setDirectory(self._last_directory)
        if save:
            dialog.selectFile(EXPORT_FILE_NAME)
        dialog.fileSelected.connect(on_chosen)
        dialog.finished.connect(lambda _result: self._on_dialog_finished(dialog))
        self._dialog = dialog
        dialog.open()

    def _on_dialog_finished(self, dialog: QFileDialog) -> None:
        if self._dialog is dialog:
            self._dialog = None
        dialog.deleteLater()

    def import_file(self, path: str | Path) -> bool:
        """Read a saved-messages file; all or nothing. Clashing names are asked about."""
        path = Path(path)
        self._last_directory = str(path.parent)
        self._cancel_pending_import()
        try:
            incoming = read_library_file(path)
        except SnippetError as error:
            self._say(
                self.tr("Nothing was imported from {file}: {problem}").format(
                    file=path.name, problem=net_text(error.message)
                ),
                error=True,
            )
            return False
        if not len(incoming):
            self._say(self.tr("{file} has no saved messages").format(file=path.name))
            return False
        clashes = duplicates(self.store.library, incoming)
        if not clashes:
            self._pending_import = (path.name, incoming)
            return self.finish_import(DuplicatePolicy.SKIP)
        listed = ", ".join(f"“{name}”" for name in clashes[:_NAMES_LISTED])
        if len(clashes) > _NAMES_LISTED:
            listed += " " + self.tr("and {count} more").format(count=len(clashes) - _NAMES_LISTED)
        self.duplicates_text.setText(
            self.tr(
                "{clashes} of the {count} messages in {file} have names already in the list "
                "({names}). What should happen to them?"
            ).format(clashes=len(clashes), count=len(incoming), file=path.name, names=listed)
        )
        self._pending_import = (path.name, incoming)
        self.duplicates.show()
        self._say("")
        return True

    def finish_import(self, policy: DuplicatePolicy) -> bool:
        """Merge the file being imported, answering the question about clashing names."""
        pending = self._pending_import
        self._cancel_pending_import()
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
        self._say(
            self.tr("Imported {file}: {parts}").format(file=file_name, parts=", ".join(parts))
        )
        return True

    def _cancel_pending_import(self) -> None:
        self._pending_import = None
        self.duplicates.hide()

    def export_file(self, path: str | Path, rows: list[int] | None = None) -> bool:
        path = Path(path)
        self._last_directory = str(path.parent)
        try:
            count = self.store.export(path, rows)
        except OSError as error:
            self._say(
                self.tr("Could not export to {path}: {reason}").format(
                    path=path, reason=error.strerror or error
                ),
                error=True,
            )
            return False
        self._say(
            self.tr("Exported {count} saved messages to {file}").format(count=count, file=path.name)
        )
        return True

    # -- slots ------------------------------------------------------------------------------

    def on_toggle_clicked(self) -> None:
        self.set_collapsed(not self.collapsed)
        QSettings().setValue(SETTINGS_COLLAPSED, self.collapsed)

    def on_filter_text_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._show_count()

    def on_view_clicked(self, index: QModelIndex) -> None:
        self.load(index)

    def on_view_double_clicked(self, index: QModelIndex) -> None:
        self.send(index)

    def on_save_clicked(self) -> None:
        self.save_current()

    def on_delete_clicked(self) -> None:
        self.delete_selected()

    def on_up_clicked(self) -> None:
        self.move_current(-1)

    def on_down_clicked(self) -> None:
        self.move_current(+1)

    def on_undo_clicked(self) -> None:
        undo = self._undo
        self._say("")
        if undo is not None:
            undo()

    def on_import_clicked(self) -> None:
        self._open_dialog(
            self.tr("Import saved messages"), "snippet_import_dialog", False, self.import_file
        )

    def on_export_clicked(self) -> None:
        self._open_dialog(
            self.tr("Export saved messages"), "snippet_export_dialog", True, self.export_file
        )

    def on_export_selected_triggered(self) -> None:
        rows = self.selected_rows()
        self._open_dialog(
            self.tr("Export the selected messages"),
            "snippet_export_dialog",
            True,
            lambda path: self.export_file(path, rows),
        )

    def on_import_cancel_clicked(self) -> None:
        self._cancel_pending_import()
        self._say(self.tr("Nothing was imported"))

    def on_view_context_menu_requested(self, position: QPoint) -> None:
        menu = self.context_menu(position)
        menu.popup(self.view.viewport().mapToGlobal(position))

    def _live(self, index: QPersistentModelIndex) -> QModelIndex:
        """Where a remembered item is now (invalid when it is gone)."""
        return self.proxy.index(index.row(), 0) if index.isValid() else QModelIndex()

    def context_menu(self, position: QPoint) -> QMenu:
        """What can be done with the message at `position` (or, off the items, Import)."""
        index = QPersistentModelIndex(self.view.indexAt(position))
        menu = QMenu(self)
        menu.setObjectName(f"{self.prefix}.snippet_menu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if index.isValid():
            entries: list[tuple[str, str, Callable[[], object]]] = [
                (self.tr("Send"), "snippet_menu_send", lambda: self.send(self._live(index))),
                (
                    self.tr("Load into the editor"),
                    "snippet_menu_load",
                    lambda: self.load(self._live(index)),
                ),
                (
                    self.tr("Rename"),
                    "snippet_menu_rename",
                    lambda: self.view.edit(self._live(index)),
                ),
                (self.tr("Delete"), "snippet_menu_delete", self.delete_selected),
                (
                    self.tr("Export selected…"),
                    "snippet_menu_export",
                    self.on_export_selected_triggered,
                ),
            ]
        else:
            entries = [(self.tr("Import…"), "snippet_menu_import", self.on_import_clicked)]
        for text, name, slot in entries:
            action = QAction(text, menu)
            action.setObjectName(f"{self.prefix}.{name}")
            action.triggered.connect(lambda _=False, s=slot: s())
            menu.addAction(action)
        return menu

    # -- keys -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter loads, Ctrl+Enter sends, Del deletes, Alt+Up/Down move (F2 renames)."""
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if self._handle_key(event):
                return True
        return super().eventFilter(watched, event)

    def _handle_key(self, event: QKeyEvent) -> bool:
        if self.view.state() == QAbstractItemView.State.EditingState:
            return False
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        current = self.view.currentIndex()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if modifiers == Qt.KeyboardModifier.ControlModifier:
                self.send(current)
                return True
            if modifiers == Qt.KeyboardModifier.NoModifier:
                self.load(current)
                return True
        if key == Qt.Key.Key_Delete and modifiers == Qt.KeyboardModifier.NoModifier:
            self.delete_selected()
            return True
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and (
            modifiers == Qt.KeyboardModifier.AltModifier
        ):
            self.move_current(-1 if key == Qt.Key.Key_Up else 1)
            return True
        return False


def side_column(top: QWidget, panel: SnippetPanel, parent: QWidget) -> QSplitter:
    """`top` above the saved messages, in a column whose split the user can drag."""
    column = QSplitter(Qt.Orientation.Vertical, parent)
    column.setObjectName(f"{panel.prefix}.side_column")
    column.addWidget(top)
    column.addWidget(panel)
    # The list may be dragged shut (its title button opens it again); it must not make the
    # window taller than it was without it.
    column.setCollapsible(0, False)
    column.setCollapsible(1, True)
    # The top box scrolls on its own; the list's buttons must stay in view.
    column.setStretchFactor(0, 2)
    column.setStretchFactor(1, 3)
    column.setSizes([240, 360])
    return column
