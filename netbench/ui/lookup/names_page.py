"""Names: this host's names, forward and reverse lookups through the system's resolver.

What ``getent ahosts`` and the tutorials show: every row getaddrinfo gives (family, socket
type, canonical name) in the order a connect would try them, and beside it the exact
Python results of ``gethostbyname``, ``gethostbyname_ex`` and ``gethostbyaddr``, because
a lesson's REPL output is what a learner compares with. Errors are the resolver's, in
words (``net.lookup.names`` phrases them).
"""

from __future__ import annotations

import socket
from functools import partial

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QWidget,
)

from netbench.net.engine import Engine
from netbench.net.lookup.names import (
    ForwardResult,
    HostNames,
    ReverseResult,
    forward_lookup,
    host_names,
    reverse_lookup,
    tutorial_calls,
)
from netbench.net.lookup.sockcalls import CallResult
from netbench.ui.lookup.page import LookupPage
from netbench.ui.runtime.net_text import net_text
from netbench.ui.widgets.layouts import labelled_row


class NamesPage(LookupPage):
    """The Names page. ``host_names`` are read once, when the page is first shown; the
    other ``last_*`` are the results on show, each from its own button."""

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__("names", engine, parent)
        self.host_names: HostNames | None = None
        self.last_forward: ForwardResult | None = None
        self.last_calls: tuple[CallResult, ...] = ()
        self.last_reverse: ReverseResult | None = None
        self._build()

    def _build(self) -> None:
        self.this_host = self.status_label("this_host")
        self.show_status(self.this_host, self.tr("This host: …"))
        self.name = self.named(QLineEdit("localhost", self), "name", self.tr("Name to look up"))
        self.name.setPlaceholderText(self.tr("a name such as localhost or example.com"))
        self.name.returnPressed.connect(self.resolve)
        self.family = self.named(QComboBox(self), "family", self.tr("Address family"))
        self.family.addItem(self.tr("IPv4 and IPv6"), int(socket.AF_UNSPEC))
        self.family.addItem(self.tr("IPv4 only"), int(socket.AF_INET))
        self.family.addItem(self.tr("IPv6 only"), int(socket.AF_INET6))
        self.resolve_button = self.button(
            self.tr("Look up"), "resolve", self.tr("Look the name up"), self.resolve
        )
        self.status = self.status_label("names_status")
        self.addresses = self.table(
            "addresses",
            self.tr("Addresses of the name, in the system's order"),
            [
                "#",
                self.tr("Address"),
                self.tr("Family"),
                self.tr("Socket type"),
                self.tr("Protocol"),
                self.tr("Canonical name"),
            ],
        )
        self.tutorials = self.text_view(
            "tutorials", self.tr("gethostbyname, gethostbyname_ex and gethostbyaddr results")
        )
        self.reverse_address = self.named(
            QLineEdit("127.0.0.1", self), "reverse_address", self.tr("Address to name")
        )
        self.reverse_address.returnPressed.connect(self.reverse)
        self.reverse_button = self.button(
            self.tr("Reverse lookup"),
            "reverse",
            self.tr("Find the name of the address"),
            self.reverse,
        )
        self.reverse_status = self.status_label("reverse_status")
        self._lay_out()

    def _lay_out(self) -> None:
        query = labelled_row(
            self, self.tr("Name"), (self.name, 3), self.family, self.resolve_button
        )
        reverse = labelled_row(
            self,
            self.tr("Address"),
            (self.reverse_address, 2),
            self.reverse_button,
            (self.reverse_status, 3),
        )
        self.lay_out_over_log(
            [self.this_host, query, self.status, reverse],
            (self.addresses, self.tutorials),
            (600, 400),
            (300, 160),
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.host_names is None and not self.busy:
            self.ask(host_names, self.show_host_names, name="lookup host names")

    def show_host_names(self, names: HostNames) -> None:
        self.host_names = names
        self.show_status(
            self.this_host,
            self.tr("This host: {name}   FQDN: {fqdn}").format(
                name=names.hostname, fqdn=names.fqdn
            ),
        )

    # -- forward ----------------------------------------------------------------------------

    def resolve(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.show_status(self.status, self.tr("Type a name to look up"), "error")
            return
        family = int(self.family.currentData())
        self.show_status(self.status, self.tr("Looking up {name}…").format(name=name))
        self.ask(partial(forward_lookup, name, family), self.show_forward, name="lookup forward")
        self.ask(
            partial(tutorial_calls, name), self.show_calls, self.show_calls_failed, "lookup calls"
        )

    def show_forward(self, result: ForwardResult) -> None:
        self.last_forward = result
        rows = [
            (i.index, i.address, i.family, i.socktype, i.protocol, i.canonname)
            for i in result.infos
        ]
        self.fill(self.addresses, rows)
        took = f"{result.seconds * 1000:.1f}"
        if result.error:
            self.show_status(self.status, net_text(result.error), "error")
        else:
            self.show_status(
                self.status,
                self.tr(
                    "{count} rows, {unique} addresses, canonical name {canon} ({ms} ms)"
                ).format(
                    count=len(result.infos),
                    unique=len(result.addresses),
                    canon=result.canonical_name or "-",
                    ms=took,
                ),
                "ok",
            )
        self.log.add(self.tr("getaddrinfo {name}").format(name=result.name), result.to_text())

    def show_calls(self, calls: tuple[CallResult, ...]) -> None:
        self.last_calls = calls
        text = "\n\n".join(c.to_text() for c in calls)
        self.tutorials.setPlainText(text)
        self.log.add(self.tr("The socket module's answers"), text)

    def show_calls_failed(self, exc: BaseException) -> None:
        self.tutorials.setPlainText(self.tr("no answer: {reason}").format(reason=str(exc)))

    # -- reverse ----------------------------------------------------------------------------

    def reverse(self) -> None:
        address = self.reverse_address.text().strip()
        if not address:
            self.show_status(self.reverse_status, self.tr("Type an address"), "error")
            return
        self.show_status(self.reverse_status, self.tr("Looking up…"))
        self.ask(partial(reverse_lookup, address), self.show_reverse, name="lookup reverse")

    def show_reverse(self, result: ReverseResult) -> None:
        self.last_reverse = result
        if result.error:
            self.show_status(self.reverse_status, net_text(result.error), "error")
        else:
            self.show_status(self.reverse_status, result.name, "ok")
        self.log.add(
            self.tr("getnameinfo {address}").format(address=result.address), result.to_text()
        )
