"""One client session: where it connects, its state, its socket, what it sends and receives.

Every connection attempt reports under its own source (``client-1/3``): events of an
earlier connection still show in the transcript, but never change the state of the next.

Signals:
    title_changed(str): the text for this session's tab ("TCP 127.0.0.1:9999 ●").
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTabWidget,
    QWidget,
)

from netbench.core.delegation import Delegated
from netbench.net.clients import AnyClient, ClientConfig, open_client
from netbench.net.errors import NetError
from netbench.net.events import (
    CloseReason,
    EventSink,
    NetEvent,
    Notice,
    PeerClosed,
    PeerFinished,
    Stopped,
)
from netbench.net.file_send import FindTargets
from netbench.net.socket_info import SocketInfo, read_socket_info
from netbench.net.socket_kinds import SocketKind
from netbench.net.stream import StreamPeer
from netbench.ui.client.load_panel import LoadPanel
from netbench.ui.client.reconnect import Reconnector
from netbench.ui.client.replay_panel import ReplayPanel
from netbench.ui.client.session_form import SessionForm
from netbench.ui.client.session_views import SessionPages
from netbench.ui.panels.traffic_panel import TrafficPanel
from netbench.ui.runtime.net_text import net_text
from netbench.ui.runtime.tasks import start_task
from netbench.ui.sending.payload_editor import PayloadEditor
from netbench.ui.sending.repeat_row import RepeatRow
from netbench.ui.widgets.close_reasons import close_reason_text
from netbench.ui.widgets.colors import ERROR_COLOR, OK_COLOR, WARNING_COLOR
from netbench.ui.widgets.layouts import column
from netbench.ui.widgets.sizes import format_size
from netbench.ui.widgets.socket_info_view import SocketInfoView


class SessionState(Enum):
    IDLE = "idle"
    CONNECTING = "connecting"
    OPEN = "open"
    CLOSED = "closed"


class SessionPanel(TrafficPanel):
    lesson_requested = Signal(str)  # the ladder's TIME_WAIT leads to a lesson
    saved_message_hint = str(
        QT_TRANSLATE_NOOP("SessionPanel", "Connect first: “{name}” is in the editor, ready to send")
    )

    def setup(self) -> None:
        self.client: AnyClient | None = None
        self.config: ClientConfig | None = None
        self.state = SessionState.IDLE
        self.peer_finished = False
        self.we_finished = False
        self.live_source = ""
        # Events of a connection still being opened: it can end before open() returns.
        self._opening_source = ""
        self._early_events: list[NetEvent] = []
        self._attempts = 0
        self._busy = False
        self._build()
        self._show_state(self.tr("Not connected"), "")
        self._refresh()

    # -- construction -----------------------------------------------------------------------

    def _build(self) -> None:
        self.form = SessionForm(self.prefix, self)
        self.form.changed.connect(self.emit_title)
        self.form.submitted.connect(self.on_form_submitted)
        controls, status = self._build_controls()
        self.info_view = SocketInfoView(
            self.prefix,
            self.tr("Connect to see the socket: addresses, options and, for TLS, the certificate."),
            self,
        )
        sender = self._build_sender()
        self.views = self.name(QTabWidget(self), "views", self.tr("Transcript or load test"))
        self.views.setDocumentMode(True)
        self.load = LoadPanel(self.part_host, self.form, self.editor)
        self.form.changed.connect(self.load.on_form_changed)
        self.views.addTab(self.transcript, self.tr("Transcript"))
        # Scrolls when the window is short, so the settings never set its minimum height.
        load_scroll = self.name(QScrollArea(self), "load_scroll")
        load_scroll.setWidgetResizable(True)
        load_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        load_scroll.setWidget(self.load)
        self.views.addTab(load_scroll, self.tr("Load test"))
        self.views.setTabToolTip(
            1,
            self.tr("Many connections to this target with this payload: throughput and latency"),
        )
        self.pages = SessionPages(self.prefix, self.engine, self.views, self.transcript)
        self.pages.ladder.lesson_requested.connect(self.lesson_requested)
        self.lay_out([self.form, controls, status], self.views, sender, self.info_view)

    def _build_controls(self) -> tuple[QHBoxLayout, QHBoxLayout]:
        self.connect_button = self.button(
            self.tr("&Connect"),
            "connect",
            self.tr("Connect"),
            self.tr("Open the connection"),
            self.on_connect_clicked,
        )
        self.connect_button.setDefault(True)
        self.disconnect_button = self.button(
            self.tr("C&lose"),
            "disconnect",
            self.tr("Close the connection"),
            self.tr("Close gracefully: what is queued is sent, then FIN"),
            self.on_disconnect_clicked,
        )
        self.half_close_button = self.button(
            self.tr("Half-clos&e (FIN)"),
            "half_close",
            self.tr("Finish sending (FIN)"),
            self.tr("Send FIN: the server reads end-of-stream and can still answer"),
            self.on_half_close_clicked,
        )
        self.abort_button = self.button(
            self.tr("&Abort (RST)"),
            "abort",
            self.tr("Reset the connection (RST)"),
            self.tr("Reset the connection: RST, queued data is lost"),
            self.on_abort_clicked,
        )
        self.reconnect_button = self.button(
            self.tr("&Reconnect"),
            "reconnect",
            self.tr("Reconnect"),
            self.tr("Close if open, then connect again with the form as it is"),
            self.on_reconnect_clicked,
        )
        self.reconnector = Reconnector(self.prefix, self)
        self.reconnector.due.connect(self.on_reconnector_due)
        self.reconnector.waiting.connect(lambda text: self._show_state(text, WARNING_COLOR))
        self.reconnector.switched.connect(self.on_auto_reconnect_toggled)
        self.state_label = self.name(QLabel(self), "state", self.tr("Connection state"))
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A long state (an error, a reconnect countdown) wraps instead of widening the window.
        self.state_label.setWordWrap(True)
        self.stats = self.name(QLabel(self), "stats")
        controls = QHBoxLayout()
        for widget in (
            self.connect_button,
            self.disconnect_button,
            self.half_close_button,
            self.abort_button,
            self.reconnect_button,
            self.reconnector,
        ):
            controls.addWidget(widget)
        controls.addStretch(1)
        # The state has a row of its own: an error with a reconnect countdown is long.
        status = QHBoxLayout()
        status.addWidget(self.state_label, 1)
        status.addWidget(self.stats)
        return controls, status

    def _build_sender(self) -> QWidget:
        self.editor = PayloadEditor(self.prefix, self)
        self.editor.send_requested.connect(self.on_editor_send_requested)
        self.repeat = RepeatRow(self.part_host, self.editor, lambda: self.client)
        self.repeat.running_changed.connect(lambda _running: self._refresh())
        self.file_sender = self.make_file_sender(self._file_targets)
        self.replay = ReplayPanel(self.part_host, lambda: self.client)
        self.replay.finished.connect(self.transcript_note_after_traffic)
        send_row = QHBoxLayout()  # how each send goes: repeated, with a length header
        send_row.addWidget(self.repeat, 1)
        send_row.addWidget(self.editor.length_header)
        return column(
            self,
            self.editor,
            send_row,
            self.file_sender,
            self.replay,
            stretch=self.editor,
            spacing=4,
        )

    # -- state ------------------------------------------------------------------------------

    @property
    def is_connected(self) -> bool:
        return self.client is not None

    def is_idle(self) -> bool:
        return not self.is_connected

    socket_info = Delegated[SocketInfo | None]("info_view.info")
    is_repeating = Delegated[bool]("repeat.is_repeating")
    is_reconnect_pending = Delegated[bool]("reconnector.is_pending")

    def title(self) -> str:
        config = self.config if self.is_connected or self._busy else None
        if config is None:
            try:
                config = self.form.config()
            except NetError:
                return self.tr("New session")
        text = f"{config.kind.value.upper()} {config.target()}"
        return f"{text} ●" if self.is_connected else text

    def _refresh(self) -> None:
        connected = self.is_connected
        stream = isinstance(self.client, StreamPeer)
        tls = self.config is not None and self.config.kind is SocketKind.TLS
        can_send = connected and not self.we_finished
        self.connect_button.setEnabled(not connected and not self._busy)
        self.disconnect_button.setEnabled(connected and not self._busy)
        self.half_close_button.setEnabled(stream and not tls and not self.we_finished)
        self.abort_button.setEnabled(stream and not self._busy)
        self.reconnect_button.setEnabled(not self._busy and self.state is not SessionState.IDLE)
        if self.is_reconnect_pending and not connected:
            self.disconnect_button.setEnabled(True)  # stops the waiting
        self.form.set_in_use(connected or self._busy)
        self.editor.set_send_allowed(can_send)
        self.file_sender.set_allowed(can_send)
        self.replay.set_allowed(can_send)
        self.repeat.set_allowed(can_send)
        self.emit_title()

    def _show_state(self, text: str, color: str) -> None:
        self.state_label.setText(text)
        self.state_label.setStyleSheet(f"color: {color};" if color else "")

    # -- connecting -------------------------------------------------------------------------

    def on_form_submitted(self) -> None:
        """Enter in a field connects, as the Connect button would."""
        if self.connect_button.isEnabled():
            self.on_connect_clicked()

    def on_connect_clicked(self) -> None:
        self.reconnector.cancel()
        start_task(self.open_connection(), name=f"connect {self.source}")

    def on_disconnect_clicked(self) -> None:
        if self.is_reconnect_pending and not self.is_connected:
            self.reconnector.cancel()
            self._show_state(self.tr("Stopped reconnecting"), "")
            self._refresh()
            return
        start_task(self.close_connection(), name=f"close {self.source}")

    def on_abort_clicked(self) -> None:
        start_task(self.abort_connection(), name=f"abort {self.source}")

    def on_reconnect_clicked(self) -> None:
        self.reconnector.cancel()
        start_task(self.reconnect(), name=f"reconnect {self.source}")

    def on_half_close_clicked(self) -> None:
        client = self.client
        if not isinstance(client, StreamPeer):
            return
        # Before the FIN: a replay must not write after it.
        self.replay.stop(self.tr("we sent FIN"))
        # Said in the same step as the FIN goes out: after what was sent before it, and
        # before the peer's answer to it.
        note = Notice(source=self.source, text=self.tr("we finished sending (FIN)"), error=False)
        self.engine.call(_finish_sending, client, note, self.engine.emit)
        self.pages.log.half_closed()
        self.we_finished = True
        if self.peer_finished:
            self._close_finished(we_first=False)
            return
        self._show_state(
            self.tr("Sent FIN to {peer}: we send no more, the server can still answer").format(
                peer=self._peer_text()
            ),
            WARNING_COLOR,
        )
        self._refresh()

    async def open_connection(self) -> bool:
        """Connect with what the form says; errors appear next to the field at fault."""
        if self.is_connected or self._busy:
            return False
        try:
            config = self.form.config()
        except NetError as exc:
            self.form.show_error(exc.message, exc.field)
            return False
        self._attempts += 1
        source = f"{self.source}/{self._attempts}"
        self._busy = True
        self.state = SessionState.CONNECTING
        self.config = config
        self.info_view.show_info(None)
        self._show_state(self.tr("Connecting to {target}…").format(target=config.target()), "")
        self._refresh()
        started = time.monotonic()
        self._opening_source = source
        self._early_events = []
        await self.pages.connecting(config)
        try:
            client, resolved = await self.open_owned(
                open_client(config, self.engine.route(source)),
                lambda opened: opened[0],
            )
        except NetError as exc:
            elapsed = (time.monotonic() - started) * 1000
            message = self.tr("{message} (after {ms} ms)").format(
                message=net_text(exc.message), ms=f"{elapsed:.0f}"
            )
            self.form.show_error(message, exc.field)
            self.state = SessionState.CLOSED
            self._show_state(self.tr("Not connected"), ERROR_COLOR)
            self._opening_source = ""
            failed = net_text(exc.message)
        else:
            failed = ""
        finally:
            self._busy = False
            self._refresh()
        if failed:
            self._maybe_reconnect(self.tr("Not connected: {error}").format(error=failed))
            return False
        self.client = client
        self.form.show_error(None)  # an error of an earlier try no longer holds
        self.form.show_path_used()
        self.peer_finished = self.we_finished = False
        self.state = SessionState.OPEN
        self.info_view.show_info(
            await self.engine.run(
                read_socket_info(client, resolved, client_certificate=config.cert_file is not None)
            )
        )
        self.pages.connected(config, self.socket_info)
        # Until now this connection's events waited in _early_events; from here they apply.
        self.live_source = source
        ready = (
            self.tr("Ready: datagrams go to {peer} (no connection)")
            if config.kind.is_datagram
            else self.tr("Connected to {peer}")
        )
        self._show_state(ready.format(peer=self._peer_text()), OK_COLOR)
        self._refresh()
        early, self._early_events, self._opening_source = self._early_events, [], ""
        for event in early:  # e.g. a TLS alert right after the handshake
            if self.client is client:
                self._follow(event)
        return True

    def _peer_text(self) -> str:
        if self.socket_info is not None and self.socket_info.peer:
            return self.socket_info.peer
        return self.config.target() if self.config is not None else ""

    async def close_connection(self) -> None:
        """Close gracefully (an RST follows if the peer does not let go in time)."""
        self.reconnector.cancel()
        client = self.client
        if client is None or self._busy:
            return
        # Who sent FIN first: the server, when its FIN came before any of ours.
        peer_first = self.peer_finished and not self.we_finished
        reason = CloseReason.CLOSED_BY_PEER if peer_first else CloseReason.CLOSED_BY_US
        self.pages.log.closed()
        await self._end_connection(lambda: self.close_owned(client), reason, "")

    async def abort_connection(self) -> None:
        self.reconnector.cancel()
        client = self.client
        if not isinstance(client, StreamPeer) or self._busy:
            return
        self.pages.log.aborted()
        await self._end_connection(
            lambda: self.engine.run(self._abort_on_engine(client)),
            CloseReason.ABORTED_BY_US,
            WARNING_COLOR,
        )

    async def _end_connection(
        self, ending: Callable[[], Awaitable[None]], reason: CloseReason, color: str
    ) -> None:
        """Close or abort: the buttons wait while it ends, then the state says how."""
        self._busy = True
        self._refresh()
        try:
            await ending()
        finally:
            self._busy = False
            self._mark_closed(
                self.tr("Connection {reason}").format(reason=close_reason_text(reason)), color
            )

    async def _abort_on_engine(self, client: StreamPeer) -> None:
        self.engine.disown(client)
        client.abort()
        await asyncio.wait_for(asyncio.shield(client.closed), 1.0)

    async def reconnect(self) -> bool:
        if self.is_connected:
            await self.close_connection()
        return await self.open_connection()

    def _mark_closed(self, text: str, color: str) -> None:
        if self.client is None:
            self._refresh()
            return
        client, self.client = self.client, None
        # Late events of this connection (its own close, say) must not end the next one.
        self.live_source = ""
        self.engine.call(self.engine.disown, client)
        self.state = SessionState.CLOSED
        self.stop_repeat()
        self.replay.stop(text)
        self._show_state(text, color)
        self._refresh()

    def _close_finished(self, *, we_first: bool) -> None:
        """Both sides sent FIN: nothing more can pass, so the connection is closed; the
        state says who finished first (that side waits out TIME_WAIT)."""
        client = self.client
        if not isinstance(client, StreamPeer):
            return
        text = (
            self.tr("Connection closed: we finished sending first, then {peer}")
            if we_first
            else self.tr("Connection closed: {peer} finished sending first, then we did")
        )
        self._mark_closed(text.format(peer=self._peer_text()), "")
        self.pages.log.closed()
        self.engine.call(client.close)

    # -- reconnecting by itself ---------------------------------------------------------------

    def on_auto_reconnect_toggled(self, on: bool) -> None:
        if not on and self.is_reconnect_pending:
            self.reconnector.cancel()
            self._show_state(self.tr("Stopped reconnecting"), "")
        self._refresh()

    def _maybe_reconnect(self, reason: str) -> None:
        """After a connection ended (or failed) on its own: try again if the user asked to."""
        if not self.reconnector.is_on or self.is_connected or self._busy:
            return
        self.reconnector.schedule(reason)
        self._refresh()

    def on_reconnector_due(self) -> None:
        start_task(self._reconnect_now(), name=f"auto-reconnect {self.source}")

    async def _reconnect_now(self) -> None:
        if await self.open_connection():
            attempts = self.reconnector.succeeded()
            self.transcript_note(
                self.tr("Reconnected after {attempts} attempt(s)").format(attempts=attempts)
            )

    # -- events from the bridge -------------------------------------------------------------

    def follow_events(self, events: Sequence[NetEvent]) -> None:
        """The state follows the live connection's events (while we close it ourselves,
        the close says how it ended); a connection still opening keeps its own for later."""
        self.pages.follow(events)
        live = self.live_source
        for event in events:
            if event.source == live and self.client is not None and not self._busy:
                self._follow(event)
            elif event.source == self._opening_source:
                self._early_events.append(event)

    def _follow(self, event: NetEvent) -> None:
        if isinstance(event, PeerFinished):
            self.peer_finished = True
            if self.we_finished:
                self._close_finished(we_first=True)
                return
            if self.reconnector.is_on:
                # The server is done with this connection: close ours and come back.
                text = self.tr("{peer} closed the connection (FIN)").format(peer=self._peer_text())
                client = self.client
                self._mark_closed(text, WARNING_COLOR)
                if isinstance(client, StreamPeer):
                    self.engine.call(client.close)
                self._maybe_reconnect(text)
                return
            self._show_state(
                self.tr(
                    "{peer} finished sending (FIN): it sends no more, you can still send"
                ).format(peer=self._peer_text()),
                WARNING_COLOR,
            )
        elif isinstance(event, PeerClosed):
            detail = f": {net_text(event.detail)}" if event.detail else ""
            color = ERROR_COLOR if event.reason.name in ("RESET", "ERROR") else ""
            text = self.tr("Connection {reason}{detail}").format(
                reason=close_reason_text(event.reason), detail=detail
            )
            self._mark_closed(text, color)
            self._maybe_reconnect(text)
        elif isinstance(event, Stopped):
            self._mark_closed(self.tr("Closed"), "")
            self._maybe_reconnect(self.tr("Closed"))
        elif isinstance(event, Notice):
            self._show_state(net_text(event.text), ERROR_COLOR)

    def _file_targets(self) -> FindTargets | str:
        """A file goes to the one connection; the button is off while there is none."""
        client = self.client
        if client is None:
            return self.tr("Connect first: nothing was sent")
        return lambda: {"": client}

    def after_view_update(self) -> None:
        self.pages.python.refresh()
        self.stats.setText(
            self.tr("in {msgs_in} msg · {bytes_in} · out {msgs_out} msg · {bytes_out}").format(
                msgs_in=self.messages_in,
                bytes_in=format_size(self.bytes_in),
                msgs_out=self.messages_out,
                bytes_out=format_size(self.bytes_out),
            )
        )

    # -- sending ----------------------------------------------------------------------------

    def on_editor_send_requested(self, data: bytes) -> None:
        """The editor's next send (templates filled, checksum appended) goes out now.

        A send that goes nowhere gives its number back, so ``{counter}`` stays gapless.
        """
        if not self.send(data):
            self.editor.take_back_send()

    def send(self, data: bytes) -> bool:
        """Queue ``data`` on the connection; a failure shows in the transcript."""
        client = self.client
        if client is None:
            self._show_state(self.tr("Connect first: nothing was sent"), ERROR_COLOR)
            return False
        self.engine.call(_send_quietly, client, data, self.engine.emit)
        return True

    def start_repeat(self) -> bool:
        return self.repeat.start()

    def stop_repeat(self) -> None:
        self.repeat.stop()

    # -- closing ----------------------------------------------------------------------------

    async def shutdown(self) -> None:
        self.reconnector.cancel()
        self.file_sender.shutdown()
        self.replay.shutdown()
        self.stop_repeat()
        await self.load.shutdown()
        self.drain_view()
        await self.close_connection()
        await self.pages.shutdown()


def _send_quietly(client: AnyClient, data: bytes, sink: EventSink) -> None:
    """On the engine's loop: send, or say in the transcript why nothing was sent."""
    try:
        client.send(data)
    except NetError as exc:
        sink(Notice(source=client.source, text=exc.message))


def _finish_sending(client: StreamPeer, note: Notice, sink: EventSink) -> None:
    """On the engine's loop: our FIN, and the transcript's word of it."""
    client.half_close()
    sink(note)
