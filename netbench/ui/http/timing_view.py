"""Where the time went: a waterfall of the phases, one bar per hop, and the figures in words.

The phases carry curl's ``-w`` names (namelookup, connect, appconnect, pretransfer,
starttransfer, posttransfer, total, redirect), so numbers can be compared with curl's. A
phase that did not happen (no lookup for an IP address, no handshake on a reused
connection) is not drawn and is listed as "reused" or "—", never as 0 ms. Below the
figures: the addresses tried, and known causes of suspicious gaps, in words.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget

from netbench.core.http.gaps import GapExplanation, explain_gaps
from netbench.core.http.result import HopResult, Timings
from netbench.core.http.wirelog import Direction
from netbench.ui.runtime.net_text import net_text
from netbench.ui.widgets.naming import name_widget

ROW = 26
LABEL_WIDTH = 170
# Each phase's name (translated when drawn) and the colour of its bars, in the order of
# ``segments``' phase numbers.
PHASES = (
    (QT_TRANSLATE_NOOP("Waterfall", "DNS"), "#8e44ad"),
    (QT_TRANSLATE_NOOP("Waterfall", "Connect"), "#e67e22"),
    (QT_TRANSLATE_NOOP("Waterfall", "TLS"), "#c0392b"),
    (QT_TRANSLATE_NOOP("Waterfall", "Send"), "#7f8c8d"),
    (QT_TRANSLATE_NOOP("Waterfall", "Wait"), "#2980b9"),
    (QT_TRANSLATE_NOOP("Waterfall", "Receive"), "#27ae60"),
)


def segments(t: Timings) -> list[tuple[int, float, float]]:
    """(phase, start, end) in seconds from the hop's start for each phase that happened:
    0 lookup, 1 connect, 2 TLS, 3 sending, 4 waiting, 5 receiving."""
    marks = [0.0]
    found: list[tuple[int, float, float]] = []
    for phase, moment in enumerate((t.namelookup, t.connect, t.appconnect)):
        if moment is not None:
            found.append((phase, marks[-1], moment))
            marks.append(moment)
    pre = t.pretransfer if t.pretransfer is not None else marks[-1]
    post = t.posttransfer if t.posttransfer is not None else pre
    first = t.starttransfer if t.starttransfer is not None else t.total
    found.append((3, pre, post))
    found.append((4, post, max(first, post)))
    found.append((5, max(first, post), t.total))
    return found


class Waterfall(QWidget):
    """The bars, painted; the hops of a redirect chain follow one another."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hops: Sequence[HopResult] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_hops(self, hops: Sequence[HopResult]) -> None:
        self.hops = hops
        self.setFixedHeight(ROW * (len(hops) + 2))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(400, ROW * (len(self.hops) + 2))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        end = max((h.timings.redirect + h.timings.total for h in self.hops), default=0.0) or 1.0
        width = max(self.width() - LABEL_WIDTH - 70, 10)
        text_color = self.palette().color(self.foregroundRole())
        for row, hop in enumerate(self.hops):
            y = row * ROW + 4
            painter.setPen(text_color)
            label = f"{hop.index + 1}. {hop.method} {hop.status or '—'}"
            if hop.timings.reused:
                label += " · " + self.tr("reused")
            painter.drawText(
                QRectF(4, y, LABEL_WIDTH - 8, ROW - 8), Qt.AlignmentFlag.AlignVCenter, label
            )
            base = hop.timings.redirect
            for phase, start, stop in segments(hop.timings):
                x = LABEL_WIDTH + (base + start) / end * width
                length = max((stop - start) / end * width, 1.0)
                painter.fillRect(QRectF(x, y + 3, length, ROW - 14), QColor(PHASES[phase][1]))
            total = f"{(base + hop.timings.total) * 1000:.1f} ms"
            x_total = LABEL_WIDTH + width + 6
            painter.setPen(text_color)
            painter.drawText(QRectF(x_total, y, 64, ROW - 8), Qt.AlignmentFlag.AlignVCenter, total)
        y = len(self.hops) * ROW + 8
        x = 4.0
        for english, color in PHASES:
            name = self.tr(str(english))
            painter.fillRect(QRectF(x, y + 4, 10, 10), QColor(color))
            painter.setPen(text_color)
            painter.drawText(QRectF(x + 14, y, 90, 18), Qt.AlignmentFlag.AlignVCenter, name)
            x += 24 + painter.fontMetrics().horizontalAdvance(name)
        painter.end()


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value * 1000:.1f} ms"


class TimingView(QWidget):
    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        name_widget(self, prefix, "timing", self.tr("Timing"))
        self.waterfall = Waterfall(self)
        self.details = name_widget(
            QPlainTextEdit(self), prefix, "timing_details", self.tr("Timing figures")
        )
        self.details.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.waterfall)
        layout.addWidget(self.details, 1)

    def clear(self) -> None:
        self.waterfall.set_hops(())
        self.details.clear()

    def show_hops(self, hops: Sequence[HopResult]) -> None:
        self.waterfall.set_hops(hops)
        self.details.setPlainText("\n\n".join(self.describe(hop) for hop in hops))

    def describe(self, hop: HopResult) -> str:
        """One hop's figures, addresses and gap explanations, as text."""
        t = hop.timings
        reused = self.tr("reused")
        lines = [f"{hop.index + 1}. {hop.method} {hop.url}"]
        if t.reused:
            lines.append(
                self.tr("Connection #{number} reused: no lookup, connect or handshake").format(
                    number=hop.connection_number
                )
            )
        for name, value in (
            ("namelookup", t.namelookup),
            ("connect", t.connect),
            ("appconnect", t.appconnect),
        ):
            lines.append(f"  {name:<14}{reused if t.reused and value is None else _ms(value)}")
        for name, value in (
            ("pretransfer", t.pretransfer),
            ("posttransfer", t.posttransfer),
            ("starttransfer", t.starttransfer),
            ("total", t.total),
            ("redirect", t.redirect),
        ):
            lines.append(f"  {name:<14}{_ms(value)}")
        if hop.attempts:
            lines.append(self.tr("Addresses tried:"))
            for attempt in hop.attempts:
                lines.append(
                    f"  {attempt.address}  {net_text(attempt.outcome)}  {_ms(attempt.seconds)}"
                )
        if hop.local_address or hop.remote_address:
            lines.append(f"  {hop.local_address} → {hop.remote_address}")
        lines += [f"⚠ {net_text(g.message)}" for g in self._gaps(hop)]
        return "\n".join(lines)

    @staticmethod
    def _gaps(hop: HopResult) -> list[GapExplanation]:
        chunks: list[tuple[float, Direction, int]] = []
        start = 0.0
        if hop.wire is not None and len(hop.wire) < 100_000:
            log = hop.wire.log
            chunks = [
                (log.time_of(i), log.direction_of(i), log.size_of(i))
                for i in range(hop.wire.start, hop.wire.end)
            ]
            first_sent = hop.wire.first_time(Direction.SENT)
            if first_sent is not None and hop.timings.pretransfer is not None:
                start = first_sent - hop.timings.pretransfer
        return explain_gaps(hop.timings, chunks, start, hop.attempts)
