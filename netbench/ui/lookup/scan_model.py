"""The port check's results table: rows added in batches as the scan reports, sortable.

A scan of every port makes 65,535 results; a QTableWidget item per cell would be 300,000
objects. This model keeps the results themselves and, like nmap, hides closed ports
unless asked: a person looks for what is open (or filtered, or failing), and the table of
a full scan stays a few rows long.
"""

from __future__ import annotations

import functools
import ipaddress
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from netbench.core.lookup.scan_report import PortResult, PortState
from netbench.ui.widgets.colors import ERROR_COLOR, OK_COLOR, WARNING_COLOR

Index = QModelIndex | QPersistentModelIndex
_STATE_COLORS = {
    PortState.OPEN: OK_COLOR,
    PortState.FILTERED: WARNING_COLOR,
    PortState.ERROR: ERROR_COLOR,
}


# nmap's word for each state, marked for translation and translated when shown.
_STATE_WORDS = {
    PortState.OPEN: QT_TRANSLATE_NOOP("ScanModel", "open"),
    PortState.CLOSED: QT_TRANSLATE_NOOP("ScanModel", "closed"),
    PortState.FILTERED: QT_TRANSLATE_NOOP("ScanModel", "filtered"),
    PortState.ERROR: QT_TRANSLATE_NOOP("ScanModel", "error"),
}


def state_words(state: PortState) -> str:
    """The state in the user's language (the CSV and the copied text keep nmap's words)."""
    return QCoreApplication.translate("ScanModel", str(_STATE_WORDS[state]))


@functools.lru_cache(maxsize=4096)
def host_key(host: str) -> tuple[int, int, str]:
    """Addresses in numeric order (IPv4 first), names after them."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return (9, 0, host)
    return (address.version, int(address), "")


def _sort_key(column: int) -> Any:
    keys = (
        lambda r: (host_key(r.host), r.port),
        lambda r: (list(PortState).index(r.state), r.port),
        lambda r: r.seconds,
        lambda r: (r.service, r.port),
        lambda r: (r.detail, r.port),
    )
    return keys[column]


class ScanModel(QAbstractTableModel):
    COLUMNS = 5

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[PortResult] = []
        self.show_closed = False
        self.show_hosts = False  # a check of several hosts: each row says which
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def headers(self) -> list[str]:
        return [
            self.tr("Address and port") if self.show_hosts else self.tr("Port"),
            self.tr("State"),
            self.tr("Time (ms)"),
            self.tr("Service"),
            self.tr("Detail"),
        ]

    def wanted(self, result: PortResult) -> bool:
        return self.show_closed or result.state is not PortState.CLOSED

    # -- changing -------------------------------------------------------------------------

    def clear(self) -> None:
        self.set_results(())

    def set_results(self, results: Iterable[PortResult]) -> None:
        self.beginResetModel()
        self.rows = [r for r in results if self.wanted(r)]
        self._apply_sort()
        self.endResetModel()

    def add(self, results: Sequence[PortResult]) -> None:
        """A batch from the scan: appended, or merged in order when the table is sorted."""
        new = [r for r in results if self.wanted(r)]
        if not new:
            return
        if self._sort is not None:
            self.beginResetModel()
            self.rows += new
            self._apply_sort()
            self.endResetModel()
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self.rows += new
        self.endInsertRows()

    def _apply_sort(self) -> None:
        if self._sort is not None:
            column, order = self._sort
            self.rows.sort(key=_sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)

    # -- Qt's side --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        result = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            port = f"{result.port}/tcp"
            values = (
                f"{result.host} {port}" if self.show_hosts else port,
                state_words(result.state),
                f"{result.seconds * 1000:.1f}",
                result.service,
                result.detail,
            )
            return values[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            color = _STATE_COLORS.get(result.state)
            return QColor(color) if color else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 2):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._apply_sort()
        self.layoutChanged.emit()
