"""The main window as a person meets it: tabs, menus, names, About, settings, errors."""

import logging
import platform
from pathlib import Path

import PySide6
import pytest
from helpers import interactive_widgets
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QPushButton

from netbench.ui.main_window import MainWindow
from netbench.ui.runtime.error_reporting import ErrorReporter


@pytest.fixture
def window(qtbot, qloop):
    QSettings().clear()
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def test_five_tabs_in_order_all_built(window):
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["Server", "Client", "HTTP", "Lookup", "Lessons"]
    assert window.findChild(object, "server.start") is not None
    assert window.findChild(object, "client.connect") is not None
    assert window.findChild(object, "client.empty_state") is None
    assert window.findChild(object, "http.url") is not None
    assert window.findChild(object, "lookup.query") is not None
    assert window.findChild(object, "http.empty_state") is None
    assert window.findChild(object, "lookup.empty_state") is None


def test_every_interactive_widget_has_a_unique_name_and_an_accessible_name(window):
    widgets = interactive_widgets(window)
    assert widgets, "nothing found to check"
    names = [w.objectName() for w in widgets]
    assert all("." in name for name in names), names
    assert len(names) == len(set(names)), names
    missing = [w.objectName() for w in widgets if not w.accessibleName()]
    assert missing == []


def test_menus_offer_quit_settings_and_about(window):
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["File", "Settings", "Examples", "Help"]
    for name in ("main.action_quit", "main.action_about", "main.action_io_thread"):
        assert window.findChild(object, name) is not None


def test_about_opens_without_blocking_and_lists_versions_and_language(window, qtbot):
    window.findChild(object, "main.action_about").trigger()
    about = window.findChild(object, "main.about")
    qtbot.waitUntil(about.isVisible)
    text = about.informativeText()
    for expected in (platform.python_version(), PySide6.__version__, "qasync", "UI language"):
        assert expected in text
    about.close()


def test_geometry_and_last_tab_come_back_next_time(qtbot, qloop):
    QSettings().clear()
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    # A size the window can take whatever the fonts: its minimum height plus a margin. (The
    # offscreen screen is narrower than the window, so a restored width is held to the minimum.)
    hint = first.minimumSizeHint()
    first.resize(hint.width(), hint.height() + 41)
    size = (first.width(), first.height())
    first.tabs.setCurrentIndex(2)
    first.close()

    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    assert second.tabs.currentIndex() == 2
    assert (second.width(), second.height()) == size
    second.close()


def test_io_thread_setting_is_remembered(window):
    window.io_thread_action.setChecked(True)
    assert MainWindow.saved_engine_mode().value == "io-thread"
    window.io_thread_action.setChecked(False)
    assert MainWindow.saved_engine_mode().value == "ui-loop"


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_a_banner_and_goes_to_the_log(window, qtbot, tmp_path):
    log_file = tmp_path / "netbench.log"
    handler = logging.FileHandler(log_file)
    logging.getLogger().addHandler(handler)
    reporter = ErrorReporter()
    reporter.error_reported.connect(window.on_error_reported)
    import sys

    saved_hook = sys.excepthook
    reporter.install()
    try:
        button = QPushButton()
        qtbot.addWidget(button)

        def broken():
            raise ValueError("the slot broke")

        button.clicked.connect(broken)
        button.click()
        qtbot.waitUntil(window.error_banner.isVisible)
    finally:
        sys.excepthook = saved_hook
        logging.getLogger().removeHandler(handler)
        handler.close()
    assert "the slot broke" in window.error_banner.message.text()
    logged = Path(log_file).read_text()
    assert "Traceback" in logged
    assert "ValueError: the slot broke" in logged
    window.error_banner.dismiss.click()
    assert not window.error_banner.isVisible()


def test_a_failed_engine_task_reaches_the_banner(window, qtbot, qloop, pump):
    reporter = ErrorReporter()
    reporter.error_reported.connect(window.on_error_reported)
    qloop.set_exception_handler(reporter.on_loop_exception)
    window.engine.start(qloop)

    async def failing():
        raise RuntimeError("background work failed")

    window.engine.spawn(failing())
    pump(window.error_banner.isVisible, 5)
    assert "background work failed" in window.error_banner.message.text()


def test_cjk_text_renders_in_labels(window):
    from PySide6.QtGui import QFontMetrics

    metrics = QFontMetrics(window.font())
    assert metrics.inFontUcs4(ord("你"))


def test_examples_menu_has_a_submenu_per_tab_with_examples(window):
    menu = window.findChild(object, "main.examples_menu")
    assert [a.text() for a in menu.actions()] == ["Server", "Client", "HTTP", "Server and client"]
    for name in ("main.example_server_http_site", "main.example_http_head"):
        assert window.findChild(object, name) is not None
