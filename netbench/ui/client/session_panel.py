"""One client session: where it connects, its state, its socket, what it sends and receives.

Every connection attempt reports under its own source (``client-1/3``): events of an
earlier connection still show in the transcript, but never change the state of the next.

Signals:
    title_changed(str): the text for this session's tab ("TCP 127.0.0.1:9999 ●").
"""

from __future__ import annotations

import asyncio
import html
import time
from collections.abc import Sequence
from enum import Enum

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from netbench.core.checksum import ChecksumError
from netbench.core.errors import PayloadError
from netbench.core.schedule import RepeatSchedule
from netbench.core.templates import format_time
from netbench.net.clients import AnyClient, ClientConfig, open_client
from netbench.net.engine import Engine
from netbench.net.errors import NetError
from netbench.net.events import (
    CloseReason,
    DataReceived,
    DataSent,
    DataSentUnshown,
    EventSink,
    NetEvent,
    Notice,
    PeerClosed,
    PeerFinished,
    Stopped,
)
from netbench.net.file_send import FindTargets
from netbench.net.repeat import RepeatRun, run_repeat
from netbench.net.socket_info import SocketInfo, TlsInfo, read_socket_info
from netbench.net.socket_kinds import SocketKind
from netbench.net.stream import StreamPeer
from netbench.ui.client.load_panel import LoadPanel
from netbench.ui.client.replay_panel import ReplayPanel
from netbench.ui.client.session_form import SessionForm
from netbench.ui.runtime.net_text import net_text
from netbench.ui.runtime.tasks import start_task
from netbench.ui.sending.file_sender import FileSender
from netbench.ui.sending.payload_editor import PayloadEditor
from netbench.ui.sending.saved_list import SnippetPanel, side_column
from netbench.ui.sending.saved_store import SnippetStore, default_snippets_path
from netbench.ui.transcript.backlog import EventBacklog, show_in_transcript
from netbench.ui.transcript.view import TranscriptView
from netbench.ui.widgets.close_reasons import close_reason_text
from netbench.ui.widgets.colors import ERROR_COLOR, WARNING_COLOR
from netbench.ui.widgets.sizes import format_size

# The transcript repaints at most this often; counting happens as events arrive.
VIEW_UPDATE_MS = 100
# Automatic reconnection waits the chosen delay, doubling after each failed attempt up to
# this many times the delay, so a server that is down is not hammered.
RECONNECT_BACKOFF_LIMIT = 8
OK_COLOR = "#1b6e20"


class SessionState(Enum):
    IDLE = "idle"
    CONNECTING = "connecting"
    OPEN = "open"
    CLOSED = "closed"


class SessionPanel(QWidget):
    title_changed = Signal(str)

    def __init__(
        self,
        prefix: str,
        source: str,
        engine: Engine,
        parent: QWidget | None = None,
        snippets: SnippetStore | None = None,
    ) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self.source = source
        self.engine = engine
        # The window shares one store between all senders; on its own, a panel has its own.
        self.snippet_store = snippets or SnippetStore(default_snippets_path(), self)
        self.client: AnyClient | None = None
        self.config: ClientConfig | None = None
        self.state = SessionState.IDLE
        self.socket_info: SocketInfo | None = None
        self.peer_finished = False
        self.we_finished = False
        self.live_source = ""
        # Events of a connection still being opened: it can end before open() returns.
        self._opening_source = ""
        self._early_events: list[NetEvent] = []
        self._attempts = 0
        self._busy = False
        self.messages_in = self.bytes_in = self.messages_out = self.bytes_out = 0
        self.schedule: RepeatSchedule | None = None
        self._repeat_task: asyncio.Task[None] | None = None
        self.repeat_run: RepeatRun | None = None
        self._pending = EventBacklog()
        self._build()
        self._view_timer = QTimer(self)
        self._view_timer.setSingleShot(True)
        self._view_timer.setInterval(VIEW_UPDATE_MS)
        self._view_timer.timeout.connect(self.on_view_timer_timeout)
        self._reconnect_timer = QTimer(self)
        self._reconnect_timer.setSingleShot(True)
        self._reconnect_timer.timeout.connect(self.on_reconnect_timer_timeout)
        self._reconnect_attempt = 0
        self._reconnect_due = 0.0
        self._reconnect_countdown = QTimer(self)
        self._reconnect_countdown.setInterval(250)
        self._reconnect_countdown.timeout.connect(self._show_reconnect_wait)
        self._reconnect_reason = ""
        self._repeat_timer = QTimer(self)
        self._repeat_timer.setInterval(VIEW_UPDATE_MS)
        self._repeat_timer.timeout.connect(self._show_repeat_status)
        self._show_state(self.tr("Not connected"), "")
        self._refresh()

    # -- construction -----------------------------------------------------------------------

    def _name(self, widget: QWidget, name: str, accessible: str) -> None:
        widget.setObjectName(f"{self.prefix}.{name}")
        widget.setAccessibleName(accessible)

    def _button(self, text: str, name: str, accessible: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        self._name(button, name, accessible)
        button.setToolTip(tip)
        return button

    def _build(self) -> None:
        self.form = SessionForm(self.prefix, self)
        self.form.changed.connect(self._emit_title)

        self.connect_button = self._button(
            self.tr("Connect"), "connect", self.tr("Connect"), self.tr("Open the connection")
        )
        self.connect_button.setDefault(True)
        self.connect_button.clicked.connect(self.on_connect_clicked)
        self.disconnect_button = self._button(
            self.tr("Close"),
            "disconnect",
            self.tr("Close the connection"),
            self.tr("Close gracefully: what is queued is sent, then FIN"),
        )
        self.disconnect_button.clicked.connect(self.on_disconnect_clicked)
        self.half_close_button = self._button(
            self.tr("Half-close (FIN)"),
            "half_close",
            self.tr("Finish sending (FIN)"),
            self.tr("Send FIN: the server reads end-of-stream and can still answer"),
        )
        self.half_close_button.clicked.connect(self.on_half_close_clicked)
        self.abort_button = self._button(
            self.tr("Abort (RST)"),
            "abort",
            self.tr("Reset the connection (RST)"),
            self.tr("Reset the connection: RST, queued data is lost"),
        )
        self.abort_button.clicked.connect(self.on_abort_clicked)
        self.reconnect_button = self._button(
            self.tr("Reconnect"),
            "reconnect",
            self.tr("Reconnect"),
            self.tr("Close if open, then connect again with the form as it is"),
        )
        self.reconnect_button.clicked.connect(self.on_reconnect_clicked)
        self.auto_reconnect = QCheckBox(self.tr("Auto-reconnect"), self)
        self._name(self.auto_reconnect, "auto_reconnect", self.tr("Reconnect automatically"))
        self.auto_reconnect.setToolTip(
            self.tr(
                "When the connection ends or cannot be opened, try again after the delay "
                "(doubling while it keeps failing); Close stops it"
            )
        )
        self.auto_reconnect.toggled.connect(self.on_auto_reconnect_toggled)
        self.reconnect_delay = QSpinBox(self)
        self.reconnect_delay.setRange(100, 600_000)
        self.reconnect_delay.setValue(1000)
        self.reconnect_delay.setSingleStep(500)
        self.reconnect_delay.setPrefix(self.tr("after "))
        self.reconnect_delay.setSuffix(self.tr(" ms"))
        self.reconnect_delay.setToolTip(self.tr("How long to wait before reconnecting"))
        self._name(self.reconnect_delay, "reconnect_delay", self.tr("Delay before reconnecting"))
        self.state_label = QLabel(self)
        self.state_label.setObjectName(f"{self.prefix}.state")
        self.state_label.setAccessibleName(self.tr("Connection state"))
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A long state (an error, a reconnect countdown) wraps instead of widening the window.
        self.state_label.setWordWrap(True)
        self.stats = QLabel(self)
        self.stats.setObjectName(f"{self.prefix}.stats")
        controls = QHBoxLayout()
        for button in (
            self.connect_button,
            self.disconnect_button,
            self.half_close_button,
            self.abort_button,
            self.reconnect_button,
        ):
            controls.addWidget(button)
        controls.addWidget(self.auto_reconnect)
        controls.addWidget(self.reconnect_delay)
        controls.addStretch(1)
        # The state has a row of its own: an error with a reconnect countdown is long.
        status = QHBoxLayout()
        status.addWidget(self.state_label, 1)
        status.addWidget(self.stats)

        # socket information
        self.info = QLabel(self)
        self.info.setObjectName(f"{self.prefix}.info")
        self.info.setAccessibleName(self.tr("Socket information"))
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info.setWordWrap(True)
        self.info.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea(self)
        scroll.setObjectName(f"{self.prefix}.info_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.info)
        info_box = QGroupBox(self.tr("Socket"), self)
        info_layout = QVBoxLayout(info_box)
        info_layout.setContentsMargins(6, 6, 6, 6)
        info_layout.addWidget(scroll)
        info_box.setMinimumWidth(260)

        self.transcript = TranscriptView(self.prefix, self)
        self.views = QTabWidget(self)
        self._name(self.views, "views", self.tr("Transcript or load test"))
        self.views.setDocumentMode(True)

        # sending
        self.editor = PayloadEditor(self.prefix, self)
        self.editor.send_requested.connect(self.on_editor_send_requested)
        self.repeat_count = QSpinBox(self)
        self.repeat_count.setRange(0, 100_000_000)
        self.repeat_count.setValue(10)
        self.repeat_count.setSpecialValueText(self.tr("until stopped"))
        self.repeat_count.setSuffix(self.tr(" times"))
        self.repeat_count.setToolTip(self.tr("How many sends; 0 sends until you stop"))
        self._name(self.repeat_count, "repeat_count", self.tr("Number of repeated sends"))
        self.repeat_interval = QSpinBox(self)
        self.repeat_interval.setRange(0, 3_600_000)
        self.repeat_interval.setValue(1000)
        self.repeat_interval.setPrefix(self.tr("every "))
        self.repeat_interval.setSuffix(self.tr(" ms"))
        self.repeat_interval.setToolTip(
            self.tr("Time between sends; 0 sends them back to back (needs a count)")
        )
        self._name(self.repeat_interval, "repeat_interval", self.tr("Interval between sends in ms"))
        self.repeat_start = self._button(
            self.tr("Start"),
            "repeat_start",
            self.tr("Start repeating the payload"),
            self.tr(
                "Send the payload repeatedly; {counter} goes on from the last send and {time} "
                "is filled in each time, then the checksum is appended"
            ),
        )
        self.repeat_start.clicked.connect(self.on_repeat_start_clicked)
        self.repeat_stop = self._button(
            self.tr("Stop"), "repeat_stop", self.tr("Stop repeating"), self.tr("Stop repeating")
        )
        self.repeat_stop.clicked.connect(self.on_repeat_stop_clicked)
        self.repeat_status = QLabel(self)
        self.repeat_status.setObjectName(f"{self.prefix}.repeat_status")
        repeat_row = QHBoxLayout()
        repeat_row.setSpacing(6)
        repeat_row.addWidget(QLabel(self.tr("Repeat"), self))
        repeat_row.addWidget(self.repeat_count)
        repeat_row.addWidget(self.repeat_interval)
        repeat_row.addWidget(self.repeat_start)
        repeat_row.addWidget(self.repeat_stop)
        repeat_row.addWidget(self.repeat_status, 1)
        self.repeat_status.setText(self.tr("{counter} and {time} in the text are filled in"))
        self.repeat_status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sender = QWidget(self)
        sender_layout = QVBoxLayout(sender)
        sender_layout.setContentsMargins(0, 0, 0, 0)
        sender_layout.setSpacing(4)
        sender_layout.addWidget(self.editor, 1)
        sender_layout.addLayout(repeat_row)
        self.file_sender = FileSender(
            self.prefix,
            self.engine,
            self._file_targets,
            self,
            is_recording=lambda: self.transcript.recorder is not None,
        )
        self.file_sender.finished.connect(self.transcript_note_after_traffic)
        self.transcript.recording_changed.connect(self.file_sender.on_recording_changed)
        sender_layout.addWidget(self.file_sender)
        self.replay = ReplayPanel(self.prefix, self.engine, lambda: self.client, self)
        self.replay.finished.connect(self.transcript_note_after_traffic)
        sender_layout.addWidget(self.replay)

        self.load = LoadPanel(self.prefix, self.engine, self.form, self.editor, self)
        self.form.changed.connect(self.load.on_form_changed)
        self.views.addTab(self.transcript, self.tr("Transcript"))
        # Scrolls when the window is short, so the settings never set its minimum height.
        load_scroll = QScrollArea(self)
        load_scroll.setObjectName(f"{self.prefix}.load_scroll")
        load_scroll.setWidgetResizable(True)
        load_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        load_scroll.setWidget(self.load)
        self.views.addTab(load_scroll, self.tr("Load test"))
        self.views.setTabToolTip(
            1,
            self.tr("Many connections to this target with this payload: throughput and latency"),
        )

        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.views)
        left.addWidget(sender)
        left.setStretchFactor(0, 4)
        left.setStretchFactor(1, 1)
        body = QSplitter(Qt.Orientation.Horizontal, self)
        self.snippets = SnippetPanel(
            self.prefix,
            self.snippet_store,
            self.editor,
            self.tr("Connect first: “{name}” is in the editor, ready to send"),
            self,
        )
        body.addWidget(left)
        body.addWidget(side_column(info_box, self.snippets, self))
        body.setStretchFactor(0, 5)
        body.setStretchFactor(1, 2)
        body.setCollapsible(1, False)
        body.setSizes([900, 280])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.form)
        layout.addLayout(controls)
        layout.addLayout(status)
        layout.addWidget(body, 1)
        self._show_info(None)

    # -- state ------------------------------------------------------------------------------

    @property
    def is_connected(self) -> bool:
        return self.client is not None

    @property
    def is_repeating(self) -> bool:
        return self._repeat_task is not None

    def title(self) -> str:
        config = self.config if self.is_connected or self._busy else None
        if config is None:
            try:
                config = self.form.config()
            except NetError:
                return self.tr("New session")
        text = f"{config.kind.value.upper()} {config.target()}"
        return f"{text} ●" if self.is_connected else text

    def _emit_title(self) -> None:
        self.title_changed.emit(self.title())

    def _refresh(self) -> None:
        connected = self.is_connected
        stream = isinstance(self.client, StreamPeer)
        tls = self.config is not None and self.config.kind is SocketKind.TLS
        self.connect_button.setEnabled(not connected and not self._busy)
        self.disconnect_button.setEnabled(connected and not self._busy)
        self.half_close_button.setEnabled(stream and not tls and not self.we_finished)
        self.abort_button.setEnabled(stream and not self._busy)
        self.reconnect_button.setEnabled(not self._busy and self.state is not SessionState.IDLE)
        if self.is_reconnect_pending and not connected:
            self.disconnect_button.setEnabled(True)  # stops the waiting
        self.form.set_connected(connected or self._busy)
        self.editor.set_send_allowed(connected and not self.we_finished)
        self.file_sender.set_allowed(connected and not self.we_finished)
        self.replay.set_allowed(connected and not self.we_finished)
        repeating = self.is_repeating
        self.repeat_start.setEnabled(connected and not self.we_finished and not repeating)
        self.repeat_stop.setEnabled(repeating)
        self.repeat_count.setEnabled(not repeating)
        self.repeat_interval.setEnabled(not repeating)
        self._emit_title()

    def _show_state(self, text: str, color: str) -> None:
        self.state_label.setText(text)
        self.state_label.setStyleSheet(f"color: {color};" if color else "")

    def _show_info(self, info: SocketInfo | None) -> None:
        self.socket_info = info
        if info is None:
            self.info.setText(
                self.tr(
                    "Connect to see the socket: addresses, options and, for TLS, the certificate."
                )
            )
            return
        rows: list[tuple[str, str]] = []
        if info.resolved:
            rows.append(
                (
                    self.tr("Resolved to"),
                    "<br>".join(html.escape(net_text(line)) for line in info.resolved)
                    + "<br><span style='color:palette(mid)'>"
                    + self.tr("tried in the system's order of preference")
                    + "</span>",
                )
            )
        rows += [
            (self.tr("Connected to"), html.escape(info.peer)),
            (self.tr("Local address"), html.escape(net_text(info.local))),
            (self.tr("Family · type"), f"{info.family} · {info.type}"),
            (self.tr("File descriptor"), str(info.fd)),
        ]
        rows += [(name, html.escape(net_text(value))) for name, value in info.options]
        cells = "".join(
            f"<tr><td style='color:palette(mid); padding-right:8px'>{html.escape(name)}</td>"
            f"<td>{value}</td></tr>"
            for name, value in rows
        )
        text = f"<table cellspacing='2'>{cells}</table>"
        if info.tls is not None:
            text += self._tls_html(info.tls)
        self.info.setText(text)

    def _tls_html(self, tls: TlsInfo) -> str:
        """Certificate fields are long: each gets a line of its own under its name."""
        verified = (
            self.tr("verified")
            if tls.verified
            else f"<b style='color:{WARNING_COLOR}'>{self.tr('NOT verified')}</b>"
        )
        groups = tls.fingerprint.split(":")
        fingerprint = "<br>".join(":".join(groups[i : i + 8]) for i in range(0, len(groups), 8))
        items = [
            (self.tr("TLS"), f"{html.escape(tls.version)} · {verified}"),
            (self.tr("Cipher"), _breakable(tls.cipher, "_")),
            (
                self.tr("ALPN"),
                html.escape(tls.alpn) if tls.alpn else self.tr("none negotiated"),
            ),
            (
                self.tr("Client certificate"),
                self.tr("presented") if tls.client_certificate else self.tr("none sent"),
            ),
            (self.tr("Subject"), _breakable(tls.subject, ",")),
            (self.tr("Issuer"), _breakable(tls.issuer, ",")),
            (
                self.tr("Valid"),
                self.tr("from {start}<br>until {end}").format(
                    start=html.escape(tls.not_before), end=html.escape(tls.not_after)
                ),
            ),
            (self.tr("SHA-256 fingerprint"), f"<tt>{fingerprint}</tt>"),
        ]
        return "".join(
            f"<p style='margin-top:6px'><span style='color:palette(mid)'>{html.escape(name)}"
            f"</span><br>{value}</p>"
            for name, value in items
        )

    # -- connecting -------------------------------------------------------------------------

    def on_connect_clicked(self) -> None:
        self.cancel_reconnect()
        start_task(self.open_connection(), name=f"connect {self.source}")

    def on_disconnect_clicked(self) -> None:
        if self.is_reconnect_pending and not self.is_connected:
            self.cancel_reconnect()
            self._show_state(self.tr("Stopped reconnecting"), "")
            self._refresh()
            return
        start_task(self.close_connection(), name=f"close {self.source}")

    def on_abort_clicked(self) -> None:
        start_task(self.abort_connection(), name=f"abort {self.source}")

    def on_reconnect_clicked(self) -> None:
        self.cancel_reconnect()
        start_task(self.reconnect(), name=f"reconnect {self.source}")

    # -- reconnecting by itself ---------------------------------------------------------------

    @property
    def is_reconnect_pending(self) -> bool:
        return self._reconnect_timer.isActive()

    def on_auto_reconnect_toggled(self, on: bool) -> None:
        if not on and self.is_reconnect_pending:
            self.cancel_reconnect()
            self._show_state(self.tr("Stopped reconnecting"), "")
        self._refresh()

    def _maybe_reconnect(self, reason: str) -> None:
        """After a connection ended (or failed) on its own: try again if the user asked to."""
        if not self.auto_reconnect.isChecked() or self.is_connected or self._busy:
            return
        self._reconnect_attempt += 1
        factor = min(2 ** (self._reconnect_attempt - 1), RECONNECT_BACKOFF_LIMIT)
        delay_ms = self.reconnect_delay.value() * factor
        self._reconnect_reason = reason
        self._reconnect_due = time.monotonic() + delay_ms / 1000
        self._reconnect_timer.start(delay_ms)
        self._reconnect_countdown.start()
        self._show_reconnect_wait()
        self._refresh()

    def _show_reconnect_wait(self) -> None:
        if not self.is_reconnect_pending:
            self._reconnect_countdown.stop()
            return
        left = max(0.0, self._reconnect_due - time.monotonic())
        text = self.tr("{reason} · reconnecting in {seconds} s (attempt {attempt})").format(
            reason=self._reconnect_reason, seconds=f"{left:.1f}", attempt=self._reconnect_attempt
        )
        self._show_state(text, WARNING_COLOR)

    def cancel_reconnect(self) -> None:
        self._reconnect_timer.stop()
        self._reconnect_countdown.stop()
        self._reconnect_attempt = 0

    def on_reconnect_timer_timeout(self) -> None:
        self._reconnect_countdown.stop()
        start_task(self._reconnect_now(), name=f"auto-reconnect {self.source}")

    async def _reconnect_now(self) -> None:
        attempt = self._reconnect_attempt
        if await self.open_connection():
            self._reconnect_attempt = 0
            self.transcript_note(
                self.tr("Reconnected after {attempts} attempt(s)").format(attempts=attempt)
            )

    def on_half_close_clicked(self) -> None:
        client = self.client
        if not isinstance(client, StreamPeer):
            return
        # Before the FIN: a replay must not write after it.
        self.replay.stop(self.tr("we sent FIN"))
        self.engine.call(client.half_close)
        self.we_finished = True
        if self.peer_finished:
            self._close_finished()
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
        self._show_info(None)
        self._show_state(self.tr("Connecting to {target}…").format(target=config.target()), "")
        self._refresh()
        started = time.monotonic()
        self._opening_source = source
        self._early_events = []
        try:
            client, resolved = await self.engine.run(self._open_on_engine(config, source))
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
        self.peer_finished = self.we_finished = False
        self.state = SessionState.OPEN
        self._show_info(
            await self.engine.run(
                read_socket_info(client, resolved, client_certificate=config.cert_file is not None)
            )
        )
        # Until now this connection's events waited in _early_events; from here they apply.
        self.live_source = source
        self._show_state(self.tr("Connected to {peer}").format(peer=self._peer_text()), OK_COLOR)
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

    async def _open_on_engine(
        self, config: ClientConfig, source: str
    ) -> tuple[AnyClient, list[str]]:
        sink: EventSink = self.engine.emit
        client, resolved = await open_client(
            config, sink=sink, gate=self.engine.gate, source=source
        )
        self.engine.own(client)
        return client, resolved

    async def close_connection(self) -> None:
        """Close gracefully (an RST follows if the peer does not let go in time)."""
        self.cancel_reconnect()
        client = self.client
        if client is None or self._busy:
            return
        self._busy = True
        self._refresh()
        try:
            await self.engine.run(self._close_on_engine(client, abort=False))
        finally:
            self._busy = False
            self._mark_closed(
                self.tr("Connection {reason}").format(
                    reason=close_reason_text(CloseReason.CLOSED_BY_US)
                ),
                "",
            )

    async def abort_connection(self) -> None:
        self.cancel_reconnect()
        client = self.client
        if not isinstance(client, StreamPeer) or self._busy:
            return
        self._busy = True
        self._refresh()
        try:
            await self.engine.run(self._close_on_engine(client, abort=True))
        finally:
            self._busy = False
            self._mark_closed(
                self.tr("Connection {reason}").format(
                    reason=close_reason_text(CloseReason.ABORTED_BY_US)
                ),
                WARNING_COLOR,
            )

    async def _close_on_engine(self, client: AnyClient, abort: bool) -> None:
        self.engine.disown(client)
        if abort and isinstance(client, StreamPeer):
            client.abort()
            await asyncio.wait_for(asyncio.shield(client.closed), 1.0)
            return
        await client.aclose()

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

    def _close_finished(self) -> None:
        """Both sides sent FIN: nothing more can pass, so the connection is closed."""
        client = self.client
        if not isinstance(client, StreamPeer):
            return
        self._mark_closed(self.tr("Connection closed: both sides finished sending"), "")
        self.engine.call(client.close)

    # -- events from the bridge -------------------------------------------------------------

    def apply_events(self, events: Sequence[NetEvent]) -> None:
        """Count and follow the state now; show the rows at the view's own pace."""
        live = self.live_source
        for event in events:
            if isinstance(event, DataReceived):
                count = len(event.messages)
                self.messages_in += count
                self.bytes_in += event.nbytes
                continue
            if isinstance(event, DataSent):
                self.messages_out += 1
                self.bytes_out += len(event.data)
                continue
            if isinstance(event, DataSentUnshown):
                self.messages_out += 1
                self.bytes_out += event.nbytes
                continue
            if event.source == live and self.client is not None and not self._busy:
                self._follow(event)  # while we close it ourselves, the close says how it ended
            elif event.source == self._opening_source:
                self._early_events.append(event)
        self._pending.add(events)
        if not self._view_timer.isActive():
            self._view_timer.start()

    def _follow(self, event: NetEvent) -> None:
        if isinstance(event, PeerFinished):
            self.peer_finished = True
            if self.we_finished:
                self._close_finished()
                return
            if self.auto_reconnect.isChecked():
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

    def transcript_note(self, text: str, error: bool = False) -> None:
        """A line of our own in the transcript, in order with the traffic."""
        self._pending.add([Notice(source=self.source, text=text, error=error)])
        if not self._view_timer.isActive():
            self._view_timer.start()

    def transcript_note_after_traffic(self, text: str, error: bool = False) -> None:
        """A line of our own after the traffic the engine has sent so far (the messages
        of a replay that just ended are still on their way to the window)."""
        if not self.engine.is_started:  # closing: no more traffic to wait for
            self.transcript_note(text, error)
            return
        note = Notice(source=self.source, text=text, error=error)
        self.engine.call(self.engine.emit, note)

    @property
    def is_backlogged(self) -> bool:
        return self._pending.is_backlogged

    def on_view_timer_timeout(self) -> None:
        events = self._pending.take(recording=self.transcript.recorder is not None)
        if events:
            self._show(events)
        self._show_stats()
        if self._pending:
            self._view_timer.start()

    def _show(self, events: Sequence[NetEvent]) -> None:
        show_in_transcript(self.transcript, events)

    def _show_stats(self) -> None:
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

    def on_repeat_start_clicked(self) -> None:
        self.start_repeat()

    def on_repeat_stop_clicked(self) -> None:
        self.stop_repeat()

    def start_repeat(self) -> bool:
        """Send the editor's payload ``count`` times (0: until stopped) on a fixed grid."""
        client = self.client
        if client is None or self.is_repeating:
            return False
        try:
            recipe = self.editor.recipe()
        except (PayloadError, ChecksumError):  # the editor points at it
            self.editor.request_send()
            return False
        try:
            schedule = RepeatSchedule(
                count=self.repeat_count.value(),
                interval=self.repeat_interval.value() / 1000,
                start=time.monotonic(),
            )
        except ValueError:
            self.repeat_status.setText(
                self.tr("Sending until stopped needs an interval of at least 1 ms")
            )
            self.repeat_status.setStyleSheet(f"color: {ERROR_COLOR};")
            return False
        self.repeat_status.setStyleSheet("")
        self.schedule = schedule
        run = RepeatRun(schedule, recipe, first_counter=self.editor.next_send_number)
        self.repeat_run = run
        self._repeat_task = start_task(self._repeat(client, run), name=f"repeat {self.source}")
        self._repeat_timer.start()
        self._refresh()
        return True

    def stop_repeat(self) -> None:
        task = self._repeat_task
        if task is not None:
            if self.repeat_run is not None:
                self.repeat_run.stop = True
            task.cancel()
            self._repeat_finished()

    async def _repeat(self, client: AnyClient, run: RepeatRun) -> None:
        """The repeat runs on the engine; ``{counter}`` goes on from single sends, and
        single sends go on from the repeat."""
        try:
            await self.engine.run(run_repeat(client, run, self.engine.emit))
        finally:
            if self._repeat_task is asyncio.current_task():
                self._repeat_finished()

    def _repeat_finished(self) -> None:
        self._repeat_task = None
        self._repeat_timer.stop()
        self._show_repeat_status()
        self._refresh()

    def _show_repeat_status(self) -> None:
        schedule = self.schedule
        run = self.repeat_run
        if schedule is None or run is None:
            return
        self.editor.counted_up_to(run.last_counter)
        failure = run.failure
        total = str(schedule.count) if schedule.count else "∞"
        text = self.tr("sent {sent} of {total}").format(sent=schedule.sent, total=total)
        if schedule.skipped:
            text += " · " + self.tr("{skipped} late slots skipped").format(skipped=schedule.skipped)
        if failure and not self.is_repeating:
            text += " · " + self.tr("stopped: {reason}").format(reason=net_text(failure))
            self.repeat_status.setStyleSheet(f"color: {ERROR_COLOR};")
        elif not self.is_repeating:
            text += " · " + (
                self.tr("done at {time}").format(time=format_time(time.time()))
                if schedule.finished
                else self.tr("stopped")
            )
        self.repeat_status.setText(text)

    # -- closing ----------------------------------------------------------------------------

    async def shutdown(self) -> None:
        self.cancel_reconnect()
        self.file_sender.shutdown()
        self.replay.shutdown()
        self.stop_repeat()
        await self.load.shutdown()
        self._view_timer.stop()
        while self._pending:
            self.on_view_timer_timeout()
        self._view_timer.stop()
        self.transcript.stop_recording(quiet=True)
        await self.close_connection()


def _breakable(text: str, after: str) -> str:
    """Escaped ``text`` that may wrap after each ``after`` (a zero-width space)."""
    return html.escape(text).replace(after, after + "\u200b")


def _send_quietly(client: AnyClient, data: bytes, sink: EventSink) -> None:
    """On the engine's loop: send, or say in the transcript why nothing was sent."""
    try:
        client.send(data)
    except NetError as exc:
        sink(Notice(source=client.source, text=exc.message))
