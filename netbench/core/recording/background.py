"""Writing a recording's rows on a thread of its own.

A flood's recording writes about a gigabyte of hex a second. Written by the thread that
makes the rows, the ``write`` calls took two fifths of that thread's time, time in which
it could read nothing. ``write`` releases the GIL, so on a thread of its own it runs on
another core while the rows go on being made. What waits is bounded in bytes: past the
limit, a window leaves its rows for later (:attr:`BackgroundWriter.has_room`) and the
network waits for the disk (backpressure, never a loss); :meth:`BackgroundWriter.write`
itself waits only for a caller that does not look.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections import deque
from collections.abc import Sequence
from typing import IO

# What may wait for the disk. Past it the window leaves rows for later (see ``has_room``)
# and the network waits; it never waits for the disk itself. Measured under a recorded
# flood (compact, IO thread, side by side): 8 MB gave 5.3-6.1 M messages/s at a peak of
# 190-196 MB, 16 MB 6.0 M at 199-205 MB (while the window itself waited for the disk,
# 16 MB had been worth 10% more). JSON Lines is bound by making the hex, not by the disk.
PENDING_LIMIT = 8 * 1024 * 1024
# The writer thread runs at a lower priority where the system allows it (Linux sets it
# per thread): on a busy machine the window's thread goes first, and the writer takes
# what the window leaves (past the limit above, the network waits for it).
# Measured under a recorded flood, side by side: heartbeat p99 36-53 ms instead of 50-62.
WRITER_NICENESS = 10


class BackgroundWriter:
    """Appends rows to an open binary file from a daemon thread, in the order given.

    An error writing (a full disk) stops the writing; every later :meth:`write` and
    :meth:`wait_written` raises it, and :meth:`close` too if nothing raised it before, so
    it is never lost."""

    def __init__(self, file: IO[bytes], *, limit: int = PENDING_LIMIT) -> None:
        self._file = file
        self._limit = limit
        self._pending: deque[tuple[Sequence[bytes], int]] = deque()  # rows, their bytes
        self._pending_bytes = 0  # waiting, and being written
        self._error: OSError | None = None
        self._error_said = False
        self._closing = False
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="netbench-recording", daemon=True)
        self._thread.start()

    @property
    def pending_bytes(self) -> int:
        """Bytes handed over and not yet written."""
        return self._pending_bytes

    @property
    def has_room(self) -> bool:
        """Whether :meth:`write` would return at once (what waits is within the limit): a
        window checks this, and leaves rows for later rather than wait for the disk."""
        return self._pending_bytes <= self._limit

    def write(self, rows: Sequence[bytes]) -> None:
        """Queue rows (bytes, each ending as it should) to be written after the others."""
        size = sum(map(len, rows))
        with self._changed:
            while self._pending_bytes > self._limit and self._error is None:
                self._changed.wait()
            self._raise_error()
            self._pending.append((rows, size))
            self._pending_bytes += size
            self._changed.notify_all()

    def wait_written(self) -> None:
        """Return once everything queued is in the file (flushed to the system)."""
        with self._changed:
            while self._pending_bytes and self._error is None:
                self._changed.wait()
            self._raise_error()

    def close(self) -> None:
        """Write what is queued, stop the thread and close the file; a write error is
        raised here if nothing raised it before (the file is closed all the same)."""
        with self._changed:
            self._closing = True
            self._changed.notify_all()
        self._thread.join()
        try:
            self._file.close()
        finally:
            if not self._error_said:
                self._raise_error()

    def _raise_error(self) -> None:
        if self._error is not None:
            self._error_said = True
            raise self._error

    def _run(self) -> None:
        """Write the queued lists one at a time, so a caller waiting for room waits for
        one list's write, not for everything queued."""
        while True:
            with self._changed:
                while not self._pending and not self._closing:
                    self._changed.wait()
                if not self._pending:
                    return
                rows, size = self._pending.popleft()
            try:
                self._file.writelines(rows)
                if not self._pending:
                    self._file.flush()
            except OSError as exc:
                with self._changed:
                    self._error = exc
                    self._pending.clear()
                    self._pending_bytes = 0
                    self._changed.notify_all()
                return
            with self._changed:
                self._pending_bytes -= size
                self._changed.notify_all()


def _lower_priority() -> None:
    """This thread's priority lowered by WRITER_NICENESS, on Linux (elsewhere a nice
    value is the whole process's)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), WRITER_NICENESS)
