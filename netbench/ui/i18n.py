"""Loads the UI translation for the user's locale, and Qt's own strings to match."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from netbench.core.resources import resource_path


def install_translators(app: QApplication, locale: QLocale | None = None) -> str:
    """Install what exists for ``locale``; returns the UI language actually in use."""
    locale = locale or QLocale()
    language = "English"
    ours = QTranslator(app)
    if ours.load(locale, "netbench", "_", str(resource_path("i18n"))):
        app.installTranslator(ours)
        language = QLocale(ours.language()).nativeLanguageName() or ours.language()
    qt_base = QTranslator(app)
    translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language != "English" and qt_base.load(locale, "qtbase", "_", translations):
        app.installTranslator(qt_base)
    return language
