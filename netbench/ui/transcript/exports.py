"""A transcript's files: export the rows in view, and record every record to a file.

The transcript widget is about watching traffic; what goes to disk is a concern of its
own, with its own failures (a full disk, a folder chosen as a file) and its own file
dialogs. This keeps the open recorder apart from the widget, so the file is closed even
when the widget goes away without being told, and reports what happened through `said`
for the widget's status line.

Nothing here opens a nested event loop: file dialogs are opened with ``open()`` (see
:mod:`netbench.ui.widgets.file_dialogs`) and call the same public methods tests call.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from netbench.core.capture.pcapng import LINKTYPE_RAW, PcapngWriter
from netbench.core.capture.transcript_packets import TranscriptPackets
from netbench.core.recording.writer import (
    FileLoss,
    FileRecorder,
    record_row,
    record_to_json,
)
from netbench.core.transcript import Record
from netbench.ui.transcript.model import TranscriptModel, format_count
from netbench.ui.widgets.file_dialogs import DialogPurpose, DialogSpec, FileDialogs, stamped_name

ExportFormat = Literal["text", "jsonl", "pcapng"]


@dataclass(frozen=True)
class PacketAddresses:
    """What a transcript's rows lack to become packets: our address on the connection to
    each peer (as the rows name peers), and whether it was TCP (else UDP)."""

    local_for: Callable[[str], str]
    stream: bool


class TranscriptFiles(QObject):
    """Export and recording for the transcript shown by ``model`` in ``owner``.

    Signals:
        said(str, bool): a line for the status, and whether it reports a failure.
        recording_changed(bool): recording to a file started (True) or stopped (False).
    """

    said = Signal(str, bool)
    recording_changed = Signal(bool)

    def __init__(self, prefix: str, model: TranscriptModel, owner: QWidget) -> None:
        super().__init__(owner)
        self.prefix = prefix
        self.model = model
        self.dialogs = FileDialogs(owner)
        self._recording = _Recording()
        # The owner says where packets come from; None: the socket has no IP addresses.
        self.packet_addresses: Callable[[], PacketAddresses | None] = lambda: None
        # Closes the file even if the owner forgets to stop before the widget goes away.
        owner.destroyed.connect(self._recording.close)

    @property
    def recorder(self) -> FileRecorder | None:
        """The recording in progress, if any."""
        return self._recording.recorder

    # -- recording --------------------------------------------------------------------------

    def start_recording(self, path: Path) -> bool:
        """Append every record from now on to ``path``; False (and said) on failure."""
        self.stop_recording(quiet=True)
        try:
            recorder = FileRecorder(path)
        except OSError as exc:
            self.said.emit(
                self.tr("Could not record to {path}: {reason}").format(
                    path=path, reason=_reason(exc)
                ),
                True,
            )
            return False
        self._recording.recorder = recorder
        self.recording_changed.emit(True)
        return True

    def stop_recording(self, quiet: bool = False) -> None:
        """Close the recording file, if one is open; say how many records it got."""
        recorder = self._recording.recorder
        if recorder is None:
            return
        self._recording.recorder = None
        recorder.check()
        try:
            recorder.close()
        except OSError as exc:
            self.said.emit(
                self.tr("Could not finish the recording {path}: {reason}").format(
                    path=recorder.path, reason=_reason(exc)
                ),
                True,
            )
        else:
            if recorder.loss is not FileLoss.NONE:
                self.said.emit(self._loss_text(recorder, stopped=True), True)
            elif not quiet:
                self.said.emit(
                    (
                        self.tr("Recorded 1 record to {path}")
                        if recorder.records_written == 1
                        else self.tr("Recorded {count} records to {path}")
                    ).format(count=format_count(recorder.records_written), path=recorder.path),
                    False,
                )
        self.recording_changed.emit(False)

    def record(self, records: Sequence[Record]) -> None:
        """Write a batch to the recording, if one runs; a failure stops it (and is said)."""
        recorder = self._recording.recorder
        if recorder is not None:
            rows = [record_row(record, recorder.compact) for record in records]
            self.record_rows(rows, len(records))

    def record_rows(self, rows: Sequence[bytes], records: int) -> None:
        """Write rows made already (``records`` records in all: a row per read holds
        several); a failure stops the recording (and is said)."""
        recorder = self._recording.recorder
        if recorder is None:
            return
        try:
            recorder.write_rows(rows, records)
            if recorder.check():
                self.said.emit(self._loss_text(recorder, stopped=False), True)
        except OSError as exc:
            self.said.emit(
                self.tr("Recording to {path} stopped: {reason}").format(
                    path=recorder.path, reason=_reason(exc)
                ),
                True,
            )
            self._recording.close()
            self.recording_changed.emit(False)

    def _loss_text(self, recorder: FileRecorder, *, stopped: bool) -> str:
        """The file was deleted or moved: where the records went, now or at Stop."""
        count, path = format_count(recorder.records_written), recorder.path
        if recorder.loss is FileLoss.DELETED:
            if stopped:
                text = self.tr(
                    "Recording stopped: {count} records went to {path}, but that file was "
                    "deleted while recording; they are lost"
                )
            else:
                text = self.tr(
                    "The recording file {path} was deleted: the {count} records written so "
                    "far are lost, and so are the next ones. Stop, and record to a new file"
                )
        elif stopped:
            text = self.tr(
                "Recording stopped: {count} records went to the file that was at {path}, "
                "but it was moved or replaced while recording; {path} does not hold them"
            )
        else:
            text = self.tr(
                "The recording file {path} was moved or replaced: the {count} records so "
                "far, and the next ones, go to the moved file, not to {path}"
            )
        return text.format(count=count, path=path)

    def choose_recording_file(self, on_finished: Callable[[], object]) -> None:
        """Ask where to record; ``on_finished`` runs when the dialog closes, either way."""
        self._open_save_dialog(
            "transcript_record_dialog",
            self.tr("Record the transcript to a file (new records are appended)"),
            [
                self.tr("JSON Lines (*.jsonl)"),
                self.tr("Compact recording, fastest for floods (*.nbrec)"),
                self.tr("All files (*)"),
            ],
            "jsonl",
            lambda chosen: self.start_recording(Path(chosen)),
            on_finished,
            confirm_overwrite=False,
        )

    # -- export -----------------------------------------------------------------------------

    def export_to(self, path: Path, fmt: ExportFormat) -> bool:
        """Write the rows in view as plain text or JSON Lines; False (and said) on error."""
        if fmt not in ("text", "jsonl", "pcapng"):
            raise ValueError(f"unknown export format {fmt!r}")
        records = self.model.records()
        if fmt == "pcapng":
            return self._export_packets(path, records)
        if fmt == "text":
            lines = self.model.text_lines(records)
        else:
            lines = [record_to_json(record) for record in records]
        try:
            with path.open("w", encoding="utf-8", newline="\n") as file:
                file.writelines(line + "\n" for line in lines)
        except OSError as exc:
            return self._export_failed(path, exc)
        self.said.emit(
            (
                self.tr("Exported 1 record to {path}")
                if len(records) == 1
                else self.tr("Exported {count} records to {path}")
            ).format(count=format_count(len(records)), path=path),
            False,
        )
        return True

    def _export_failed(self, path: Path, error: OSError) -> bool:
        self.said.emit(
            self.tr("Could not export to {path}: {reason}").format(
                path=path, reason=_reason(error)
            ),
            True,
        )
        return False

    def _export_packets(self, path: Path, records: Sequence[Record]) -> bool:
        """One packet per TCP or UDP message, for Wireshark; Unix sockets have none."""
        addresses = self.packet_addresses()
        if addresses is None:
            self.said.emit(self.tr("Only TCP and UDP messages can be exported as packets"), True)
            return False
        packets = TranscriptPackets(addresses.local_for, addresses.stream)
        try:
            with path.open("wb") as file:
                writer = PcapngWriter(file, LINKTYPE_RAW)
                for wall, packet in packets.packets(records):
                    writer.write(wall, packet)
        except OSError as exc:
            return self._export_failed(path, exc)
        text = self.tr("Exported {count} messages as packets to {path}").format(
            count=format_count(packets.messages), path=path
        )
        if packets.skipped:
            text += " · " + self.tr("{count} without an IP address left out").format(
                count=format_count(packets.skipped)
            )
        self.said.emit(text, False)
        return True

    def choose_export_file(self, fmt: ExportFormat) -> None:
        if fmt == "pcapng":
            filters = [self.tr("pcapng (*.pcapng)"), self.tr("All files (*)")]
            suffix = "pcapng"
        elif fmt == "text":
            filters = [self.tr("Text files (*.txt)"), self.tr("All files (*)")]
            suffix = "txt"
        else:
            filters = [self.tr("JSON Lines (*.jsonl)"), self.tr("All files (*)")]
            suffix = "jsonl"
        self._open_save_dialog(
            "transcript_export_dialog",
            self.tr("Export the transcript"),
            filters,
            suffix,
            lambda chosen: self.export_to(Path(chosen), fmt),
        )

    def _open_save_dialog(
        self,
        name: str,
        caption: str,
        filters: list[str],
        suffix: str,
        on_chosen: Callable[[str], object],
        on_finished: Callable[[], object] | None = None,
        confirm_overwrite: bool = True,
    ) -> None:
        spec = DialogSpec(
            DialogPurpose.SAVE_FILE,
            caption,
            f"{self.prefix}.{name}",
            select=stamped_name("transcript", suffix),
            filters=filters,
            default_suffix=suffix,
            confirm_overwrite=confirm_overwrite,
        )
        self.dialogs.open(spec, on_chosen, on_finished)


class _Recording:
    """Holds the open recorder apart from the widget, so the file can be closed on destroy."""

    def __init__(self) -> None:
        self.recorder: FileRecorder | None = None

    def close(self, *_args: object) -> None:
        recorder, self.recorder = self.recorder, None
        if recorder is not None:
            # Whoever called this reports the failure, or the widget is going away.
            with contextlib.suppress(OSError):
                recorder.close()


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
