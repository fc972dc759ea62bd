"""This machine: interfaces, default routes and sockets, as ``ip addr`` and ``ss -tunap``.

Read by psutil on the engine (it walks /proc and can be slow on a busy machine), once
when the page is first shown and again on Refresh. A listening socket found here is one
click from a Client session: the page only emits :attr:`MachinePage.open_client_requested`
and the window hands it to the Client tab, so the tab packages stay independent.

Signals:
    open_client_requested(str host, int port, str protocol): "tcp" or "udp".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from netbench.core.lookup.sockets_table import SocketRow, SocketsReport, filter_sockets
from netbench.net.engine import Engine
from netbench.net.lookup.machine import Interface, RoutesReport, interfaces, routes, sockets
from netbench.ui.lookup.page import LookupPage
from netbench.ui.runtime.net_text import net_text
from netbench.ui.widgets.layouts import column, labelled_row

_WILDCARDS = {"0.0.0.0": "127.0.0.1", "::": "::1", "*": "127.0.0.1"}


def connect_target(row: SocketRow) -> tuple[str, int] | None:
    """Where a client reaches the socket's local port (a wildcard becomes loopback)."""
    if row.protocol == "unix" or ":" not in row.local:
        return None
    host, _, port = row.local.rpartition(":")
    host = host.strip("[]")
    if not port.isdigit():
        return None
    return _WILDCARDS.get(host, host), int(port)


class MachinePage(LookupPage):
    open_client_requested = Signal(str, int, str)

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__("machine", engine, parent)
        self.interfaces_found: tuple[Interface, ...] = ()
        self.sockets_report: SocketsReport | None = None
        self.shown_rows: tuple[SocketRow, ...] = ()
        self._loaded = False
        self._build()

    def _build(self) -> None:
        self.refresh_button = self.button(
            self.tr("Refresh"), "refresh", self.tr("Read the machine again"), self.refresh
        )
        self.interfaces = self.table(
            "interfaces",
            self.tr("Network interfaces"),
            [self.tr("Name"), self.tr("State"), "MTU", "MAC", self.tr("Addresses")],
        )
        self.routes = self.status_label("routes")
        self.filter = self.named(QLineEdit(self), "sockets_filter", self.tr("Filter the sockets"))
        self.filter.setPlaceholderText(
            self.tr("text anywhere in a row: a port, an address, a process")
        )
        self.filter.textChanged.connect(self.show_sockets)
        self.protocol = self.named(QComboBox(self), "sockets_protocol", self.tr("Protocol"))
        self.protocol.addItem(self.tr("TCP and UDP"), "inet")  # what ss -tunap lists
        self.protocol.addItem(self.tr("All protocols"), "")
        for protocol in ("tcp", "udp", "unix"):
            self.protocol.addItem(protocol.upper(), protocol)
        self.protocol.currentIndexChanged.connect(self.show_sockets)
        self.listening = self.check_box(
            self.tr("Listening only"), "sockets_listening", self.show_sockets
        )
        self.sockets = self.table(
            "sockets",
            self.tr("Sockets of this machine"),
            [
                self.tr("Proto"),
                self.tr("State"),
                self.tr("Local"),
                self.tr("Peer"),
                self.tr("Process"),
            ],
        )
        self.sockets.setSortingEnabled(True)
        self.sockets.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.sockets.itemSelectionChanged.connect(self._update_open_button)
        self.note = self.status_label("sockets_note")
        self.open_client = self.button(
            self.tr("Open a Client session to this port"),
            "open_client",
            self.tr("Open a Client session to the selected socket's port"),
            self.request_client,
        )
        self.open_client.setEnabled(False)
        self._lay_out()

    def _lay_out(self) -> None:
        head = QHBoxLayout()
        head.addWidget(self.routes, 1)
        head.addWidget(self.refresh_button)
        filters = labelled_row(
            self,
            self.tr("Sockets"),
            (self.filter, 2),
            self.protocol,
            self.listening,
            self.open_client,
        )
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.interfaces)
        split.addWidget(column(self, filters, self.sockets, self.note, stretch=self.sockets))
        split.addWidget(self.log)
        split.setSizes([150, 300, 100])
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(split, 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.refresh()

    def refresh(self) -> None:
        self._loaded = True
        self.show_status(self.routes, self.tr("Reading…"))
        self.ask(interfaces, self.show_interfaces, name="lookup interfaces")
        self.ask(routes, self.show_routes, name="lookup routes")
        self.ask(sockets, self.show_socket_report, name="lookup sockets")

    def show_interfaces(self, found: tuple[Interface, ...]) -> None:
        self.interfaces_found = found
        up, down = self.tr("up"), self.tr("down")
        rows = [
            (
                i.name,
                up if i.up else down,
                i.mtu,
                i.mac or "-",
                ", ".join(str(a) for a in i.addresses),
            )
            for i in found
        ]
        self.fill(self.interfaces, rows)
        self.log.add(self.tr("Interfaces"), "\n".join(i.to_text() for i in found))

    def show_routes(self, report: RoutesReport) -> None:
        if report.defaults:
            text = "; ".join(r.to_text() for r in report.defaults)
            self.show_status(self.routes, self.tr("Default route: {routes}").format(routes=text))
        else:
            self.show_status(self.routes, net_text(report.note or self.tr("No default route")))
        self.log.add(self.tr("Default routes"), report.to_text() or "-")

    def show_socket_report(self, report: SocketsReport) -> None:
        self.sockets_report = report
        self.show_status(self.note, net_text(report.note or ""))
        self.show_sockets()
        self.log.add(self.tr("Sockets"), report.to_text())

    def show_sockets(self) -> None:
        report = self.sockets_report
        if report is None:
            return
        protocol = str(self.protocol.currentData() or "")
        protocols = ("tcp", "udp") if protocol == "inet" else (protocol,) if protocol else ()
        states: tuple[str, ...] = ("LISTEN",) if self.listening.isChecked() else ()
        if self.listening.isChecked() and "udp" in protocols + (("udp",) if not protocol else ()):
            states = ("LISTEN", "")  # a bound UDP socket has no state, and listens too
        self.shown_rows = filter_sockets(
            report.rows,
            self.filter.text(),
            protocols=protocols,
            states=states,
        )
        rows = [
            (r.protocol, r.state or "-", r.local, r.remote or "-", _owner(r))
            for r in self.shown_rows
        ]
        self.fill(self.sockets, rows)
        self._update_open_button()

    def selected_row(self) -> SocketRow | None:
        """The socket of the selected table row (the table may be sorted)."""
        items = self.sockets.selectedItems()
        if not items:
            return None
        r = items[0].row()
        cells = [(cell.text() if (cell := self.sockets.item(r, c)) else "") for c in range(3)]
        for row in self.shown_rows:
            if [row.protocol, row.state or "-", row.local] == cells:
                return row
        return None

    def _update_open_button(self) -> None:
        row = self.selected_row()
        self.open_client.setEnabled(row is not None and connect_target(row) is not None)

    def request_client(self) -> None:
        row = self.selected_row()
        target = connect_target(row) if row is not None else None
        if row is None or target is None:
            return
        self.open_client_requested.emit(target[0], target[1], row.protocol.rstrip("6"))


def _owner(row: SocketRow) -> str:
    if row.pid is None:
        return "-"
    return f"{row.process}({row.pid})"
