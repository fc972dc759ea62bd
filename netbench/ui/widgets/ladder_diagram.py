"""The ladder diagram: our side on the left, the peer on the right, time going down; an
arrow for each segment with its flags and size, and our TCP state where it changes.

Painted by hand: a table would put the arrows in cells and lose the picture the
tutorials draw. :meth:`LadderDiagram.text_lines` says the same in words (for copying and
for tests).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from netbench.core.capture.ladder import LadderRow
from netbench.ui.widgets.colors import OK_COLOR, WARNING_COLOR

ROW_HEIGHT = 30
HEAD_HEIGHT = 40
TIME_WIDTH = 76
STATE_WIDTH = 118
ARROW_WIDTH = 300
STATE_COLORS = {"ESTABLISHED": OK_COLOR, "TIME_WAIT": WARNING_COLOR}


class LadderDiagram(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[LadderRow] = []
        self.ours = ""
        self.theirs = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: Sequence[LadderRow], ours: str, theirs: str) -> None:
        if list(rows) == self.rows and (ours, theirs) == (self.ours, self.theirs):
            return
        self.rows, self.ours, self.theirs = list(rows), ours, theirs
        self.updateGeometry()
        self.setMinimumHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(
            TIME_WIDTH + STATE_WIDTH + ARROW_WIDTH + 140,
            HEAD_HEIGHT + ROW_HEIGHT * (len(self.rows) + 1),
        )

    # -- in words ---------------------------------------------------------------------------

    def arrow_text(self, row: LadderRow) -> str:
        if row.outgoing is None:
            return self.tr("{state} (from the kernel's socket table)").format(state=row.state)
        text = row.label
        if row.size:
            text += " · " + self.tr("{size} bytes").format(size=row.size)
        return text

    def time_text(self, row: LadderRow) -> str:
        start = self.rows[0].wall if self.rows else row.wall
        return f"+{row.wall - start:.3f} s"

    def text_lines(self) -> list[str]:
        """The diagram in words: time, direction, what went by, our state after it."""
        lines = []
        for row in self.rows:
            arrow = {True: "→", False: "←", None: "•"}[row.outgoing]
            state = f"  [{row.state}]" if row.state and row.outgoing is not None else ""
            lines.append(f"{self.time_text(row)}  {arrow} {self.arrow_text(row)}{state}")
        return lines

    # -- painting ---------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        left = TIME_WIDTH + STATE_WIDTH
        right = left + ARROW_WIDTH
        metrics = QFontMetrics(self.font())
        painter.setPen(text)
        self._heading(painter, metrics, left, right)
        bottom = HEAD_HEIGHT + ROW_HEIGHT * (len(self.rows) + 1)
        painter.setPen(QPen(muted, 2))
        painter.drawLine(QPointF(left, HEAD_HEIGHT - 6), QPointF(left, bottom))
        painter.drawLine(QPointF(right, HEAD_HEIGHT - 6), QPointF(right, bottom))
        for index, row in enumerate(self.rows):
            top = HEAD_HEIGHT + ROW_HEIGHT * index
            painter.setPen(muted)
            painter.drawText(
                QRectF(0, top, TIME_WIDTH - 6, ROW_HEIGHT),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                self.time_text(row),
            )
            if row.state:
                painter.setPen(QColor(STATE_COLORS.get(row.state, text.name())))
                painter.drawText(
                    QRectF(TIME_WIDTH, top, STATE_WIDTH - 8, ROW_HEIGHT),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                    row.state,
                )
            if row.outgoing is None:
                painter.setPen(muted)
                painter.drawText(
                    QRectF(left + 8, top, ARROW_WIDTH * 2, ROW_HEIGHT),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                    self.arrow_text(row),
                )
                continue
            self._arrow(painter, row, top, left, right, text)

    def _heading(self, painter: QPainter, metrics: QFontMetrics, left: int, right: int) -> None:
        for centre, title, address in (
            (left, self.tr("Our side"), self.ours),
            (right, self.tr("Peer"), self.theirs),
        ):
            for line, words in enumerate((title, address)):
                width = metrics.horizontalAdvance(words) + 4
                painter.drawText(
                    QRectF(centre - width / 2, 2 + line * 16, width, 16),
                    Qt.AlignmentFlag.AlignCenter,
                    words,
                )

    def _arrow(
        self, painter: QPainter, row: LadderRow, top: int, left: int, right: int, color: QColor
    ) -> None:
        start, end = (left, right) if row.outgoing else (right, left)
        y0, y1 = top + 14, top + ROW_HEIGHT + 6
        painter.setPen(QPen(color, 1.4))
        painter.drawLine(QPointF(start, y0), QPointF(end, y1))
        direction = 1 if end > start else -1
        head = QPolygonF(
            [
                QPointF(end, y1),
                QPointF(end - 9 * direction, y1 - 6),
                QPointF(end - 9 * direction, y1 + 2),
            ]
        )
        painter.setBrush(color)
        painter.drawPolygon(head)
        painter.drawText(
            QRectF(left, top, right - left, 14),
            Qt.AlignmentFlag.AlignCenter,
            self.arrow_text(row),
        )
