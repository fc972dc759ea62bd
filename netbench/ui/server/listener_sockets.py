"""A listener's sockets and its As Python page, side by side: the listening socket or a
chosen peer's (family, type, fileno, getsockname, getpeername, SO_REUSEADDR and the other
options, as :mod:`netbench.net.socket_info` reads them), beside the calls that made them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSplitter

from netbench.net.socket_info import SocketInfo, listener_sockets
from netbench.ui.panels.python_page import PythonPage
from netbench.ui.runtime.tasks import start_task
from netbench.ui.widgets.control_maker import Controls
from netbench.ui.widgets.control_part import PanelHost
from netbench.ui.widgets.layouts import column
from netbench.ui.widgets.socket_info_view import SocketInfoView


class ListenerSocketsPage(QSplitter):
    def __init__(self, host: PanelHost, listener: Callable[[], object | None]) -> None:
        super().__init__(host.parent)
        self.prefix = host.prefix
        self.engine = host.engine
        self.listener = listener
        self.infos: dict[str, SocketInfo] = {}
        controls = Controls(self, host.prefix)
        self.which = controls.name(
            QComboBox(self), "socket_choice", self.tr("Which socket to show")
        )
        self.which.currentIndexChanged.connect(self.show_chosen)
        self.refresh_button = controls.push_button(
            self.tr("Refresh"), "socket_refresh", self.tr("Read again"), "", self.on_refresh_clicked
        )
        self.view = SocketInfoView(
            host.prefix, self.tr("Start the listener to see its socket, and pick a peer's."), self
        )
        row = QHBoxLayout()
        row.addWidget(self.which, 1)
        row.addWidget(self.refresh_button)
        self.python = PythonPage(host.prefix, "server", self)
        self.addWidget(column(self, row, self.view, stretch=self.view))
        self.addWidget(self.python)
        self.setStretchFactor(0, 2)
        self.setStretchFactor(1, 3)

    def on_refresh_clicked(self) -> None:
        start_task(self.read(), name=f"socket info {self.prefix}")

    async def read(self, choose: str | None = None) -> None:
        """Read the listener's sockets again; show ``choose`` (a peer, "" the listener)."""
        listener = self.listener()
        found = await self.engine.run(_read(listener)) if listener is not None else []
        current = self.which.currentData() if choose is None else choose
        self.infos = dict(found)
        self.which.blockSignals(True)
        self.which.clear()
        for name, _info in found:
            label = name or self.tr("Listening socket")
            if name:
                label = self.tr("Peer {peer}").format(peer=name)
            if self.which.findData(name) < 0:
                self.which.addItem(label, name)
        self.which.setCurrentIndex(max(self.which.findData(current), 0))
        self.which.blockSignals(False)
        self.show_chosen()

    def show_chosen(self) -> None:
        self.view.show_info(self.infos.get(self.which.currentData() or ""))


async def _read(listener: object) -> list[tuple[str, SocketInfo]]:
    return listener_sockets(listener)
