"""Port check: a TCP connect scan (``nmap -sT``) of the ports typed, and a TCP "ping".

Ports are typed as people write them (``http,ssh,8000-8100``) and a mistake is pointed at.
The scan runs on the engine's bounded pool of workers; results arrive in batches and go
into a sortable table, with a progress bar and a Cancel that stops at once and keeps
what was found. The report exports as CSV. Only the host typed is ever contacted.

ICMP echo needs administrator rights, so the ping here times TCP handshakes to a port and
says so.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from netbench.core.lookup.address_errors import AddressError
from netbench.core.lookup.hosts import check_size, parse_hosts
from netbench.core.lookup.ping_report import ICMP_NOTE, PingReport
from netbench.core.lookup.ports import parse_ports
from netbench.core.lookup.scan_report import PortResult, PortState, ScanReport
from netbench.net.engine import Engine
from netbench.net.errors import NetError
from netbench.net.lookup.scan import DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT
from netbench.ui.lookup.page import LookupPage
from netbench.ui.lookup.result_log import write_text
from netbench.ui.lookup.scan_model import ScanModel, state_words
from netbench.ui.lookup.scan_run import PingRun, ScanRun
from netbench.ui.runtime.net_text import net_text
from netbench.ui.runtime.timers import interval_timer
from netbench.ui.widgets.file_dialogs import DialogPurpose, DialogSpec, FileDialogs
from netbench.ui.widgets.grid_rows import add_grid_row
from netbench.ui.widgets.layouts import labelled_row

POLL_MS = 100
PROGRESS_STEPS = 1000


class ScanPage(LookupPage):
    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__("scan", engine, parent)
        self.run: ScanRun | None = None
        self.ping_run: PingRun | None = None
        self.report: ScanReport | None = None
        self.seen: list[PortResult] = []  # every result of the check under way, in order
        self.ping_report: PingReport | None = None
        self.dialogs = FileDialogs(self)
        self.model = ScanModel(self)
        self.timer = interval_timer(self, POLL_MS, self.poll)
        self._build()
        self._refresh()

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.host = self.named(QLineEdit("127.0.0.1", self), "scan_host", self.tr("Hosts to check"))
        self.host.setToolTip(
            self.tr(
                "A name or address, several separated by commas, or a network such as "
                "127.0.0.0/30 (IPv4 up to /16, IPv6 up to /112). Only these are contacted."
            )
        )
        self.host.returnPressed.connect(self.start)
        self.ports = self.named(
            QLineEdit("http,ssh,8000-8100", self), "ports", self.tr("Ports to check")
        )
        self.ports.setToolTip(
            self.tr("Numbers, ranges and service names: 22,80,8000-8100 or http,ssh")
        )
        self.ports.returnPressed.connect(self.start)
        self.concurrency = self.named(QSpinBox(self), "concurrency", self.tr("Connections at once"))
        self.concurrency.setRange(1, 5000)
        self.concurrency.setValue(DEFAULT_CONCURRENCY)
        self.concurrency.setSuffix(self.tr(" at once"))
        self.timeout = self.named(QDoubleSpinBox(self), "scan_timeout", self.tr("Timeout per port"))
        self.timeout.setRange(0.05, 30.0)
        self.timeout.setValue(DEFAULT_TIMEOUT)
        self.timeout.setSuffix(self.tr(" s"))
        self.timeout.setPrefix(self.tr("timeout "))
        self.scan_button = self.button(
            self.tr("Check"), "scan", self.tr("Check the ports"), self.start
        )
        self.cancel_button = self.button(
            self.tr("Cancel"), "scan_cancel", self.tr("Cancel the check"), self.cancel
        )
        self.progress = self.named(QProgressBar(self), "scan_progress", self.tr("Progress"))
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setValue(0)
        self.status = self.status_label("scan_status")
        self.show_closed = self.check_box(
            self.tr("Show closed ports"), "scan_show_closed", self.on_show_closed_toggled
        )
        self.export_button = self.button(
            self.tr("Export CSV…"),
            "scan_csv",
            self.tr("Export the results as CSV"),
            self.choose_csv_file,
        )
        self.table_view = self.named(
            QTableView(self), "scan_table", self.tr("Results of the check")
        )
        self.table_view.setModel(self.model)
        self.table_view.setSortingEnabled(True)
        self.table_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table_view.verticalHeader().setVisible(False)
        rows = self.table_view.verticalHeader()
        rows.setDefaultSectionSize(self.table_view.fontMetrics().height() + 6)
        self.table_view.horizontalHeader().setStretchLastSection(True)
        self.table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._build_ping()
        self._lay_out()

    def _build_ping(self) -> None:
        self.ping_port = self.named(QSpinBox(self), "ping_port", self.tr("Port to ping"))
        self.ping_port.setRange(1, 65535)
        self.ping_port.setValue(80)
        self.ping_count = self.named(QSpinBox(self), "ping_count", self.tr("Number of pings"))
        self.ping_count.setRange(1, 1000)
        self.ping_count.setValue(4)
        self.ping_interval = self.named(
            QDoubleSpinBox(self), "ping_interval", self.tr("Seconds between pings")
        )
        self.ping_interval.setRange(0.01, 60.0)
        self.ping_interval.setValue(1.0)
        self.ping_interval.setSuffix(self.tr(" s"))
        self.ping_button = self.button(
            self.tr("TCP ping"), "ping", self.tr("Time TCP handshakes to the port"), self.ping
        )
        self.ping_status = self.status_label("ping_status")
        self.icmp_note = self.status_label("icmp_note")
        self.show_status(self.icmp_note, net_text(ICMP_NOTE))
        self.icmp_note.setStyleSheet("color: palette(placeholder-text);")

    def _lay_out(self) -> None:
        form = QGridLayout()
        host = QLabel(self.tr("Host"), self)
        ports = QLabel(self.tr("Ports"), self)
        settings = (self.concurrency, self.timeout, self.scan_button, self.cancel_button)
        add_grid_row(form, 0, host, self.host, ports, self.ports, *settings)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 2)
        bar = QHBoxLayout()
        bar.addWidget(self.progress, 2)
        bar.addWidget(self.show_closed)
        bar.addWidget(self.export_button)
        ping = labelled_row(
            self,
            self.tr("TCP ping to port"),
            self.ping_port,
            self.ping_count,
            self.ping_interval,
            self.ping_button,
            (self.ping_status, 1),
        )
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table_view)
        split.addWidget(self.log)
        split.setSizes([330, 120])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)
        layout.addLayout(ping)
        layout.addWidget(self.icmp_note)

    # -- state ------------------------------------------------------------------------------

    @property
    def scanning(self) -> bool:
        return self.run is not None

    def _refresh(self) -> None:
        self.scan_button.setEnabled(not self.scanning)
        self.cancel_button.setEnabled(self.scanning and not self.run_cancelling)
        self.export_button.setEnabled(self.report is not None and not self.scanning)
        self.ping_button.setEnabled(self.ping_run is None)

    @property
    def run_cancelling(self) -> bool:
        return self.run is not None and self.run.cancel_requested

    # -- scanning ---------------------------------------------------------------------------

    def start(self) -> bool:
        """Start a check of the ports typed; False (and the error shown) when they are wrong."""
        if self.scanning:
            return False
        try:
            ports = parse_ports(self.ports.text())
        except AddressError as exc:
            self.show_field_error(self.status, self.ports, exc)
            return False
        host = self.host.text().strip()
        try:
            hosts = parse_hosts(self.host.text())
            check_size(len(hosts), len(ports))
        except AddressError as exc:
            self.show_field_error(self.status, self.host, exc)
            return False
        try:
            run = ScanRun(self.engine, hosts, ports, self.concurrency.value(), self.timeout.value())
        except NetError as exc:
            self.show_status(self.status, net_text(exc.message), "error")
            return False
        self.run = run
        self.report = None
        self.seen = []
        self.model.show_hosts = len(hosts) > 1
        self.model.clear()
        self.progress.setValue(0)
        self.show_status(
            self.status,
            self.tr("Checking {count} ports on {host}…").format(
                count=f"{len(ports):,}",
                host=host if len(hosts) == 1 else self.tr("{n} hosts").format(n=f"{len(hosts):,}"),
            ),
        )
        self.ask(run.execute, self.show_report, self.show_failure, name="lookup scan")
        self.timer.start()
        self._refresh()
        return True

    def cancel(self) -> None:
        if self.run is not None and not self.run.cancel_requested:
            self.run.request_cancel()
            self.show_status(self.status, self.tr("Cancelling…"))
            self._refresh()

    def poll(self) -> None:
        """Every tick while a check runs: new rows into the table, the bar forward."""
        run = self.run
        if run is not None:
            batch = run.drain()
            self.seen += batch
            self.model.add(batch)
            progress = run.latest
            if progress is not None and progress.total:
                self.progress.setValue(round(PROGRESS_STEPS * progress.done / progress.total))
                if not run.cancel_requested:
                    self.show_status(
                        self.status,
                        self._counts_text(progress.done, progress.total, progress.counts),
                    )
        self._poll_ping()

    def _counts_text(self, done: int, total: int, counts: dict[PortState, int]) -> str:
        found = ", ".join(f"{n:,} {state_words(state)}" for state, n in counts.items() if n)
        return self.tr("{done} of {total} ports: {found}").format(
            done=f"{done:,}", total=f"{total:,}", found=found or "-"
        )

    def _finished(self) -> None:
        self.run = None
        self._stop_polling_when_idle()

    def _stop_polling_when_idle(self) -> None:
        """The check and the ping share the poll timer: it stops once neither runs."""
        if self.run is None and self.ping_run is None:
            self.timer.stop()
        self._refresh()

    def show_report(self, report: ScanReport) -> None:
        self.report = report
        if self.run is not None:
            self.run.drain()
        self._finished()
        self.model.set_results(report.results)
        done = len(report.results)
        self.progress.setValue(round(PROGRESS_STEPS * done / report.total) if report.total else 0)
        text = self._counts_text(done, report.total, report.counts())
        took = self.tr("{text} in {seconds} s").format(text=text, seconds=f"{report.elapsed:.2f}")
        if report.cancelled:
            took = self.tr("Cancelled: {text}").format(text=took)
        self.show_status(self.status, took, "warning" if report.cancelled else "ok")
        states = (PortState.OPEN, PortState.FILTERED, PortState.ERROR)
        self.log.add(
            self.tr("Port check of {host}").format(host=report.host), report.to_text(states)
        )

    def show_failure(self, exc: BaseException) -> None:
        self._finished()
        message = exc.message if isinstance(exc, NetError) else str(exc)
        self.show_status(self.status, net_text(message), "error")
        self.log.add(self.tr("Port check"), message)

    def on_show_closed_toggled(self, checked: bool) -> None:
        self.model.show_closed = checked
        if self.report is not None:
            self.model.set_results(self.report.results)
        else:
            self.model.set_results(self.seen)

    # -- exporting --------------------------------------------------------------------------

    def choose_csv_file(self) -> None:
        if self.report is None:
            return
        spec = DialogSpec(
            DialogPurpose.SAVE_FILE,
            self.tr("Export the port check as CSV"),
            "lookup.scan_csv_dialog",
            select="port-check.csv",
            filters=[self.tr("CSV files (*.csv)"), self.tr("All files (*)")],
            default_suffix="csv",
        )
        self.dialogs.open(spec, self.export_to)

    def export_to(self, path: str) -> bool:
        if self.report is None:
            return False
        error = write_text(path, self.report.to_csv())
        if error:
            self.show_status(
                self.status, self.tr("Not saved: {reason}").format(reason=error), "error"
            )
            return False
        self.show_status(self.status, self.tr("Saved to {path}").format(path=path), "ok")
        return True

    # -- TCP ping ---------------------------------------------------------------------------

    def ping(self) -> None:
        host = self.host.text().strip()
        if self.ping_run is not None or not host:
            return
        run = PingRun(
            host,
            self.ping_port.value(),
            self.ping_count.value(),
            self.ping_interval.value(),
            self.timeout.value(),
        )
        self.ping_run = run
        self.show_status(self.ping_status, self.tr("Pinging…"))
        self.ask(run.execute, self.show_ping, self.show_ping_failure, name="lookup ping")
        self.timer.start()
        self._refresh()

    def _poll_ping(self) -> None:
        run = self.ping_run
        if run is None:
            return
        while run.samples:
            sample = run.samples.popleft()
            self.show_status(
                self.ping_status,
                self.tr("seq {seq}: {state} in {ms} ms").format(
                    seq=sample.seq,
                    state=state_words(sample.state),
                    ms=f"{sample.seconds * 1000:.2f}",
                ),
            )

    def _ping_done(self) -> None:
        self.ping_run = None
        self._stop_polling_when_idle()

    def show_ping(self, report: PingReport) -> None:
        self._ping_done()
        self.ping_report = report
        stats = report.stats_ms()
        summary = self.tr("{sent} sent, {received} answered, {loss}% lost").format(
            sent=report.sent, received=report.received, loss=f"{report.loss:.0f}"
        )
        if stats is not None:
            summary += "   " + self.tr("min/avg/max = {min}/{avg}/{max} ms").format(
                min=f"{stats[0]:.2f}", avg=f"{stats[1]:.2f}", max=f"{stats[2]:.2f}"
            )
        self.show_status(self.ping_status, summary, "ok" if report.received else "warning")
        self.log.add(self.tr("TCP ping"), report.to_text())

    def show_ping_failure(self, exc: BaseException) -> None:
        self._ping_done()
        message = exc.message if isinstance(exc, NetError) else str(exc)
        self.show_status(self.ping_status, net_text(message), "error")

    def close_files(self) -> None:
        super().close_files()
        self.dialogs.close()
        self.timer.stop()
