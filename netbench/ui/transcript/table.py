"""The transcript's table view: fixed-height rows, columns sized for their content, and
keys that ask for the inspector.

Split from the transcript widget so the widget is about what the user does (find, copy,
export, record) and this about how rows look and move; the row actions (Inspect, Copy…)
are added by the widget, which owns what they do.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from netbench.ui.transcript.model import Column, TranscriptModel

# Room beside a column's widest expected content.
_PADDING = 18


class TranscriptTable(QTableView):
    """The transcript's table: Enter asks to inspect the current row, and moving with the
    keys says so, for the inspector to follow.

    Signals:
        inspect_requested(): Enter or Return on a row.
        navigated(): the keys moved to another row.
    """

    inspect_requested = Signal()
    navigated = Signal()

    _MOVES = frozenset(
        {
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
            Qt.Key.Key_PageUp,
            Qt.Key.Key_PageDown,
            Qt.Key.Key_Home,
            Qt.Key.Key_End,
        }
    )

    def __init__(self, model: TranscriptModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(False)
        self.setCornerButtonEnabled(False)
        self._size_rows_and_columns(model)

    def _size_rows_and_columns(self, model: TranscriptModel) -> None:
        mono_metrics = QFontMetrics(model.mono_font)
        plain_metrics = self.fontMetrics()
        row_height = max(mono_metrics.height(), plain_metrics.height()) + 6

        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setMinimumSectionSize(row_height)
        rows.setDefaultSectionSize(row_height)

        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        direction_title = str(model.headerData(Column.DIRECTION, Qt.Orientation.Horizontal))
        reads_title = str(model.headerData(Column.READS, Qt.Orientation.Horizontal))
        widths = {
            Column.TIME: mono_metrics.horizontalAdvance("+00000.000000"),
            Column.DIRECTION: max(
                plain_metrics.horizontalAdvance(direction_title),
                mono_metrics.horizontalAdvance("←"),
            ),
            Column.PEER: plain_metrics.horizontalAdvance("255.255.255.255:65535"),
            Column.LENGTH: plain_metrics.horizontalAdvance("1,000,000"),
            # Narrow on purpose: a mark, not the note; longer marks are elided.
            Column.READS: max(
                plain_metrics.horizontalAdvance(reads_title),
                plain_metrics.horizontalAdvance(model.merged_mark(88, 88)),
                plain_metrics.horizontalAdvance(model.split_mark(8)),
            ),
            Column.DATA: mono_metrics.horizontalAdvance("0" * 56),
        }
        for column, width in widths.items():
            header.resizeSection(column, width + _PADDING)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.inspect_requested.emit()
            event.accept()
            return
        current = self.currentIndex()
        super().keyPressEvent(event)
        if key in self._MOVES and self.currentIndex() != current:
            self.navigated.emit()
