"""The tab as a whole: pages, names, closing, and the window in Chinese."""

from collections import Counter

from helpers import find, interactive_widgets
from PySide6.QtCore import QLocale

from netbench.ui.lookup.lookup_tab import PAGE_KEYS
from netbench.ui.main_window import MainWindow
from netbench.ui.runtime.i18n import install_translators


def test_the_pages_and_the_names_the_issue_asks_for(ui_lookup):
    titles = [ui_lookup.pages_widget.tabText(i) for i in range(ui_lookup.pages_widget.count())]
    assert titles == [
        "Names",
        "DNS",
        "Services && ports",
        "Address calculator",
        "This machine",
        "Port check",
    ]
    assert len(titles) == len(PAGE_KEYS)
    for name in ("query", "kind", "server", "run", "results", "ports", "scan", "cidr"):
        find(ui_lookup, f"lookup.{name}")
    widgets = interactive_widgets(ui_lookup)
    names = Counter(w.objectName() for w in widgets)
    assert [n for n, count in names.items() if count > 1] == []
    assert all(n.startswith("lookup.") for n in names)
    assert [w.objectName() for w in widgets if not w.accessibleName()] == []
