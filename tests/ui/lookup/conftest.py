"""The Lookup tab's tests open the real window (both engine modes via ``window``) on the
Lookup tab; only loopback is ever contacted."""

import pytest


@pytest.fixture
def lookup(window):
    """The Lookup tab of a window, shown."""
    window.tabs.setCurrentWidget(window.lookup_tab)
    return window.lookup_tab


@pytest.fixture
def ui_lookup(open_window):
    """The Lookup tab of one window with networking on the UI loop, for pages that never
    touch the network (arithmetic, the services file)."""
    win = open_window()
    win.tabs.setCurrentWidget(win.lookup_tab)
    return win.lookup_tab
