"""The form that says where one client session connects, and how.

It turns what the user typed into a :class:`ClientConfig`, or says which field is wrong
and why, next to that field.

Signals:
    changed(): any field changed (the panel refreshes its title).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from netbench.net.clients import ClientConfig
from netbench.net.socket_kinds import SocketKind
from netbench.ui.panels.socket_form import SocketForm
from netbench.ui.widgets.colors import WARNING_COLOR


class SessionForm(SocketForm):
    host: QLineEdit

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(prefix, parent)
        self._build()
        self.apply_kind()

    def _pem_file(
        self, stem: str, accessible: str, placeholder: str, browse: str, choose: str, tip: str = ""
    ) -> tuple[QLineEdit, QPushButton]:
        """The field ``<stem>_file`` for a PEM file's path, and the button ``<stem>_browse``
        saying ``browse`` that picks one into it (a non-blocking dialog captioned
        ``choose``)."""
        edit = self.line_edit(f"{stem}_file", accessible, placeholder=placeholder, tip=tip)
        button = self.name(QPushButton(browse, self), f"{stem}_browse", choose)
        pem = self.tr("PEM files (*.pem *.crt *.cer *.key);;All files (*)")
        button.clicked.connect(lambda: self.pick_file(choose, f"{stem}_browse", edit, pem))
        return edit, button

    def _build(self) -> None:
        row = self._build_target_row()
        self._build_tls_rows()
        self.warning.setObjectName(f"{self.prefix}.tls_warning")
        self.warning.setStyleSheet(f"color: {WARNING_COLOR}; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.tls_row)
        layout.addWidget(self.warning)
        layout.addWidget(self.error)
        self._connect_changes()

    def _build_target_row(self) -> QHBoxLayout:
        self.kind = self.kind_combo(self.tr("Connection kind"))

        self.host = self.line_edit(
            "host",
            self.tr("Host to connect to"),
            placeholder=self.tr("name or address"),
            tip=self.tr("A name (example.com) or an IPv4 or IPv6 address"),
            text="127.0.0.1",
        )
        self.address_fields(self.tr("port"), self.tr("Server socket path, e.g. ./sock"))
        self.timeout = self.controls.spin_box(
            "timeout", self.tr("Connect timeout in milliseconds"), 1, 600_000, 5_000
        )
        self.timeout.setSingleStep(500)
        self.timeout.setSuffix(self.tr(" ms"))
        self.timeout.setToolTip(self.tr("How long to wait for the connection"))

        self.timeout_label = QLabel(self.tr("Timeout"), self)
        row = self.address_row(self.host, 2, 3)
        row.addSpacing(10)
        row.addWidget(self.timeout_label)
        row.addWidget(self.timeout)
        row.addStretch(1)

        self.local_host = self.line_edit(
            "local_host",
            self.tr("Local address to bind"),
            placeholder=self.tr("any local address"),
            tip=self.tr("Bind to this address of this machine before connecting (optional)"),
        )
        self.local_host.setMinimumWidth(140)
        self.local_port = self.controls.spin_box(
            "local_port", self.tr("Local port to bind"), 0, 65535
        )
        self.local_port.setSpecialValueText(self.tr("any"))
        self.local_port.setToolTip(
            self.tr("Connect from this local port (0: the system picks one)")
        )
        self.local_label = QLabel(self.tr("From"), self)
        self.local_row = QWidget(self)
        local = QHBoxLayout(self.local_row)
        local.setContentsMargins(0, 0, 0, 0)
        local.setSpacing(6)
        local.addWidget(self.local_label)
        local.addWidget(self.local_host, 1)
        local.addWidget(QLabel(self.tr("port"), self))
        local.addWidget(self.local_port)
        local.addStretch(2)
        row.insertWidget(row.count() - 1, self.local_row)
        self.network_fields.append(self.local_row)
        return row

    def _build_tls_rows(self) -> None:
        self.tls_verify = self.tls_choice(
            "tls_verify",
            self.tr("Verify the certificate"),
            self.tr("Verify the server's certificate"),
            self.tr("Check the chain against the system's CAs (and the CA file) and the name"),
        )
        self.ca_file, self.ca_browse = self._pem_file(
            "ca",
            self.tr("CA certificate file"),
            self.tr("extra CA file (.pem), optional"),
            self.tr("CA file…"),
            self.tr("Choose a CA certificate file"),
        )
        self.server_name = self.line_edit(
            "server_name",
            self.tr("TLS server name (SNI)"),
            placeholder=self.tr("server name (SNI): the host by default"),
        )
        self.cert_file, self.cert_browse = self._pem_file(
            "cert",
            self.tr("Client certificate file"),
            self.tr("client certificate (.pem), optional"),
            self.tr("Certificate…"),
            self.tr("Choose a client certificate file"),
            tip=self.tr("For servers that ask clients for a certificate (mutual TLS)"),
        )
        self.key_file, self.key_browse = self._pem_file(
            "key",
            self.tr("Client key file"),
            self.tr("its key, if not in the certificate file"),
            self.tr("Key…"),
            self.tr("Choose the client key file"),
        )
        self.alpn = self.line_edit(
            "alpn",
            self.tr("ALPN protocols to offer"),
            placeholder=self.tr("ALPN, e.g. h2, http/1.1"),
            tip=self.tr("Application protocols to offer, comma-separated; the server picks one"),
        )
        self.tls_row = QWidget(self)
        tls_rows = QVBoxLayout(self.tls_row)
        tls_rows.setContentsMargins(0, 0, 0, 0)
        tls_rows.setSpacing(4)
        tls = QHBoxLayout()
        tls.setSpacing(6)
        tls.addWidget(self.tls_label)
        tls.addWidget(self.tls_verify)
        tls.addWidget(self.ca_file, 2)
        tls.addWidget(self.ca_browse)
        tls.addWidget(self.server_name, 2)
        tls.addStretch(1)
        identity = QHBoxLayout()
        identity.setSpacing(6)
        identity.addSpacing(self.tls_label.sizeHint().width() + 6)
        identity.addWidget(self.cert_file, 2)
        identity.addWidget(self.cert_browse)
        identity.addWidget(self.key_file, 2)
        identity.addWidget(self.key_browse)
        identity.addWidget(self.alpn, 1)
        identity.addStretch(1)
        tls_rows.addLayout(tls)
        tls_rows.addLayout(identity)

    def _connect_changes(self) -> None:
        self.kind.currentIndexChanged.connect(self.on_kind_changed)
        self.tls_verify.toggled.connect(self.on_any_changed)
        self.local_port.valueChanged.connect(self.on_any_changed)
        for edit in (
            self.host,
            self.port,
            self.path,
            self.ca_file,
            self.server_name,
            self.cert_file,
            self.key_file,
            self.alpn,
            self.local_host,
        ):
            edit.textChanged.connect(self.on_any_changed)

    # -- reacting to the user ---------------------------------------------------------------

    def tls_widgets(self) -> Sequence[QWidget]:
        return (self.tls_row,)

    def setting_fields(self) -> dict[str, QWidget]:
        files = (self.ca_file, self.cert_file, self.key_file)
        local = (self.local_host, self.local_port)
        named = self.by_control(self.timeout, *files, self.server_name, self.alpn, *local)
        return {"tls": self.tls_verify, **named}

    def apply_kind(self) -> None:
        super().apply_kind()
        self.update_warning()

    def warnings(self) -> list[str]:
        if self.socket_kind is not SocketKind.TLS or self.tls_verify.isChecked():
            return []
        return [
            self.tr(
                "Insecure: the certificate is not checked, so anyone between you and the "
                "server can read and change the traffic."
            )
        ]

    # -- reading and filling the form ---------------------------------------------------------

    def settings_widgets(self) -> Sequence[QWidget]:
        """Every setting field, and the buttons that fill the file fields."""
        browse = (self.ca_browse, self.cert_browse, self.key_browse)
        return (*self.setting_fields().values(), *browse)

    def config(self) -> ClientConfig:
        """The connection described by the form; raises NetError naming the field."""
        kind = self.socket_kind
        port = 0 if kind.uses_path else self.port_number(self.port.text().strip(), 1)
        tls = kind is SocketKind.TLS
        config = ClientConfig(
            kind=kind,
            host=self.host.text().strip(),
            port=port,
            path=self.path_typed(),
            timeout=self.timeout.value() / 1000,
            tls_verify=self.tls_verify.isChecked(),
            ca_file=_path(self.ca_file) if tls else None,
            server_name=self.server_name.text().strip(),
            cert_file=_path(self.cert_file) if tls else None,
            key_file=_path(self.key_file) if tls else None,
            alpn=_alpn(self.alpn.text()) if tls else (),
            local_host="" if kind.uses_path else self.local_host.text().strip(),
            local_port=0 if kind.uses_path else self.local_port.value(),
        )
        config.validate()
        return config

    def apply(self, config: ClientConfig) -> None:
        """Fill the form (used by the Examples menu)."""
        self.kind.setCurrentIndex(self.kind.findData(config.kind.value))
        self.host.setText(config.host)
        self.port.setText(str(config.port) if config.port else "")
        self.path.setText(str(config.path) if config.path else "")
        self.timeout.setValue(round(config.timeout * 1000))
        self.tls_verify.setChecked(config.tls_verify)
        self.ca_file.setText(str(config.ca_file) if config.ca_file else "")
        self.server_name.setText(config.server_name)
        self.cert_file.setText(str(config.cert_file) if config.cert_file else "")
        self.key_file.setText(str(config.key_file) if config.key_file else "")
        self.alpn.setText(", ".join(config.alpn))
        self.local_host.setText(config.local_host)
        self.local_port.setValue(config.local_port)


def _path(edit: QLineEdit) -> Path | None:
    text = edit.text().strip()
    return Path(text).expanduser() if text else None


def _alpn(text: str) -> tuple[str, ...]:
    """ "h2, http/1.1" → ("h2", "http/1.1"): commas or spaces separate the names."""
    return tuple(part for part in text.replace(",", " ").split() if part)
