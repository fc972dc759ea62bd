"""How a request goes: authentication, timeouts, redirects, TLS, HTTP version, socket, proxy.

Two pages of the request editor. They read from and write to the engine's request model,
so a loaded ``.http`` file, a curl import or a history entry shows here as it will run.
Turning TLS verification off shows a warning that stays visible: it is the setting most
often left on by mistake.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from netbench.core.http.bodies import basic_auth, bearer_auth
from netbench.core.http.model import (
    ConnectionSettings,
    HttpRequest,
    HttpVersion,
    Timeouts,
    TlsOptions,
)
from netbench.ui.widgets.colors import WARNING_COLOR
from netbench.ui.widgets.file_dialogs import DialogPurpose, DialogSpec, FileDialogs
from netbench.ui.widgets.naming import name_widget

VERSIONS = (HttpVersion.AUTO, HttpVersion.HTTP1_1, HttpVersion.HTTP2)


class AuthPage(QWidget):
    """None, Basic or Bearer: becomes an Authorization header when the request is built."""

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = name_widget(QComboBox(self), prefix, "auth_kind", self.tr("Authentication"))
        self.kind.addItem(self.tr("None"), "none")
        self.kind.addItem(self.tr("Basic (user and password)"), "basic")
        self.kind.addItem(self.tr("Bearer token"), "bearer")
        self.user = name_widget(QLineEdit(self), prefix, "auth_user", self.tr("User"))
        self.password = name_widget(QLineEdit(self), prefix, "auth_password", self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.token = name_widget(QLineEdit(self), prefix, "auth_token", self.tr("Token"))
        self.token.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.form = QFormLayout(self)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("User"), self.user)
        self.form.addRow(self.tr("Password"), self.password)
        self.form.addRow(self.tr("Token"), self.token)
        self.kind.currentIndexChanged.connect(self.on_kind_changed)
        self.on_kind_changed()

    def header(self) -> tuple[str, str] | None:
        kind = self.kind.currentData()
        if kind == "basic":
            return basic_auth(self.user.text(), self.password.text())
        if kind == "bearer":
            return bearer_auth(self.token.text().strip())
        return None

    def on_kind_changed(self) -> None:
        kind = self.kind.currentData()
        for widget, shown in (
            (self.user, kind == "basic"),
            (self.password, kind == "basic"),
            (self.token, kind == "bearer"),
        ):
            self.form.setRowVisible(widget, shown)


class OptionsPage(QWidget):
    """Timeouts, redirects, TLS, version, Unix socket and proxy."""

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dialogs = FileDialogs(self)
        self.prefix = prefix
        self.connect_timeout = self._seconds("timeout_connect", self.tr("Connect timeout"), 10)
        self.read_timeout = self._seconds("timeout_read", self.tr("Read timeout"), 30)
        self.total_timeout = self._seconds("timeout_total", self.tr("Total timeout"), 0)
        self.total_timeout.setSpecialValueText(self.tr("none"))
        self.follow = name_widget(
            QCheckBox(self.tr("Follow redirects"), self),
            prefix,
            "follow_redirects",
            self.tr("Follow redirects"),
        )
        self.max_hops = name_widget(QSpinBox(self), prefix, "max_redirects", self.tr("Max hops"))
        self.max_hops.setRange(0, 50)
        self.max_hops.setValue(10)
        self.version = name_widget(QComboBox(self), prefix, "version", self.tr("HTTP version"))
        for version, label in zip(
            VERSIONS, (self.tr("Auto (ALPN)"), "HTTP/1.1", "HTTP/2"), strict=True
        ):
            self.version.addItem(label, version.value)
        self.verify = name_widget(
            QCheckBox(self.tr("Verify the server's certificate"), self),
            prefix,
            "tls_verify",
            self.tr("Verify the server's certificate"),
        )
        self.verify.setChecked(True)
        self.insecure_warning = name_widget(QLabel(self), prefix, "tls_warning")
        self.insecure_warning.setText(
            self.tr("Not verified: anyone on the path can read and change this exchange.")
        )
        self.insecure_warning.setStyleSheet(f"color: {WARNING_COLOR}; font-weight: bold")
        self.insecure_warning.setWordWrap(True)
        self.verify.toggled.connect(lambda on: self.insecure_warning.setVisible(not on))
        self.insecure_warning.hide()
        self.ca_file = self._path("tls_ca", self.tr("CA file"))
        self.client_cert = self._path("tls_cert", self.tr("Client certificate"))
        self.client_key = self._path("tls_key", self.tr("Client key"))
        self.unix_socket = name_widget(
            QLineEdit(self), prefix, "unix_socket", self.tr("Unix socket")
        )
        self.unix_socket.setPlaceholderText(self.tr("Path of a Unix socket (curl --unix-socket)"))
        self.proxy = name_widget(QLineEdit(self), prefix, "proxy", self.tr("Proxy"))
        self.proxy.setPlaceholderText("http://127.0.0.1:3128 · socks5://127.0.0.1:1080")
        self.fresh = name_widget(
            QCheckBox(self.tr("New connection for this request"), self),
            prefix,
            "fresh",
            self.tr("New connection for this request"),
        )
        self._lay_out()

    def _lay_out(self) -> None:
        form = QFormLayout(self)
        timeouts = QHBoxLayout()
        for widget in (self.connect_timeout, self.read_timeout, self.total_timeout):
            timeouts.addWidget(widget)
        form.addRow(self.tr("Timeouts (connect, read, total)"), timeouts)
        redirects = QHBoxLayout()
        redirects.addWidget(self.follow)
        redirects.addWidget(QLabel(self.tr("at most"), self))
        redirects.addWidget(self.max_hops)
        redirects.addStretch(1)
        form.addRow(self.tr("Redirects"), redirects)
        form.addRow(self.tr("HTTP version"), self.version)
        form.addRow(self.tr("TLS"), self.verify)
        form.addRow("", self.insecure_warning)
        for label, (line, _button) in (
            (self.tr("CA file"), self.ca_file),
            (self.tr("Client certificate"), self.client_cert),
            (self.tr("Client key"), self.client_key),
        ):
            holder = line.parentWidget()
            assert holder is not None
            form.addRow(label, holder)
        form.addRow(self.tr("Unix socket"), self.unix_socket)
        form.addRow(self.tr("Proxy"), self.proxy)
        form.addRow("", self.fresh)

    def _seconds(self, control: str, accessible: str, value: float) -> QDoubleSpinBox:
        box = name_widget(QDoubleSpinBox(self), self.prefix, control, accessible)
        box.setRange(0, 3600)
        box.setDecimals(1)
        box.setSuffix(self.tr(" s"))
        box.setValue(value)
        box.setToolTip(accessible)
        return box

    def _path(self, control: str, accessible: str) -> tuple[QLineEdit, QPushButton]:
        holder = QWidget(self)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        line = name_widget(QLineEdit(holder), self.prefix, control, accessible)
        button = name_widget(
            QPushButton(self.tr("Browse…"), holder),
            self.prefix,
            f"{control}_browse",
            self.tr("Choose: {what}").format(what=accessible),
        )
        spec = DialogSpec(DialogPurpose.OPEN_FILE, accessible, f"http.{control}_dialog")
        button.clicked.connect(lambda: self.dialogs.open(spec, line.setText))
        row.addWidget(line, 1)
        row.addWidget(button)
        return line, button

    # -- to and from the model --------------------------------------------------------------

    @staticmethod
    def _path_of(line: QLineEdit) -> Path | None:
        text = line.text().strip()
        return Path(text) if text else None

    def apply_to(self, request: HttpRequest) -> HttpRequest:
        tls = TlsOptions(
            self.verify.isChecked(),
            self._path_of(self.ca_file[0]),
            self._path_of(self.client_cert[0]),
            self._path_of(self.client_key[0]),
        )
        settings = ConnectionSettings(
            HttpVersion(self.version.currentData()),
            tls,
            self.unix_socket.text().strip(),
            self.proxy.text().strip(),
        )
        timeouts = Timeouts(
            connect=self.connect_timeout.value() or None,
            read=self.read_timeout.value() or None,
            total=self.total_timeout.value() or None,
        )
        return replace(
            request,
            connection=settings,
            timeouts=timeouts,
            follow_redirects=self.follow.isChecked(),
            max_redirects=self.max_hops.value(),
            fresh_connection=self.fresh.isChecked(),
        )

    def load(self, request: HttpRequest) -> None:
        settings = request.connection
        self.version.setCurrentIndex(VERSIONS.index(settings.version))
        self.verify.setChecked(settings.tls.verify)
        for line, path in (
            (self.ca_file[0], settings.tls.ca_file),
            (self.client_cert[0], settings.tls.client_cert),
            (self.client_key[0], settings.tls.client_key),
        ):
            line.setText(str(path) if path else "")
        self.unix_socket.setText(settings.unix_socket)
        self.proxy.setText(settings.proxy)
        self.connect_timeout.setValue(request.timeouts.connect or 0)
        self.read_timeout.setValue(request.timeouts.read or 0)
        self.total_timeout.setValue(request.timeouts.total or 0)
        self.follow.setChecked(request.follow_redirects)
        self.max_hops.setValue(request.max_redirects)
        self.fresh.setChecked(request.fresh_connection)
