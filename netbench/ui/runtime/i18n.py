"""Loads the UI translation for the user's locale, and Qt's own strings to match."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from netbench.core.resources import resource_path


@dataclass
class Translation:
    """The UI language in use (for the About box) and the translators to remove again."""

    language: str = "English"
    translators: list[QTranslator] = field(default_factory=list)

    def uninstall(self, app: QApplication) -> None:
        for translator in self.translators:
            app.removeTranslator(translator)
        self.translators.clear()
        self.language = "English"


def install_translators(
    app: QApplication, locale: QLocale | None = None, directory: Path | None = None
) -> Translation:
    """Install what exists for ``locale`` (netbench's own strings, then Qt's)."""
    locale = locale or QLocale()
    result = Translation()
    ours = QTranslator(app)
    folder = directory or resource_path("i18n")
    if not ours.load(locale, "netbench", "_", str(folder)):
        return result
    app.installTranslator(ours)
    result.translators.append(ours)
    result.language = QLocale(ours.language()).nativeLanguageName() or ours.language()
    qt_base = QTranslator(app)
    translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_base.load(locale, "qtbase", "_", translations):
        app.installTranslator(qt_base)
        result.translators.append(qt_base)
    return result
