"""Help > About: the versions a bug report needs, and the UI language in use."""

from __future__ import annotations

import platform
import sys

import PySide6
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from netbench import __version__
from netbench.ui.runtime.qtloop import qasync_version


def version_rows(language: str, engine_mode: str, log_path: str) -> list[tuple[str, str]]:
    return [
        ("netbench", __version__),
        ("Python", platform.python_version()),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("qasync", qasync_version()),
        (
            QCoreApplication.translate("AboutDialog", "OS"),
            f"{platform.system()} {platform.release()} ({sys.platform})",
        ),
        (QCoreApplication.translate("AboutDialog", "UI language"), language),
        (QCoreApplication.translate("AboutDialog", "Engine"), engine_mode),
        (QCoreApplication.translate("AboutDialog", "Log file"), log_path),
    ]


class AboutDialog(QMessageBox):
    """Opened with ``open()``: a window-modal sheet, never a nested event loop."""

    def __init__(
        self, parent: QWidget | None, language: str, engine_mode: str, log_path: str
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main.about")
        self.setWindowTitle(self.tr("About netbench"))
        self.setIcon(QMessageBox.Icon.Information)
        self.setText(self.tr("<b>netbench</b> — a network workbench that shows every byte."))
        rows = "".join(
            f"<tr><td><b>{name}</b>&nbsp;&nbsp;</td><td>{value}</td></tr>"
            for name, value in version_rows(language, engine_mode, log_path)
        )
        self.setInformativeText(f"<table>{rows}</table>")
        self.setStandardButtons(QMessageBox.StandardButton.Close)
