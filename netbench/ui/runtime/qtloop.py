"""The one place qasync is imported: it binds to the first Qt it finds, so pin PySide6 first.

qasync 0.28 tries PyQt5 before PySide6; on a machine that also has PyQt installed it would
build its loop on the wrong Qt and nothing would run. ``QT_API`` is what it reads.

qasync runs every ``call_soon`` (a ready socket, a woken task, a finished future) as a Qt
timer of its own: started, fired, killed. At thousands of callbacks a second that is most
of the loop's own cost. :class:`BatchedEventLoop` keeps them in a queue instead, run by one
zero-time Qt timer per turn, as asyncio's own loop runs its ready queue.
"""

from __future__ import annotations

import asyncio
import contextvars
import os
from collections import deque
from collections.abc import Callable
from typing import Any

os.environ["QT_API"] = "pyside6"

import qasync
from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication

QEventLoop = qasync.QEventLoop


def _fileno(fd: Any) -> int:
    """A descriptor's number: asyncio passes an int or an object with ``fileno()``."""
    return fd if isinstance(fd, int) else int(fd.fileno())


class BatchedEventLoop(qasync.QEventLoop):  # type: ignore[misc]
    """qasync's loop with one Qt timer for all ``call_soon`` callbacks of a turn.

    A turn runs the callbacks that were ready when it started, in the order they came;
    what they schedule runs in the next turn, after Qt has had its own events (timers,
    input, repaints) in between, as with a timer per callback.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._ready: deque[asyncio.Handle] = deque()
        self._ready_timer = QTimer()
        self._ready_timer.setSingleShot(True)
        self._ready_timer.setInterval(0)
        self._ready_timer.timeout.connect(self._run_ready)
        self._readers: dict[int, asyncio.Handle] = {}
        self._writers: dict[int, asyncio.Handle] = {}
        self._spare: dict[tuple[int, QSocketNotifier.Type], QSocketNotifier] = {}
        super().__init__(*args, **kwargs)

    def call_soon(
        self,
        callback: Callable[..., object],
        *args: Any,
        context: contextvars.Context | None = None,
    ) -> asyncio.Handle:
        handle = asyncio.Handle(callback, args, self, context=context)
        if self.is_closed():
            # As qasync: a thread's call_soon_threadsafe can still arrive (a queued signal)
            # after the loop closed; it is dropped, not raised into Qt's event loop.
            handle.cancel()
            return handle
        self._ready.append(handle)
        if not self._ready_timer.isActive():
            self._ready_timer.start()
        return handle

    def _run_ready(self) -> None:
        ready = self._ready
        for _ in range(len(ready)):
            handle = ready.popleft()
            if not handle.cancelled():
                handle._run()
        if ready:
            self._ready_timer.start()

    # -- readers and writers: a notifier per descriptor, kept while the loop lives --------
    #
    # qasync makes a new QSocketNotifier each time a reader is added (a transport's
    # resume_reading: the flood path pauses and resumes 200 readers a tick) and hands each
    # readiness to call_soon. Here a descriptor's notifier is made once, switched off and
    # on, and a ready socket's callback runs at once, from the notifier's signal.

    def _add_reader(self, fd: Any, callback: Callable[..., object], *args: Any) -> None:
        self._watch(fd, self._read_notifiers, self._readers, QSocketNotifier.Type.Read)
        self._readers[_fileno(fd)] = asyncio.Handle(callback, args, self)

    def _remove_reader(self, fd: Any) -> bool:
        return self._unwatch(fd, self._read_notifiers, self._readers)

    def _add_writer(self, fd: Any, callback: Callable[..., object], *args: Any) -> None:
        self._watch(fd, self._write_notifiers, self._writers, QSocketNotifier.Type.Write)
        self._writers[_fileno(fd)] = asyncio.Handle(callback, args, self)

    def _remove_writer(self, fd: Any) -> bool:
        return self._unwatch(fd, self._write_notifiers, self._writers)

    def _watch(
        self,
        fd: Any,
        active: dict[Any, QSocketNotifier],
        handles: dict[int, asyncio.Handle],
        kind: QSocketNotifier.Type,
    ) -> None:
        self._check_closed()
        number = _fileno(fd)
        notifier = active.get(fd) or self._spare.pop((number, kind), None)
        if notifier is None:
            notifier = QSocketNotifier(number, kind)
            notifier.activated.connect(lambda *_: self._on_ready(number, handles))
        active[fd] = notifier
        notifier.setEnabled(True)

    def _unwatch(
        self, fd: Any, active: dict[Any, QSocketNotifier], handles: dict[int, asyncio.Handle]
    ) -> bool:
        if self.is_closed():
            return False
        notifier = active.pop(fd, None)
        if notifier is None:
            return False
        number = _fileno(fd)
        handles.pop(number, None)
        notifier.setEnabled(False)
        self._spare[(number, notifier.type())] = notifier
        return True

    def _on_ready(self, number: int, handles: dict[int, asyncio.Handle]) -> None:
        """A socket is ready: its callback runs, then what that made ready (the task a
        read wakes), in the same turn, as asyncio's loop runs a select's callbacks and then
        its ready queue."""
        handle = handles.get(number)
        if handle is not None:
            handle._run()
        if self._ready:
            self._run_ready()

    def close(self) -> None:
        self._ready_timer.stop()
        self._ready.clear()
        for notifier in self._spare.values():
            notifier.setEnabled(False)
        self._spare.clear()
        self._readers.clear()
        self._writers.clear()
        super().close()


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
    return BatchedEventLoop(app or QApplication.instance())


def attach_running_loop(app: QApplication) -> qasync.QEventLoop:
    """A loop that counts as running while Qt's own event loop (or a test) drives it."""
    return BatchedEventLoop(app, already_running=True)
