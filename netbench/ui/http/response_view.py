"""The response side of a panel: status, headers, body, raw wire, timing, TLS, redirects.

A redirect chain is shown hop by hop: the hop chooser switches every page to that hop
(the final one is chosen first), and the Redirects page lists the chain. While a response
arrives, a progress bar shows bytes, rate and, when the length is known, how far.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netbench.core.http.result import ExchangeResult, HopResult, Outcome
from netbench.ui.http.body_views import BodyViews
from netbench.ui.http.raw_view import RawView
from netbench.ui.http.timing_view import TimingView
from netbench.ui.http.tls_text import tls_text
from netbench.ui.runtime.net_text import net_text
from netbench.ui.widgets.colors import ERROR_COLOR, OK_COLOR, WARNING_COLOR
from netbench.ui.widgets.layouts import add_items
from netbench.ui.widgets.naming import name_widget
from netbench.ui.widgets.sizes import format_size
from netbench.ui.widgets.tab_pages import tab_pages


class ResponseView(QWidget):
    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: ExchangeResult | None = None
        self.status = name_widget(QLabel(self), prefix, "status", self.tr("Status"))
        self.status.setText(self.tr("No response yet: press Send."))
        self.status.setWordWrap(True)
        self.summary = name_widget(QLabel(self), prefix, "response_summary")
        self.summary.setWordWrap(True)
        self.hop = name_widget(QComboBox(self), prefix, "hop", self.tr("Hop"))
        self.hop.setVisible(False)
        self.hop.currentIndexChanged.connect(self.on_hop_changed)
        self.progress = name_widget(QProgressBar(self), prefix, "progress")
        self.progress.setVisible(False)
        self.anomalies = name_widget(QLabel(self), prefix, "anomalies")
        self.anomalies.setStyleSheet(f"color: {WARNING_COLOR}")
        self.anomalies.setWordWrap(True)
        self.anomalies.hide()
        self.body = BodyViews(prefix, self)
        self.headers = name_widget(
            QTableWidget(0, 2, self), prefix, "response_headers", self.tr("Response headers")
        )
        self.headers.setHorizontalHeaderLabels([self.tr("Header"), self.tr("Value")])
        self.headers.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.headers.horizontalHeader().setStretchLastSection(True)
        self.headers.verticalHeader().setVisible(False)
        self.raw = RawView(prefix, self)
        self.timing = TimingView(prefix, self)
        self.tls = name_widget(QPlainTextEdit(self), prefix, "tls", self.tr("TLS details"))
        self.tls.setReadOnly(True)
        self.chain = name_widget(
            QPlainTextEdit(self), prefix, "redirects", self.tr("Redirect chain")
        )
        self.chain.setReadOnly(True)
        self.pages = tab_pages(
            self,
            prefix,
            "response_pages",
            self.tr("Response"),
            (
                (self.body, self.tr("Body")),
                (self.headers, self.tr("Headers")),
                (self.raw, self.tr("Raw wire")),
                (self.timing, self.tr("Timing")),
                (self.tls, self.tr("TLS")),
                (self.chain, self.tr("Redirects")),
            ),
        )
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.hop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        add_items(
            layout, top, self.summary, self.progress, self.anomalies, self.pages, stretch=self.pages
        )

    # -- while it runs ----------------------------------------------------------------------

    def start(self) -> None:
        self.result = None
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Connecting…"))
        self.summary.clear()
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)

    def show_phase(self, text: str) -> None:
        self.status.setText(text)

    def show_progress(self, received: int, expected: int, rate: float) -> None:
        if expected > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(received / expected * 1000))
        rate_text = self.tr("{size}/s").format(size=format_size(int(rate)))
        self.progress.setFormat(f"{format_size(received)} · {rate_text}")
        self.status.setText(
            self.tr("Receiving… {size} at {rate}").format(
                size=format_size(received), rate=rate_text
            )
        )

    # -- the result -------------------------------------------------------------------------

    def show_result(self, result: ExchangeResult) -> None:
        self.result = result
        self.progress.setVisible(False)
        self.hop.blockSignals(True)
        self.hop.clear()
        for hop in result.hops:
            self.hop.addItem(f"{hop.index + 1}. {hop.status or '—'} {hop.url}", hop.index)
        self.hop.setCurrentIndex(len(result.hops) - 1)
        self.hop.blockSignals(False)
        self.hop.setVisible(len(result.hops) > 1)
        self.timing.show_hops(result.hops)
        self.chain.setPlainText(self._chain_text(result))
        if result.final is not None:
            self.show_hop(result.final)
        else:
            self._clear_pages()
        if result.outcome is not Outcome.COMPLETE:
            word = (
                self.tr("Cancelled") if result.outcome is Outcome.CANCELLED else self.tr("Failed")
            )
            self.status.setStyleSheet(f"color: {ERROR_COLOR}")
            self.status.setText(f"{word}: {net_text(result.error)}")

    def show_failure(self, message: str) -> None:
        self.progress.setVisible(False)
        self.status.setStyleSheet(f"color: {ERROR_COLOR}")
        self.status.setText(message)

    def _clear_pages(self) -> None:
        self.body.clear()
        self.headers.setRowCount(0)
        self.raw.clear()
        self.tls.clear()

    def show_hop(self, hop: HopResult) -> None:
        ok = 200 <= hop.status < 400
        self.status.setStyleSheet(f"color: {OK_COLOR if ok else ERROR_COLOR}" if hop.status else "")
        self.status.setText(f"{hop.http_version} {hop.status} {hop.reason}".strip())
        self.summary.setText(self._summary(hop))
        self.headers.setRowCount(len(hop.headers))
        for row, (name, value) in enumerate(hop.headers):
            self.headers.setItem(row, 0, QTableWidgetItem(name))
            self.headers.setItem(row, 1, QTableWidgetItem(value))
        self.body.show_hop(hop)
        self.raw.show_hop(hop)
        self.tls.setPlainText(tls_text(hop.tls) if hop.tls else self.tr("Not a TLS connection."))
        shown = [f"⚠ {net_text(a.message)}" for a in hop.anomalies]
        self.anomalies.setText("\n".join(shown))
        self.anomalies.setVisible(bool(shown))

    def _summary(self, hop: HopResult) -> str:
        body = hop.body
        sizes = self.tr("Body {decoded} (as sent {raw}); on the wire {wire} received, {sent} sent")
        text = sizes.format(
            decoded=format_size(body.decoded_size or body.raw_size),
            raw=format_size(body.raw_size),
            wire=format_size(hop.received_bytes),
            sent=format_size(hop.sent_bytes),
        )
        connection = self.tr("connection #{number}").format(number=hop.connection_number)
        if hop.reused:
            connection += " " + self.tr("(reused)")
        total = f"{(hop.timings.total) * 1000:.1f} ms"
        return f"{text} · {connection} · {total}"

    def _chain_text(self, result: ExchangeResult) -> str:
        if len(result.hops) <= 1:
            return self.tr("No redirects.")
        lines = []
        for hop in result.hops:
            location = hop.header("location")
            line = f"{hop.index + 1}. {hop.method} {hop.url} → {hop.status} {hop.reason}"
            lines.append(line + (f"\n      Location: {location}" if location else ""))
        return "\n".join(lines)

    def on_hop_changed(self, index: int) -> None:
        if self.result is not None and 0 <= index < len(self.result.hops):
            self.show_hop(self.result.hops[index])

    def shutdown(self) -> None:
        self.body.shutdown()
