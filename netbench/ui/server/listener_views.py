"""A listener's views: the transcript, the ladder of a chosen peer's connection, and its
sockets beside the same in Python. The panel tells it when the listener starts, hands it
the events, and which peer is selected.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QTabWidget, QWidget

from netbench.net.engine import Engine
from netbench.net.events import NetEvent
from netbench.net.listeners import ListenerConfig
from netbench.ui.panels.connection_pages import packet_addresses, watches_tcp
from netbench.ui.panels.ladder_page import LadderPage
from netbench.ui.runtime.tasks import start_task
from netbench.ui.server.listener_sockets import ListenerSocketsPage
from netbench.ui.transcript.view import TranscriptView
from netbench.ui.widgets.control_part import PanelHost
from netbench.ui.widgets.naming import name_widget


class ListenerViews(QTabWidget):
    def __init__(
        self, prefix: str, engine: Engine, transcript: TranscriptView, panel: QWidget
    ) -> None:
        super().__init__(panel)
        name_widget(self, prefix, "views", self.tr("Transcript, ladder or sockets"))
        self.setDocumentMode(True)
        self.config: ListenerConfig | None = None
        self.port = 0
        self.ladder = LadderPage(prefix, engine, self)
        self.sockets = ListenerSocketsPage(
            PanelHost(self, prefix, engine), lambda: getattr(panel, "listener", None)
        )
        self.addTab(transcript, self.tr("Transcript"))
        self.addTab(self.ladder, self.tr("Ladder"))
        self.addTab(self.sockets, self.tr("Socket · Python"))
        self.setTabToolTip(1, self.tr("A connection's packets and TCP states, in time order"))
        self.setTabToolTip(
            2, self.tr("The listening socket or a peer's, and the same calls in Python")
        )
        transcript.files.packet_addresses = lambda: packet_addresses(
            self.sockets.python.log, self.config.kind if self.config else None
        )
        self.ladder.watch_box.toggled.connect(self.on_watch_toggled)

    def started(self, config: ListenerConfig, address: str) -> None:
        """The listener is up at ``address``: its calls, its socket, and the ladder's port."""
        self.config = config
        self.sockets.python.log.listening(config, address)
        self.sockets.python.refresh()
        start_task(self.sockets.read(""), name="listener socket")
        first = address.split(", ")[0]
        port = first.rpartition(":")[2]
        self.port = int(port) if port.isdigit() else 0
        self.ladder.port_address = first
        if self.ladder.watch_box.isChecked():
            self.on_watch_toggled(True)

    def stopped(self) -> None:
        """Stop closed the listening socket: ``s.close()``."""
        self.sockets.python.log.closed()
        self.sockets.python.refresh()

    def on_watch_toggled(self, on: bool) -> None:
        if on and watches_tcp(self.config.kind if self.config else None) and self.port:
            start_task(self.ladder.watch_port(self.port, True), name="watch listener")
        elif not on:
            start_task(self.ladder.stop_watching(), name="unwatch listener")

    def follow(self, events: Sequence[NetEvent]) -> None:
        self.sockets.python.follow(events)

    def after_update(self) -> None:
        self.sockets.python.refresh()

    def peer_selected(self, name: str) -> None:
        """Show the selected peer's connection on the ladder, and its socket."""
        if self.ladder.is_watching:
            self.ladder.show_connection(name)
        start_task(self.sockets.read(name), name="peer socket")

    async def shutdown(self) -> None:
        await self.ladder.shutdown()
