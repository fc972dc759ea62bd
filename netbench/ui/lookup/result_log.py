"""The history under each Lookup page: every result as plain text, copyable and exportable.

A lookup answers a question once; the log keeps the answers so that two can be compared
(the system's resolver against a DNS server, a port before and after a change) and pasted
into a ticket. Entries are plain text, newest last, each headed by the time it came.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from netbench.ui.runtime.net_text import net_text
from netbench.ui.widgets.buttons import push_button
from netbench.ui.widgets.file_dialogs import DialogPurpose, DialogSpec, FileDialogs
from netbench.ui.widgets.naming import name_widget

MAX_BLOCKS = 20_000  # lines kept; older ones scroll away rather than grow without end


def write_text(path: str, text: str) -> str:
    """Write ``text`` (UTF-8) to ``path``; the OS's reason on failure, "" on success."""
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        return exc.strerror or str(exc)
    return ""


class ResultLog(QWidget):
    """Named ``<prefix>.<key>_log``, ``_copy``, ``_export`` and ``_clear``."""

    def __init__(self, prefix: str, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{prefix}.{key}_history")
        self.dialogs = FileDialogs(self)
        self.key = key
        self.view = name_widget(
            QPlainTextEdit(self), prefix, f"{key}_log", self.tr("History of results")
        )
        self.view.setReadOnly(True)
        self.view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.view.setMaximumBlockCount(MAX_BLOCKS)
        self.view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.view.setPlaceholderText(self.tr("Every result is kept here, as text to copy."))
        self.copy_button, self.export_button, self.clear_button = (
            push_button(self, text, prefix, f"{key}_{control}", accessible, on_click=on_click)
            for text, control, accessible, on_click in (
                (self.tr("Copy"), "copy", self.tr("Copy the history"), self.copy),
                (
                    self.tr("Export…"),
                    "export",
                    self.tr("Export the history to a text file"),
                    self.choose_export_file,
                ),
                (self.tr("Clear"), "clear", self.tr("Clear the history"), self.view.clear),
            )
        )
        self.status = QLabel(self)
        self.status.setObjectName(f"{prefix}.{key}_log_status")
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("History"), self))
        buttons.addWidget(self.status, 1)
        for button in (self.copy_button, self.export_button, self.clear_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.view)

    def add(self, title: str, body: str) -> None:
        """One entry: ``[time] title`` and the body's lines."""
        stamp = time.strftime("%H:%M:%S")
        self.view.appendPlainText(f"[{stamp}] {net_text(title)}\n{net_text(body)}\n")

    def text(self) -> str:
        return self.view.toPlainText()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        self.status.setText(self.tr("Copied"))

    def choose_export_file(self) -> None:
        spec = DialogSpec(
            DialogPurpose.SAVE_FILE,
            self.tr("Export the history"),
            f"lookup.{self.key}_export_dialog",
            select=f"lookup-{self.key}.txt",
            filters=[self.tr("Text files (*.txt)"), self.tr("All files (*)")],
            default_suffix="txt",
        )
        self.dialogs.open(spec, self.export_to)

    def export_to(self, path: str) -> bool:
        error = write_text(path, self.text())
        if error:
            self.status.setText(self.tr("Not saved: {reason}").format(reason=error))
            return False
        self.status.setText(self.tr("Saved to {path}").format(path=path))
        return True

    def close_dialogs(self) -> None:
        self.dialogs.close()
