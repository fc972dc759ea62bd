"""The Server tab: several listeners side by side, each in its own tab with its own state.

It stands in the tab frame (``netbench/ui/panels/tab_frame.py``), which numbers and names
the panels; this module says what is the tab's own: its panel, its words, its examples.
"""

from __future__ import annotations

from collections.abc import Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from netbench.core.framing.spec import FramingKind, FramingSpec
from netbench.core.text import QT_TRANSLATE_NOOP
from netbench.net.listeners import ListenerConfig
from netbench.net.socket_kinds import SocketKind
from netbench.ui.panels.tab_frame import FrameWords, TrafficTab
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
            QT_TRANSLATE_NOOP("ServerTab", "TCP time echo (port 9999)"),
            ListenerConfig(SocketKind.TCP, "127.0.0.1", 9999, framing=raw),
            "ctime",  # the tutorial's own reply: ctime() + data, no brackets
        ),
        Example(
            "upper_echo",
            QT_TRANSLATE_NOOP("ServerTab", "Upper-case echo (port 8080)"),
            ListenerConfig(SocketKind.TCP, "127.0.0.1", 8080, framing=raw),
            "upper",
        ),
        Example(
            "udp_counter",
            QT_TRANSLATE_NOOP("ServerTab", "UDP byte counter (port 1060)"),
            ListenerConfig(SocketKind.UDP, "127.0.0.1", 1060, framing=raw),
            "bytecount",
        ),
        Example(
            "unix_server",
            QT_TRANSLATE_NOOP("ServerTab", "Unix socket server (./sock)"),
            ListenerConfig(SocketKind.UNIX, path=Path("./sock"), framing=raw),
            "echo",
        ),
        Example(
            "http_site",
            QT_TRANSLATE_NOOP("ServerTab", "HTTP static site (port 8000)"),
            ListenerConfig(SocketKind.TCP, "127.0.0.1", 8000, framing=raw),
            "http",
        ),
    ]


class ServerTab(TrafficTab):
    key = "server"
    noun = "listener"
    panel_type = ListenerPanel
    words = FrameWords(
        panels=QT_TRANSLATE_NOOP("ServerTab", "Listeners"),
        new=QT_TRANSLATE_NOOP("ServerTab", "+ Listener"),
        new_tip=QT_TRANSLATE_NOOP("ServerTab", "Add another listener; each keeps its own state"),
        examples=QT_TRANSLATE_NOOP("ServerTab", "Example servers"),
    )

    def frame_examples(self) -> list[Example]:
        return examples()

    def example_work(self, panel: ListenerPanel, example: Example) -> Coroutine[Any, Any, bool]:
        """Configures the listener as the example says; the work starts it."""
        panel.form.apply(example.config, example.reply)
        return panel.start()
