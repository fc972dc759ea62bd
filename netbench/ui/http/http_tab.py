"""The HTTP tab: requests side by side, each in its own inner tab, sharing one client.

The first request's controls are named ``http.<control>``; later ones
``http.<n>.<control>``. The examples talk to the Server tab's HTTP site on port 8000, so
they work offline: the window hands this tab ``local_site``, a way to start that site,
and this package never imports the Server tab.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from netbench.core.http.model import BytesBody, Header, HttpRequest
from netbench.core.text import QT_TRANSLATE_NOOP
from netbench.net.engine import Engine
from netbench.ui.http.history_dialog import HistoryDialog
from netbench.ui.http.request_panel import RequestPanel
from netbench.ui.http.shared import HttpShared
from netbench.ui.panels.tab_frame import FrameWords, TabFrame

SITE = "http://127.0.0.1:8000/"


@dataclass(frozen=True)
class Example:
    key: str
    title: str
    request: HttpRequest


def examples() -> list[Example]:
    json_text = '{\n  "greeting": "hello",\n  "count": 3\n}\n'
    return [
        Example(
            "server_site",
            QT_TRANSLATE_NOOP("HttpTab", "GET the Server tab's HTTP site (port 8000)"),
            HttpRequest("GET", SITE, (Header("Accept", "text/html"),)),
        ),
        Example(
            "json_post",
            QT_TRANSLATE_NOOP("HttpTab", "JSON POST to the HTTP site (it answers 405)"),
            HttpRequest("POST", SITE, body=BytesBody(json_text.encode(), "application/json")),
        ),
        Example(
            "head",
            QT_TRANSLATE_NOOP("HttpTab", "HEAD: the headers without the body"),
            HttpRequest("HEAD", SITE),
        ),
    ]


class HttpTab(TabFrame):
    """Signals:
    open_client_requested(str, int, str, object): host, port, "tcp" or "tls" and the
        request's bytes: the window fills a Client session with them (tabs never import
        each other).
    """

    open_client_requested = Signal(str, int, str, object)
    key = "http"
    noun = "request"
    words = FrameWords(
        panels=QT_TRANSLATE_NOOP("HttpTab", "Requests"),
        new=QT_TRANSLATE_NOOP("HttpTab", "+ Request"),
        new_tip=QT_TRANSLATE_NOOP("HttpTab", "Add another request; each keeps its own response"),
        examples=QT_TRANSLATE_NOOP("HttpTab", "Example requests"),
    )

    def __init__(self, engine: Engine, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(engine, parent)
        self.shared = HttpShared(engine, data_dir)
        self.local_site: Callable[[], Awaitable[bool]] | None = None
        self.history_dialog: HistoryDialog | None = None
        self.build_frame()

    def frame_examples(self) -> list[Example]:
        return examples()

    def create_panel(self, prefix: str, source: str) -> RequestPanel:
        panel = RequestPanel(prefix, source, self.shared, self.inner)
        panel.request_menu.more_requests.connect(self.open_requests)
        panel.request_menu.history_wanted.connect(self.show_history)
        panel.request_menu.client_wanted.connect(self.open_client_requested)
        return panel

    def open_requests(self, requests: list[HttpRequest]) -> None:
        """Each request in a new panel (the rest of an opened ``.http`` file)."""
        for request in requests:
            panel: RequestPanel = self.add_panel()
            panel.editor.load_request(request)

    def show_history(self) -> HistoryDialog:
        if self.history_dialog is None:
            self.history_dialog = HistoryDialog(self.shared, self)
            self.history_dialog.load_requested.connect(self.load_from_history)
        self.history_dialog.show_history()
        return self.history_dialog

    def load_from_history(self, request: HttpRequest) -> None:
        panel = self.current_panel
        if panel.is_running:
            panel = self.add_panel()
        panel.editor.load_request(request)

    def run_example(self, key: str) -> asyncio.Task[bool]:
        """Fill an idle request (or a new one) as the example says, start the site, send."""
        example = self.examples[key]
        panel: RequestPanel = self.idle_panel()
        panel.editor.load_request(example.request)
        return self.start_example(self._run_example(panel), key)

    async def _run_example(self, panel: RequestPanel) -> bool:
        if self.local_site is not None:
            await self.local_site()  # False when it already runs: the request still goes
        task = panel.send()
        return task is not None and await task is not None

    async def shutdown(self) -> None:
        await super().shutdown()
        await self.shared.aclose()
