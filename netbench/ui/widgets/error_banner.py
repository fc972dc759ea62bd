"""A non-modal strip at the top of the window that says something went wrong.

A failure in a slot or task must never pass silently, and must never take the window down
or block it behind a modal dialog; the traceback goes to the log file, named here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from netbench.ui.widgets.colors import BANNER_BACKGROUND, BANNER_BORDER, BANNER_TEXT


class ErrorBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main.error_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"#main\\.error_banner {{ background: {BANNER_BACKGROUND};"
            f" border: 1px solid {BANNER_BORDER}; border-radius: 4px; }}"
            f" QLabel {{ color: {BANNER_TEXT}; }}"
        )
        self.count = 0
        self.log_path = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        self.message = QLabel(self)
        self.message.setObjectName("main.error_text")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dismiss = QPushButton(self.tr("Dismiss"), self)
        self.dismiss.setObjectName("main.error_dismiss")
        self.dismiss.setAccessibleName(self.tr("Dismiss the error message"))
        self.dismiss.clicked.connect(self.on_dismiss_clicked)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_error(self, summary: str) -> None:
        self.count += 1
        text = self.tr("Something went wrong: {summary}").format(summary=summary)
        if self.count > 1:
            text += " " + self.tr("({count} errors so far)").format(count=self.count)
        if self.log_path:
            text += "\n" + self.tr("The details are in the log: {path}").format(path=self.log_path)
        self.message.setText(text)
        self.show()

    def on_dismiss_clicked(self) -> None:
        self.count = 0
        self.hide()
