"""A long text put into a QPlainTextEdit a slice per turn of the event loop.

Laying out (and colouring) text costs the UI thread ~0.2 s a megabyte, more with the
JSON highlighter: one ``setPlainText`` of a 2 MB body froze the window for over a second.
The first slice goes in at once (a small body is there before the call returns); the rest
follows in slices of ``SLICE`` characters cut at line ends, with a pause between them for
the window's timers and painting. Setting a new text stops the one still being filled.
"""

from __future__ import annotations

import asyncio

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from netbench.ui.runtime.tasks import start_task

SLICE = 16 * 1024  # ~10 ms of layout and colouring
PAUSE = 0.004


def slices(text: str, size: int = SLICE) -> list[str]:
    """``text`` in pieces of about ``size`` characters, each ending at a line end if one is
    near; joined they give ``text`` back."""
    pieces = []
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            newline = text.rfind("\n", start + size // 2, end)
            end = newline + 1 if newline >= 0 else end
        pieces.append(text[start:end])
        start = end
    return pieces


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
        pieces = slices(text)
        self.view.setPlainText(pieces[0] if pieces else "")
        if len(pieces) > 1:
            self._task = start_task(self._append(pieces[1:]), name="fill text")

    async def _append(self, pieces: list[str]) -> None:
        for piece in pieces:
            await asyncio.sleep(PAUSE)
            cursor = QTextCursor(self.view.document())
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(piece)

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None
