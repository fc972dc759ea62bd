"""Alt+letter reaches the main buttons and menus, in English and Chinese, and no letter
stands for two things on the same screen (the menu bar and the tab in view)."""

import re

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QAbstractButton

from netbench.ui.main_window import MainWindow
from netbench.ui.runtime.i18n import install_translators

MNEMONIC = re.compile(r"&([^&\s])")


def letters(texts):
    return [m.group(1).lower() for text in texts if (m := MNEMONIC.search(text.replace("&&", "")))]


def on_screen(window, tab):
    """Every mnemonic letter a person can press with ``tab`` in view."""
    window.tabs.setCurrentWidget(tab)
    menus = [a.text() for a in window.menuBar().actions()]
    buttons = [b.text() for b in tab.findChildren(QAbstractButton) if b.isVisibleTo(window)]
    return letters(menus), letters(buttons)


@pytest.fixture(params=["en", "zh_CN"])
def any_language_window(request, qapp, qtbot, qloop):
    chinese = request.param != "en"
    translation = install_translators(qapp, QLocale(request.param)) if chinese else None
    window = MainWindow()
    window.persist_settings = False
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()
    if translation is not None:
        translation.uninstall(qapp)


def test_the_main_buttons_and_menus_have_letters_that_never_clash(any_language_window):
    window = any_language_window
    menus, _ = on_screen(window, window.server_tab)
    assert len(menus) == 4  # File, Settings, Examples, Help
    for tab, prefix, names in (
        (window.server_tab, "server", ("start", "stop", "disconnect", "abort", "send")),
        (window.client_tab, "client", ("connect", "disconnect", "half_close", "abort", "send")),
    ):
        menus, buttons = on_screen(window, tab)
        pressed = menus + buttons
        assert len(pressed) == len(set(pressed)), sorted(pressed)
        for name in names:
            text = window.findChild(QAbstractButton, f"{prefix}.{name}").text()
            assert MNEMONIC.search(text), text
