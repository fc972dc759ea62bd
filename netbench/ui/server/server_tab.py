"""The Server tab: several listeners side by side, each in its own tab with its own state.

The first listener's controls are named ``server.<control>``; later ones
``server.<n>.<control>``, so every name stays unique and tests find the first by its
plain name.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QWidget,
)

from netbench.core.framing.spec import FramingKind, FramingSpec
from netbench.net.engine import Engine
from netbench.net.listeners import ListenerConfig
from netbench.net.socket_kinds import SocketKind
from netbench.ui.panels.tab_frame import FrameWords, TabFrame
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
            "ctime",  # the tutorial's own reply: ctime() + data, no brackets
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


class ServerTab(TabFrame):
    def __init__(
        self, engine: Engine, parent: QWidget | None = None, snippets: SnippetStore | None = None
    ) -> None:
        super().__init__("server", "listeners", engine, parent)
        # One list of saved messages for every sender in the window.
        self.snippets = snippets or SnippetStore(default_snippets_path(), self)
        self.build_frame(
            FrameWords(
                panels=self.tr("Listeners"),
                new=self.tr("+ Listener"),
                new_tip=self.tr("Add another listener; each keeps its own state"),
                examples=self.tr("Example servers"),
            ),
            examples(),
        )

    def panel_noun(self) -> str:
        return "listener"

    def create_panel(self, prefix: str, source: str) -> ListenerPanel:
        return ListenerPanel(prefix, source, self.engine, self.inner, self.snippets)

    def run_example(self, key: str) -> asyncio.Task[bool]:
        """Configure an idle listener (or a new one) as the example says, and start it."""
        example = self.examples[key]
        panel = self.idle_panel()
        panel.form.apply(example.config, example.reply)
        return self.start_example(panel.start(), key)
