"""File dialogs that never block the loop and never outlive their use.

A modal ``exec()`` would run a nested event loop under qasync (the networking would stall
and re-enter), so a dialog is opened with ``open()`` and answers through a callback. Each
owner keeps at most one dialog: opening another closes the first, and a finished dialog
is deleted, so clicking Browse a hundred times leaves no hidden dialogs behind.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QLineEdit, QWidget


class DialogPurpose(Enum):
    OPEN_FILE = "open file"
    SAVE_FILE = "save file"
    FOLDER = "folder"


@dataclass
class DialogSpec:
    """What a dialog asks for. ``filters`` are Qt name filters ("JSON (*.json)")."""

    purpose: DialogPurpose
    caption: str
    object_name: str
    directory: str = ""
    select: str = ""
    filters: list[str] = field(default_factory=list)
    default_suffix: str = ""
    confirm_overwrite: bool = True


def stamped_name(stem: str, suffix: str) -> str:
    """The name a save dialog proposes, ``<stem>-YYYYmmdd-HHMMSS.<suffix>``: a new one at
    each save, so nothing earlier is overwritten by accident, and the files sort by time."""
    return time.strftime(f"{stem}-%Y%m%d-%H%M%S.{suffix}")


class FileDialogs(QObject):
    """The one open dialog of a widget; ``current`` is it (tests drive it)."""

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner)
        self._owner = owner
        self.current: QFileDialog | None = None
        self.last_directory = ""

    def open(
        self,
        spec: DialogSpec,
        on_chosen: Callable[[str], object],
        on_finished: Callable[[], object] | None = None,
    ) -> QFileDialog:
        """Opens the dialog non-modally; ``on_chosen(path)`` runs when a path is accepted,
        ``on_finished()`` whichever way it closes (after ``on_chosen``)."""
        if self.current is not None:
            self.current.close()
        dialog = QFileDialog(self._owner, spec.caption)
        dialog.setObjectName(spec.object_name)
        dialog.setAccessibleName(spec.caption)
        _configure(dialog, spec)
        directory = spec.directory or self.last_directory
        if directory:
            dialog.setDirectory(directory)
        if spec.select:
            dialog.selectFile(spec.select)
        dialog.fileSelected.connect(self._remember_directory)
        dialog.fileSelected.connect(on_chosen)
        dialog.finished.connect(lambda _result: self._finished(dialog, on_finished))
        self.current = dialog
        dialog.open()
        return dialog

    def close(self) -> None:
        if self.current is not None:
            self.current.close()

    def _remember_directory(self, chosen: str) -> None:
        dialog = self.current
        if dialog is not None:
            self.last_directory = dialog.directory().absolutePath()
        elif chosen:
            self.last_directory = chosen

    def _finished(self, dialog: QFileDialog, on_finished: Callable[[], object] | None) -> None:
        if self.current is dialog:
            self.current = None
        dialog.deleteLater()
        if on_finished is not None:
            on_finished()


def _configure(dialog: QFileDialog, spec: DialogSpec) -> None:
    if spec.purpose is DialogPurpose.FOLDER:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        return
    if spec.purpose is DialogPurpose.SAVE_FILE:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, not spec.confirm_overwrite)
    else:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    if spec.filters:
        dialog.setNameFilters(spec.filters)
    if spec.default_suffix:
        dialog.setDefaultSuffix(spec.default_suffix)
    if spec.purpose is DialogPurpose.SAVE_FILE and len(spec.filters) > 1:
        dialog.filterSelected.connect(lambda chosen: _follow_filter(dialog, spec, chosen))


def _suffix_of(name_filter: str) -> str:
    """The suffix of a filter's first pattern ("JSON Lines (*.jsonl)" → "jsonl"), or ""."""
    patterns = name_filter.rpartition("(")[2].rstrip(")").split()
    first = patterns[0] if patterns else ""
    return first[2:] if first.startswith("*.") and "*" not in first[2:] else ""


def _follow_filter(dialog: QFileDialog, spec: DialogSpec, chosen: str) -> None:
    """Choosing another file type in a save dialog changes the name's suffix with it (a
    recording's format follows its suffix)."""
    suffix = _suffix_of(chosen)
    if not suffix:
        return
    dialog.setDefaultSuffix(suffix)
    known = {_suffix_of(name_filter) for name_filter in spec.filters} - {""}
    edit = dialog.findChild(QLineEdit, "fileNameEdit")  # the widget dialog's name field
    if edit is None:
        return
    stem, dot, old = edit.text().rpartition(".")
    if dot and old in known and old != suffix:
        edit.setText(f"{stem}.{suffix}")
