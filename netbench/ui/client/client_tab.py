"""The Client tab: several sessions side by side, each in its own tab with its own state.

It stands in the tab frame (``netbench/ui/panels/tab_frame.py``), which numbers and names
the sessions; here are the tab's words and the examples that reach the tutorials' servers.
"""

from __future__ import annotations

from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Any

from netbench.core.text import QT_TRANSLATE_NOOP
from netbench.net.clients import ClientConfig
from netbench.net.socket_kinds import SocketKind
from netbench.ui.client.session_panel import SessionPanel
from netbench.ui.panels.tab_frame import FrameWords, TrafficTab


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
            QT_TRANSLATE_NOOP("ClientTab", "Client for the TCP time echo server"),
            time_echo,
            "hello",
        ),
        Example(
            "quick_messages",
            QT_TRANSLATE_NOOP("ClientTab", "Send 10 quick messages (粘包 demo)"),
            time_echo,
            "message {counter};",
            repeat_count=10,
            repeat_interval_ms=0,
        ),
    ]


class ClientTab(TrafficTab):
    key = "client"
    noun = "session"
    panel_type = SessionPanel
    words = FrameWords(
        panels=QT_TRANSLATE_NOOP("ClientTab", "Client sessions"),
        new=QT_TRANSLATE_NOOP("ClientTab", "+ Session"),
        new_tip=QT_TRANSLATE_NOOP(
            "ClientTab", "Add another session; each keeps its own connection"
        ),
        examples=QT_TRANSLATE_NOOP("ClientTab", "Example clients"),
    )

    def frame_examples(self) -> list[Example]:
        return examples()

    def example_work(self, panel: SessionPanel, example: Example) -> Coroutine[Any, Any, bool]:
        """Fills the session in as the example says; the work connects and sends."""
        panel.form.apply(example.config)
        panel.editor.set_payload(example.payload)
        if example.repeat_count:
            panel.repeat.set_plan(example.repeat_count, example.repeat_interval_ms)
        return self._connect_and_send(panel, example)

    async def _connect_and_send(self, panel: SessionPanel, example: Example) -> bool:
        if not await panel.open_connection():
            return False
        if example.repeat_count:
            return panel.start_repeat()
        return True
