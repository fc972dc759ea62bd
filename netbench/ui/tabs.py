"""The four tabs, in order. Tabs whose tools are not built yet show an honest empty state.

The builders are methods of a QObject so that their strings go through ``self.tr`` in
the "Tabs" context, where pyside6-lupdate finds them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from netbench.ui.widgets.empty_state import EmptyState

TAB_KEYS = ("server", "client", "http", "lookup")
PLACEHOLDER_KEYS = ("http",)  # tabs whose tools are not built yet


class Tabs(QObject):
    """Builds each tab's page and title; the class name is the translation context."""

    def http(self, parent: QWidget) -> tuple[QWidget, str]:
        title = self.tr("HTTP")
        page = EmptyState(
            "http",
            title,
            self.tr("Build a request and read the response, exactly as it went over the wire."),
            [
                self.tr("Method, URL, headers and body"),
                self.tr("The response pretty, and as raw bytes"),
                self.tr("Timings of every phase: DNS, connect, TLS, first byte, download"),
            ],
            parent,
        )
        return page, title


def build_tab(key: str, parent: QWidget) -> tuple[QWidget, str]:
    """The page and the tab title for ``key`` (the other tabs are built by the window)."""
    if key not in PLACEHOLDER_KEYS:
        raise ValueError(f"unknown tab {key!r}")
    builder = getattr(Tabs(), key)
    page, title = builder(parent)
    return page, title
