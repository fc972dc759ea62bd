"""The Client session's "Send file…" row: pick a file, watch it go, cancel it.

The file is streamed (net/file_send.py), so its size does not matter; the row shows a
progress bar with bytes, rate and time left while it goes, and says how it ended.

Signals:
    finished(str): a line for the transcript saying how the send ended.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from netbench.net.client_info import AnyClient
from netbench.net.engine import Engine
from netbench.net.errors import NetError
from netbench.net.file_send import FileTransfer, open_transfer, send_file
from netbench.ui.client.session_form import ERROR_COLOR
from netbench.ui.net_text import net_text
from netbench.ui.tasks import start_task
from netbench.ui.transcript_view import format_size

PROGRESS_UPDATE_MS = 100


class FileSender(QWidget):
    finished = Signal(str)

    def __init__(
        self,
        prefix: str,
        engine: Engine,
        client: Callable[[], AnyClient | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self.engine = engine
        self._client = client
        self.transfer: FileTransfer | None = None
        self._dialog: QFileDialog | None = None
        self._allowed = False

        self.button = QPushButton(self.tr("Send file…"), self)
        self.button.setObjectName(f"{prefix}.send_file")
        self.button.setAccessibleName(self.tr("Send a file"))
        self.button.setToolTip(
            self.tr("Send a file's bytes as they are, streamed: any size, with progress")
        )
        self.button.clicked.connect(self.on_button_clicked)
        self.progress = QProgressBar(self)
        self.progress.setObjectName(f"{prefix}.file_progress")
        self.progress.setAccessibleName(self.tr("File send progress"))
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(True)
        self.progress.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName(f"{prefix}.file_cancel")
        self.cancel_button.setAccessibleName(self.tr("Cancel the file send"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.status = QLabel(self)
        self.status.setObjectName(f"{prefix}.file_status")
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.button)
        layout.addWidget(self.progress, 1)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.status, 1)

        self._timer = QTimer(self)
        self._timer.setInterval(PROGRESS_UPDATE_MS)
        self._timer.timeout.connect(self._show_progress)

    @property
    def is_sending(self) -> bool:
        return self.transfer is not None and not self.transfer.done

    def set_allowed(self, allowed: bool) -> None:
        self._allowed = allowed
        self.button.setEnabled(allowed and not self.is_sending)

    def on_button_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Send a file"))
        dialog.setObjectName(f"{self.prefix}.send_file_dialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.on_dialog_file_selected)
        self._dialog = dialog
        dialog.open()

    def on_dialog_file_selected(self, path: str) -> None:
        start_task(self.send(Path(path)), name=f"send file {path}")

    async def send(self, path: Path) -> FileTransfer | None:
        """Stream ``path`` to the connection; returns the transfer once it ended."""
        client = self._client()
        if client is None or self.is_sending:
            return None
        try:
            transfer = open_transfer(path)
        except NetError as exc:
            self._show_status(net_text(exc.message), ERROR_COLOR)
            return None
        self.transfer = transfer
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self._show_status("", "")
        self.button.setEnabled(False)
        self._timer.start()
        self._show_progress()
        try:
            await self.engine.run(send_file(client, transfer, self.engine.gate))
        finally:
            self._timer.stop()
            self.progress.hide()
            self.cancel_button.hide()
            self.button.setEnabled(self._allowed)
            self._report(transfer)
        return transfer

    def cancel(self) -> None:
        if self.transfer is not None:
            self.transfer.cancelled = True

    def _show_progress(self) -> None:
        transfer = self.transfer
        if transfer is None:
            return
        fraction = transfer.sent / transfer.total if transfer.total else 1.0
        self.progress.setValue(round(fraction * 1000))
        rate = transfer.rate
        left = (transfer.total - transfer.sent) / rate if rate > 0 else 0.0
        self.progress.setFormat(
            self.tr("{name}: {sent} of {total} · {rate}/s · {left} s left").format(
                name=transfer.path.name,
                sent=format_size(transfer.sent),
                total=format_size(transfer.total),
                rate=format_size(round(rate)),
                left=f"{left:.0f}",
            )
        )

    def _report(self, transfer: FileTransfer) -> None:
        name = transfer.path.name
        sent = format_size(transfer.sent)
        if transfer.error:
            text = self.tr("Sending {name} stopped after {sent}: {error}").format(
                name=name, sent=sent, error=net_text(transfer.error)
            )
            color = ERROR_COLOR
        elif transfer.cancelled:
            text = self.tr("Sending {name} cancelled after {sent} of {total}").format(
                name=name, sent=sent, total=format_size(transfer.total)
            )
            color = ""
        else:
            text = self.tr("Sent {name}: {sent} in {seconds} s ({rate}/s)").format(
                name=name,
                sent=sent,
                seconds=f"{transfer.elapsed:.2f}",
                rate=format_size(round(transfer.rate)),
            )
            color = ""
        self._show_status(text, color)
        self.finished.emit(text)

    def _show_status(self, text: str, color: str) -> None:
        self.status.setText(text)
        self.status.setToolTip(text)
        self.status.setStyleSheet(f"color: {color};" if color else "")

    def shutdown(self) -> None:
        self.cancel()
        self._timer.stop()
