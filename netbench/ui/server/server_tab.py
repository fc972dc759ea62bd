"""The Server tab: several listeners side by side, each in its own tab with its own state.

The first listener's controls are named ``server.<control>``; later ones
``server.<n>.<control>``, so every name stays unique and tests find the first by its
plain name.
"""

from __future__ import annotations

import asyncio
import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from netbench.core.framing.spec import FramingKind, FramingSpec
from netbench.net.engine import Engine
from netbench.net.events import NetEvent
from netbench.net.listeners import ListenerConfig
from netbench.net.socket_kinds import SocketKind
from netbench.ui.runtime.tasks import start_task
from netbench.ui.sending.saved_store import SnippetStore, default_snippets_path
from netbench.ui.server.listener_panel import ListenerPanel


@dataclass(frozen=True)
class Example:
    """One of the tutorials' servers, one click away."""

    key: str
    title: str
    config: ListenerConfig
    reply: str


def examples() -> list[Example]:
    raw = FramingSpec(kind=FramingKind.RAW)
    return [
        Example(
            "time_echo",
            str(QT_TRANSLATE_NOOP("ServerTab", "TCP time echo (port 9999)")),
            ListenerConfig(SocketKind.TCP, "127.0.0.1", 9999, framing=raw),
            "timestamp",
        ),
        Example(
            "upper_echo",
            str(QT_TRANSLATE_NOOP("ServerTab", "Upper-case echo (port 8080)")),
            ListenerConfig(SocketKind.TCP, "127.0.0.1", 8080, framing=raw),
            "upper",
        ),
        Example(
            "udp_counter",
            str(QT_TRANSLATE_NOOP("ServerTab", "UDP byte counter (port 1060)")),
            ListenerConfig(SocketKind.UDP, "127.0.0.1", 1060, framing=raw),
            "bytecount",
        ),
        Example(
            "unix_server",
            str(QT_TRANSLATE_NOOP("ServerTab", "Unix socket server (./sock)")),
            ListenerConfig(SocketKind.UNIX, path=Path("./sock"), framing=raw),
            "echo",
        ),
        Example(
            "http_site",
            str(QT_TRANSLATE_NOOP("ServerTab", "HTTP static site (port 8000)")),
            ListenerConfig(SocketKind.TCP, "127.0.0.1", 8000, framing=raw),
            "http",
        ),
    ]


class ServerTab(QWidget):
    def __init__(
        self, engine: Engine, parent: QWidget | None = None, snippets: SnippetStore | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("server.tab")
        self.engine = engine
        self.snippets = snippets or SnippetStore(default_snippets_path(), self)
        self._numbers = itertools.count(1)
        self.panels: dict[str, ListenerPanel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.listeners = QTabWidget(self)
        self.listeners.setObjectName("server.listeners")
        self.listeners.setAccessibleName(self.tr("Listeners"))
        self.listeners.setTabsClosable(True)
        self.listeners.setMovable(True)
        self.listeners.setDocumentMode(True)
        self.listeners.tabCloseRequested.connect(self.on_listeners_tab_close_requested)

        self.new_button = QToolButton(self)
        self.new_button.setObjectName("server.new_listener")
        self.new_button.setAccessibleName(self.tr("Add a listener"))
        self.new_button.setText(self.tr("+ Listener"))
        self.new_button.setToolTip(self.tr("Add another listener; each keeps its own state"))
        self.new_button.clicked.connect(self.add_panel)
        self.examples_button = QToolButton(self)
        self.examples_button.setObjectName("server.examples")
        self.examples_button.setAccessibleName(self.tr("Example servers"))
        self.examples_button.setText(self.tr("Examples"))
        self.examples_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.examples_menu = self.build_examples_menu(self)
        self.examples_button.setMenu(self.examples_menu)
        corner = QWidget(self)
        corner_layout = QVBoxLayout(corner)
        corner_layout.setContentsMargins(0, 0, 4, 0)
        row = QWidget(corner)
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.examples_button)
        row_layout.addWidget(self.new_button)
        corner_layout.addWidget(row)
        self.listeners.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        layout.addWidget(self.listeners)
        self.add_panel()

    # -- panels -----------------------------------------------------------------------------

    def add_panel(self) -> ListenerPanel:
        number = next(self._numbers)
        prefix = "server" if number == 1 else f"server.{number}"
        source = f"server-{number}"
        panel = ListenerPanel(prefix, source, self.engine, self.listeners, self.snippets)
        self.panels[source] = panel
        index = self.listeners.addTab(panel, panel.title())
        panel.title_changed.connect(lambda text, p=panel: self._retitle(p, text))
        self.listeners.setCurrentIndex(index)
        return panel

    def _retitle(self, panel: ListenerPanel, text: str) -> None:
        index = self.listeners.indexOf(panel)
        if index >= 0:
            self.listeners.setTabText(index, text)

    @property
    def current_panel(self) -> ListenerPanel:
        panel = self.listeners.currentWidget()
        assert isinstance(panel, ListenerPanel)
        return panel

    def on_listeners_tab_close_requested(self, index: int) -> None:
        panel = self.listeners.widget(index)
        if not isinstance(panel, ListenerPanel):
            return
        start_task(self._close_panel(panel), name="close listener")

    async def _close_panel(self, panel: ListenerPanel) -> None:
        await panel.shutdown()
        self.panels.pop(panel.source, None)
        self.listeners.removeTab(self.listeners.indexOf(panel))
        panel.deleteLater()
        if not self.panels:
            self.add_panel()

    # -- examples ---------------------------------------------------------------------------

    def build_examples_menu(self, parent: QWidget) -> QMenu:
        menu = QMenu(self.tr("Examples"), parent)
        menu.setObjectName("server.examples_menu")
        for example in examples():
            action = QAction(self.tr(example.title), menu)  # marked with QT_TRANSLATE_NOOP
            action.setObjectName(f"server.example_{example.key}")
            action.triggered.connect(lambda _=False, e=example: self.run_example(e))
            menu.addAction(action)
        return menu

    def run_example(self, example: Example) -> asyncio.Task[bool]:
        """Configure an idle listener (or a new one) as the example says, and start it."""
        panel = self.current_panel
        if panel.is_running:
            idle = [p for p in self.panels.values() if not p.is_running]
            panel = idle[0] if idle else self.add_panel()
        self.listeners.setCurrentWidget(panel)
        panel.form.apply(example.config, example.reply)
        return start_task(panel.start(), name=f"example {example.key}")

    # -- events -----------------------------------------------------------------------------

    def on_events(self, events: Sequence[NetEvent]) -> None:
        """Hand each listener the events that are its own."""
        by_source: dict[str, list[NetEvent]] = defaultdict(list)
        for event in events:
            by_source[event.source].append(event)
        for source, batch in by_source.items():
            panel = self.panels.get(source)
            if panel is not None:
                panel.apply_events(batch)

    @property
    def is_backlogged(self) -> bool:
        return any(panel.is_backlogged for panel in self.panels.values())

    async def shutdown(self) -> None:
        await asyncio.gather(*(p.shutdown() for p in self.panels.values()))

    def close_files(self) -> None:
        """Closing the window: recordings are flushed and closed before the process ends."""
        for panel in self.panels.values():
            panel.transcript.stop_recording(quiet=True)
