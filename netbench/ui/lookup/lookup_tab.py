"""The Lookup tab: the questions asked before connecting, one page each.

Names (the system's resolver), DNS (a server asked directly), Services & ports, the
Address calculator, This machine and Port check. Unlike the Server and Client tabs this
is not a frame of closable sessions: each page is one tool that is always there, with its
own history. The tab reports nothing through the event bridge (pages await their answers
and poll a scan's progress), so the window has nothing to subscribe for it.

Control names: every control is ``lookup.<control>``. ``lookup.query``, ``lookup.kind``,
``lookup.server``, ``lookup.run`` and ``lookup.results`` are the DNS page's name, type,
server, Ask button and records table; the Names page's name field is ``lookup.name``;
``lookup.cidr`` is the calculator's input; ``lookup.ports`` and ``lookup.scan`` the port
check's ports and its Check button.

Signals:
    open_client_requested(str host, int port, str protocol): from This machine.
"""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from netbench.net.engine import Engine
from netbench.ui.lookup.calculator_page import CalculatorPage
from netbench.ui.lookup.dns_page import DnsPage
from netbench.ui.lookup.machine_page import MachinePage
from netbench.ui.lookup.names_page import NamesPage
from netbench.ui.lookup.page import LookupPage
from netbench.ui.lookup.scan_page import ScanPage
from netbench.ui.lookup.services_page import ServicesPage

PAGE_KEYS = ("names", "dns", "services", "calculator", "machine", "scan")


class LookupTab(QWidget):
    open_client_requested = Signal(str, int, str)

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lookup.tab")
        self.engine = engine
        self.pages_widget = QTabWidget(self)
        self.pages_widget.setObjectName("lookup.pages")
        self.pages_widget.setAccessibleName(self.tr("Lookup tools"))
        self.pages_widget.setDocumentMode(True)
        self.names = NamesPage(engine, self.pages_widget)
        self.dns = DnsPage(engine, self.pages_widget)
        self.services = ServicesPage(engine, self.pages_widget)
        self.calculator = CalculatorPage(engine, self.pages_widget)
        self.machine = MachinePage(engine, self.pages_widget)
        self.scan = ScanPage(engine, self.pages_widget)
        titles = (
            self.tr("Names"),
            self.tr("DNS"),
            self.tr("Services && ports"),
            self.tr("Address calculator"),
            self.tr("This machine"),
            self.tr("Port check"),
        )
        for page, title in zip(self.pages, titles, strict=True):
            self.pages_widget.addTab(page, title)
        self.machine.open_client_requested.connect(self.open_client_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.pages_widget)

    @property
    def pages(self) -> tuple[LookupPage, ...]:
        return (self.names, self.dns, self.services, self.calculator, self.machine, self.scan)

    def show_page(self, key: str) -> LookupPage:
        page = self.pages[PAGE_KEYS.index(key)]
        self.pages_widget.setCurrentWidget(page)
        return page

    async def show_example(self, timeout: float = 3.0) -> None:
        """The Names page with ``localhost`` looked up (the hosts file answers): what the
        screenshots show."""
        self.show_page("names")
        self.names.name.setText("localhost")
        self.names.resolve()
        await self.names.settle(timeout)

    async def shutdown(self) -> None:
        """Stop every lookup and check still running; a scan closes its sockets first."""
        await asyncio.gather(*(page.shutdown() for page in self.pages))

    def close_files(self) -> None:
        """The window closes: dialogs go, and answers still due are no longer awaited."""
        for page in self.pages:
            page.close_files()
