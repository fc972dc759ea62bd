"""One listener in the Server tab: its form, its peers, its transcript and what to send.

Signals:
    title_changed(str): the text for this listener's tab ("TCP 127.0.0.1:9999 ●").
    started(): the listener is up (``address`` shows where).
    stopped(): the listener is down.
"""

from __future__ import annotations

import html
import time
from collections.abc import Coroutine, Sequence
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QWidget,
)

from netbench.core.rates import human_rate
from netbench.core.replies.responder import ResponderKind
from netbench.net.datagram import DatagramListener
from netbench.net.errors import NetError, describe_os_error
from netbench.net.events import NetEvent
from netbench.net.file_send import FindTargets, listener_targets
from netbench.net.listeners import ListenerConfig, open_listener
from netbench.net.port_holders import time_wait_holds_port, who_holds_port
from netbench.net.socket_kinds import SocketKind
from netbench.net.stream_listener import StreamListener
from netbench.net.tls import ServerCertificate, generate_self_signed
from netbench.ui.panels.traffic_panel import VIEW_UPDATE_MS, TrafficPanel
from netbench.ui.runtime.net_text import net_text
from netbench.ui.runtime.tasks import start_task
from netbench.ui.runtime.timers import interval_timer
from netbench.ui.sending.payload_editor import PayloadEditor
from netbench.ui.server.listener_form import ListenerForm
from netbench.ui.server.listener_views import ListenerViews
from netbench.ui.server.peers_model import PeerColumn, PeersModel, PeerState
from netbench.ui.transcript.model import format_count
from netbench.ui.widgets.layouts import column
from netbench.ui.widgets.sizes import format_size
from netbench.ui.widgets.sparkline import Sparkline

AnyListener = StreamListener | DatagramListener


class ListenerPanel(TrafficPanel):
    saved_message_hint = str(
        QT_TRANSLATE_NOOP(
            "ListenerPanel", "Start the listener first: “{name}” is in the editor, ready to send"
        )
    )
    side_first = True
    started = Signal()
    stopped = Signal()
    lesson_requested = Signal(str)  # the ladder's TIME_WAIT leads to a lesson

    def setup(self) -> None:
        self.listener: AnyListener | None = None
        self.config: ListenerConfig | None = None
        self.certificate: ServerCertificate | None = None
        self._busy = False
        self._last_roll = time.monotonic()
        self._build()
        self._stats_timer = interval_timer(self, 1000, self.on_stats_timer_timeout)
        self._stats_timer.start()
        # The peers table is repainted half a view period after the transcript: under a
        # flood one repaint of both held the window ~6 ms, two apart ~3 ms each.
        self._peers_timer = interval_timer(
            self, VIEW_UPDATE_MS // 2, self.peers_model.announce, single_shot=True
        )
        self._refresh_state()

    # -- construction -----------------------------------------------------------------------

    def _build(self) -> None:
        self.form = ListenerForm(self.prefix, self)
        self.form.changed.connect(self.emit_title)
        self.form.submitted.connect(self.on_form_submitted)
        controls = self._build_controls()
        peers_box = self._build_peers()
        sender = self._build_sender()
        self.views = ListenerViews(self.prefix, self.engine, self.transcript, self)
        self.views.ladder.lesson_requested.connect(self.lesson_requested)
        self.stopped.connect(self.views.stopped)
        self.peers.selectionModel().selectionChanged.connect(self.on_peer_selection_changed)
        self.lay_out([self.form, controls, self.fingerprint], self.views, sender, peers_box)

    def _build_controls(self) -> QHBoxLayout:
        self.start_button = QPushButton(self.tr("&Start"), self)
        self.name(self.start_button, "start", self.tr("Start listening"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.on_start_clicked)
        self.stop_button = QPushButton(self.tr("St&op"), self)
        self.name(self.stop_button, "stop", self.tr("Stop listening"))
        self.stop_button.clicked.connect(self.on_stop_clicked)
        self.address = QLabel(self.tr("Not listening"), self)
        self.address.setObjectName(f"{self.prefix}.address")
        self.address.setWordWrap(True)  # a long Unix path and its command wrap, not widen
        self.address.setOpenExternalLinks(True)  # the HTTP site's address opens a browser
        self.address.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.fingerprint = QLabel(self)
        self.fingerprint.setObjectName(f"{self.prefix}.fingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setWordWrap(True)
        self.fingerprint.hide()
        self.stats = QLabel(self)
        self.stats.setObjectName(f"{self.prefix}.stats")
        self.sparkline = Sparkline(self)
        self.sparkline.setObjectName(f"{self.prefix}.sparkline")
        self.sparkline.setMaximumWidth(160)

        controls = QHBoxLayout()
        controls.addWidget(self.start_button)
        controls.addWidget(self.stop_button)
        controls.addWidget(self.address, 1)
        controls.addWidget(self.stats)
        controls.addWidget(self.sparkline)
        return controls

    def _build_peers(self) -> QWidget:
        self.peers_model = PeersModel(self)
        self.peers = QTableView(self)
        self.name(self.peers, "peers", self.tr("Connected peers"))
        self.peers.setModel(self.peers_model)
        self.peers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.peers.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.peers.verticalHeader().hide()
        self.peers.verticalHeader().setDefaultSectionSize(22)
        self.peers.horizontalHeader().setStretchLastSection(True)
        self.peers.horizontalHeader().setSectionResizeMode(
            PeerColumn.PEER, QHeaderView.ResizeMode.Interactive
        )
        # State next to the peer, the connect time last: in a narrow pane what matters most
        # (who, open or gone, how much) stays in view.
        header = self.peers.horizontalHeader()
        header.moveSection(header.visualIndex(PeerColumn.STATE), 1)
        header.moveSection(header.visualIndex(PeerColumn.CONNECTED), PeerColumn.STATE)
        self.peers.setColumnWidth(PeerColumn.PEER, 125)
        self.peers.setColumnWidth(PeerColumn.STATE, 120)
        self.peers.setColumnWidth(PeerColumn.IN, 92)
        self.peers.setColumnWidth(PeerColumn.OUT, 92)
        self.peers.setAlternatingRowColors(True)
        self.disconnect_button = QPushButton(self.tr("&Disconnect"), self)
        self.name(self.disconnect_button, "disconnect", self.tr("Close the selected peers (FIN)"))
        self.disconnect_button.setToolTip(self.tr("Close gracefully: queued data, then FIN"))
        self.disconnect_button.clicked.connect(self.on_disconnect_clicked)
        self.abort_button = QPushButton(self.tr("&Abort"), self)
        self.name(self.abort_button, "abort", self.tr("Reset the selected peers (RST)"))
        self.abort_button.setToolTip(self.tr("Reset the connection: RST, queued data is lost"))
        self.abort_button.clicked.connect(self.on_abort_clicked)
        self.clear_closed_button = QPushButton(self.tr("C&lear closed"), self)
        self.name(self.clear_closed_button, "clear_closed", self.tr("Remove closed peers"))
        self.clear_closed_button.clicked.connect(self.peers_model.clear_closed)
        peer_buttons = QHBoxLayout()
        peer_buttons.addWidget(self.disconnect_button)
        peer_buttons.addWidget(self.abort_button)
        peer_buttons.addStretch(1)
        peer_buttons.addWidget(self.clear_closed_button)
        self.peers_title = QLabel(self.tr("Peers"), self)
        return column(self, self.peers_title, self.peers, peer_buttons, stretch=self.peers)

    def _build_sender(self) -> QWidget:
        self.editor = PayloadEditor(self.prefix, self)
        self.editor.send_requested.connect(self.on_editor_send_requested)
        self.target = QComboBox(self)
        self.target.addItem(self.tr("to selected peers"), "selected")
        self.target.addItem(self.tr("to all peers"), "all")
        self.name(self.target, "send_target", self.tr("Send to which peers"))
        self.target.setToolTip(self.tr("Where the editor's message and a file go"))
        # A file goes to the same peers as a message: streamed, with progress and cancel.
        self.file_sender = self.make_file_sender(self._file_targets)
        self.file_sender.started.connect(lambda: self._show_send_status(""))
        # The row says the latest news, of a message or a file; empty, it leaves its room
        # to the file's progress bar. One row: a second one would raise the window's
        # minimum height.
        self.send_status = QLabel(self)
        self.send_status.setObjectName(f"{self.prefix}.send_status")
        self.send_status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.send_status.hide()
        send_row = QHBoxLayout()
        send_row.addWidget(QLabel(self.tr("Send"), self))
        send_row.addWidget(self.target)
        send_row.addWidget(self.editor.length_header)
        send_row.addWidget(self.file_sender, 1)
        send_row.addWidget(self.send_status, 1)
        return column(self, send_row, self.editor)

    # -- state ------------------------------------------------------------------------------

    @property
    def is_running(self) -> bool:
        return self.listener is not None

    def title(self) -> str:
        try:
            config = self.config if self.is_running else self.form.config()
        except NetError:
            config = None
        text = config.title() if config is not None else self.tr("New listener")
        if self.listener is not None and self.config is not None:
            kind = self.config.kind
            where = str(self.config.path) if kind.uses_path else self.listener.address
            text = f"{kind.value.upper()} {where} ●"
        return text

    def is_idle(self) -> bool:
        return not self.is_running

    def _refresh_state(self) -> None:
        running = self.is_running
        self.start_button.setEnabled(not running and not self._busy)
        self.stop_button.setEnabled(running and not self._busy)
        self.form.set_in_use(running or self._busy)
        self.editor.set_send_allowed(running)
        self.file_sender.set_allowed(running)
        datagram = self.config is not None and self.config.kind.is_datagram
        self.disconnect_button.setEnabled(running and not datagram)
        self.abort_button.setEnabled(running and not datagram)
        self.emit_title()

    # -- start and stop ---------------------------------------------------------------------

    def on_form_submitted(self) -> None:
        """Enter in a field starts the listener, as the Start button would."""
        if self.start_button.isEnabled():
            self.on_start_clicked()

    def on_start_clicked(self) -> None:
        start_task(self.start(), name=f"start {self.source}")

    def on_stop_clicked(self) -> None:
        start_task(self.stop(), name=f"stop {self.source}")

    async def start(self) -> bool:
        """Start with what the form says; errors appear next to the field at fault."""
        if self.is_running or self._busy:
            return False
        try:
            config = self.form.config()
            if config.kind is SocketKind.TLS and config.certificate is None:
                directory = Path(user_data_dir("netbench", appauthor=False)) / "tls"
                config = self.form.config(generate_self_signed(directory))
        except NetError as exc:
            self.form.show_error(exc.message, exc.field)
            return False
        except OSError as exc:
            error = describe_os_error(exc, self.tr("the certificate folder"))
            self.form.show_error(error.message, "cert")
            return False
        self._busy = True
        self._refresh_state()
        try:
            self.listener = await self.open_owned(self._open(config), lambda opened: opened)
        except NetError as exc:
            message = net_text(exc.message)
            if "already in use" in exc.message and not config.kind.uses_path:
                message += self._holder_words(config)
            self.form.show_error(message, exc.field)
            return False
        finally:
            self._busy = False
            self._refresh_state()
        self.form.show_error(None)  # an error of an earlier try no longer holds
        self.form.show_path_used()
        self.peers_model.set_datagram(config.kind.is_datagram)
        self.config = config
        self.certificate = config.certificate
        self.address.setText(self._listening_text(config))
        self.views.started(config, self.listener.address)
        if config.certificate is not None:
            self.fingerprint.setText(self.certificate_text(config.certificate))
            self.fingerprint.show()
        self._refresh_state()
        self.started.emit()
        return True

    def certificate_text(self, certificate: ServerCertificate) -> str:
        """The certificate a TLS listener shows, in one line: a client's user compares the
        fingerprint with what their client was shown."""
        text = self.tr("Certificate SHA-256: {fingerprint} · {subject} · valid until {date}")
        return text.format(
            fingerprint=certificate.fingerprint,
            subject=certificate.subject,
            date=certificate.not_after,
        )

    def _holder_words(self, config: ListenerConfig) -> str:
        """Who holds the port that is in use, to append to the error ("" if none is seen):
        a process, or a closed connection waiting out TIME_WAIT, which only SO_REUSEADDR
        lets a new listener bind past."""
        holder = who_holds_port(config.port, datagram=config.kind.is_datagram)
        if holder is not None:
            if holder.process is None:
                return " " + self.tr(
                    "(held by a socket bound but not listening; "
                    "the system does not say which process has it)"
                )
            if holder.bound_only:
                return " " + self.tr("(held by {process}, bound but not listening)").format(
                    process=holder.process
                )
            return " " + self.tr("(held by {process})").format(process=holder.process)
        stream = not config.kind.is_datagram
        if stream and not config.reuse_address and time_wait_holds_port(config.port):
            return " " + self.tr(
                "(a closed connection of this port is in TIME_WAIT, which lasts about a "
                "minute: tick SO_REUSEADDR to listen anyway)"
            )
        return ""

    def _listening_text(self, config: ListenerConfig) -> str:
        """Where we listen, and a command that talks to it: the fastest way to try it out."""
        assert self.listener is not None
        address = self.listener.address
        first = address.split(", ")[0]
        host, _, port = first.rpartition(":")
        host = host.strip("[]")
        if host in ("0.0.0.0", "::"):
            host = "127.0.0.1" if host == "0.0.0.0" else "::1"
        commands = {
            SocketKind.TCP: f"nc {host} {port}",
            SocketKind.UDP: f"nc -u {host} {port}",
            SocketKind.UNIX: f"nc -U {address}",
            SocketKind.UNIX_DGRAM: f"socat - UNIX-SENDTO:{address},bind=/tmp/client.sock",
            SocketKind.TLS: f"openssl s_client -connect {host}:{port}",
        }
        text = self.tr("Listening on {address} · try: {command}").format(
            address=address, command=commands[config.kind]
        )
        responder = config.responder
        if responder is None or responder.kind is not ResponderKind.HTTP_STATIC:
            self.address.setTextFormat(Qt.TextFormat.PlainText)
            return text
        # The site is one click from a browser; the rest stays plain, escaped text.
        scheme = "https" if config.kind is SocketKind.TLS else "http"
        url = f"{scheme}://{f'[{host}]' if ':' in host else host}:{port}/"
        link = f'<a href="{html.escape(url)}">{html.escape(url)}</a>'
        self.address.setTextFormat(Qt.TextFormat.RichText)
        return self.tr("Listening on {address} · open {link}").format(
            address=html.escape(address), link=link
        )

    def _open(self, config: ListenerConfig) -> Coroutine[Any, Any, AnyListener]:
        return open_listener(config, self.engine.route(self.source))

    async def stop(self) -> None:
        listener = self.listener
        if listener is None or self._busy:
            return
        self._busy = True
        self._refresh_state()
        try:
            await self.close_owned(listener)
        finally:
            self._busy = False
            self.listener = None
            self.address.setTextFormat(Qt.TextFormat.PlainText)
            self.address.setText(self.tr("Not listening"))
            self.fingerprint.hide()
            self._refresh_state()
            self.stopped.emit()

    # -- events from the bridge -------------------------------------------------------------

    def follow_events(self, events: Sequence[NetEvent]) -> None:
        self.views.follow(events)

    def after_view_update(self) -> None:
        if not self._peers_timer.isActive():
            self._peers_timer.start()
        self.views.after_update()

    def on_peer_selection_changed(self) -> None:
        names = self.selected_peers()
        if names:
            self.views.peer_selected(names[0])

    def show_events(self, events: Sequence[NetEvent], messages: int) -> None:
        self.peers_model.apply(events, announce=False)  # told at the view's pace
        super().show_events(events, messages)

    def on_stats_timer_timeout(self) -> None:
        now = time.monotonic()
        rates = self.meter.roll(now - self._last_roll)
        self._last_roll = now
        self.sparkline.set_values([r.messages_in for r in self.meter.history])
        self.stats.setText(
            self.tr(
                "{open} open · {total} total · in {msgs_in} {bytes_in} · out {msgs_out} {bytes_out}"
            ).format(
                open=self.peers_model.open_count,
                total=self.peers_model.total_connections,
                msgs_in=human_rate(rates.messages_in, self.tr("msg")),
                bytes_in=human_rate(rates.bytes_in, "B"),
                msgs_out=human_rate(rates.messages_out, self.tr("msg")),
                bytes_out=human_rate(rates.bytes_out, "B"),
            )
            + self._drops_text()
        )

    def _drops_text(self) -> str:
        """What the system dropped before we read it (UDP, where the OS says)."""
        listener = self.listener
        dropped = listener.dropped() if isinstance(listener, DatagramListener) else None
        if not dropped:
            return ""
        return self.tr(" · {count} dropped by the system (receive buffer full)").format(
            count=format_count(dropped)
        )

    # -- peers and sending ------------------------------------------------------------------

    def selected_peers(self) -> list[str]:
        selection = self.peers.selectionModel()
        rows = sorted({index.row() for index in selection.selectedRows()})
        return [
            self.peers_model.row(r).name
            for r in rows
            if self.peers_model.row(r).state is not PeerState.CLOSED
        ]

    def select_peer(self, name: str) -> None:
        for position in range(self.peers_model.rowCount()):
            if self.peers_model.row(position).name == name:
                self.peers.selectionModel().select(
                    self.peers_model.index(position, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )

    def _targets(self) -> list[str]:
        if self.target.currentData() == "all":
            return self.peers_model.open_names()
        return self.selected_peers()

    def on_editor_send_requested(self, data: bytes) -> None:
        """The editor's bytes (templates filled, checksum appended) to the chosen peers.

        A send that reaches no peer gives its number back, so ``{counter}`` stays gapless.
        """
        names = self._send_targets()
        if names is None:
            self.editor.take_back_send()
            return
        start_task(self.send(data, names), name=f"send {self.source}")

    def _send_targets(self, targets: list[str] | None = None) -> list[str] | None:
        """The peers to send to, or None after saying why there are none."""
        names = self._target_names(targets)
        if isinstance(names, str):
            self._show_send_status(names)
            return None
        return names

    def _target_names(self, targets: list[str] | None = None) -> list[str] | str:
        """The peers to send to, or why there are none."""
        if self.listener is None:
            return self.tr("Start the listener first")
        names = targets if targets is not None else self._targets()
        if not names:
            return (
                self.tr("Select a peer in the table, or send to all peers")
                if self.peers_model.open_count
                else self.tr("No peer is connected yet")
            )
        return names

    def _file_targets(self) -> FindTargets | str:
        """Where a file picked now goes: the peers a message would go to."""
        names = self._target_names()
        listener = self.listener
        if isinstance(names, str):
            return names
        assert listener is not None
        return lambda: listener_targets(listener, names)

    async def send(self, data: bytes, targets: list[str] | None = None) -> int:
        """Send to the chosen peers; says how many got it and why the others did not."""
        listener = self.listener
        names = self._send_targets(targets)
        if listener is None or names is None:
            return 0
        errors = await self.engine.run(_send_on_engine(listener, names, data))
        sent = len(names) - len(errors)
        text = self.tr("Sent {size} to {count} peer(s)").format(
            size=format_size(len(data)), count=sent
        )
        if errors:
            text += " · " + "; ".join(map(net_text, errors[:3]))
        self._show_send_status(text)
        return sent

    def _show_send_status(self, text: str) -> None:
        """A message's outcome; it replaces the last file's, unless a file is on its way."""
        self.send_status.setText(text)
        self.send_status.setToolTip(text)
        self.send_status.setVisible(bool(text))
        if text and not self.file_sender.is_sending:
            self.file_sender.clear_status()

    def on_disconnect_clicked(self) -> None:
        self._peer_action("disconnect")

    def on_abort_clicked(self) -> None:
        self._peer_action("abort")

    def _peer_action(self, action: str) -> None:
        listener = self.listener
        if not isinstance(listener, StreamListener):
            return
        method = listener.disconnect if action == "disconnect" else listener.abort
        for name in self.selected_peers():
            self.engine.call(method, name)

    async def shutdown(self) -> None:
        self.file_sender.shutdown()
        self._stats_timer.stop()
        self.drain_view()
        await self.stop()
        await self.views.shutdown()


async def _send_on_engine(listener: AnyListener, names: list[str], data: bytes) -> list[str]:
    errors = []
    for name in names:
        try:
            listener.send(name, data)
        except NetError as exc:
            errors.append(exc.message)
    return errors
