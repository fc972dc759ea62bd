"""The transcript's status line, held outside any layout so its text changes stay local."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class StatusBox(QWidget):
    """Holds the status label outside any layout, so its text changes stay local.

    A label in a layout asks the layouts above it for room on every ``setText``, up to
    the window; under a flood the status changes ten times a second, and each time the
    whole window was laid out and repainted again (measured: ~12 full repaints a second
    of ~10 ms each, the largest share of the window's time). Here the label fills the
    box, whose size never depends on the text; the text is cut at the width it is given.
    """

    def __init__(self, label: QLabel, parent: QWidget) -> None:
        super().__init__(parent)
        self.label = label
        label.setParent(self)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(100, self.label.fontMetrics().height() + 4)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.label.setGeometry(self.rect())
        super().resizeEvent(event)
