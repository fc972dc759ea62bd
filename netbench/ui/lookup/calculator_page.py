"""The address calculator: what ``ipcalc`` tells, plus what the lessons' calls return.

An address or network becomes its network, netmask, wildcard, broadcast, first and last
host, host count, conventional gateway and the special ranges (with their RFC) it lies
in; the address in every form (dotted, integer, hex, binary, packed); and the socket
module's own ``inet_aton``/``inet_ntoa``/``inet_pton``/``inet_ntop`` results. Text that
is not a standard address but that the C library accepts (``127.1``, ``010.1.1.1``) is
shown with what it really means and a warning: that is the address a connect would reach.
A typo is pointed at: the cursor goes to the character that is wrong. Everything here is
arithmetic, so it runs on the spot.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QSplitter,
    QWidget,
)

from netbench.core.lookup.address_errors import AddressError
from netbench.core.lookup.addresses import NetworkReport
from netbench.core.lookup.conversions import forms_of
from netbench.core.lookup.subnets import common_supernet, parse_networks, split
from netbench.net.engine import Engine
from netbench.net.lookup.sockcalls import address_calls, calculate
from netbench.ui.lookup.page import LookupPage
from netbench.ui.runtime.net_text import net_text


class CalculatorPage(LookupPage):
    """The calculator. ``report`` is the network last calculated (None while the text is not
    an address): Split divides that network, so it first calculates what is typed."""

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__("calculator", engine, parent)
        self.report: NetworkReport | None = None
        self._build()

    def _build(self) -> None:
        self.cidr = self.named(
            QLineEdit("192.168.1.0/24", self), "cidr", self.tr("Address or network (CIDR)")
        )
        self.cidr.setPlaceholderText(self.tr("192.168.1.0/24, 10.0.0.7/255.0.0.0, 2001:db8::/32"))
        self.cidr.returnPressed.connect(self.calculate)
        self.calculate_button = self.button(
            self.tr("Calculate"), "calculate", self.tr("Calculate"), self.calculate
        )
        self.error = self.status_label("calc_error")
        self.warning = self.status_label("calc_warning")
        self.network = self.table(
            "network", self.tr("The network"), [self.tr("Field"), self.tr("Value")]
        )
        self.forms = self.table(
            "forms", self.tr("The address in every form"), [self.tr("Form"), self.tr("Value")]
        )
        self.calls = self.text_view("calls", self.tr("The socket module's conversions"))
        self.split_prefix = self.named(QSpinBox(self), "split_prefix", self.tr("New prefix length"))
        self.split_prefix.setRange(0, 128)
        self.split_prefix.setValue(26)
        self.split_prefix.setPrefix("/")
        self.split_button = self.button(
            self.tr("Split"), "split", self.tr("Split the network into subnets"), self.split
        )
        self.supernet_input = self.named(
            QLineEdit("192.168.0.0/24 192.168.1.0/24", self),
            "supernet_input",
            self.tr("Networks to join"),
        )
        self.supernet_button = self.button(
            self.tr("Supernet"),
            "supernet",
            self.tr("Find the smallest network holding them all"),
            self.supernet,
        )
        self.subnets = self.text_view("subnets", self.tr("Subnets and supernets"))
        self._lay_out()
        self.calculate()

    def _lay_out(self) -> None:
        form = QGridLayout()
        form.addWidget(QLabel(self.tr("Address"), self), 0, 0)
        form.addWidget(self.cidr, 0, 1, 1, 2)
        form.addWidget(self.calculate_button, 0, 3)
        form.addWidget(QLabel(self.tr("Split into"), self), 1, 0)
        form.addWidget(self.split_prefix, 1, 1)
        form.addWidget(self.split_button, 1, 3)
        form.addWidget(QLabel(self.tr("Join"), self), 2, 0)
        form.addWidget(self.supernet_input, 2, 1, 1, 2)
        form.addWidget(self.supernet_button, 2, 3)
        form.setColumnStretch(2, 1)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.forms)
        right.addWidget(self.calls)
        right.addWidget(self.subnets)
        self.lay_out_over_log(
            [form, self.error, self.warning], (self.network, right), (480, 520), (360, 110)
        )

    # -- calculating ------------------------------------------------------------------------

    def point_at(self, field: QLineEdit, exc: AddressError) -> None:
        """Show the error and put the cursor on the culprit, selected."""
        self.show_field_error(self.error, field, exc)
        if 0 <= exc.position < len(field.text()):
            field.setSelection(exc.position, 1)

    def calculate(self) -> None:
        typed = self.cidr.text()
        offset = len(typed) - len(typed.lstrip())
        try:
            report = calculate(typed)
        except AddressError as exc:
            self.report = None
            shifted = AddressError(exc.message, exc.position + offset if exc.position >= 0 else -1)
            self.point_at(self.cidr, shifted)
            self.show_status(self.warning, "")
            return
        self.report = report
        self.show_status(self.error, "")
        warnings = "\n".join(net_text(w) for w in report.warnings)
        self.show_status(self.warning, warnings, "warning")
        self.fill(self.network, self.network_rows(report))
        forms = forms_of(report.address)
        self.fill(
            self.forms,
            [
                (self.tr("dotted / text"), forms.text),
                (self.tr("exploded"), forms.exploded),
                (self.tr("integer"), str(forms.integer)),
                (self.tr("hex"), forms.hex),
                (self.tr("binary"), forms.binary),
                (self.tr("packed bytes"), forms.packed_repr),
                (self.tr("IPv4-mapped"), forms.ipv4_mapped or "-"),
                (self.tr("reverse DNS name"), forms.reverse_pointer),
            ],
        )
        address_text = typed.strip().partition("/")[0]
        calls = "\n\n".join(c.to_text() for c in address_calls(address_text))
        self.calls.setPlainText(calls)
        body = "\n".join(filter(None, [report.to_text(), forms.to_text(), calls]))
        self.log.add(self.tr("Calculator {text}").format(text=report.typed), body)

    def network_rows(self, r: NetworkReport) -> list[tuple[str, str]]:
        rows = [
            (self.tr("Address"), str(r.address)),
            (self.tr("Network"), str(r.network)),
            (self.tr("Netmask"), str(r.netmask)),
            (self.tr("Wildcard"), str(r.wildcard)),
            (self.tr("Broadcast"), str(r.broadcast) if r.broadcast else "-"),
            (self.tr("First host"), str(r.first_host)),
            (self.tr("Last host"), str(r.last_host)),
            (self.tr("Hosts"), f"{r.host_count:,}"),
            (self.tr("Gateway (.1)"), str(r.gateway) if r.gateway else "-"),
            (self.tr("Flags"), ", ".join(r.flags)),
        ]
        if r.lenient_meaning:
            rows.insert(0, (self.tr("Really means"), r.lenient_meaning))
        if r.mapped_ipv4 is not None:
            rows.append((self.tr("IPv4 inside"), str(r.mapped_ipv4)))
        rows += [(self.tr("Special range"), net_text(row.describe())) for row in r.ranges]
        return rows

    def split(self) -> None:
        self.calculate()
        if self.report is None:
            return
        try:
            result = split(self.report.network, new_prefix=self.split_prefix.value())
        except AddressError as exc:
            self.show_status(self.error, net_text(exc.message), "error")
            return
        text = result.to_text()
        self.subnets.setPlainText(text)
        self.log.add(self.tr("Split {network}").format(network=str(result.network)), text)

    def supernet(self) -> None:
        parts = self.supernet_input.text().replace(",", " ").split()
        try:
            networks = parse_networks(parts)
            joined = common_supernet(networks)
        except AddressError as exc:
            self.show_status(self.error, net_text(exc.message), "error")
            return
        self.show_status(self.error, "")
        text = self.tr("{networks} are all in {supernet}").format(
            networks=", ".join(str(n) for n in networks), supernet=str(joined)
        )
        self.subnets.setPlainText(text)
        self.log.add(self.tr("Supernet"), text)
