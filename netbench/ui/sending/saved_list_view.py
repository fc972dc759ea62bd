"""The list of saved messages itself: rows easy to hit, names edited in place, and keys.

Apart from the panel (saved_list.py) so the panel is about what a saved message does
(load, send, save, delete) and this about how the list looks and what its keys ask for:
Enter loads, Ctrl+Enter sends, Del deletes, Alt+Up/Down move, F2 renames in place. Its context
menu offers the same, and asks the same way: the list only asks (signals), the panel
decides. It also holds the filter over the store, so rows here are the filter's rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QListView,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from netbench.ui.sending.saved_store import SEARCH_ROLE, SnippetStore
from netbench.ui.widgets.naming import name_widget

# Extra height per row: bare text rows are hard to hit with a double-click.
ROW_PADDING = 6

AnyIndex = QModelIndex | QPersistentModelIndex
Rename = Callable[[AnyIndex, str], object]
"""Renames the message at an index of the list's model; reports a refusal itself."""


class RenameDelegate(QStyledItemDelegate):
    """Inline renaming (F2) that reports a refused name in the panel instead of dropping it."""

    def __init__(self, rename: Rename, parent: QObject) -> None:
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


class SavedMessagesList(QListView):
    """``<prefix>.snippets``: the saved messages of ``model``, one name a row.

    Signals:
        load_requested(QModelIndex): Enter on a message, or Load in its menu.
        send_requested(QModelIndex): Ctrl+Enter on a message, or Send in its menu.
        delete_requested(): Del, or Delete in the menu.
        move_requested(int): Alt+Up (-1) or Alt+Down (+1).
        export_requested(): Export selected… in the menu.
        import_requested(): Import… in the menu off the items.
    """

    load_requested = Signal(QModelIndex)
    send_requested = Signal(QModelIndex)
    delete_requested = Signal()
    move_requested = Signal(int)
    export_requested = Signal()
    import_requested = Signal()

    def __init__(self, prefix: str, store: SnippetStore, rename: Rename, parent: QWidget) -> None:
        super().__init__(parent)
        self.prefix = prefix
        name_widget(self, prefix, "snippets", self.tr("Saved messages"))
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(store)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setModel(self.proxy)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setUniformItemSizes(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(RenameDelegate(rename, self))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(
            lambda position: self.context_menu(position).popup(
                self.viewport().mapToGlobal(position)
            )
        )
        self.setToolTip("")
        self.setWhatsThis(
            self.tr(
                "Click or Enter: load into the editor. Double-click or Ctrl+Enter: send. "
                "F2: rename. Del: delete. Alt+Up/Down: move."
            )
        )

    def select(self, index: QModelIndex) -> None:
        """Make ``index`` (of the filter) the one selected row, and scroll to it."""
        if index.isValid():
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.scrollTo(index)

    def selected_source_rows(self) -> list[int]:
        """Rows of the store that are selected (or current) here."""
        indexes = self.selectionModel().selectedIndexes()
        if not indexes and self.currentIndex().isValid():
            indexes = [self.currentIndex()]
        return sorted({self.proxy.mapToSource(index).row() for index in indexes})

    def context_menu(self, position: QPoint) -> QMenu:
        """What can be done with the message at `position` (or, off the items, Import)."""
        index = QPersistentModelIndex(self.indexAt(position))
        menu = QMenu(self)
        menu.setObjectName(f"{self.prefix}.snippet_menu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if index.isValid():
            entries: list[tuple[str, str, Callable[[], object]]] = [
                (
                    self.tr("Send"),
                    "snippet_menu_send",
                    lambda: self.send_requested.emit(self._live(index)),
                ),
                (
                    self.tr("Load into the editor"),
                    "snippet_menu_load",
                    lambda: self.load_requested.emit(self._live(index)),
                ),
                (self.tr("Rename"), "snippet_menu_rename", lambda: self.edit(self._live(index))),
                (self.tr("Delete"), "snippet_menu_delete", self.delete_requested.emit),
                (self.tr("Export selected…"), "snippet_menu_export", self.export_requested.emit),
            ]
        else:
            entries = [(self.tr("Import…"), "snippet_menu_import", self.import_requested.emit)]
        for text, name, slot in entries:
            action = QAction(text, menu)
            action.setObjectName(f"{self.prefix}.{name}")
            action.triggered.connect(lambda _=False, s=slot: s())
            menu.addAction(action)
        return menu

    def _live(self, index: QPersistentModelIndex) -> QModelIndex:
        """Where a remembered item is now (invalid when it is gone)."""
        return self.proxy.index(index.row(), 0) if index.isValid() else QModelIndex()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._handle_key(event):
            super().keyPressEvent(event)

    def _handle_key(self, event: QKeyEvent) -> bool:
        if self.state() == QAbstractItemView.State.EditingState:
            return False
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        current = self.currentIndex()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if modifiers == Qt.KeyboardModifier.ControlModifier:
                self.send_requested.emit(current)
                return True
            if modifiers == Qt.KeyboardModifier.NoModifier:
                self.load_requested.emit(current)
                return True
        if key == Qt.Key.Key_Delete and modifiers == Qt.KeyboardModifier.NoModifier:
            self.delete_requested.emit()
            return True
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and (
            modifiers == Qt.KeyboardModifier.AltModifier
        ):
            self.move_requested.emit(-1 if key == Qt.Key.Key_Up else 1)
            return True
        return False
