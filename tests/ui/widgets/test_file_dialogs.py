"""The one non-modal file dialog of a widget, deleted after use."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QWidget

from netbench.ui.widgets.file_dialogs import DialogPurpose, DialogSpec, FileDialogs, stamped_name


def test_a_dialog_answers_through_callbacks_and_goes_away(qtbot: Any, tmp_path: Path) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    dialogs = FileDialogs(owner)
    chosen: list[str] = []
    finished: list[bool] = []
    spec = DialogSpec(
        DialogPurpose.SAVE_FILE, "Save it", "tab.save_dialog", filters=["Text (*.txt)"]
    )

    dialog = dialogs.open(spec, chosen.append, lambda: finished.append(True))

    assert dialogs.current is dialog and dialog.isVisible()  # open(), not exec()
    assert dialog.objectName() == "tab.save_dialog"
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    dialog.selectFile(str(tmp_path / "out.txt"))
    dialog.accept()
    assert chosen == [str(tmp_path / "out.txt")]
    assert finished == [True]
    assert dialogs.current is None
    assert Path(dialogs.last_directory) == tmp_path


def test_opening_another_closes_the_first(qtbot: Any) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    dialogs = FileDialogs(owner)
    first = dialogs.open(DialogSpec(DialogPurpose.OPEN_FILE, "One", "tab.one"), print)
    second = dialogs.open(DialogSpec(DialogPurpose.FOLDER, "Two", "tab.two"), print)
    assert not first.isVisible()
    assert dialogs.current is second
    assert second.fileMode() == QFileDialog.FileMode.Directory
    dialogs.close()
    assert dialogs.current is None


def test_a_proposed_name_says_what_and_when_with_its_suffix() -> None:
    name = stamped_name("capture", "pcapng")

    assert re.fullmatch(r"capture-20\d{6}-\d{6}\.pcapng", name)
