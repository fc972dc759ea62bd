"""Finding and driving the main window's widgets the way the UI tests do."""

from __future__ import annotations

import concurrent.futures
import time
from collections.abc import Callable
from typing import Any

from PySide6 import QtWidgets


def find(win: Any, name: str) -> Any:
    """The widget called ``name`` (``<tab>.<control>``); a missing one fails the test."""
    widget = win.findChild(object, name)
    assert widget is not None, name
    return widget


def pause(pump: Callable[..., None], seconds: float) -> None:
    """Let the UI run for ``seconds``."""
    deadline = time.monotonic() + seconds
    pump(lambda: time.monotonic() > deadline)


def connect_client(win: Any, pump: Callable[..., None], in_thread: Any, server: Any) -> Any:
    """Connect the Client tab's session to ``server`` (a ``loopback.Server``) on 127.0.0.1.

    The panel and the server's side of the connection are returned.
    """
    win.tabs.setCurrentWidget(win.client_tab)
    panel = win.client_tab.current_panel
    accepting = concurrent.futures.ThreadPoolExecutor(1).submit(server.accept)
    find(win, "client.host").setText("127.0.0.1")
    find(win, "client.port").setText(str(server.port))
    find(win, "client.connect").click()
    pump(lambda: panel.is_connected and panel.socket_info is not None, 15)
    return panel, in_thread(accepting.result)


# What a person can operate; scroll bars are Qt's own and left out.
_INTERACTIVE = (
    QtWidgets.QAbstractButton,
    QtWidgets.QAbstractItemView,
    QtWidgets.QAbstractSlider,
    QtWidgets.QAbstractSpinBox,
    QtWidgets.QComboBox,
    QtWidgets.QLineEdit,
    QtWidgets.QMenuBar,
    QtWidgets.QPlainTextEdit,
    QtWidgets.QTabWidget,
    QtWidgets.QTextEdit,
)
# Widgets inside these are their internals (a combo box's list, a spin box's line edit).
_COMPOUND = (
    QtWidgets.QComboBox,
    QtWidgets.QAbstractSpinBox,
    QtWidgets.QAbstractItemView,
    QtWidgets.QLineEdit,
)


def interactive_widgets(root: Any) -> list[Any]:
    """Widgets a person can operate, minus Qt's own internals (scroll bars, popups, tab bars)."""
    found = []
    for widget in [root, *root.findChildren(QtWidgets.QWidget)]:
        if not isinstance(widget, _INTERACTIVE) or isinstance(widget, QtWidgets.QScrollBar):
            continue
        if widget.objectName().startswith("qt_"):
            continue
        parent = widget.parentWidget()
        internal = False
        while parent is not None and parent is not root:
            if isinstance(parent, _COMPOUND):
                internal = True
                break
            if type(parent).__name__ in ("QComboBoxPrivateContainer", "QTabBar"):
                internal = True
                break
            parent = parent.parentWidget()
        if not internal:
            found.append(widget)
    return found
