"""Fills a text pane with a long message a slice at a time, between the window's events.

Rendering a megabyte as text or hex takes a few hundred milliseconds, and laying it out in
one go longer still: done at once, the window would freeze. A pane renders for a few
milliseconds per turn of the event loop instead, appends what it made, and lets timers,
sockets and painting run before the next turn.
"""

from __future__ import annotations

import time
from enum import Enum

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from netbench.core.message_slices import TextLines, hex_lines, hex_slice_end, text_slice_end
from netbench.ui.runtime.timers import interval_timer

# Bytes rendered in the first turn; later turns take as many as fit in TURN_SECONDS.
SLICE_BYTES = 16 * 1024
# Time per turn of the event loop, rendering and adding to the document together: the
# rest of the window keeps its pace (adding hex lines costs as much as making them).
TURN_SECONDS = 0.008
_FEWEST_BYTES = 1024
_MOST_BYTES = 1024 * 1024


class PaneKind(Enum):
    TEXT = "text"
    HEX = "hex"


class SlicedPane(QObject):
    """Renders ``data[:target]`` into a read-only :class:`QPlainTextEdit`, slice by slice.

    Signals:
        progressed(): more of the message is shown, or rendering finished.
    """

    progressed = Signal()

    def __init__(self, edit: QPlainTextEdit, kind: PaneKind, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.edit = edit
        self.kind = kind
        # Undo would keep a second copy of every megabyte appended.
        edit.document().setUndoRedoEnabled(False)
        self._data = b""
        self._encoding = "utf-8"
        self._lines = TextLines("utf-8")
        self._shown = 0
        self._target = 0
        self._started = False
        self._turn_bytes = SLICE_BYTES
        self._timer = interval_timer(self, 0, self._turn)

    @property
    def shown(self) -> int:
        """Bytes of the message the pane shows so far."""
        return self._shown

    @property
    def busy(self) -> bool:
        return self._timer.isActive()

    @property
    def started(self) -> bool:
        """Whether the pane holds (or is rendering) the current message."""
        return self._started

    def reset(self, data: bytes, encoding: str) -> None:
        """Forget what is shown; the next :meth:`render_to` starts from the first byte."""
        self._timer.stop()
        self._data = data
        self._encoding = encoding
        self._lines = TextLines(encoding)
        self._shown = 0
        self._target = 0
        self._started = False
        self.edit.clear()

    def render_to(self, target: int) -> None:
        """Show the message up to ``target`` bytes: one turn now, the rest between events."""
        self._started = True
        self._target = min(len(self._data), max(target, self._target))
        if self._shown < self._target:
            self._turn()
        else:
            self.progressed.emit()

    def pause(self) -> None:
        """Stop rendering (the pane is hidden); :meth:`render_to` carries on from here."""
        self._timer.stop()

    def release(self) -> None:
        """Drop the message and the text made of it."""
        self.reset(b"", self._encoding)

    def _turn(self) -> None:
        """One slice, sized from the last turn's pace to take about TURN_SECONDS."""
        if self._shown < self._target:
            began = time.perf_counter()
            before = self._shown
            cursor = QTextCursor(self.edit.document())
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(self._next_slice())
            spent = max(time.perf_counter() - began, 1e-4)
            done = self._shown - before
            # At most twice as much next time: a short tail says little about the pace.
            pace = min(done * TURN_SECONDS / spent, 2 * self._turn_bytes)
            self._turn_bytes = int(min(_MOST_BYTES, max(_FEWEST_BYTES, pace)))
        if self._shown < self._target:
            self._timer.start()
        else:
            self._timer.stop()
        self.progressed.emit()

    def _next_slice(self) -> str:
        start = self._shown
        if self.kind is PaneKind.HEX:
            end = hex_slice_end(self._target, start, self._turn_bytes)
            self._shown = end
            lines = hex_lines(self._data, start, end)
            return f"\n{lines}" if start else lines
        wanted = min(self._target, start + self._turn_bytes)
        end = text_slice_end(self._data, start, wanted, self._encoding)
        self._shown = end
        return self._lines.render(self._data[start:end])
