"""What the listener and session forms share: the socket kind, which fields each kind
shows, errors placed at the field they are about, and file pickers that never block.

Signals:
    changed(): anything in the form changed (the tab title follows it).
    submitted(): Enter was pressed in a text field: start or connect, as the button would.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from netbench.net.errors import NetError
from netbench.net.socket_kinds import SocketKind
from netbench.ui.widgets.colors import ERROR_COLOR, WARNING_COLOR
from netbench.ui.widgets.control_maker import Controls
from netbench.ui.widgets.field_errors import place_error
from netbench.ui.widgets.file_dialogs import DialogPurpose, DialogSpec, FileDialogs

if TYPE_CHECKING:  # only named in an annotation
    from PySide6.QtWidgets import QFileDialog

W = TypeVar("W", bound=QWidget)

# The usual delimiters by the keys both tabs' framing choices give them (the listener's
# framing, the load test's reply rule), and the keys by delimiter, to show a config again.
DELIMITERS = {"lf": b"\n", "crlf": b"\r\n", "nul": b"\0"}
DELIMITER_KEYS = {delimiter: key for key, delimiter in DELIMITERS.items()}


class SocketForm(QWidget):
    submitted = Signal()
    # Every form has these: the kind, a port, and a Unix socket path (for the Unix kinds).
    kind: QComboBox
    host: QWidget  # a line edit, or a combo box of the machine's addresses
    port: QLineEdit
    path: QLineEdit
    changed = Signal()

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self.controls = Controls(self, prefix)
        self.dialogs = FileDialogs(self)
        self.error = self.controls.message_label("error")
        self.error.setStyleSheet(f"color: {ERROR_COLOR};")
        self.error.hide()
        self.warning = self.name(QLabel(self), "warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {WARNING_COLOR};")
        self.warning.hide()

    def name(self, widget: W, control: str, accessible: str = "") -> W:
        return self.controls.name(widget, control, accessible)

    def line_edit(
        self, control: str, accessible: str, placeholder: str = "", tip: str = "", text: str = ""
    ) -> QLineEdit:
        """A named text field with its hint and tooltip."""
        edit = self.name(QLineEdit(text, self), control, accessible)
        edit.setPlaceholderText(placeholder)
        edit.returnPressed.connect(self.submitted)
        if tip:
            edit.setToolTip(tip)
        return edit

    def check_box(
        self, control: str, text: str, accessible: str, tip: str = "", checked: bool = False
    ) -> QCheckBox:
        """A named check box with its tooltip."""
        box = self.name(QCheckBox(text, self), control, accessible)
        box.setChecked(checked)
        if tip:
            box.setToolTip(tip)
        return box

    def combo(
        self, control: str, accessible: str, choices: Iterable[tuple[str, object]]
    ) -> QComboBox:
        """A named combo box of ``(label, data)`` choices, in the order given."""
        combo = self.name(QComboBox(self), control, accessible)
        for label, data in choices:
            combo.addItem(label, data)
        return combo

    def tls_choice(self, control: str, text: str, accessible: str, tip: str) -> QCheckBox:
        """What both forms' TLS rows open with: their label (``tls_label``) and a check box,
        ticked, for the choice that needs no files (the system's CAs; a self-signed
        certificate)."""
        self.tls_label = QLabel(self.tr("TLS"), self)
        return self.check_box(control, text, accessible, tip=tip, checked=True)

    def kind_combo(self, accessible: str) -> QComboBox:
        """The kinds of socket, in the same order and words on both tabs."""
        kinds = (
            (self.tr("TCP"), SocketKind.TCP),
            (self.tr("UDP"), SocketKind.UDP),
            (self.tr("Unix stream"), SocketKind.UNIX),
            (self.tr("Unix datagram"), SocketKind.UNIX_DGRAM),
            (self.tr("TLS over TCP"), SocketKind.TLS),
        )
        self.kind = self.combo("kind", accessible, ((label, k.value) for label, k in kinds))
        return self.kind

    def address_fields(self, port_hint: str, path_hint: str) -> None:
        """The port and Unix socket path fields every form has, each with the form's hint."""
        self.port = self.line_edit("port", self.tr("Port"), placeholder=port_hint)
        self.path = self.line_edit("path", self.tr("Unix socket path"), placeholder=path_hint)

    def address_row(self, host: QWidget, host_stretch: int, path_stretch: int) -> QHBoxLayout:
        """The row both forms start with: kind, host, port and path, each with its label
        (``host_label``, ``port_label``, ``path_label``); the form adds what follows, and
        adds to ``network_fields`` and ``path_fields`` what shows only with them."""
        self.host_label = QLabel(self.tr("Host"), self)
        self.port_label = QLabel(self.tr("Port"), self)
        self.path_label = QLabel(self.tr("Path"), self)
        host.setMinimumWidth(180)
        self.port.setFixedWidth(80)
        self.path.setMinimumWidth(260)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(QLabel(self.tr("Kind"), self))
        row.addWidget(self.kind)
        row.addSpacing(10)
        row.addWidget(self.host_label)
        row.addWidget(host, host_stretch)
        row.addSpacing(10)
        row.addWidget(self.port_label)
        row.addWidget(self.port)
        row.addWidget(self.path_label)
        row.addWidget(self.path, path_stretch)
        self.network_fields: list[QWidget] = [self.host_label, host, self.port_label, self.port]
        self.path_fields: list[QWidget] = [self.path_label, self.path]
        return row

    @property
    def file_dialog(self) -> QFileDialog | None:
        """The file picker that is open, if any (tests answer it)."""
        return self.dialogs.current

    # -- what a form says of itself ---------------------------------------------------------

    @property
    def socket_kind(self) -> SocketKind:
        """The kind chosen in the ``kind`` combo (see :meth:`kind_combo`)."""
        return SocketKind(self.kind.currentData())

    def settings_widgets(self) -> Sequence[QWidget]:
        """What stays as it is while the socket is open, besides the kind and address."""
        raise NotImplementedError

    def error_fields(self) -> dict[str, QWidget]:
        """The widget each field name of a NetError stands for."""
        return {**self.by_control(self.host, self.port, self.path), **self.setting_fields()}

    def by_control(self, *widgets: QWidget) -> dict[str, QWidget]:
        """``widgets`` by their control names: a NetError's field is named as its widget is
        (``<prefix>.<field>``), unless the form says otherwise."""
        return {widget.objectName().removeprefix(f"{self.prefix}."): widget for widget in widgets}

    def setting_fields(self) -> dict[str, QWidget]:
        """Like :meth:`error_fields`, for the fields besides the address."""
        raise NotImplementedError

    def network_widgets(self) -> Sequence[QWidget]:
        """Shown for kinds with a host and a port."""
        return self.network_fields

    def path_widgets(self) -> Sequence[QWidget]:
        """Shown for kinds named by a path (Unix sockets)."""
        return self.path_fields

    def tls_widgets(self) -> Sequence[QWidget]:
        """Shown for TLS."""
        raise NotImplementedError

    def warnings(self) -> list[str]:
        """What the form's settings risk, shown under it (none: the warning hides)."""
        raise NotImplementedError

    def on_any_changed(self) -> None:
        """Any field changed: errors go, warnings follow, ``changed`` is emitted."""
        self.show_error(None)
        self.update_warning()
        self.changed.emit()

    def update_warning(self) -> None:
        warnings = self.warnings()
        self.warning.setText("\n".join(warnings))
        self.warning.setVisible(bool(warnings))

    # -- shared behaviour -------------------------------------------------------------------

    def set_in_use(self, in_use: bool) -> None:
        """While the socket is open (or opening), what it was opened with stays as it is."""
        fixed = (self.kind, *self.network_widgets(), *self.path_widgets())
        for widget in (*fixed, *self.settings_widgets()):
            if not isinstance(widget, QLabel):  # labels keep their colour
                widget.setEnabled(not in_use)
        if not in_use:
            self.apply_kind()

    def on_kind_changed(self) -> None:
        self.apply_kind()
        self.on_any_changed()

    def apply_kind(self) -> None:
        """Show the fields the chosen kind uses."""
        kind = self.socket_kind
        for widget in self.network_widgets():
            widget.setVisible(not kind.uses_path)
        for widget in self.path_widgets():
            widget.setVisible(kind.uses_path)
        for widget in self.tls_widgets():
            widget.setVisible(kind is SocketKind.TLS)

    def show_error(self, message: str | None, field: str = "") -> None:
        """Show ``message`` under the form and mark the field it is about (an address
        error on a Unix socket is about its path)."""
        if self.socket_kind.uses_path and field in ("host", "port", ""):
            field = "path"
        place_error(self.error, self.error_fields(), message, field)

    def port_number(self, text: str, lowest: int) -> int:
        """The port typed (checked later against the range); NetError on the port field."""
        try:
            return int(text)
        except ValueError:
            raise NetError(
                self.tr("Port must be a number from {low} to 65535, not {text!r}").format(
                    low=lowest, text=text
                ),
                "port",
            ) from None

    def path_typed(self) -> Path | None:
        """The Unix socket path typed, with ``~`` expanded, made absolute against the
        folder netbench runs in (``./sock`` would otherwise mean a different file to every
        program started elsewhere); None when empty."""
        text = self.path.text().strip()
        return Path(os.path.abspath(Path(text).expanduser())) if text else None

    def show_path_used(self) -> None:
        """Once the socket is open, the path field says the absolute path it used."""
        path = self.path_typed()
        if self.socket_kind.uses_path and path is not None and self.path.text() != str(path):
            self.path.setText(str(path))

    def browse(self, spec: DialogSpec, target: QLineEdit) -> None:
        """Pick a file or folder into ``target``, without blocking the loop."""
        self.dialogs.open(spec, target.setText)

    def pick_file(self, caption: str, control: str, target: QLineEdit, filters: str) -> None:
        spec = DialogSpec(
            DialogPurpose.OPEN_FILE,
            caption,
            f"{self.prefix}.{control}_dialog",
            filters=filters.split(";;"),
        )
        self.browse(spec, target)
