"""The one place qasync is imported: it binds to the first Qt it finds, so pin PySide6 first.

qasync 0.28 tries PyQt5 before PySide6; on a machine that also has PyQt installed it would
build its loop on the wrong Qt and nothing would run. ``QT_API`` is what it reads.
"""

from __future__ import annotations

import os

os.environ["QT_API"] = "pyside6"

import qasync
from PySide6.QtWidgets import QApplication

QEventLoop = qasync.QEventLoop


def qt_binding_of_qasync() -> str:
    """Which Qt module qasync bound to, for the About box and a test."""
    return str(qasync.QtModuleName)


def qasync_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("qasync")
    except PackageNotFoundError:
        return "unknown"


def new_event_loop(app: QApplication | None = None) -> qasync.QEventLoop:
    return qasync.QEventLoop(app or QApplication.instance())


def attach_running_loop(app: QApplication) -> qasync.QEventLoop:
    """A loop that counts as running while Qt's own event loop (or a test) drives it."""
    return qasync.QEventLoop(app, already_running=True)
