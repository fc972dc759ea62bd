"""The exchanges run from this tab, newest first: load one again, export, or clear.

Non-modal, one per tab. Export writes JSON Lines with credentials masked, so a file
shared with a colleague never carries a token.

Signals:
    load_requested(object): the HttpRequest of the entry the user chose to load.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netbench.core.http.history import HistoryEntry
from netbench.ui.http.shared import HttpShared
from netbench.ui.widgets.buttons import push_button
from netbench.ui.widgets.file_dialogs import DialogPurpose, DialogSpec, FileDialogs


class HistoryDialog(QDialog):
    load_requested = Signal(object)

    def __init__(self, shared: HttpShared, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shared = shared
        self.entries: list[HistoryEntry] = []
        self.dialogs = FileDialogs(self)
        self.setObjectName("http.history_dialog")
        self.setWindowTitle(self.tr("HTTP history"))
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("http.history")
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Method"), self.tr("URL"), self.tr("Status"), self.tr("Time")]
        )
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().resizeSection(2, 360)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(lambda _index: self.on_load_clicked())
        self.note = QLabel(self)
        buttons = (
            (self.tr("Load"), "history_load", self.on_load_clicked),
            (self.tr("Export JSON Lines…"), "history_export", self.on_export_clicked),
            (self.tr("Clear"), "history_clear", self.on_clear_clicked),
        )
        self.load, self.export, self.clear = (
            push_button(self, text, "http", control, text, on_click=slot)
            for text, control, slot in buttons
        )
        self.export.setToolTip(self.tr("Authorization and cookies are masked in the file"))
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        for button in (self.load, self.export, self.clear):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.resize(820, 420)

    def refresh(self) -> None:
        store = self.shared.history
        self.entries = store.entries() if store is not None else []
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            when = datetime.fromtimestamp(entry.at).strftime("%Y-%m-%d %H:%M:%S")
            status = str(entry.status) if entry.status else entry.outcome
            for column, text in enumerate(
                (when, entry.method, entry.url, status, f"{entry.seconds * 1000:.0f} ms")
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.note.setText(self.tr("{count} exchanges").format(count=len(self.entries)))

    def show_history(self) -> None:
        self.refresh()
        self.open()

    def on_load_clicked(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.entries):
            self.load_requested.emit(self.entries[row].request)

    def on_export_clicked(self) -> None:
        spec = DialogSpec(
            DialogPurpose.SAVE_FILE,
            self.tr("Export the history"),
            "http.history_export_dialog",
            filters=["JSON Lines (*.jsonl)"],
            default_suffix="jsonl",
        )
        self.dialogs.open(spec, lambda path: self.export_to(Path(path)))

    def export_to(self, path: Path) -> None:
        store = self.shared.history
        if store is None:
            return
        try:
            count = store.export_jsonl(path)
        except OSError as exc:
            self.note.setText(str(exc))
            return
        self.note.setText(
            self.tr("{count} exchanges written to {path}").format(count=count, path=path)
        )

    def on_clear_clicked(self) -> None:
        store = self.shared.history
        if store is not None:
            store.clear()
        self.refresh()
