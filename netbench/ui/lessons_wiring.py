"""The Lessons tab's hands on the Server, Client and Lookup tabs.

Tabs never import each other, so this module, which sits between the window and the tabs,
does for a lesson step what a person would: fill a listener's form and press Start, fill a
session's form, connect and send, and switch tabs. It remembers what it started, so the
next step first stops those servers and closes those sessions and can take the same ports.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QTabWidget

from netbench.core.framing.spec import FramingSpec
from netbench.core.lessons import programs
from netbench.core.lessons.steps import ClientStep, Endpoint, ResultTab, ServerStep
from netbench.net.clients import ClientConfig
from netbench.net.listeners import ListenerConfig
from netbench.net.socket_kinds import SocketKind
from netbench.ui.client.client_tab import ClientTab
from netbench.ui.lookup.lookup_tab import LookupTab
from netbench.ui.server.server_tab import ServerTab

FRAMING_KEYS = {"raw": "raw", "lf": "lf", "length": "length"}


@dataclass(eq=False)
class LessonDriver:
    """A :class:`netbench.ui.lessons.host.LessonHost` made of the window's tabs."""

    tabs: QTabWidget
    server_tab: ServerTab
    client_tab: ClientTab
    lookup_tab: LookupTab
    status: Callable[[str], None]
    servers: list[Any] = field(default_factory=list, init=False)  # listener panels lessons started
    sessions: list[Any] = field(default_factory=list, init=False)  # client panels lessons connected

    async def reset(self) -> None:
        for session in self.sessions:
            session.stop_repeat()
            await session.close_connection()
        for server in self.servers:
            await server.stop()
        self.sessions.clear()
        self.servers.clear()

    async def start_server(self, step: ServerStep, directory: str) -> Endpoint | None:
        kind = SocketKind(step.kind)
        path = (Path(directory) / step.path).resolve() if step.path else None
        panel = self.server_tab.idle_panel()
        self.server_tab.inner.setCurrentWidget(panel)
        config = ListenerConfig(kind, "127.0.0.1", step.port, path=path, framing=FramingSpec())
        form = panel.form
        form.apply(config, step.reply)
        form.framing.setCurrentIndex(form.framing.findData(FRAMING_KEYS[step.framing]))
        if step.framing == "length":
            form.prefix_size.setCurrentIndex(form.prefix_size.findData(4))
            form.byteorder.setCurrentIndex(form.byteorder.findData("big"))
            form.counts_header.setChecked(False)
        form.rules.setPlainText(step.rules)
        form.close_after.setChecked(step.close_after)
        form.delay.setValue(0)
        form.remove_stale.setChecked(True)  # the file a stopped lesson server left
        self.servers.append(panel)
        if await panel.start():
            return _endpoint(panel.listener.address, kind, moved=False)
        if kind.uses_path or step.port == 0:
            return None
        form.port.setText("0")  # the tutorial's port is busy here: take any
        if await panel.start():
            return _endpoint(panel.listener.address, kind, moved=True)
        return None

    async def start_client(self, kind: str, endpoint: Endpoint, step: ClientStep) -> bool:
        panel = self.client_tab.idle_panel()
        self.client_tab.inner.setCurrentWidget(panel)
        path = Path(endpoint.path) if endpoint.path else None
        panel.form.apply(ClientConfig(SocketKind(kind), "127.0.0.1", endpoint.port, path=path))
        payload = programs.render(step.payload, endpoint.port, endpoint.path)
        panel.editor.set_payload(payload, step.mode, line_ending=step.line_ending)
        panel.editor.length_header.set_spec(step.length_header)  # None: a reused panel's goes
        if step.repeat:
            panel.repeat.set_plan(step.repeat, step.interval_ms)
        self.sessions.append(panel)
        if not await panel.open_connection():
            return False
        if step.repeat:
            return bool(panel.start_repeat())
        panel.editor.request_send()
        return True

    def show_result(self, tab: ResultTab, page: str = "") -> None:
        widgets = {
            ResultTab.SERVER: self.server_tab,
            ResultTab.CLIENT: self.client_tab,
            ResultTab.LOOKUP: self.lookup_tab,
        }
        widget = widgets.get(tab)
        if widget is not None:
            self.tabs.setCurrentWidget(widget)
        if page:
            self.lookup_tab.show_page(page)

    def show_status(self, text: str) -> None:
        self.status(text)


def _endpoint(address: str, kind: SocketKind, *, moved: bool) -> Endpoint:
    if kind.uses_path:
        return Endpoint(path=address)
    port = address.split(", ")[0].rpartition(":")[2]
    return Endpoint(port=int(port), moved=moved)
