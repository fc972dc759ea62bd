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

from netbench.net.client_info import ClientConfig, ClientKind
from netbench.net.errors import NetError

ERROR_COLOR = "#b3261e"
WARNING_COLOR = "#8a5300"


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

    def _build(self) -> None:
        self.kind = QComboBox(self)
        for label, kind in (
            (self.tr("TCP"), ClientKind.TCP),
            (self.tr("UDP"), ClientKind.UDP),
            (self.tr("Unix stream"), ClientKind.UNIX),
            (self.tr("Unix datagram"), ClientKind.UNIX_DGRAM),
            (self.tr("TLS over TCP"), ClientKind.TLS),
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

        self.tls_verify = QCheckBox(self.tr("Verify the certificate"), self)
        self.tls_verify.setChecked(True)
        self.tls_verify.setToolTip(
            self.tr("Check the chain against the system's CAs (and the CA file) and the name")
        )
        self._named(self.tls_verify, "tls_verify", self.tr("Verify the server's certificate"))
        self.ca_file = QLineEdit(self)
        self.ca_file.setPlaceholderText(self.tr("extra CA file (.pem), optional"))
        self._named(self.ca_file, "ca_file", self.tr("CA certificate file"))
        self.ca_browse = QPushButton(self.tr("CA file…"), self)
        self._named(self.ca_browse, "ca_browse", self.tr("Choose a CA certificate file"))
        self.ca_browse.clicked.connect(self.on_ca_browse_clicked)
        self.server_name = QLineEdit(self)
        self.server_name.setPlaceholderText(self.tr("server name (SNI): the host by default"))
        self._named(self.server_name, "server_name", self.tr("TLS server name (SNI)"))
        self.tls_label = QLabel(self.tr("TLS"), self)
        self.tls_row = QWidget(self)
        tls = QHBoxLayout(self.tls_row)
        tls.setContentsMargins(0, 0, 0, 0)
        tls.setSpacing(6)
        tls.addWidget(self.tls_label)
        tls.addWidget(self.tls_verify)
        tls.addWidget(self.ca_file, 2)
        tls.addWidget(self.ca_browse)
        tls.addWidget(self.server_name, 2)
        tls.addStretch(1)

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
        for edit in (self.host, self.port, self.path, self.ca_file, self.server_name):
            edit.textChanged.connect(self._on_any_changed)

    # -- reacting to the user ---------------------------------------------------------------

    @property
    def client_kind(self) -> ClientKind:
        return ClientKind(self.kind.currentData())

    def _on_kind_changed(self) -> None:
        self._apply_kind()
        self._on_any_changed()

    def _apply_kind(self) -> None:
        kind = self.client_kind
        network: tuple[QWidget, ...] = (self.host_label, self.host, self.port_label, self.port)
        for widget in network:
            widget.setVisible(not kind.uses_path)
        self.path_label.setVisible(kind.uses_path)
        self.path.setVisible(kind.uses_path)
        self.tls_row.setVisible(kind is ClientKind.TLS)
        self._update_warning()

    def _update_warning(self) -> None:
        insecure = self.client_kind is ClientKind.TLS and not self.tls_verify.isChecked()
        self.warning.setVisible(insecure)

    def _on_any_changed(self) -> None:
        self.show_error(None)
        self._update_warning()
        self.changed.emit()

    def on_ca_browse_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("CA certificate file"))
        dialog.setObjectName(f"{self.prefix}.ca_dialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        dialog.fileSelected.connect(self.ca_file.setText)
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
        }
        for widget in fields.values():
            widget.setStyleSheet("")
        if not message:
            self.error.hide()
            return
        self.error.setText(message)
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
        ca_text = self.ca_file.text().strip()
        config = ClientConfig(
            kind=kind,
            host=self.host.text().strip(),
            port=port,
            path=Path(path_text).expanduser() if path_text else None,
            timeout=self.timeout.value() / 1000,
            tls_verify=self.tls_verify.isChecked(),
            ca_file=Path(ca_text).expanduser() if ca_text and kind is ClientKind.TLS else None,
            server_name=self.server_name.text().strip(),
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
