"""The socket panel: what the tutorials teach about a socket, read from the real one.

Addresses a name resolved to (and which was used), family, type, local and peer address,
file descriptor, options, and for TLS the version, cipher, ALPN and peer certificate.
Certificate fields are long, so each gets a line of its own under its name, and the panel
scrolls rather than widening the window.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from netbench.net.socket_info import SocketInfo, TlsInfo
from netbench.ui.runtime.net_text import net_text
from netbench.ui.widgets.colors import WARNING_COLOR
from netbench.ui.widgets.naming import name_widget

MUTED = "color:palette(mid)"


class SocketInfoView(QGroupBox):
    """A titled box with the socket's facts; ``show_info(None)`` says how to get some."""

    def __init__(self, prefix: str, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Socket"))
        self.empty_text = empty_text
        self.info: SocketInfo | None = None
        self.label = name_widget(QLabel(self), prefix, "info", self.tr("Socket information"))
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = name_widget(QScrollArea(self), prefix, "info_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(scroll)
        self.setMinimumWidth(260)
        self.show_info(None)

    def show_info(self, info: SocketInfo | None) -> None:
        self.info = info
        if info is None:
            self.label.setText(self.empty_text)
            return
        rows: list[tuple[str, str]] = []
        if info.resolved:
            rows.append((self.tr("Resolved to"), self._resolved_html(info.resolved)))
        rows += [
            (
                self.tr("Connected to"),
                html.escape(info.peer) if info.peer else self.tr("nobody: it listens"),
            ),
            (self.tr("Local address"), html.escape(net_text(info.local))),
            (self.tr("Family · type"), f"{info.family} · {info.type}"),
            (self.tr("File descriptor"), str(info.fd)),
        ]
        rows += [(name, html.escape(net_text(value))) for name, value in info.options]
        cells = "".join(
            f"<tr><td style='{MUTED}; padding-right:8px'>{html.escape(name)}</td>"
            f"<td>{value}</td></tr>"
            for name, value in rows
        )
        text = f"<table cellspacing='2'>{cells}</table>"
        if info.tls is not None:
            text += self._tls_html(info.tls)
        self.label.setText(text)

    def _resolved_html(self, resolved: Sequence[str]) -> str:
        return (
            "<br>".join(html.escape(net_text(line)) for line in resolved)
            + f"<br><span style='{MUTED}'>"
            + self.tr("tried in the system's order of preference")
            + "</span>"
        )

    def _tls_html(self, tls: TlsInfo) -> str:
        verified = (
            self.tr("verified")
            if tls.verified
            else f"<b style='color:{WARNING_COLOR}'>{self.tr('NOT verified')}</b>"
        )
        groups = tls.fingerprint.split(":")
        fingerprint = "<br>".join(":".join(groups[i : i + 8]) for i in range(0, len(groups), 8))
        items = [
            (self.tr("TLS"), f"{html.escape(tls.version)} · {verified}"),
            (self.tr("Cipher"), breakable(tls.cipher, "_")),
            (self.tr("ALPN"), html.escape(tls.alpn) if tls.alpn else self.tr("none negotiated")),
            (
                self.tr("Client certificate"),
                self.tr("presented") if tls.client_certificate else self.tr("none sent"),
            ),
            (self.tr("Subject"), breakable(tls.subject, ",")),
            (self.tr("Issuer"), breakable(tls.issuer, ",")),
            (
                self.tr("Valid"),
                self.tr("from {start}<br>until {end}").format(
                    start=html.escape(tls.not_before), end=html.escape(tls.not_after)
                ),
            ),
            (self.tr("SHA-256 fingerprint"), f"<tt>{fingerprint}</tt>"),
        ]
        return "".join(
            f"<p style='margin-top:6px'><span style='{MUTED}'>{html.escape(name)}"
            f"</span><br>{value}</p>"
            for name, value in items
        )


def breakable(text: str, after: str) -> str:
    """Escaped ``text`` that may wrap after each ``after`` (a zero-width space)."""
    return html.escape(text).replace(after, after + "\u200b")
