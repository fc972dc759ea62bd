"""The live table of peers of one listener, updated a batch of events at a time.

Signals:
    counts_changed(): peers were added, changed state or were cleared.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from netbench.net.events import (
    CloseReason,
    Connected,
    DataReceived,
    DataSent,
    DataSentUnshown,
    Link,
    NetEvent,
    PeerClosed,
    PeerFinished,
    PeerNotReading,
)
from netbench.ui.runtime.net_text import net_text
from netbench.ui.transcript.model import format_count
from netbench.ui.widgets.close_reasons import close_reason_text
from netbench.ui.widgets.sizes import format_size

MAX_CLOSED_ROWS = 2_000


class PeerState(IntEnum):
    """Where a peer's connection stands, in the order a connection goes through them."""

    OPEN = 0
    HALF_CLOSED = 1
    CLOSED = 2


@dataclass
class PeerRow:
    """One peer of the table: when it came, what it sent and we sent it, and how its
    connection stands (closed rows stay, up to MAX_CLOSED_ROWS)."""

    name: str
    connected_at: float
    messages_in: int = 0
    bytes_in: int = 0
    messages_out: int = 0
    bytes_out: int = 0
    state: PeerState = PeerState.OPEN
    reason: str = ""
    not_reading: bool = False  # our replies back up: we stopped reading from it
    datagram: bool = False  # a datagram peer: no connection, only datagrams from it


class PeerColumn(IntEnum):
    PEER = 0
    CONNECTED = 1
    IN = 2
    OUT = 3
    STATE = 4


translate = QCoreApplication.translate


class PeersModel(QAbstractTableModel):
    counts_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PeerRow] = []
        self._index: dict[str, int] = {}
        self._unannounced: set[int] = set()  # rows changed since the views were told
        self.total_connections = 0
        self.datagram = False  # the listener's peers send datagrams: no connections

    def set_datagram(self, datagram: bool) -> None:
        """Datagram listeners have no connections: the columns say when a peer was first
        heard from instead."""
        if datagram != self.datagram:
            self.datagram = datagram
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(PeerColumn) - 1)

    # -- updates ----------------------------------------------------------------------------

    def apply(self, events: Sequence[NetEvent], announce: bool = True) -> None:
        """Fold a batch into the table: one insert for new peers, one change for the rest.

        New peers are inserted at once; with ``announce`` off, changed counts and states
        are told later, by :meth:`announce` (a flood's updates come faster than the table
        is worth repainting).
        """
        new_rows: list[PeerRow] = []
        changed = self._unannounced
        pending: dict[str, PeerRow] = {}
        for event in events:
            if isinstance(event, Connected):
                row = PeerRow(event.peer, event.wall, datagram=event.link is Link.FIRST_DATAGRAM)
                pending[event.peer] = row
                new_rows.append(row)
                self.total_connections += 1
                continue
            peer = getattr(event, "peer", None)
            if peer is None:
                continue
            row_obj = pending.get(peer)
            if row_obj is None:
                position = self._index.get(peer)
                if position is None:
                    continue
                row_obj = self._rows[position]
                changed.add(position)
            self._update(row_obj, event)
        if new_rows:
            self._insert(new_rows)
            self.counts_changed.emit()
        if announce:
            self.announce()

    def announce(self) -> None:
        """Tell the views of the rows whose counts or state changed since the last time."""
        changed = self._unannounced
        if not changed:
            return
        top, bottom = min(changed), max(changed)
        changed.clear()
        bottom = min(bottom, len(self._rows) - 1)
        if top <= bottom:
            self.dataChanged.emit(self.index(top, 0), self.index(bottom, len(PeerColumn) - 1))
        self.counts_changed.emit()

    @staticmethod
    def _update(row: PeerRow, event: NetEvent) -> None:
        if isinstance(event, DataReceived):
            row.messages_in += len(event.messages)
            row.bytes_in += event.nbytes
        elif isinstance(event, DataSent):
            row.messages_out += 1
            row.bytes_out += len(event.data)
        elif isinstance(event, DataSentUnshown):
            row.messages_out += 1
            row.bytes_out += event.nbytes
        elif isinstance(event, PeerFinished):
            row.state = PeerState.HALF_CLOSED
        elif isinstance(event, PeerNotReading):
            row.not_reading = event.paused
        elif isinstance(event, PeerClosed):
            row.state = PeerState.CLOSED
            reason = close_reason_text(event.reason)
            row.reason = reason + (f": {net_text(event.detail)}" if event.detail else "")
            if event.reason is CloseReason.LIMIT:
                row.reason = reason

    def _insert(self, rows: list[PeerRow]) -> None:
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        for offset, row in enumerate(rows):
            # A peer name reused (UDP source, Unix #n): the newest row answers to it.
            self._index[row.name] = first + offset
        self._rows.extend(rows)
        self.endInsertRows()
        self._trim_closed()

    def _trim_closed(self) -> None:
        closed = [i for i, r in enumerate(self._rows) if r.state is PeerState.CLOSED]
        excess = len(closed) - MAX_CLOSED_ROWS
        if excess > 0:
            self._remove(set(closed[:excess]))

    def clear_closed(self) -> None:
        self._remove({i for i, r in enumerate(self._rows) if r.state is PeerState.CLOSED})
        self.counts_changed.emit()

    def _remove(self, positions: set[int]) -> None:
        if not positions:
            return
        self.beginResetModel()
        self._unannounced.clear()  # a reset makes the views read every row again
        self._rows = [r for i, r in enumerate(self._rows) if i not in positions]
        self._index = {r.name: i for i, r in enumerate(self._rows)}
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._unannounced.clear()
        self._rows.clear()
        self._index.clear()
        self.endResetModel()
        self.counts_changed.emit()

    # -- reading ----------------------------------------------------------------------------

    def row(self, position: int) -> PeerRow:
        return self._rows[position]

    @property
    def open_count(self) -> int:
        return sum(1 for r in self._rows if r.state is not PeerState.CLOSED)

    def open_names(self) -> list[str]:
        return [r.name for r in self._rows if r.state is not PeerState.CLOSED]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PeerColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            PeerColumn.PEER: translate("PeersModel", "Peer"),
            PeerColumn.CONNECTED: (
                translate("PeersModel", "First datagram")
                if self.datagram
                else translate("PeersModel", "Connected")
            ),
            PeerColumn.IN: translate("PeersModel", "In"),
            PeerColumn.OUT: translate("PeersModel", "Out"),
            PeerColumn.STATE: translate("PeersModel", "State"),
        }[PeerColumn(section)]

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = PeerColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column is PeerColumn.STATE:
            return row.reason or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (PeerColumn.IN, PeerColumn.OUT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and row.state is PeerState.CLOSED:
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        return None

    @staticmethod
    def _display(row: PeerRow, column: PeerColumn) -> str:
        if column is PeerColumn.PEER:
            return row.name
        if column is PeerColumn.CONNECTED:
            stamp = time.localtime(row.connected_at)
            return time.strftime("%H:%M:%S", stamp)
        if column is PeerColumn.IN:
            return translate("PeersModel", "{messages} msg · {size}").format(
                messages=format_count(row.messages_in), size=_size(row.bytes_in)
            )
        if column is PeerColumn.OUT:
            return translate("PeersModel", "{messages} msg · {size}").format(
                messages=format_count(row.messages_out), size=_size(row.bytes_out)
            )
        if row.state is not PeerState.CLOSED and row.not_reading:
            return translate("PeersModel", "paused: not reading our replies")
        if row.state is PeerState.OPEN and row.datagram:
            return translate("PeersModel", "no connection (datagrams)")
        if row.state is PeerState.OPEN:
            return translate("PeersModel", "open")
        if row.state is PeerState.HALF_CLOSED:
            return translate("PeersModel", "half-closed by peer")
        return row.reason or translate("PeersModel", "closed")


def _size(nbytes: int) -> str:
    return format_size(nbytes)
