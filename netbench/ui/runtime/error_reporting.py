"""Routes exceptions from Qt slots, asyncio tasks and threads to the log and the banner.

Signals:
    error_reported(str): a one-line summary for the person; the traceback is in the log.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger("netbench")


class ErrorReporter(QObject):
    error_reported = Signal(str)

    def install(self, loop: asyncio.AbstractEventLoop | None = None) -> None:
        sys.excepthook = self.on_exception
        threading.excepthook = self.on_thread_exception
        if loop is not None:
            loop.set_exception_handler(self.on_loop_exception)

    def on_exception(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            return
        log.error("unhandled exception", exc_info=(exc_type, exc, tb))
        self.error_reported.emit(f"{exc_type.__name__}: {exc}")

    def on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.on_exception(args.exc_type, args.exc_value, args.exc_traceback)

    def on_loop_exception(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        message = context.get("message", "asyncio error")
        if isinstance(exc, BaseException):
            log.error("%s", message, exc_info=(type(exc), exc, exc.__traceback__))
            self.error_reported.emit(f"{type(exc).__name__}: {exc}")
        else:
            log.error("%s: %r", message, context)
            self.error_reported.emit(str(message))
