"""A box to paste a curl command into (browsers' "Copy as cURL" spans many lines).

Non-modal: it answers through ``command_given`` and stays open if the command fails, so
the user can fix it where the error points.

Signals:
    command_given(str): Import was pressed with this text.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class CurlDialog(QDialog):
    command_given = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("http.curl_dialog")
        self.setWindowTitle(self.tr("Import a curl command"))
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("http.curl_text")
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setPlaceholderText("curl -X POST https://example.org/api -H 'Accept: */*' …")
        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.on_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Paste the command (line continuations are fine):"), self))
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(640, 280)

    def on_accepted(self) -> None:
        self.command_given.emit(self.text.toPlainText())
        self.accept()
