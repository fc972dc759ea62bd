"""A small line of recent rates: enough to see a flood start, stall or stop."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget


class Sparkline(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: list[float] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(120, 22)

    def set_values(self, values: Sequence[float]) -> None:
        self._values = list(values)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if len(self._values) < 2:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight))
        pen.setWidthF(1.5)
        painter.setPen(pen)
        width, height = self.width() - 2, self.height() - 4
        peak = max(self._values) or 1.0
        step = width / (len(self._values) - 1)
        points = QPolygonF(
            [
                QPointF(1 + i * step, 2 + height - (value / peak) * height)
                for i, value in enumerate(self._values)
            ]
        )
        painter.drawPolyline(points)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.end()
