"""DNS: one question to one server, shown as ``dig`` shows it, and more readable.

The answer, authority and additional sections go in one table with their TTLs; above it,
the rcode in words, the header flags (AA TC RD RA AD CD, set or not), the server that
answered, the query time and, when a UDP answer came truncated, the TCP retry. The raw
query and response of every attempt are there as a hex dump and as dig-style text, for
the lessons that take a DNS message apart. "All common types" asks each type on its own
(ANY is answered with almost nothing since RFC 8482); the CNAME mode follows a chain
visibly; the trace mode walks from the root (or from the server typed) down.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from netbench.core.display import hex_dump
from netbench.net.engine import Engine
from netbench.net.errors import NetError
from netbench.net.lookup.dns import RECORD_TYPES, DnsOptions, DnsResult, Transport
from netbench.net.lookup.dns_chain import CnameChain
from netbench.net.lookup.dns_trace import TraceResult
from netbench.ui.lookup.dns_request import (
    ALL_COMMON,
    DnsAnswer,
    DnsMode,
    DnsRequest,
    ask_dns,
    parse_server,
)
from netbench.ui.lookup.page import PREFIX, LookupPage
from netbench.ui.runtime.net_text import net_text
from netbench.ui.widgets.grid_rows import add_grid_row
from netbench.ui.widgets.tab_pages import tab_pages

HEADER_FLAGS = ("AA", "TC", "RD", "RA", "AD", "CD")
Row = tuple[str, str, str, int, str, str, str]


def record_rows(result: DnsResult, question: str) -> list[Row]:
    """(question, section, name, TTL, class, type, data) for every record of ``result``."""
    sections = (
        ("answer", result.answer),
        ("authority", result.authority),
        ("additional", result.additional),
    )
    return [
        (question, section, r.name, r.ttl, r.rdclass, r.rdtype, r.data)
        for section, records in sections
        for r in records
    ]


def raw_views(result: DnsResult) -> tuple[str, str]:
    """The hex dumps and the dig-style text of every attempt, the query before the reply."""
    dumps: list[str] = []
    texts: list[str] = []
    for n, attempt in enumerate(result.attempts, start=1):
        head = f"; attempt {n} over {attempt.transport.upper()}"
        dumps.append(
            f"{head}: query, {len(attempt.query_wire)} bytes\n{hex_dump(attempt.query_wire)}"
        )
        texts.append(f"{head}: query\n{attempt.query_text}")
        if attempt.response_wire is not None:
            size = len(attempt.response_wire)
            tc = " (TC: truncated)" if attempt.truncated else ""
            dumps.append(f"{head}: response, {size} bytes{tc}\n{hex_dump(attempt.response_wire)}")
            texts.append(f"{head}: response{tc}\n{attempt.response_text}")
        else:
            texts.append(f"{head}: no response: {net_text(attempt.error or '')}")
    return "\n\n".join(dumps), "\n\n".join(texts)


class DnsPage(LookupPage):
    """The DNS page. ``last_answer`` is the answer on show: a plain answer, a CNAME chain
    or a trace (None until the first comes)."""

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__("dns", engine, parent)
        self.last_answer: DnsAnswer | None = None
        self._build()

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.query = self.named(QLineEdit("localhost", self), "query", self.tr("Name to ask for"))
        self.query.setPlaceholderText(self.tr("a name, or an address for PTR"))
        self.query.returnPressed.connect(self.run)
        self.kind = self.named(QComboBox(self), "kind", self.tr("Record type"))
        for rdtype in RECORD_TYPES:
            self.kind.addItem(rdtype, rdtype)
        self.kind.addItem(self.tr("All common types"), ALL_COMMON)
        self.server = self.named(QLineEdit(self), "server", self.tr("DNS server"))
        self.server.setPlaceholderText(self.tr("the system's server, or address:port"))
        self.server.setToolTip(
            self.tr(
                "Empty: the first server the system uses. Else an address or a name, with "
                ":port if not the usual one (53; 853 for TLS; 443 for HTTPS). In trace "
                "mode, the server to start from instead of the root servers."
            )
        )
        self.server.returnPressed.connect(self.run)
        self.transport = self.named(QComboBox(self), "transport", self.tr("Transport"))
        for text, value in (
            ("UDP", Transport.UDP),
            ("TCP", Transport.TCP),
            (self.tr("TLS (DoT)"), Transport.TLS),
            (self.tr("HTTPS (DoH)"), Transport.HTTPS),
        ):
            self.transport.addItem(text, value.value)
        self.timeout = self.named(QDoubleSpinBox(self), "timeout", self.tr("Timeout in seconds"))
        self.timeout.setRange(0.1, 60.0)
        self.timeout.setValue(3.0)
        self.timeout.setSuffix(self.tr(" s"))
        self.timeout.setPrefix(self.tr("timeout "))
        self.edns = self.named(QSpinBox(self), "edns", self.tr("EDNS UDP payload size"))
        self.edns.setRange(0, 65535)
        self.edns.setValue(1232)
        self.edns.setSpecialValueText(self.tr("no EDNS"))
        self.edns.setPrefix(self.tr("EDNS "))
        self.dnssec = self.named(
            QCheckBox(self.tr("DO (DNSSEC records)"), self), "dnssec", self.tr("Set the DO bit")
        )
        self.mode = self.named(QComboBox(self), "mode", self.tr("How to ask"))
        self.mode.addItem(self.tr("One query"), DnsMode.QUERY.value)
        self.mode.addItem(self.tr("Follow the CNAME chain"), DnsMode.CHAIN.value)
        self.mode.addItem(self.tr("Trace from the root"), DnsMode.TRACE.value)
        self.run_button = self.button(self.tr("Ask"), "run", self.tr("Ask"), self.run)
        self.summary = self.status_label("dns_summary")
        self.error = self.status_label("dns_error")
        self.results = self.table(
            "results",
            self.tr("Records of the answer"),
            [
                self.tr("Question"),
                self.tr("Section"),
                self.tr("Name"),
                self.tr("TTL"),
                self.tr("Class"),
                self.tr("Type"),
                self.tr("Data"),
            ],
        )
        self.hex = self.text_view("dns_hex", self.tr("Query and response as a hex dump"))
        self.dig_text = self.text_view("dns_text", self.tr("Query and response as dig shows them"))
        self._lay_out()

    def _lay_out(self) -> None:
        form = QGridLayout()
        name = QLabel(self.tr("Name"), self)
        add_grid_row(form, 0, name, (self.query, 3), self.kind, self.mode, self.run_button)
        server = QLabel(self.tr("Server"), self)
        options = (self.transport, self.timeout, self.edns, (self.dnssec, 2))
        add_grid_row(form, 1, server, self.server, *options)
        form.setColumnStretch(1, 2)
        self.raw = tab_pages(
            self,
            PREFIX,
            "dns_raw",
            self.tr("Raw messages"),
            ((self.dig_text, self.tr("dig text")), (self.hex, self.tr("Hex dump"))),
        )
        self.lay_out_over_log(
            [form, self.summary, self.error], (self.results, self.raw), (650, 350), (320, 140)
        )

    # -- asking -----------------------------------------------------------------------------

    def request(self) -> DnsRequest:
        """The form as a request; :class:`NetError` names the field that is wrong."""
        name = self.query.text().strip()
        if not name:
            raise NetError(self.tr("Type a name to ask for"), "query")
        payload = self.edns.value() or None
        options = DnsOptions(
            transport=Transport(self.transport.currentData()),
            timeout=self.timeout.value(),
            edns_payload=payload,
            dnssec_ok=self.dnssec.isChecked(),
        )
        return DnsRequest(
            name,
            str(self.kind.currentData()),
            parse_server(self.server.text()),
            options,
            DnsMode(self.mode.currentData()),
        )

    def run(self) -> None:
        try:
            request = self.request()
        except NetError as exc:
            self.show_status(self.error, net_text(exc.message), "error")
            return
        self.show_status(self.error, "")
        self.show_status(self.summary, self.tr("Asking…"))
        self.ask(partial(ask_dns, request), self.show_answer, self.show_failure, name="lookup dns")

    def show_failure(self, exc: BaseException) -> None:
        message = exc.message if isinstance(exc, NetError) else str(exc)
        self.show_status(self.summary, "")
        self.show_status(self.error, net_text(message), "error")
        self.log.add(self.tr("DNS"), message)

    # -- showing ----------------------------------------------------------------------------

    def show_answer(self, answer: DnsAnswer) -> None:
        self.last_answer = answer
        if isinstance(answer, CnameChain):
            self._show_chain(answer)
        elif isinstance(answer, TraceResult):
            self._show_trace(answer)
        else:
            self._show_results(answer)

    def section_words(self, rows: list[Row]) -> list[Row]:
        """The section column in the user's language (the log keeps dig's words)."""
        words = {
            "answer": self.tr("answer"),
            "authority": self.tr("authority"),
            "additional": self.tr("additional"),
        }
        return [(r[0], words.get(r[1], r[1]), r[2], r[3], r[4], r[5], r[6]) for r in rows]

    def _show_results(self, results: Sequence[DnsResult]) -> None:
        rows = [row for r in results for row in record_rows(r, f"{r.name} {r.rdtype}")]
        self.fill(self.results, self.section_words(rows))
        self._show_header(results[0])
        errors = [net_text(r.error) for r in results if r.error]
        self.show_status(self.error, "\n".join(errors), "error" if len(results) == 1 else "warning")
        self._show_raw(results[-1] if len(results) == 1 else results[0])
        for result in results:
            self.log.add(
                self.tr("DNS {name} {type}").format(name=result.name, type=result.rdtype),
                result.to_text(),
            )

    def _show_chain(self, chain: CnameChain) -> None:
        rows = [row for r in chain.queries for row in record_rows(r, f"{r.name} {r.rdtype}")]
        self.fill(self.results, self.section_words(rows))
        last = chain.queries[-1]
        self._show_header(last)
        start = chain.links[0][0] if chain.links else chain.name
        arrow = " → ".join([start, *(target for _, target in chain.links)])
        tail = ", ".join(r.data for r in chain.records)
        self.show_status(
            self.summary,
            self.summary.text()
            + "\n"
            + self.tr("CNAME chain: {chain} → {records} (queries asked: {queries})").format(
                chain=arrow, records=tail or "-", queries=len(chain.queries)
            ),
        )
        self.show_status(self.error, net_text(chain.error or ""), "error")
        self._show_raw(last)
        self.log.add(self.tr("CNAME chain of {name}").format(name=chain.name), chain.to_text())

    def _show_trace(self, result: TraceResult) -> None:
        rows = [
            row
            for n, step in enumerate(result.steps, start=1)
            for row in record_rows(step.result, f"{n}. {step.zone} @{step.server_name}")
        ]
        self.fill(self.results, self.section_words(rows))
        if result.steps:
            self._show_header(result.steps[-1].result)
            self._show_raw(result.steps[-1].result)
        self.show_status(
            self.summary,
            self.summary.text()
            + "\n"
            + self.tr("Trace: {steps} steps: {zones}").format(
                steps=len(result.steps), zones=" → ".join(s.zone for s in result.steps)
            ),
        )
        final = result.final
        error = result.error or (final.error if final is not None else None)
        self.show_status(self.error, net_text(error or ""), "error")
        self.log.add(self.tr("Trace of {name}").format(name=result.name), result.to_text())

    def _show_header(self, result: DnsResult) -> None:
        """rcode, flags, server, time, EDNS and the TCP retry, on two lines."""
        flags = "  ".join(f"{flag}={'1' if flag in result.flags else '0'}" for flag in HEADER_FLAGS)
        transport = result.attempts[-1].transport.upper() if result.attempts else ""
        first = self.tr("Status: {rcode}   Flags: {flags}").format(
            rcode=result.rcode or self.tr("no answer"), flags=flags
        )
        second = self.tr("Server: {server} over {transport}   Query time: {ms} ms").format(
            server=str(result.server), transport=transport, ms=f"{result.seconds * 1000:.1f}"
        )
        lines = [first, second]
        if result.edns:
            lines.append(self.tr("EDNS: {edns}").format(edns=result.edns))
        if result.retried_over_tcp:
            lines.append(
                self.tr(
                    "The UDP answer was truncated (TC): asked again over TCP, which answered "
                    "in full"
                )
            )
        self.show_status(self.summary, "\n".join(lines))

    def _show_raw(self, result: DnsResult) -> None:
        dumps, text = raw_views(result)
        self.hex.setPlainText(dumps)
        self.dig_text.setPlainText(text)
