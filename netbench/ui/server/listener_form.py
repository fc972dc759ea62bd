"""The form that describes one listener: where, how messages are framed, what to reply.

It turns what the user typed into a :class:`ListenerConfig`, or says exactly which field
is wrong and why, next to that field.

Signals:
    changed(): any field changed (the panel refreshes its title and warnings).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import psutil
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from netbench.core.errors import PayloadError
from netbench.core.escapes import decode_escapes
from netbench.core.framing.spec import FramingKind, FramingSpec
from netbench.core.length_header import LengthHeader
from netbench.core.replies.http_site import HttpStaticResponder, default_site_dir
from netbench.core.replies.responder import ReplyOptions, Responder
from netbench.core.replies.rules import (
    MatchKind,
    Rule,
    RuleError,
    RulesResponder,
    risky_rule_lines,
)
from netbench.core.replies.simple import (
    ByteCountResponder,
    EchoResponder,
    FixedResponder,
    TimestampResponder,
    UpperEchoResponder,
)
from netbench.core.text import message_of
from netbench.net.errors import NetError
from netbench.net.listeners import ALL_INTERFACES, ListenerConfig
from netbench.net.socket_kinds import SocketKind
from netbench.net.tls import ServerCertificate, describe_certificate
from netbench.ui.panels.socket_form import DELIMITER_KEYS, DELIMITERS, SocketForm
from netbench.ui.runtime.net_text import net_text
from netbench.ui.server.listener_limits import ListenerLimits
from netbench.ui.widgets.file_dialogs import DialogPurpose, DialogSpec

HOST_CHOICES = ("127.0.0.1", "::1", "0.0.0.0", "::")


def local_addresses() -> list[str]:
    """Addresses of this machine's interfaces, for the host list."""
    found: list[str] = []
    try:
        interfaces = psutil.net_if_addrs()
    except OSError:
        return found
    for addresses in interfaces.values():
        for address in addresses:
            if address.family.name in ("AF_INET", "AF_INET6"):
                host = address.address.split("%", 1)[0]
                if host not in found and host not in HOST_CHOICES:
                    found.append(host)
    return found


class ListenerForm(SocketForm):
    host: QComboBox  # the usual addresses to listen on, and this machine's own

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(prefix, parent)
        self.certificate: ServerCertificate | None = None
        self._build()
        self.on_kind_changed()
        self._on_framing_changed()
        self._on_reply_changed()

    # -- construction -----------------------------------------------------------------------

    def _build(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        self._build_address_row(grid)
        self._build_framing_row(grid)
        self._build_reply_rows(grid)
        self._build_limits_row(grid)
        grid.addWidget(self.error, 5, 0, 1, 2)
        grid.addWidget(self.warning, 6, 0, 1, 2)

        self.kind.currentIndexChanged.connect(self.on_kind_changed)
        self.framing.currentIndexChanged.connect(self._on_framing_changed)
        self.responder.currentIndexChanged.connect(self._on_reply_changed)
        self.host.currentTextChanged.connect(self.on_any_changed)
        for edit in (self.port, self.path, self.fixed_reply, self.site, self.delimiter):
            edit.textChanged.connect(self.on_any_changed)
        self.rules.textChanged.connect(self.on_any_changed)

    def _build_address_row(self, grid: QGridLayout) -> None:
        self.kind = self.kind_combo(self.tr("Listener kind"))

        self.host = QComboBox(self)
        self.host.setEditable(True)
        self.host.addItems([*HOST_CHOICES, *local_addresses()])
        line = self.host.lineEdit()
        if line is not None:
            line.returnPressed.connect(self.submitted)
        self.host.setMinimumContentsLength(14)
        self.name(self.host, "host", self.tr("Address to listen on"))
        self.host.setToolTip(
            self.tr(
                "127.0.0.1: this machine only. 0.0.0.0, or empty as in bind(('', port)): every "
                "IPv4 interface. ::: every IPv6 interface only (IPV6_V6ONLY is on), so IPv4 "
                "clients such as 127.0.0.1 cannot reach it."
            )
        )

        self.address_fields(self.tr("0 = any"), self.tr("Socket path, e.g. ./sock"))
        self.port.setText("0")
        self.port.setToolTip(
            self.tr("0 picks any free port; the bound address is shown after start")
        )
        self.remove_stale = self.check_box(
            "remove_stale",
            self.tr("Remove a stale socket file"),
            self.tr("Remove a stale socket file"),
            tip=self.tr("Only a socket file nobody answers on is removed; never a regular file"),
        )

        row = self.address_row(self.host, 0, 1)
        row.addWidget(self.remove_stale)
        self.path_fields.append(self.remove_stale)
        row.addStretch(1)
        grid.addLayout(row, 0, 0, 1, 2)

    def _build_framing_row(self, grid: QGridLayout) -> None:
        framings = (
            (self.tr("Raw chunks as received"), "raw"),
            (self.tr("Lines ending in LF (\\n)"), "lf"),
            (self.tr("Lines ending in CRLF (\\r\\n)"), "crlf"),
            (self.tr("NUL-terminated (\\0)"), "nul"),
            (self.tr("Custom delimiter"), "custom"),
            (self.tr("Fixed length"), "fixed"),
            (self.tr("Length prefix"), "length"),
        )
        self.framing = self.combo(
            "framing", self.tr("How received bytes are split into messages"), framings
        )
        self.delimiter = self.line_edit(
            "delimiter",
            self.tr("Custom delimiter"),
            tip=self.tr("Delimiter bytes, with escapes: \\n, \\r\\n, \\x03"),
            text="\\n",
        )
        self.delimiter.setMaximumWidth(80)
        self.fixed_length = self.controls.spin_box(
            "fixed_length", self.tr("Message length"), 1, 16 * 1024 * 1024, 16
        )
        self.fixed_length.setSuffix(self.tr(" bytes"))
        self.prefix_size = self.combo(
            "prefix_size",
            self.tr("Length prefix size"),
            ((self.tr("{n}-byte").format(n=size), size) for size in (1, 2, 4, 8)),
        )
        self.prefix_size.setCurrentIndex(2)
        self.byteorder = self.combo(
            "byteorder",
            self.tr("Length prefix byte order"),
            ((self.tr("big-endian"), "big"), (self.tr("little-endian"), "little")),
        )
        self.counts_header = self.check_box(
            "counts_header", self.tr("counts the header"), self.tr("Length counts the header")
        )
        self.max_frame = self.controls.spin_box(
            "max_frame", self.tr("Maximum message size"), 1, 1024 * 1024 * 1024, 1024 * 1024
        )
        self.max_frame.setSuffix(self.tr(" B max"))
        self.max_frame.setToolTip(
            self.tr("A longer message is reported and skipped, never buffered")
        )

        framing_row = QHBoxLayout()
        framing_row.addWidget(QLabel(self.tr("Framing"), self))
        framing_row.addWidget(self.framing)
        for widget in (
            self.delimiter,
            self.fixed_length,
            self.prefix_size,
            self.byteorder,
            self.counts_header,
        ):
            framing_row.addWidget(widget)
        framing_row.addWidget(self.max_frame)
        framing_row.addStretch(1)
        grid.addLayout(framing_row, 1, 0, 1, 2)

    def _build_reply_rows(self, grid: QGridLayout) -> None:
        replies = (
            (self.tr("No automatic reply"), "none"),
            (self.tr("Echo"), "echo"),
            (self.tr("Upper-case echo"), "upper"),
            (self.tr("Timestamp prefix (time.ctime)"), "timestamp"),
            (self.tr("Time stamp as the tutorial: ctime() + data"), "ctime"),
            (self.tr("Byte count"), "bytecount"),
            (self.tr("Fixed reply"), "fixed"),
            (self.tr("Rules"), "rules"),
            (self.tr("HTTP static site"), "http"),
        )
        self.responder = self.combo("responder", self.tr("Automatic reply"), replies)
        self.fixed_reply = self.line_edit(
            "fixed_reply",
            self.tr("Fixed reply"),
            placeholder=self.tr("Reply text, escapes allowed: OK\\r\\n"),
        )
        self.site = self.line_edit(
            "site", self.tr("Folder served over HTTP"), text=str(default_site_dir())
        )
        self.site_browse = QPushButton(self.tr("Folder…"), self)
        self.name(self.site_browse, "site_browse", self.tr("Choose the folder to serve"))
        self.site_browse.clicked.connect(self._on_site_browse_clicked)
        self.delay = self.controls.spin_box(
            "reply_delay", self.tr("Delay before replying"), 0, 600_000
        )
        self.delay.setSuffix(self.tr(" ms delay"))
        self.close_after = self.check_box(
            "close_after_reply", self.tr("close after reply"), self.tr("Close after replying")
        )

        reply_row = QHBoxLayout()
        reply_row.addWidget(QLabel(self.tr("Reply"), self))
        reply_row.addWidget(self.responder)
        reply_row.addWidget(self.fixed_reply, 2)
        reply_row.addWidget(self.site, 2)
        reply_row.addWidget(self.site_browse)
        reply_row.addWidget(self.delay)
        reply_row.addWidget(self.close_after)
        reply_row.addStretch(1)
        grid.addLayout(reply_row, 2, 0, 1, 2)

        self.rules = QPlainTextEdit(self)
        self.rules.setPlaceholderText(
            self.tr(
                "One rule per line: KIND PATTERN => REPLY\n"
                "KIND is exact, prefix, contains, regex or hex. REPLY may use {data} {upper} "
                "{len} {time} {counter} {peer} and escapes.\n"
                "prefix HELLO => hi {peer}\\n"
            )
        )
        self.rules.setMaximumHeight(72)
        self.name(self.rules, "rules", self.tr("Reply rules"))
        grid.addWidget(self.rules, 3, 0, 1, 2)

    def _build_limits_row(self, grid: QGridLayout) -> None:
        self.limits = ListenerLimits(self.prefix, self)
        self.backlog = self.limits.backlog
        self.reuse = self.limits.reuse
        self.max_connections = self.limits.max_connections
        self.idle = self.limits.idle
        self.keep_half_open = self.limits.keep_half_open
        self.cert = self.line_edit(
            "cert", self.tr("TLS certificate file"), placeholder=self.tr("certificate .pem")
        )
        self.key = self.line_edit("key", self.tr("TLS key file"), placeholder=self.tr("key .pem"))
        self.self_signed = self.tls_choice(
            "self_signed",
            self.tr("self-signed"),
            self.tr("Use a self-signed certificate"),
            self.tr("Make a certificate for localhost on start"),
        )

        limits_row = QHBoxLayout()
        limits_row.addWidget(self.limits)
        limits_row.addSpacing(12)
        limits_row.addWidget(self.tls_label)
        limits_row.addWidget(self.self_signed)
        limits_row.addWidget(self.cert, 1)
        limits_row.addWidget(self.key, 1)
        limits_row.addStretch(1)
        grid.addLayout(limits_row, 4, 0, 1, 2)

    # -- reacting to the user ---------------------------------------------------------------

    def tls_widgets(self) -> Sequence[QWidget]:
        return (self.tls_label, self.self_signed, self.cert, self.key)

    def setting_fields(self) -> dict[str, QWidget]:
        return {"reply": self.responder, **self.by_control(self.framing, self.rules, self.cert)}

    def apply_kind(self) -> None:
        """Show the fields this kind uses and enable what it supports."""
        super().apply_kind()
        kind = self.socket_kind
        stream = not kind.is_datagram
        stream_only: tuple[QWidget, ...] = (
            *self.limits.stream_widgets(),
            self.close_after,
            self.framing,
        )
        for widget in stream_only:
            widget.setEnabled(stream)
        if not stream:
            self.framing.setCurrentIndex(0)
        if not stream and self.responder.currentData() == "http":
            self.responder.setCurrentIndex(0)

    def _on_framing_changed(self) -> None:
        key = self.framing.currentData()
        self.delimiter.setVisible(key == "custom")
        self.fixed_length.setVisible(key == "fixed")
        for widget in (self.prefix_size, self.byteorder, self.counts_header):
            widget.setVisible(key == "length")
        self.max_frame.setVisible(key != "raw")
        self.on_any_changed()

    def _on_reply_changed(self) -> None:
        key = self.responder.currentData()
        self.fixed_reply.setVisible(key == "fixed")
        self.site.setVisible(key == "http")
        self.site_browse.setVisible(key == "http")
        self.rules.setVisible(key == "rules")
        self.delay.setVisible(key not in ("none", "http"))
        self.close_after.setVisible(key not in ("none", "http"))
        if key == "http" and self.framing.currentData() != "raw":
            self.framing.setCurrentIndex(0)
        self.on_any_changed()

    def warnings(self) -> list[str]:
        host = self.host.currentText().strip()
        warnings: list[str] = []
        if not self.socket_kind.uses_path and host in ALL_INTERFACES:
            warnings.append(
                self.tr(
                    "Listening on all interfaces: other machines on your network can connect. "
                    "Use 127.0.0.1 to stay on this machine."
                )
            )
        rules_on = self.responder.currentData() == "rules"
        risky = risky_rule_lines(self.rules.toPlainText()) if rules_on else []
        if risky:
            warnings.append(
                self.tr(
                    "Rule {numbers}: a repeated group that itself repeats, such as (a+)+, can "
                    "take forever on some messages; such a match is stopped after a moment "
                    "and the rule skipped. Write a+ instead of (a+)+."
                ).format(numbers=", ".join(map(str, risky)))
            )
        return warnings

    def _on_site_browse_clicked(self) -> None:
        spec = DialogSpec(
            DialogPurpose.FOLDER,
            self.tr("Folder to serve"),
            f"{self.prefix}.site_dialog",
            directory=self.site.text(),
        )
        self.browse(spec, self.site)

    # -- reading the form -------------------------------------------------------------------

    def settings_widgets(self) -> Sequence[QWidget]:
        return (
            self.remove_stale,
            self.framing,
            self.delimiter,
            self.fixed_length,
            self.prefix_size,
            self.byteorder,
            self.counts_header,
            self.max_frame,
            self.responder,
            self.fixed_reply,
            self.site,
            self.site_browse,
            self.rules,
            self.delay,
            self.close_after,
            *self.limits.editable(),
            self.cert,
            self.key,
            self.self_signed,
        )

    def framing_spec(self) -> FramingSpec:
        key = self.framing.currentData()
        max_frame = self.max_frame.value()
        if key == "raw":
            return FramingSpec(kind=FramingKind.RAW)
        if key in (*DELIMITERS, "custom"):
            delimiter = DELIMITERS.get(key)
            if delimiter is None:
                try:
                    delimiter = decode_escapes(self.delimiter.text(), "utf-8")
                except PayloadError as exc:
                    raise NetError(
                        self.tr("Delimiter: {message}").format(message=net_text(exc.message)),
                        "framing",
                    ) from exc
                if not delimiter:
                    raise NetError(self.tr("Enter the delimiter bytes, e.g. \\x03"), "framing")
            return FramingSpec(kind=FramingKind.DELIMITER, delimiter=delimiter, max_frame=max_frame)
        if key == "fixed":
            return FramingSpec(
                kind=FramingKind.FIXED,
                fixed_length=self.fixed_length.value(),
                max_frame=max(max_frame, self.fixed_length.value()),
            )
        return FramingSpec(
            kind=FramingKind.LENGTH_PREFIX,
            prefix_size=int(self.prefix_size.currentData()),
            byteorder=self.byteorder.currentData(),
            length_includes_header=self.counts_header.isChecked(),
            max_frame=max_frame,
        )

    def reply_options(self, framing: FramingSpec) -> ReplyOptions:
        """Replies to delimited messages get the delimiter back, as a line-based peer
        expects; replies to length-prefixed ones their length header in front."""
        suffix = framing.delimiter if framing.kind is FramingKind.DELIMITER else b""
        return ReplyOptions(
            delay=self.delay.value() / 1000,
            close_after_reply=self.close_after.isChecked(),
            suffix=suffix,
            length_header=LengthHeader.of_framing(framing),
        )

    def responder_choice(self, framing: FramingSpec) -> Responder | None:
        key = self.responder.currentData()
        options = self.reply_options(framing)
        if key == "none":
            return None
        if key == "echo":
            return EchoResponder(options=options)
        if key == "upper":
            return UpperEchoResponder(options=options)
        if key in ("timestamp", "ctime"):
            return TimestampResponder(options=options, joined=key == "ctime")
        if key == "bytecount":
            return ByteCountResponder(options=options)
        if key == "fixed":
            try:
                data = decode_escapes(self.fixed_reply.text(), "utf-8")
            except PayloadError as exc:
                raise NetError(
                    self.tr("Fixed reply: {message}").format(message=net_text(exc.message)), "reply"
                ) from exc
            return FixedResponder(data, options=options)
        if key == "rules":
            rules = self._parse_rules()
            try:
                return RulesResponder(rules, options=options)
            except RuleError as exc:
                raise NetError(exc.message, "rules") from exc
        root = Path(self.site.text()).expanduser()
        if not root.is_dir():
            raise NetError(self.tr("{path} is not a folder").format(path=root), "reply")
        return HttpStaticResponder(root)

    def _parse_rules(self) -> tuple[Rule, ...]:
        rules: list[Rule] = []
        kinds = {kind.value: kind for kind in MatchKind}
        for number, line in enumerate(self.rules.toPlainText().splitlines(), start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            left, arrow, template = line.partition(" => ")
            kind_name, _, pattern = left.strip().partition(" ")
            if not arrow or kind_name.lower() not in kinds:
                raise NetError(
                    self.tr(
                        "Rule {number}: write KIND PATTERN => REPLY, with KIND one of {kinds}"
                    ).format(number=number, kinds=", ".join(kinds)),
                    "rules",
                )
            try:
                rules.append(Rule(kinds[kind_name.lower()], pattern, template))
            except ValueError as exc:
                raise NetError(
                    self.tr("Rule {number}: {message}").format(
                        number=number, message=net_text(message_of(exc))
                    ),
                    "rules",
                ) from exc
        if not rules:
            raise NetError(self.tr("Add at least one rule"), "rules")
        return tuple(rules)

    def certificate_choice(self) -> ServerCertificate | None:
        """The chosen pair; None when a self-signed one is to be made on start."""
        if self.socket_kind is not SocketKind.TLS or self.self_signed.isChecked():
            return None
        cert, key = self.cert.text().strip(), self.key.text().strip()
        if not cert or not key:
            raise NetError(self.tr("Choose a certificate and a key, or tick self-signed"), "cert")
        return describe_certificate(Path(cert).expanduser(), Path(key).expanduser())

    def config(self, certificate: ServerCertificate | None = None) -> ListenerConfig:
        """The listener described by the form; raises NetError naming the field."""
        kind = self.socket_kind
        port = self.port_number(self.port.text().strip() or "0", 0)
        framing = self.framing_spec()
        config = ListenerConfig(
            kind=kind,
            host=self.host.currentText().strip(),
            port=port,
            path=self.path_typed(),
            framing=framing,
            responder=self.responder_choice(framing),
            certificate=certificate or self.certificate_choice(),
            backlog=self.backlog.value(),
            reuse_address=self.reuse.isChecked(),
            max_connections=self.max_connections.value(),
            idle_timeout=float(self.idle.value()) or None,
            remove_stale=self.remove_stale.isChecked(),
            keep_half_open=self.keep_half_open.isChecked(),
            receive_buffer=self.limits.receive_buffer_bytes(),
        )
        if kind is not SocketKind.TLS or config.certificate is not None:
            config.validate()
        return config

    def apply(self, config: ListenerConfig, reply_key: str = "none") -> None:
        """Fill the form (used by the Examples menu)."""
        self.kind.setCurrentIndex(self.kind.findData(config.kind.value))
        self.host.setCurrentText(config.host)
        self.port.setText(str(config.port))
        self.path.setText(str(config.path) if config.path else "")
        framing_key = "raw"
        if config.framing.kind is FramingKind.DELIMITER:
            framing_key = DELIMITER_KEYS.get(config.framing.delimiter, "custom")
        self.framing.setCurrentIndex(self.framing.findData(framing_key))
        self.responder.setCurrentIndex(self.responder.findData(reply_key))
