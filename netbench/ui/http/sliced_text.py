"""A long text put into a QPlainTextEdit a slice per turn of the event loop.

Laying out text costs the UI thread ~0.1 s a megabyte: one ``setPlainText`` of a 2 MB body
froze the window. The first slice goes in at once (a small body is there before the call
returns); the rest follows a slice per turn, with a pause between them for the window's
timers and painting. Setting a new text stops the one still being filled.

Each slice is sized to take about ``BUDGET`` of layout, from what the slice before cost:
a fixed size took 4 ms on one machine and 30 ms on a busy one. Slices end at line ends
only: Qt lays out a changed line whole, so a line put in a piece at a time was laid out
again for every piece (a 64 KB line of minified JSON cost ~100 ms in four slices of up to
36 ms, and ~20 ms in one).
"""

from __future__ import annotations

import asyncio
import time

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from netbench.ui.runtime.tasks import start_task

FIRST_SLICE = 16 * 1024  # characters put in at once
MIN_SLICE = 2 * 1024
MAX_SLICE = 256 * 1024
BUDGET = 0.005  # seconds of layout per slice
PAUSE = 0.004


def line_end_after(text: str, start: int, size: int) -> int:
    """Where a slice of about ``size`` characters from ``start`` ends: just past the last
    line end in its second half, or past the first one after it when there is none (a
    line is never cut), or the end of ``text``."""
    end = start + size
    if end >= len(text):
        return len(text)
    newline = text.rfind("\n", start + size // 2, end)
    if newline < 0:
        newline = text.find("\n", end)
    return len(text) if newline < 0 else newline + 1


def next_size(size: int, seconds: float, budget: float = BUDGET) -> int:
    """The size of the next slice, for one that took ``seconds`` at ``size`` characters."""
    wanted = size * budget / seconds if seconds > 0 else size * 2.0
    return max(MIN_SLICE, int(min(wanted, size * 2, MAX_SLICE)))  # at most twice the last


class SlicedText:
    def __init__(self, view: QPlainTextEdit) -> None:
        self.view = view
        view.setUndoRedoEnabled(False)  # read-only: an undo history would only cost memory
        self._task: asyncio.Task[None] | None = None

    @property
    def filling(self) -> bool:
        return self._task is not None and not self._task.done()

    def set_text(self, text: str) -> None:
        self.cancel()
        first = line_end_after(text, 0, FIRST_SLICE)
        self.view.setPlainText(text[:first])
        if first < len(text):
            self._task = start_task(self._append(text, first), name="fill text")

    async def _append(self, text: str, start: int) -> None:
        size = FIRST_SLICE
        while start < len(text):
            await asyncio.sleep(PAUSE)
            end = line_end_after(text, start, size)
            began = time.monotonic()
            cursor = QTextCursor(self.view.document())
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(text[start:end])
            size = next_size(end - start, time.monotonic() - began)
            start = end

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None
