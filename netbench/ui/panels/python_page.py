"""The As Python page: what the user did with a listener or a session, as the socket
calls a Python program makes (:class:`netbench.net.socket_calls.SocketCallLog`), so the
buttons map onto the tutorials' code. The text is a program that runs; Copy takes it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QFontDatabase, QGuiApplication, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from netbench.net.events import NetEvent
from netbench.net.socket_calls import SocketCallLog
from netbench.ui.widgets.buttons import push_button
from netbench.ui.widgets.naming import name_widget


class PythonPage(QWidget):
    def __init__(self, prefix: str, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self.log = SocketCallLog(role)
        self._shown = ""
        hint = QLabel(
            self.tr("The calls a Python program makes to do what you did here, in order")
            if role == "client"
            else self.tr("The calls a Python server makes to do what this listener did")
        )
        hint.setWordWrap(True)
        self.code = name_widget(
            QPlainTextEdit(self), prefix, "python_code", self.tr("The same in Python")
        )
        self.code.setReadOnly(True)
        self.code.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.code.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.code.setPlaceholderText(
            self.tr("Start the listener: socket(), bind() and listen() show here")
            if role == "server"
            else self.tr("Connect: socket() and connect() show here")
        )
        self.copy_button = push_button(
            self,
            self.tr("Copy"),
            prefix,
            "python_copy",
            self.tr("Copy the program"),
            on_click=self.copy,
        )
        row = QHBoxLayout()
        row.addWidget(hint, 1)
        row.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.code, 1)

    def program(self) -> str:
        return self.log.program() if len(self.log.script) else ""

    def follow(self, events: Sequence[NetEvent]) -> None:
        self.log.follow(events)

    def refresh(self) -> None:
        """Show the calls so far (at the view's pace, not per event), when the page is
        seen: under a flood it changes at every update, and filling it took ~1 ms."""
        if not self.isVisible():
            return
        text = self.program()
        if text != self._shown:
            self._shown = text
            self.code.setPlainText(text)
            self.code.verticalScrollBar().setValue(self.code.verticalScrollBar().maximum())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.program())
