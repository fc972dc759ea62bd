"""A session's Ladder and As Python pages, beside its transcript and load test: the
panel says when it connects and what its buttons did, and hands over the events."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget

from netbench.net.clients import ClientConfig
from netbench.net.engine import Engine
from netbench.net.events import NetEvent
from netbench.net.socket_info import SocketInfo
from netbench.ui.panels.connection_pages import packet_addresses, watches_tcp
from netbench.ui.panels.ladder_page import LadderPage
from netbench.ui.panels.python_page import PythonPage
from netbench.ui.transcript.view import TranscriptView


class SessionPages:
    """The pages, added to the session's ``views``; the log of the calls in ``log``."""

    def __init__(
        self, prefix: str, engine: Engine, views: QTabWidget, transcript: TranscriptView
    ) -> None:
        self.config: ClientConfig | None = None
        self.ladder = LadderPage(prefix, engine, views)
        self.python = PythonPage(prefix, "client", views)
        self.log = self.python.log
        views.addTab(self.ladder, QCoreApplication.translate("SessionPages", "Ladder"))
        views.setTabToolTip(
            views.count() - 1,
            QCoreApplication.translate(
                "SessionPages", "The connection's packets and TCP states, in time order"
            ),
        )
        views.addTab(self.python, QCoreApplication.translate("SessionPages", "As Python"))
        views.setTabToolTip(
            views.count() - 1,
            QCoreApplication.translate("SessionPages", "What you did, as Python socket calls"),
        )
        transcript.files.packet_addresses = lambda: packet_addresses(
            self.log, self.config.kind if self.config else None
        )

    async def connecting(self, config: ClientConfig) -> None:
        """Before the connection opens: watch the server's port, so the handshake shows."""
        self.config = config
        if self.ladder.watch_box.isChecked() and watches_tcp(config.kind):
            await self.ladder.watch_port(config.port, False)

    def connected(self, config: ClientConfig, info: SocketInfo | None) -> None:
        local, peer = (info.local, info.peer) if info is not None else ("", config.target())
        self.log.connected(config, str(local), peer)
        self.python.refresh()
        if self.ladder.is_watching and info is not None:
            self.ladder.port_address = peer
            self.ladder.show_connection(str(local))

    def follow(self, events: Sequence[NetEvent]) -> None:
        self.python.follow(events)

    async def shutdown(self) -> None:
        await self.ladder.shutdown()
