"""The four tabs, in order. Tabs whose tools are not built yet show an honest empty state."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from netbench.ui.empty_state import EmptyState

TAB_KEYS = ("server", "client", "http", "lookup")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Tabs", text)


def build_tab(key: str, parent: QWidget) -> tuple[QWidget, str]:
    """The page and the tab title for ``key``."""
    if key == "server":
        return EmptyState(
            key,
            _tr("Server"),
            _tr("Listen for connections and see every peer and every byte they send."),
            [
                _tr("TCP, UDP, Unix stream and Unix datagram listeners"),
                _tr("A live table of peers with bytes and messages in and out"),
                _tr("Replies by hand or automatic: echo, upper-case, timestamp, rules, HTTP"),
                _tr("Framing that shows how TCP merges and splits messages (粘包)"),
            ],
            parent,
        ), _tr("Server")
    if key == "client":
        return EmptyState(
            key,
            _tr("Client"),
            _tr("Connect to a server and talk to it in text, escapes or hex."),
            [
                _tr("TCP, UDP, Unix and TLS connections"),
                _tr("Send once, repeat at a steady rate, save and replay messages"),
                _tr("Replies shown as text, hex or both, with timestamps"),
            ],
            parent,
        ), _tr("Client")
    if key == "http":
        return EmptyState(
            key,
            _tr("HTTP"),
            _tr("Build a request and read the response, exactly as it went over the wire."),
            [
                _tr("Method, URL, headers and body"),
                _tr("The response pretty, and as raw bytes"),
                _tr("Timings of every phase: DNS, connect, TLS, first byte, download"),
            ],
            parent,
        ), _tr("HTTP")
    if key == "lookup":
        return EmptyState(
            key,
            _tr("Lookup"),
            _tr("Names, addresses and ports: the questions asked before connecting."),
            [
                _tr("Names to addresses and back, and DNS records"),
                _tr("Services and ports, subnet maths and local interfaces"),
                _tr("Port checks"),
            ],
            parent,
        ), _tr("Lookup")
    raise ValueError(f"unknown tab {key!r}")
