"""The form that says where one client session connects, and how.

It turns what the user typed into a :class:`ClientConfig`, or says which field is wrong
and why, next to that field.

Signals:
    changed(): any field changed (the panel refreshes its title).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from netbench.net.clients import ClientConfig
from netbench.net.errors import NetError
from netbench.net.socket_kinds import SocketKind
from netbench.ui.runtime.net_text import net_text
from netbench.ui.widgets.colors import ERROR_COLOR, WARNING_COLOR


class SessionForm(QWidget):
    changed = Signal()

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self._dialog: QFileDialog | None = None
        self._build()
        self._apply_kind()

    def _named(self, widget: QWidget, name: str, accessible: str) -> None:
        widget.setObjectName(f"{self.prefix}.{name}")
        widget.setAccessibleName(accessible)

    def _browse_button(
        self, text: str, name: str, accessible: str, target: QLineEdit
    ) -> QPushButton:
        """A button that picks a PEM file into ``target`` (a non-blocking dialog)."""
        button = QPushButton(text, self)
        self._named(button, name, accessible)
        button.clicked.connect(lambda: self._browse(accessible, name, target))
        return button

    def _build(self) -> None:
        self.kind = QComboBox(self)
        for label, kind in (
            (self.tr("TCP"), SocketKind.TCP),
            (self.tr("UDP"), SocketKind.UDP),
            (self.tr("Unix stream"), SocketKind.UNIX),
            (self.tr("Unix datagram"), SocketKind.UNIX_DGRAM),
            (self.tr("TLS over TCP"), SocketKind.TLS),
        ):
            self.kind.addItem(label, kind.value)
        self._named(self.kind, "kind", self.tr("Connection kind"))

        self.host = QLineEdit("127.0.0.1", self)
        self.host.setPlaceholderText(self.tr("name or address"))
        self.host.setToolTip(self.tr("A name (example.com) or an IPv4 or IPv6 address"))
        self.host.setMinimumWidth(180)
        self._named(self.host, "host", self.tr("Host to connect to"))
        self.port = QLineEdit(self)
        self.port.setPlaceholderText(self.tr("port"))
        self.port.setFixedWidth(80)
        self._named(self.port, "port", self.tr("Port"))
        self.path = QLineEdit(self)
        self.path.setPlaceholderText(self.tr("Server socket path, e.g. ./sock"))
        self.path.setMinimumWidth(260)
        self._named(self.path, "path", self.tr("Unix socket path"))
        self.timeout = QSpinBox(self)
        self.timeout.setRange(1, 600_000)
        self.timeout.setValue(5_000)
        self.timeout.setSingleStep(500)
        self.timeout.setSuffix(self.tr(" ms"))
        self.timeout.setToolTip(self.tr("How long to wait for the connection"))
        self._named(self.timeout, "timeout", self.tr("Connect timeout in milliseconds"))

        self.host_label = QLabel(self.tr("Host"), self)
        self.port_label = QLabel(self.tr("Port"), self)
        self.path_label = QLabel(self.tr("Path"), self)
        self.timeout_label = QLabel(self.tr("Timeout"), self)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(QLabel(self.tr("Kind"), self))
        row.addWidget(self.kind)
        row.addSpacing(10)
        row.addWidget(self.host_label)
        row.addWidget(self.host, 2)
        row.addSpacing(10)
        row.addWidget(self.port_label)
        row.addWidget(self.port)
        row.addWidget(self.path_label)
        row.addWidget(self.path, 3)
        row.addSpacing(10)
        row.addWidget(self.timeout_label)
        row.addWidget(self.timeout)
        row.addStretch(1)

        self.local_host = QLineEdit(self)
        self.local_host.setPlaceholderText(self.tr("any local address"))
        self.local_host.setToolTip(
            self.tr("Bind to this address of this machine before connecting (optional)")
        )
        self.local_host.setMinimumWidth(140)
        self._named(self.local_host, "local_host", self.tr("Local address to bind"))
        self.local_port = QSpinBox(self)
        self.local_port.setRange(0, 65535)
        self.local_port.setSpecialValueText(self.tr("any"))
        self.local_port.setToolTip(
            self.tr("Connect from this local port (0: the system picks one)")
        )
        self._named(self.local_port, "local_port", self.tr("Local port to bind"))
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

        self.tls_verify = QCheckBox(self.tr("Verify the certificate"), self)
        self.tls_verify.setChecked(True)
        self.tls_verify.setToolTip(
            self.tr("Check the chain against the system's CAs (and the CA file) and the name")
        )
        self._named(self.tls_verify, "tls_verify", self.tr("Verify the server's certificate"))
        self.ca_file = QLineEdit(self)
        self.ca_file.setPlaceholderText(self.tr("extra CA file (.pem), optional"))
        self._named(self.ca_file, "ca_file", self.tr("CA certificate file"))
        self.ca_browse = self._browse_button(
            self.tr("CA file…"), "ca_browse", self.tr("Choose a CA certificate file"), self.ca_file
        )
        self.server_name = QLineEdit(self)
        self.server_name.setPlaceholderText(self.tr("server name (SNI): the host by default"))
        self._named(self.server_name, "server_name", self.tr("TLS server name (SNI)"))
        self.cert_file = QLineEdit(self)
        self.cert_file.setPlaceholderText(self.tr("client certificate (.pem), optional"))
        self.cert_file.setToolTip(
            self.tr("For servers that ask clients for a certificate (mutual TLS)")
        )
        self._named(self.cert_file, "cert_file", self.tr("Client certificate file"))
        self.cert_browse = self._browse_button(
            self.tr("Certificate…"),
            "cert_browse",
            self.tr("Choose a client certificate file"),
            self.cert_file,
        )
        self.key_file = QLineEdit(self)
        self.key_file.setPlaceholderText(self.tr("its key, if not in the certificate file"))
        self._named(self.key_file, "key_file", self.tr("Client key file"))
        self.key_browse = self._browse_button(
            self.tr("Key…"), "key_browse", self.tr("Choose the client key file"), self.key_file
        )
        self.alpn = QLineEdit(self)
        self.alpn.setPlaceholderText(self.tr("ALPN, e.g. h2, http/1.1"))
        self.alpn.setToolTip(
            self.tr("Application protocols to offer, comma-separated; the server picks one")
        )
        self._named(self.alpn, "alpn", self.tr("ALPN protocols to offer"))
        self.tls_label = QLabel(self.tr("TLS"), self)
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

        self.error = QLabel(self)
        self.error.setObjectName(f"{self.prefix}.error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOR};")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        self.warning = QLabel(
            self.tr(
                "Insecure: the certificate is not checked, so anyone between you and the "
                "server can read and change the traffic."
            ),
            self,
        )
        self.warning.setObjectName(f"{self.prefix}.tls_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {WARNING_COLOR}; font-weight: bold;")
        self.warning.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.tls_row)
        layout.addWidget(self.warning)
        layout.addWidget(self.error)

        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.tls_verify.toggled.connect(self._on_any_changed)
        self.local_port.valueChanged.connect(self._on_any_changed)
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
            edit.textChanged.connect(self._on_any_changed)

    # -- reacting to the user ---------------------------------------------------------------

    @property
    def client_kind(self) -> SocketKind:
        return SocketKind(self.kind.currentData())

    def _on_kind_changed(self) -> None:
        self._apply_kind()
        self._on_any_changed()

    def _apply_kind(self) -> None:
        kind = self.client_kind
        network: tuple[QWidget, ...] = (
            self.host_label,
            self.host,
            self.port_label,
            self.port,
            self.local_row,
        )
        for widget in network:
            widget.setVisible(not kind.uses_path)
        self.path_label.setVisible(kind.uses_path)
        self.path.setVisible(kind.uses_path)
        self.tls_row.setVisible(kind is SocketKind.TLS)
        self._update_warning()

    def _update_warning(self) -> None:
        insecure = self.client_kind is SocketKind.TLS and not self.tls_verify.isChecked()
        self.warning.setVisible(insecure)

    def _on_any_changed(self) -> None:
        self.show_error(None)
        self._update_warning()
        self.changed.emit()

    def _browse(self, title: str, name: str, target: QLineEdit) -> None:
        dialog = QFileDialog(self, title)
        dialog.setObjectName(f"{self.prefix}.{name}_dialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("PEM files (*.pem *.crt *.cer *.key);;All files (*)"))
        dialog.fileSelected.connect(target.setText)
        self._dialog = dialog
        dialog.open()

    # -- reading and filling the form ---------------------------------------------------------

    def show_error(self, message: str | None, field: str = "") -> None:
        """Show ``message`` under the form and mark the field it is about."""
        fields: dict[str, QWidget] = {
            "host": self.host,
            "port": self.port,
            "path": self.path,
            "timeout": self.timeout,
            "tls": self.tls_verify,
            "ca_file": self.ca_file,
            "server_name": self.server_name,
            "cert_file": self.cert_file,
            "key_file": self.key_file,
            "alpn": self.alpn,
            "local_host": self.local_host,
            "local_port": self.local_port,
        }
        for widget in fields.values():
            widget.setStyleSheet("")
        if not message:
            self.error.hide()
            return
        self.error.setText(net_text(message))
        self.error.show()
        if self.client_kind.uses_path and field in ("host", "port", ""):
            field = "path"
        marked = fields.get(field)
        if marked is not None:
            marked.setStyleSheet(f"border: 1px solid {ERROR_COLOR};")

    def set_connected(self, connected: bool) -> None:
        """While connected, where we are connected stays as it is."""
        editable: tuple[QWidget, ...] = (
            self.kind,
            self.host,
            self.port,
            self.path,
            self.timeout,
            self.tls_verify,
            self.ca_file,
            self.ca_browse,
            self.server_name,
            self.cert_file,
            self.cert_browse,
            self.key_file,
            self.key_browse,
            self.alpn,
            self.local_host,
            self.local_port,
        )
        for widget in editable:
            widget.setEnabled(not connected)

    def config(self) -> ClientConfig:
        """The connection described by the form; raises NetError naming the field."""
        kind = self.client_kind
        port = 0
        if not kind.uses_path:
            text = self.port.text().strip()
            try:
                port = int(text)
            except ValueError:
                raise NetError(
                    self.tr("Port must be a number from 1 to 65535, not {text!r}").format(
                        text=text
                    ),
                    "port",
                ) from None
        path_text = self.path.text().strip()
        tls = kind is SocketKind.TLS
        config = ClientConfig(
            kind=kind,
            host=self.host.text().strip(),
            port=port,
            path=Path(path_text).expanduser() if path_text else None,
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
