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

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSettings,
    Qt,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from netbench.core.errors import SnippetError
from netbench.core.saved_message_fields import make_snippet
from netbench.core.saved_messages import DuplicatePolicy, Snippet
from netbench.ui.runtime.net_text import net_text
from netbench.ui.sending.payload_draft import PayloadDraft
from netbench.ui.sending.payload_editor import PayloadEditor
from netbench.ui.sending.saved_list_view import SavedMessagesList
from netbench.ui.sending.saved_sharing import SnippetSharing
from netbench.ui.sending.saved_store import SNIPPET_ROLE, SnippetStore, now
from netbench.ui.sending.store_notice import StoreNotice
from netbench.ui.widgets.colors import HINT_COLOR, INPUT_ERROR_COLOR, color_style
from netbench.ui.widgets.control_maker import Controls
from netbench.ui.widgets.naming import name_widget

SETTINGS_COLLAPSED = "snippets/collapsed"
AnyIndex = QModelIndex | QPersistentModelIndex


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
        self.controls = Controls(self, prefix)
        self.controls.name(self, "snippet_panel")
        self.store = store
        self.editor = editor
        self.not_ready = not_ready
        self._undo: Callable[[], None] | None = None
        self.sharing = SnippetSharing(prefix, store, self)
        self.sharing.said.connect(self._say)

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

    def _build(self) -> None:
        self._build_top()
        self._build_list()
        save_row = self._build_save_row()
        actions = self._build_actions()
        status_row = self._build_status_row()

        self.duplicates = self.sharing.question

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

    def _build_top(self) -> None:
        """The title button that folds the panel, the filter, and the store's notice."""
        self.toggle = self.controls.tool_button(
            self.tr("Saved messages"),
            "snippets_toggle",
            self.tr("Show or hide the saved messages"),
            self.tr("Show or hide the saved messages"),
            on_click=self.on_toggle_clicked,
        )
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)

        self.filter = QLineEdit(self)
        name_widget(
            self.filter, self.prefix, "snippet_filter", self.tr("Filter the saved messages")
        )
        self.filter.setPlaceholderText(self.tr("Filter…"))
        self.filter.setToolTip(self.tr("Shows the messages whose name, note or text contains this"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.on_filter_text_changed)

        self.notice = StoreNotice(self.prefix, self)
        self.notice.dismissed.connect(self.store.dismiss_notice)

    def _build_list(self) -> None:
        self.view = SavedMessagesList(self.prefix, self.store, self.rename, self)
        self.proxy = self.view.proxy
        self.view.clicked.connect(self.on_view_clicked)
        self.view.doubleClicked.connect(self.on_view_double_clicked)
        self.view.load_requested.connect(self.load)
        self.view.send_requested.connect(self.send)
        self.view.delete_requested.connect(self.delete_selected)
        self.view.move_requested.connect(self.move_current)
        self.view.export_requested.connect(self.on_export_selected_triggered)
        self.view.import_requested.connect(self.on_import_clicked)
        self.empty = QLabel(self)
        self.empty.setObjectName(f"{self.prefix}.snippets_empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet(color_style(HINT_COLOR))
        self.empty.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)

    def _build_save_row(self) -> QHBoxLayout:
        """A name and Save, for the payload in the editor."""
        self.name_edit = QLineEdit(self)
        name_widget(
            self.name_edit,
            self.prefix,
            "snippet_name",
            self.tr("Name for the payload in the editor"),
        )
        self.name_edit.setPlaceholderText(self.tr("Name…"))
        self.name_edit.setToolTip(
            self.tr("A name for the payload in the editor; a name in the list updates that one")
        )
        self.name_edit.returnPressed.connect(self.on_save_clicked)
        self.save_button = self.controls.push_button(
            self.tr("Save"),
            "snippet_save",
            self.tr("Save the payload in the editor"),
            self.tr("Save the payload in the editor under this name"),
            on_click=self.on_save_clicked,
        )
        save_row = QHBoxLayout()
        save_row.setSpacing(4)
        save_row.addWidget(self.name_edit, 1)
        save_row.addWidget(self.save_button)
        return save_row

    def _build_actions(self) -> QHBoxLayout:
        """Move, delete, import and export."""
        self.up_button = self.controls.tool_button(
            "",
            "snippet_up",
            self.tr("Move the saved message up"),
            self.tr("Move up (Alt+Up)"),
            on_click=self.on_up_clicked,
        )
        self.up_button.setArrowType(Qt.ArrowType.UpArrow)
        self.down_button = self.controls.tool_button(
            "",
            "snippet_down",
            self.tr("Move the saved message down"),
            self.tr("Move down (Alt+Down)"),
            on_click=self.on_down_clicked,
        )
        self.down_button.setArrowType(Qt.ArrowType.DownArrow)
        self.delete_button = self.controls.tool_button(
            self.tr("Delete"),
            "snippet_delete",
            self.tr("Delete the selected saved messages"),
            self.tr("Delete the selected messages (Del); Undo brings them back"),
            on_click=self.on_delete_clicked,
        )
        self.import_button = self.controls.tool_button(
            self.tr("Import…"),
            "snippet_import",
            self.tr("Import saved messages from a file"),
            self.tr("Add the messages of a saved-messages file (JSON)"),
            on_click=self.on_import_clicked,
        )
        self.export_button = self.controls.tool_button(
            self.tr("Export…"),
            "snippet_export",
            self.tr("Export the saved messages to a file"),
            self.tr("Write all saved messages to a file to share (JSON)"),
            on_click=self.on_export_clicked,
        )
        actions = QHBoxLayout()
        actions.setSpacing(2)
        for button in (self.up_button, self.down_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)
        return actions

    def _build_status_row(self) -> QHBoxLayout:
        """One line of feedback, with Undo when the change can be undone."""
        self.status = self.controls.message_label("snippet_status")
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.hide()
        self.undo_button = self.controls.tool_button(
            self.tr("Undo"),
            "snippet_undo",
            self.tr("Undo"),
            self.tr("Undo the last change"),
            on_click=self.on_undo_clicked,
        )
        self.undo_button.hide()
        status_row = QHBoxLayout()
        status_row.setSpacing(4)
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignTop)
        return status_row

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
        self.notice.say(text, str(self.store.folder))

    def _say(self, text: str, error: bool = False, undo: Callable[[], None] | None = None) -> None:
        """One line of feedback under the list; an undo offer lasts until the next line."""
        self.status.setText(text)
        self.status.setVisible(bool(text))
        self.status.setStyleSheet(color_style(INPUT_ERROR_COLOR if error else ""))
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
        self.view.select(index)

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
        return self.view.selected_source_rows()

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
        return self.sharing.dialogs.current

    def import_file(self, path: str | Path) -> bool:
        """Read a saved-messages file; all or nothing. Clashing names are asked about."""
        return self.sharing.import_file(path)

    def finish_import(self, policy: DuplicatePolicy) -> bool:
        """Merge the file being imported, answering the question about clashing names."""
        return self.sharing.finish_import(policy)

    def export_file(self, path: str | Path, rows: list[int] | None = None) -> bool:
        """Write every saved message (or the store's ``rows``) to ``path``."""
        return self.sharing.export_file(path, rows)

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
        self.sharing.choose_import()

    def on_export_clicked(self) -> None:
        self.sharing.choose_export()

    def on_export_selected_triggered(self) -> None:
        self.sharing.choose_export(self.selected_rows())

    def context_menu(self, position: QPoint) -> QMenu:
        """What can be done with the message at `position` (or, off the items, Import)."""
        return self.view.context_menu(position)


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
