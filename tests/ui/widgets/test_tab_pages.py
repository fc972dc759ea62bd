"""Pages under flat tabs: named, in order, and reached with Tab after their tab bar."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from netbench.ui.widgets.tab_pages import tab_pages


def _page(owner: QWidget, name: str) -> QWidget:
    page = QWidget(owner)  # made before the tab widget, as the tabs' builders do
    QLineEdit(page).setObjectName(name)
    return page


def test_tab_moves_from_the_tab_bar_into_the_pages_made_before_it(qtbot: Any) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    before = QLineEdit(owner)
    first, second = _page(owner, "first"), _page(owner, "second")
    tabs = tab_pages(owner, "test", "pages", "Pages", [(first, "One"), (second, "Two")])
    after = QLineEdit(owner)
    layout = QVBoxLayout(owner)
    for widget in (before, tabs, after):
        layout.addWidget(widget)
    owner.show()
    qtbot.waitExposed(owner)
    chain, widget = [], before.nextInFocusChain()
    while widget is not after:
        chain.append(widget.objectName())
        widget = widget.nextInFocusChain()
    assert chain.index("qt_tabwidget_tabbar") < chain.index("first") < chain.index("second")
    assert tabs.objectName() == "test.pages" and tabs.documentMode()
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["One", "Two"]
    assert tabs.widget(0) is first and tabs.widget(1) is second
