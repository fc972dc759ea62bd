"""One name/value table with a checkbox per row: query parameters, headers, form fields.

A row's checkbox says whether it is sent; an unchecked row stays in the table greyed out,
as Postman and Bruno keep it, so a header can be switched off and on without retyping it.
The last row is always empty: typing in it adds a row, so there is no "Add" button to find.

Signals:
    edited(): the user changed a row (not emitted while :meth:`set_rows` fills the table).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

Row = tuple[bool, str, str]  # enabled, name, value


class KeyValueTable(QTableWidget):
    edited = Signal()

    def __init__(self, name_title: str, value_title: str, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setHorizontalHeaderLabels([name_title, value_title])
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().resizeSection(0, 200)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(24)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self._filling = False
        self.itemChanged.connect(self.on_item_changed)
        self._append_blank()

    # -- rows -------------------------------------------------------------------------------

    def rows(self) -> list[Row]:
        """Every row with a name or a value (the trailing blank row is not a row)."""
        found: list[Row] = []
        for row in range(self.rowCount()):
            name_item, value_item = self.item(row, 0), self.item(row, 1)
            name = name_item.text() if name_item else ""
            value = value_item.text() if value_item else ""
            if name or value:
                enabled = name_item is None or name_item.checkState() == Qt.CheckState.Checked
                found.append((enabled, name, value))
        return found

    def enabled_pairs(self) -> list[tuple[str, str]]:
        return [(name, value) for enabled, name, value in self.rows() if enabled]

    def set_rows(self, rows: Sequence[Row]) -> None:
        self._filling = True
        try:
            self.setRowCount(0)
            for enabled, name, value in rows:
                self._add_row(enabled, name, value)
            self._append_blank()
        finally:
            self._filling = False

    def add_row(self, name: str, value: str, enabled: bool = True) -> None:
        """Adds a row before the trailing blank one (a user edit: ``edited`` follows)."""
        self._filling = True
        try:
            self.removeRow(self.rowCount() - 1)
            self._add_row(enabled, name, value)
            self._append_blank()
        finally:
            self._filling = False
        self.edited.emit()

    def set_enabled(self, row: int, enabled: bool) -> None:
        item = self.item(row, 0)
        if item is not None:
            item.setCheckState(Qt.CheckState.Checked if enabled else Qt.CheckState.Unchecked)

    def _add_row(self, enabled: bool, name: str, value: str) -> None:
        row = self.rowCount()
        self.insertRow(row)
        name_item = QTableWidgetItem(name)
        name_item.setFlags(name_item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        name_item.setCheckState(Qt.CheckState.Checked if enabled else Qt.CheckState.Unchecked)
        self.setItem(row, 0, name_item)
        self.setItem(row, 1, QTableWidgetItem(value))
        self._grey(row, enabled)

    def _append_blank(self) -> None:
        row = self.rowCount()
        self.insertRow(row)
        self.setItem(row, 0, QTableWidgetItem(""))
        self.setItem(row, 1, QTableWidgetItem(""))

    def _grey(self, row: int, enabled: bool) -> None:
        role = QPalette.ColorRole.Text if enabled else QPalette.ColorRole.PlaceholderText
        brush = QBrush(self.palette().color(role))
        for column in range(2):
            item = self.item(row, column)
            if item is not None:
                item.setForeground(brush)

    # -- slots ------------------------------------------------------------------------------

    def on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        self._filling = True
        try:
            row = item.row()
            name_item = self.item(row, 0)
            if row == self.rowCount() - 1 and item.text():
                if name_item is not None and not (
                    name_item.flags() & Qt.ItemFlag.ItemIsUserCheckable
                ):
                    name_item.setFlags(name_item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    name_item.setCheckState(Qt.CheckState.Checked)
                self._append_blank()
            if name_item is not None and name_item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                self._grey(row, name_item.checkState() == Qt.CheckState.Checked)
        finally:
            self._filling = False
        self.edited.emit()
