"""Entry point of the frozen app (PyInstaller runs this file as ``__main__``).

It is ``netbench/__main__.py`` plus one hidden measurement: with ``NETBENCH_STARTUP_PROBE=1``
the app prints ``first-paint <epoch seconds>`` once the main window has painted its first
frame, then closes. ``packaging/measure-startup`` starts the app, takes the time itself just
before, and subtracts: the figure includes the bootloader, Python's start and every import.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from typing import TYPE_CHECKING

from netbench.app import main

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


async def report_first_paint(window: QWidget, engine: object) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

    painted: asyncio.Future[float] = asyncio.get_running_loop().create_future()

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not painted.done():
                # The frame is on screen once this paint and its flush are done.
                QTimer.singleShot(0, lambda: painted.done() or painted.set_result(time.time()))
            return False

    spy = FirstPaint(window)
    app = QCoreApplication.instance()
    assert app is not None
    app.installEventFilter(spy)
    at = await painted
    print(f"first-paint {at:.6f}", flush=True)
    window.close()


if __name__ == "__main__":
    hook = report_first_paint if os.environ.get("NETBENCH_STARTUP_PROBE") == "1" else None
    sys.exit(main(on_ready=hook))
