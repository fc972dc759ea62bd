"""Services and ports: name <-> port per protocol, the table to search, and port ranges.

Beside our answer (read once from the services file) stand ``getservbyname`` and
``getservbyport`` exactly as Python returns them, since those are the calls the lessons
make, and the range a port falls in: IANA's well-known, registered or dynamic, and
whether this system may pick it as the local port of an outgoing connection.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from netbench.core.lookup.services import (
    PortClass,
    Service,
    ephemeral_range,
    ephemeral_words,
    load_services,
    port_info,
)
from netbench.net.engine import Engine
from netbench.net.lookup.sockcalls import service_calls
from netbench.ui.lookup.page import LookupPage
from netbench.ui.runtime.net_text import net_text
from netbench.ui.widgets.layouts import column, labelled_row

MAX_SHOWN = 2000  # rows of the search table; the whole file when the search is empty


class ServicesPage(LookupPage):
    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__("services", engine, parent)
        self.services = load_services()
        self.last_text = ""
        self._build()
        self.search(self.search_box.text())

    def _build(self) -> None:
        self.service = self.named(
            QLineEdit("mysql", self), "service", self.tr("Service name or port number")
        )
        self.service.setPlaceholderText(self.tr("a name such as mysql, or a port such as 3306"))
        self.service.returnPressed.connect(self.look_up)
        self.protocol = self.named(QComboBox(self), "protocol", self.tr("Protocol"))
        for protocol in ("tcp", "udp"):
            self.protocol.addItem(protocol, protocol)
        self.run_button = self.button(
            self.tr("Look up"), "service_run", self.tr("Look the service up"), self.look_up
        )
        self.answer = self.text_view("service_answer", self.tr("The service and its port"))
        self.search_box = self.named(
            QLineEdit(self), "service_search", self.tr("Search the services table")
        )
        self.search_box.setPlaceholderText(self.tr("part of a name, alias or port"))
        self.search_box.textChanged.connect(self.search)
        self.table_view = self.table(
            "services",
            self.tr("Services table"),
            [self.tr("Name"), self.tr("Port"), self.tr("Protocol"), self.tr("Aliases")],
        )
        self.table_view.setSortingEnabled(True)
        self.table_view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.source = self.status_label("services_source")
        ephemeral = ephemeral_words(ephemeral_range())
        self.ephemeral = self.status_label("ephemeral")
        self.show_status(
            self.ephemeral,
            self.tr("This system's ephemeral ports (for outgoing connections): {range}").format(
                range=net_text(ephemeral)
            ),
        )
        self._lay_out()

    def _lay_out(self) -> None:
        ask = labelled_row(
            self, self.tr("Service or port"), (self.service, 2), self.protocol, self.run_button
        )
        search = labelled_row(self, self.tr("Search"), (self.search_box, 1), (self.source, 2))
        top = QSplitter(self)
        top.addWidget(self.answer)
        top.addWidget(column(self, search, self.table_view))
        top.setSizes([450, 550])
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(self.log)
        split.setSizes([340, 120])
        layout = QVBoxLayout(self)
        layout.addLayout(ask)
        layout.addWidget(self.ephemeral)
        layout.addWidget(split, 1)

    def class_words(self, port_class: PortClass) -> str:
        return {
            PortClass.WELL_KNOWN: self.tr("well-known (0-1023)"),
            PortClass.REGISTERED: self.tr("registered (1024-49151)"),
            PortClass.DYNAMIC: self.tr("dynamic or private (49152-65535)"),
        }[port_class]

    def look_up(self) -> None:
        text = self.service.text().strip()
        protocol = str(self.protocol.currentData())
        if not text:
            self.answer.setPlainText(self.tr("Type a service name or a port number"))
            return
        lines: list[str] = []
        if text.isdigit() and int(text) <= 65535:
            lines += self._port_lines(int(text), protocol)
        elif text.isdigit():
            lines.append(
                self.tr("{port} is not a port: ports go from 0 to 65535").format(port=text)
            )
        else:
            entries = self.services.by_name(text)
            if not entries:
                lines.append(self.tr("No service is called {name}").format(name=text))
            for entry in entries:
                lines += self._port_lines(entry.port, entry.protocol)
        lines.append("")
        lines += [call.to_text() for call in service_calls(text, protocol)]
        self.last_text = "\n".join(lines)
        self.answer.setPlainText(self.last_text)
        self.log.add(self.tr("Service {text}").format(text=text), self.last_text)

    def _port_lines(self, port: int, protocol: str) -> list[str]:
        info = port_info(port, protocol, self.services)
        names = ", ".join(s.to_text() for s in info.services) or self.tr("no service registered")
        lines = [f"{port}/{protocol}: {names}"]
        lines.append(self.tr("range: {range}").format(range=self.class_words(info.port_class)))
        if info.ephemeral is not None and port in info.ephemeral:
            lines.append(self.tr("this system may pick this port for outgoing connections"))
        return lines

    def search(self, text: str) -> None:
        found = self.services.search(text)
        rows = [_row(entry) for entry in found[:MAX_SHOWN]]
        self.fill(self.table_view, rows)
        self.show_status(
            self.source,
            self.tr("{shown} of {count} entries, from {source}").format(
                shown=len(rows), count=len(self.services.entries), source=self.services.source
            ),
        )


def _row(entry: Service) -> tuple[str, int, str, str]:
    return (entry.name, entry.port, entry.protocol, " ".join(entry.aliases))
