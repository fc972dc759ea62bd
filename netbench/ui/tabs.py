"""The four tabs, in order. Tabs whose tools are not built yet show an honest empty state.

The builders are methods of a QObject so that their strings go through ``self.tr`` in
the "Tabs" context, where pyside6-lupdate finds them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from netbench.ui.widgets.empty_state import EmptyState

TAB_KEYS = ("server", "client", "http", "lookup")


class Tabs(QObject):
    """Builds each tab's page and title; the class name is the translation context."""

    def lookup(self, parent: QWidget) -> tuple[QWidget, str]:
        title = self.tr("Lookup")
        page = EmptyState(
            "lookup",
            title,
            self.tr("Names, addresses and ports: the questions asked before connecting."),
            [
                self.tr("Names to addresses and back, and DNS records"),
                self.tr("Services and ports, subnet maths and local interfaces"),
                self.tr("Port checks"),
            ],
            parent,
        )
        return page, title


def build_tab(key: str, parent: QWidget) -> tuple[QWidget, str]:
    """The page and the tab title for ``key`` (the Server, Client and HTTP tabs are built by
    the window)."""
    if key not in TAB_KEYS[3:]:
        raise ValueError(f"unknown tab {key!r}")
    builder = getattr(Tabs(), key)
    page, title = builder(parent)
    return page, title
