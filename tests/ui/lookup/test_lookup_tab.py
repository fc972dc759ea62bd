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


def test_the_chinese_window_renders_the_lookup_tab(qapp, qtbot, qloop):
    translation = install_translators(qapp, QLocale("zh_CN"))
    try:
        window = MainWindow(language=translation.language)
        window.persist_settings = False
        qtbot.addWidget(window)
        window.show()
        window.tabs.setCurrentWidget(window.lookup_tab)
        tab = window.lookup_tab
        titles = [tab.pages_widget.tabText(i) for i in range(tab.pages_widget.count())]
        assert titles == ["域名解析", "DNS", "服务与端口", "地址计算器", "本机", "端口扫描"]
        page = tab.show_page("calculator")
        page.cidr.setText("192.168.1.0/24")
        page.calculate()
        labels = [page.network.item(r, 0).text() for r in range(page.network.rowCount())]
        assert "子网掩码" in labels and "广播地址" in labels
        page.cidr.setText("010.1.1.1")
        page.calculate()
        assert "不是标准地址" in page.warning.text() and "8.1.1.1" in page.warning.text()
        page.cidr.setText("192.168.1x.0")
        page.calculate()
        assert "在第 9 个字符处" in page.error.text()
        tab.show_page("scan")
        assert find(window, "lookup.scan").text() == "扫描"
        assert not window.grab().isNull()
        window.close()
    finally:
        translation.uninstall(qapp)
