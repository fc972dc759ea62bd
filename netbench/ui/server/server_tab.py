"""The Server tab: several listeners side by side, each in its own tab with its own state.

It stands in the tab frame (``netbench/ui/panels/tab_frame.py``), which numbers and names
the panels; this module says what is the tab's own: its panel, its words, its examples.
"""

from __future__ import annotations

from collections.abc import Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from netbench.core.framing.spec import FramingKind, FramingSpec
from netbench.net.engine import Engine
from netbench.net.listeners import ListenerConfig
from netbench.net.socket_kinds import SocketKind
from netbench.ui.panels.tab_frame import FrameWords, TrafficTab
from netbench.ui.sending.saved_store import SnippetStore
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


class ServerTab(TrafficTab):
    panel_type = ListenerPanel

    def __init__(
        self, engine: Engine, parent: QWidget | None = None, snippets: SnippetStore | None = None
    ) -> None:
        super().__init__("server", "listener", engine, parent, snippets)
        self.build_frame(
            FrameWords(
                panels=self.tr("Listeners"),
                new=self.tr("+ Listener"),
                new_tip=self.tr("Add another listener; each keeps its own state"),
                examples=self.tr("Example servers"),
            ),
            examples(),
        )

    def example_work(self, panel: ListenerPanel, example: Example) -> Coroutine[Any, Any, bool]:
        """Configures the listener as the example says; the work starts it."""
        panel.form.apply(example.config, example.reply)
        return panel.start()
