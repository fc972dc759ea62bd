"""Pages under flat tabs, as the window's own tabs look: a request's and a response's
pages, the Lookup tab's tools, a DNS answer's raw forms.

Each was a named tab widget set to document mode and filled a page at a time; one call
makes it from the pages and their titles.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QTabWidget, QWidget

from netbench.ui.widgets.naming import name_widget


def tab_pages(
    parent: QWidget,
    prefix: str,
    control: str,
    accessible: str,
    pages: Iterable[tuple[QWidget, str]],
) -> QTabWidget:
    """A tab widget named ``prefix.control`` in document mode (flat, no frame around the
    page), holding each page under its title, in order."""
    tabs = name_widget(QTabWidget(parent), prefix, control, accessible)
    tabs.setDocumentMode(True)
    for page, title in pages:
        # Tab goes to the tab bar, then into its page: a page made before the tab widget
        # would otherwise come first in the focus chain, which a new parent reorders.
        page.setParent(None)
        tabs.addTab(page, title)
    return tabs
