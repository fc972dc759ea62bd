"""A "Send file…" row: pick a file, watch it go, cancel it; for a connection or for peers.

The file is streamed (net/file_send.py), so its size does not matter; the row shows a
progress bar with bytes, rate and time left while it goes, and says how it ended, peer by
peer when some stopped early. The owner says where the file goes when one is picked: the
client's connection, or the peers the Server tab's target picks.

Signals:
    started(): a file is on its way.
    finished(str, bool): a line for the transcript saying how the send ended, and whether
        a peer stopped early.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
)

from netbench.net.errors import NetError
from netbench.net.file_send import FileTransfer, FindTargets, open_transfer, send_file
from netbench.ui.runtime.net_text import net_text
from netbench.ui.runtime.tasks import start_task
from netbench.ui.runtime.timers import interval_timer
from netbench.ui.widgets.colors import ERROR_COLOR, show_status
from netbench.ui.widgets.control_part import PanelHost, PanelPart
from netbench.ui.widgets.file_dialogs import DialogPurpose, DialogSpec, FileDialogs
from netbench.ui.widgets.sizes import format_size

PROGRESS_UPDATE_MS = 100
# Peers named one by one in the final status; the tooltip holds the same text.
FAILURES_SHOWN = 3

ChooseTargets = Callable[[], FindTargets | str]
"""Where a file picked now would go, or why it cannot be sent (shown as the status)."""

IsRecording = Callable[[], bool]
"""Whether the owner's transcript records: every chunk must then become a row."""


class FileSender(PanelPart):
    started = Signal()
    finished = Signal(str, bool)

    def __init__(
        self,
        host: PanelHost,
        choose_targets: ChooseTargets,
        is_recording: IsRecording = lambda: False,
    ) -> None:
        super().__init__(host)
        self._choose_targets = choose_targets
        self._is_recording = is_recording
        self.transfer: FileTransfer | None = None
        self._sending = False
        self._dialogs = FileDialogs(self)
        self._allowed = False

        self.button = self.controls.push_button(
            self.tr("Send file…"),
            "send_file",
            self.tr("Send a file"),
            self.tr("Send a file's bytes as they are, streamed: any size, with progress"),
            on_click=self.on_button_clicked,
        )
        self.progress = QProgressBar(self)
        self.progress.setObjectName(f"{self.prefix}.file_progress")
        self.progress.setAccessibleName(self.tr("File send progress"))
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(True)
        self.progress.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.progress.hide()
        self.cancel_button = self.controls.push_button(
            self.tr("Cancel"),
            "file_cancel",
            self.tr("Cancel the file send"),
            on_click=self.cancel,
        )
        self.cancel_button.hide()
        self.status = QLabel(self)
        self.status.setObjectName(f"{self.prefix}.file_status")
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.button)
        layout.addWidget(self.progress, 1)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.status, 1)

        self._timer = interval_timer(self, PROGRESS_UPDATE_MS, self._show_progress)

    @property
    def is_sending(self) -> bool:
        """From the pick of a file until the row says how the send ended."""
        return self._sending

    @property
    def file_dialog(self) -> QFileDialog | None:
        """The file dialog currently open, if any."""
        return self._dialogs.current

    def set_allowed(self, allowed: bool) -> None:
        self._allowed = allowed
        self.button.setEnabled(allowed and not self.is_sending)

    def on_button_clicked(self) -> None:
        spec = DialogSpec(
            DialogPurpose.OPEN_FILE, self.tr("Send a file"), f"{self.prefix}.send_file_dialog"
        )
        self._dialogs.open(spec, self.on_dialog_file_selected)

    def on_dialog_file_selected(self, path: str) -> None:
        start_task(self.send(Path(path)), name=f"send file {path}")

    async def send(self, path: Path) -> FileTransfer | None:
        """Stream ``path`` to the targets; returns the transfer once it ended."""
        if self.is_sending:
            return None
        targets = self._choose_targets()
        if isinstance(targets, str):
            self._show_status(targets, ERROR_COLOR)
            return None
        try:
            transfer = open_transfer(path)
        except NetError as exc:
            self._show_status(net_text(exc.message), ERROR_COLOR)
            return None
        # While a recording runs every chunk is shown, so it is recorded too.
        transfer.show_every_chunk = self._is_recording()
        self.transfer = transfer
        self._sending = True
        self.progress.setValue(0)
        # While it goes, the bar takes the status's room: its text is the status then.
        self._show_status("", "")
        self.status.hide()
        self.progress.show()
        self.cancel_button.show()
        self.button.setEnabled(False)
        self._timer.start()
        self._show_progress()
        self.started.emit()
        try:
            await self.engine.run(send_file(targets, transfer, self.engine.gate))
        finally:
            self._sending = False
            self._timer.stop()
            self.progress.hide()
            self.cancel_button.hide()
            self.status.show()
            self.button.setEnabled(self._allowed)
            self._report(transfer)
        return transfer

    def cancel(self) -> None:
        if self.transfer is not None:
            self.transfer.cancelled = True

    # -- what the row says ------------------------------------------------------------------

    def _whom(self, transfer: FileTransfer) -> str:
        """The peer, or how many, for a listener's; nothing for a client's one connection
        (and until the peers are known)."""
        peers = transfer.peers
        if len(peers) == 1:
            return peers[0].peer
        return self.tr("{count} peers").format(count=len(peers)) if peers else ""

    def on_recording_changed(self, recording: bool) -> None:
        """Recording started (or stopped) mid-send: from the next chunk on, every chunk is
        shown, so the recording keeps all the bytes sent after it began."""
        if self.transfer is not None:
            self.transfer.show_every_chunk = recording

    def _show_progress(self) -> None:
        transfer = self.transfer
        if transfer is None:
            return
        goal = transfer.goal or transfer.total
        remaining = transfer.remaining if transfer.peers else transfer.total
        fraction = 1.0 - remaining / goal if goal else 1.0
        self.progress.setValue(round(fraction * 1000))
        rate = transfer.rate
        left = remaining / rate if rate > 0 else 0.0
        whom = self._whom(transfer)
        template = (
            self.tr("{name} to {whom}: {sent} of {total} · {rate}/s · {left} s left")
            if whom
            else self.tr("{name}: {sent} of {total} · {rate}/s · {left} s left")
        )
        values = {
            "name": transfer.path.name,
            "whom": whom,
            "sent": format_size(transfer.sent),
            "total": format_size(goal),
            "rate": format_size(round(rate)),
            "left": f"{left:.0f}",
        }
        text = template.format(**values)
        self.progress.setToolTip(text)
        # A narrow bar (the Server tab shares its row) shows the numbers alone.
        metrics = self.progress.fontMetrics()
        room = self.progress.contentsRect().width() - 2 * metrics.averageCharWidth()
        if metrics.horizontalAdvance(text) > room:
            text = self.tr("{sent} of {total} · {rate}/s · {left} s left").format(**values)
        self.progress.setFormat(text)

    def _report(self, transfer: FileTransfer) -> None:
        text = self._outcome(transfer)
        failed = bool(transfer.failed)
        self._show_status(text, ERROR_COLOR if failed else "")
        self.finished.emit(text, failed)

    def _outcome(self, transfer: FileTransfer) -> str:
        name = transfer.path.name
        sent = format_size(transfer.sent)
        whom = self._whom(transfer)
        failed = transfer.failed
        if len(transfer.peers) == 1 and failed:
            template = (
                self.tr("Sending {name} to {whom} stopped after {sent}: {error}")
                if whom
                else self.tr("Sending {name} stopped after {sent}: {error}")
            )
            return template.format(name=name, whom=whom, sent=sent, error=net_text(failed[0].error))
        if transfer.cancelled:
            template = (
                self.tr("Sending {name} to {whom} cancelled after {sent} of {total}")
                if whom
                else self.tr("Sending {name} cancelled after {sent} of {total}")
            )
            text = template.format(
                name=name, whom=whom, sent=sent, total=format_size(transfer.goal)
            )
            return text + self._failures(transfer)
        seconds = f"{transfer.elapsed:.2f}"
        rate = format_size(round(transfer.rate))
        if failed:
            return self.tr("Sent {name} ({size}) to {done} of {count} peers in {seconds} s").format(
                name=name,
                size=format_size(transfer.total),
                done=len(transfer.peers) - len(failed),
                count=len(transfer.peers),
                seconds=seconds,
            ) + self._failures(transfer)
        if whom:
            return self.tr("Sent {name} ({size}) to {whom} in {seconds} s ({rate}/s)").format(
                name=name, size=format_size(transfer.total), whom=whom, seconds=seconds, rate=rate
            )
        return self.tr("Sent {name}: {sent} in {seconds} s ({rate}/s)").format(
            name=name, sent=sent, seconds=seconds, rate=rate
        )

    def _failures(self, transfer: FileTransfer) -> str:
        """The peers that stopped early, each with how far it got and why."""
        failed = transfer.failed
        parts = [
            self.tr("{peer} stopped after {sent}: {error}").format(
                peer=peer.peer, sent=format_size(peer.sent), error=net_text(peer.error)
            )
            for peer in failed[:FAILURES_SHOWN]
        ]
        if len(failed) > FAILURES_SHOWN:
            parts.append(self.tr("{count} more").format(count=len(failed) - FAILURES_SHOWN))
        return "".join(" · " + part for part in parts)

    def clear_status(self) -> None:
        self._show_status("", "")

    def _show_status(self, text: str, color: str) -> None:
        show_status(self.status, text, color)

    def shutdown(self) -> None:
        self.cancel()
        self._timer.stop()
