"""The Client tab: several sessions side by side, each in its own tab with its own state.

The first session's controls are named ``client.<control>``; later ones
``client.<n>.<control>``, so every name stays unique and tests find the first by its
plain name.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from netbench.net.clients import ClientConfig
from netbench.net.engine import Engine
from netbench.net.socket_kinds import SocketKind
from netbench.ui.client.session_panel import SessionPanel
from netbench.ui.panels.tab_frame import FrameWords, TabFrame
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


class ClientTab(TabFrame):
    def __init__(
        self, engine: Engine, parent: QWidget | None = None, snippets: SnippetStore | None = None
    ) -> None:
        super().__init__("client", "sessions", engine, parent)
        # One list of saved messages for every sender in the window.
        self.snippets = snippets or SnippetStore(default_snippets_path(), self)
        self.build_frame(
            FrameWords(
                panels=self.tr("Client sessions"),
                new=self.tr("+ Session"),
                new_tip=self.tr("Add another session; each keeps its own connection"),
                examples=self.tr("Example clients"),
            ),
            examples(),
        )

    def panel_noun(self) -> str:
        return "session"

    def create_panel(self, prefix: str, source: str) -> SessionPanel:
        return SessionPanel(prefix, source, self.engine, self.inner, self.snippets)

    def run_example(self, key: str) -> asyncio.Task[bool]:
        """Fill an idle session (or a new one) as the example says, connect, and send."""
        example = self.examples[key]
        panel = self.idle_panel()
        panel.form.apply(example.config)
        panel.editor.set_payload(example.payload)
        if example.repeat_count:
            panel.repeat.set_plan(example.repeat_count, example.repeat_interval_ms)
        return self.start_example(self._run_example(panel, example), key)

    async def _run_example(self, panel: SessionPanel, example: Example) -> bool:
        if not await panel.open_connection():
            return False
        if example.repeat_count:
            return panel.start_repeat()
        return True
