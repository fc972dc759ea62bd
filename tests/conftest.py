"""Test setup: offscreen Qt, settings and logs in a throwaway home, a running qasync loop."""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from collections.abc import Callable, Coroutine, Iterator
from typing import Any, TypeVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_API"] = "pyside6"
# QSettings and the log directory follow the XDG variables: keep the user's own untouched.
_home = tempfile.mkdtemp(prefix="netbench-tests-")
for _var in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
    os.environ[_var] = os.path.join(_home, _var.lower())

import pytest  # noqa: E402

T = TypeVar("T")


@pytest.fixture
def qloop(qapp: Any) -> Iterator[asyncio.AbstractEventLoop]:
    """A qasync loop that counts as running while qtbot waits process Qt events."""
    from netbench.ui.qtloop import attach_running_loop

    qapp.setOrganizationName("netbench-tests")
    qapp.setApplicationName("netbench-tests")
    loop = attach_running_loop(qapp)
    try:
        yield loop
    finally:
        for task in asyncio.all_tasks(loop):
            task.cancel()
        loop.stop()
        asyncio.events._set_running_loop(None)
        loop.close()


def pump_until(predicate: Callable[[], bool], timeout: float = 10.0) -> None:
    """Process Qt events (and so the qasync loop) until ``predicate`` holds.

    Unlike ``qtbot.waitUntil``, this sleeps between rounds with the GIL released, so an IO
    thread's loop gets to run while the test waits.
    """
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"condition not met within {timeout} s")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.001)


RunAsync = Callable[..., Any]


@pytest.fixture
def run_async(qloop: asyncio.AbstractEventLoop) -> RunAsync:
    """Run a coroutine on the qasync loop to completion, pumping Qt events meanwhile."""

    def run(coro: Coroutine[Any, Any, T], timeout: float = 10.0) -> T:
        task = qloop.create_task(coro)
        pump_until(task.done, timeout)
        return task.result()

    return run


@pytest.fixture
def pump() -> Callable[..., None]:
    return pump_until


def interactive_widgets(root: Any) -> list[Any]:
    """Widgets a person can operate, minus Qt's own internals (scroll bars, popups, tab bars)."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSlider,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QMenuBar,
        QPlainTextEdit,
        QScrollBar,
        QTabWidget,
        QTextEdit,
        QWidget,
    )

    kinds = (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSlider,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QMenuBar,
        QPlainTextEdit,
        QTabWidget,
        QTextEdit,
    )
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, kinds) or isinstance(widget, QScrollBar):
            continue
        if widget.objectName().startswith("qt_"):
            continue
        parent = widget.parentWidget()
        internal = False
        while parent is not None and parent is not root:
            if isinstance(parent, QComboBox | QAbstractSpinBox | QAbstractItemView | QLineEdit):
                internal = True
                break
            if type(parent).__name__ in ("QComboBoxPrivateContainer", "QTabBar"):
                internal = True
                break
            parent = parent.parentWidget()
        if not internal:
            found.append(widget)
    return found
