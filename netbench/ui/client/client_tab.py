"""The Client tab: several sessions side by side, each in its own tab with its own state.

The first session's controls are named ``client.<control>``; later ones
``client.<n>.<control>``, so every name stays unique and tests find the first by its
plain name.
"""

from __future__ import annotations

import asyncio
import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QMenu, QTabWidget, QToolButton, QVBoxLayout, QWidget

from netbench.net.clients import ClientConfig
from netbench.net.engine import Engine
from netbench.net.events import NetEvent
from netbench.net.socket_kinds import SocketKind
from netbench.ui.client.session_panel import SessionPanel
from netbench.ui.runtime.tasks import start_task
from netbench.ui.sending.saved_store import SnippetStore, default_snippets_path


@dataclass(frozen=True)
class Example:
    """A client for one of the tutorials' servers, one click away."""

    key: str
    title: str
    config: ClientConfig
    payload: str
    repeat_count: int = 0
    repeat_interval_ms: int = 0


def examples() -> list[Example]:
    time_echo = ClientConfig(SocketKind.TCP, "127.0.0.1", 9999)
    return [
        Example(
            "time_echo",
            str(QT_TRANSLATE_NOOP("ClientTab", "Client for the TCP time echo server")),
            time_echo,
            "hello",
        ),
        Example(
            "quick_messages",
            str(QT_TRANSLATE_NOOP("ClientTab", "Send 10 quick messages (粘包 demo)")),
            time_echo,
            "message {counter};",
            repeat_count=10,
            repeat_interval_ms=0,
        ),
    ]


class ClientTab(QWidget):
    def __init__(
        self, engine: Engine, parent: QWidget | None = None, snippets: SnippetStore | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("client.tab")
        self.engine = engine
        self.snippets = snippets or SnippetStore(default_snippets_path(), self)
        self._numbers = itertools.count(1)
        self.panels: dict[str, SessionPanel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.sessions = QTabWidget(self)
        self.sessions.setObjectName("client.sessions")
        self.sessions.setAccessibleName(self.tr("Client sessions"))
        self.sessions.setTabsClosable(True)
        self.sessions.setMovable(True)
        self.sessions.setDocumentMode(True)
        self.sessions.tabCloseRequested.connect(self.on_sessions_tab_close_requested)

        self.new_button = QToolButton(self)
        self.new_button.setObjectName("client.new_session")
        self.new_button.setAccessibleName(self.tr("Add a client session"))
        self.new_button.setText(self.tr("+ Session"))
        self.new_button.setToolTip(self.tr("Add another session; each keeps its own connection"))
        self.new_button.clicked.connect(self.add_panel)
        self.examples_button = QToolButton(self)
        self.examples_button.setObjectName("client.examples")
        self.examples_button.setAccessibleName(self.tr("Example clients"))
        self.examples_button.setText(self.tr("Examples"))
        self.examples_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.examples_menu = self.build_examples_menu(self)
        self.examples_button.setMenu(self.examples_menu)
        corner = QWidget(self)
        row = QHBoxLayout(corner)
        row.setContentsMargins(0, 0, 4, 0)
        row.addWidget(self.examples_button)
        row.addWidget(self.new_button)
        self.sessions.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        layout.addWidget(self.sessions)
        self.add_panel()

    # -- sessions ---------------------------------------------------------------------------

    def add_panel(self) -> SessionPanel:
        number = next(self._numbers)
        prefix = "client" if number == 1 else f"client.{number}"
        source = f"client-{number}"
        panel = SessionPanel(prefix, source, self.engine, self.sessions, self.snippets)
        self.panels[source] = panel
        index = self.sessions.addTab(panel, panel.title())
        panel.title_changed.connect(lambda text, p=panel: self._retitle(p, text))
        self.sessions.setCurrentIndex(index)
        return panel

    def _retitle(self, panel: SessionPanel, text: str) -> None:
        index = self.sessions.indexOf(panel)
        if index >= 0:
            self.sessions.setTabText(index, text)

    @property
    def current_panel(self) -> SessionPanel:
        panel = self.sessions.currentWidget()
        assert isinstance(panel, SessionPanel)
        return panel

    def on_sessions_tab_close_requested(self, index: int) -> None:
        panel = self.sessions.widget(index)
        if isinstance(panel, SessionPanel):
            start_task(self._close_panel(panel), name="close session")

    async def _close_panel(self, panel: SessionPanel) -> None:
        await panel.shutdown()
        self.panels.pop(panel.source, None)
        self.sessions.removeTab(self.sessions.indexOf(panel))
        panel.deleteLater()
        if not self.panels:
            self.add_panel()

    # -- examples ---------------------------------------------------------------------------

    def build_examples_menu(self, parent: QWidget) -> QMenu:
        menu = QMenu(self.tr("Examples"), parent)
        menu.setObjectName("client.examples_menu")
        for example in examples():
            action = QAction(self.tr(example.title), menu)  # marked with QT_TRANSLATE_NOOP
            action.setObjectName(f"client.example_{example.key}")
            action.triggered.connect(lambda _=False, e=example: self.run_example(e))
            menu.addAction(action)
        return menu

    def run_example(self, example: Example) -> asyncio.Task[bool]:
        """Fill an idle session (or a new one) as the example says, connect, and send."""
        panel = self.current_panel
        if panel.is_connected:
            idle = [p for p in self.panels.values() if not p.is_connected]
            panel = idle[0] if idle else self.add_panel()
        self.sessions.setCurrentWidget(panel)
        panel.form.apply(example.config)
        panel.editor.set_payload(example.payload)
        if example.repeat_count:
            panel.repeat_count.setValue(example.repeat_count)
            panel.repeat_interval.setValue(example.repeat_interval_ms)
        return start_task(self._run_example(panel, example), name=f"example {example.key}")

    async def _run_example(self, panel: SessionPanel, example: Example) -> bool:
        if not await panel.open_connection():
            return False
        if example.repeat_count:
            return panel.start_repeat()
        return True

    # -- events -----------------------------------------------------------------------------

    def on_events(self, events: Sequence[NetEvent]) -> None:
        """Hand each session the events of its connections (``client-1/2`` → ``client-1``)."""
        by_source: dict[str, list[NetEvent]] = defaultdict(list)
        for event in events:
            by_source[event.source.partition("/")[0]].append(event)
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
