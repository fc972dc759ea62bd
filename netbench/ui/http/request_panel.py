"""One request of the HTTP tab: the editor above, the response below, in a splitter.

A panel runs one exchange at a time on the engine's loop (``engine.run``), follows it
through the engine's events (phase, progress, each hop as it ends) and shows the result.
Cancel stops it wherever it is and keeps what had arrived. Every exchange goes to the
tab's history.

Signals:
    title_changed(str): the text for this panel's tab ("GET /api/items").
    finished(object): an exchange ended; the ExchangeResult.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from netbench.core.http.model import HttpRequest
from netbench.core.http.result import ExchangeResult
from netbench.net.errors import NetError
from netbench.net.events import NetEvent
from netbench.net.http.events import HttpPhase, HttpProgress, HttpSse, Phase
from netbench.ui.http.request_actions import RequestActions
from netbench.ui.http.request_editor import RequestEditor, RequestError
from netbench.ui.http.response_view import ResponseView
from netbench.ui.http.shared import HttpShared
from netbench.ui.runtime.net_text import net_text
from netbench.ui.runtime.tasks import start_task

if TYPE_CHECKING:
    from netbench.net.http.client import HttpRun

TITLE_LENGTH = 32


class RequestPanel(QWidget):
    title_changed = Signal(str)
    finished = Signal(object)

    def __init__(
        self, prefix: str, source: str, shared: HttpShared, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self.source = source
        self.shared = shared
        self.run: HttpRun | None = None  # the HttpRun while one goes on
        self.task: asyncio.Task[ExchangeResult | None] | None = None
        self.last_request: HttpRequest | None = None
        self.last_result: ExchangeResult | None = None
        self.live_hop = -1  # the hop whose server-sent events are being shown live
        self.editor = RequestEditor(prefix, shared.environments, self)
        self.response = ResponseView(prefix, self)
        self.request_menu = RequestActions(self)
        self.editor.top.addWidget(self.request_menu.button)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.editor)
        self.splitter.addWidget(self.response)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([230, 470])  # the response is what people came to read
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self.editor.send_requested.connect(self.send)
        self.editor.cancel_requested.connect(self.cancel)
        self.editor.url.textChanged.connect(lambda _text: self.title_changed.emit(self.title()))
        self.editor.method.currentTextChanged.connect(
            lambda _text: self.title_changed.emit(self.title())
        )

    # -- FramePanel -------------------------------------------------------------------------

    def title(self) -> str:
        url = self.editor.url.text().strip()
        if not url or url.startswith("curl "):
            return self.tr("New request")
        parts = urlsplit(url)
        where = parts.path or "/"
        if where == "/" and parts.netloc:
            where = parts.netloc
        text = f"{self.editor.method.currentText()} {where}"
        dot = " ●" if self.is_running else ""
        if len(text) > TITLE_LENGTH:
            text = text[: TITLE_LENGTH - 1] + "…"
        return text + dot

    @property
    def is_running(self) -> bool:
        return self.run is not None

    def is_idle(self) -> bool:
        """Free for an example: nothing running and nothing typed yet."""
        return not self.is_running and not self.editor.url.text().strip()

    @property
    def is_backlogged(self) -> bool:
        return False  # a few events per exchange, each handled at once

    def apply_events(self, events: Sequence[NetEvent]) -> None:
        if not self.is_running:
            return
        progress = [e for e in events if isinstance(e, HttpProgress)]
        for event in events:
            if isinstance(event, HttpPhase):
                self.response.show_phase(self._phase_text(event))
            elif isinstance(event, HttpSse):
                self._show_live_events(event)
        if progress:
            last = progress[-1]
            self.response.show_progress(last.received, last.expected, last.rate)

    def _show_live_events(self, event: HttpSse) -> None:
        body = self.response.body
        if event.hop != self.live_hop:
            self.live_hop = event.hop
            self.response.pages.setCurrentWidget(body)
            body.start_live_events()
        body.append_events(event.events)

    def _phase_text(self, event: HttpPhase) -> str:
        words = {
            Phase.CONNECTING: self.tr("Connecting…"),
            Phase.WAITING: self.tr("Request sent, waiting for the response…"),
            Phase.RECEIVING: self.tr("Receiving…"),
        }[event.phase]
        if event.hop:
            return self.tr("Redirect {number}: {phase}").format(number=event.hop, phase=words)
        return words

    async def shutdown(self) -> None:
        self.cancel()
        if self.task is not None and not self.task.done():
            await asyncio.wait([self.task], timeout=2.0)
        self.response.shutdown()

    def close_files(self) -> None:
        self.response.shutdown()

    # -- sending ----------------------------------------------------------------------------

    def send(self) -> asyncio.Task[ExchangeResult | None] | None:
        """Checks the request and sends it; None when it cannot go as it stands."""
        if self.is_running:
            return None
        try:
            request = self.editor.resolved()
        except RequestError as exc:
            self.editor.show_error(str(exc))
            return None
        self.task = start_task(self._exchange(request), name=f"send {self.source}")
        return self.task

    async def _exchange(self, request: HttpRequest) -> ExchangeResult | None:
        client = await self.shared.client()
        run = client.prepare(request, self.source)
        self.run = run
        self.live_hop = -1
        self.editor.set_running(True)
        self.response.start()
        self.title_changed.emit(self.title())
        started = time.monotonic()
        try:
            result = await self.shared.engine.run(run.execute())
        except (NetError, OSError, ValueError) as exc:
            self.response.show_failure(net_text(getattr(exc, "message", str(exc))))
            return None
        finally:
            self.run = None
            self.editor.set_running(False)
            self.title_changed.emit(self.title())
        self.last_request = request
        self.last_result = result
        self.response.show_result(result)
        self.shared.record(request, result, started)
        self.finished.emit(result)
        return result

    def cancel(self) -> None:
        run = self.run
        if run is not None:
            run.cancel()
