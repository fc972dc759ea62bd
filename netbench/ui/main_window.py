"""The main window: five tabs, menus, a status bar and the error banner.

Signals:
    closed(): the window has closed; the application shuts its engine down and exits.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QTabWidget, QVBoxLayout, QWidget

from netbench.core.escapes import encode_escapes
from netbench.core.lessons.steps import Lesson, ResultTab, lessons
from netbench.core.payload import InputMode
from netbench.core.resources import resource_path
from netbench.net.engine import Engine, EngineMode
from netbench.net.socket_kinds import SocketKind
from netbench.ui.client.client_tab import ClientTab
from netbench.ui.http.http_tab import HttpTab
from netbench.ui.lessons.lessons_tab import LessonsTab
from netbench.ui.lessons_wiring import LessonDriver
from netbench.ui.lookup.lookup_tab import LookupTab
from netbench.ui.runtime.bridge import EventBridge
from netbench.ui.runtime.net_text import net_text
from netbench.ui.runtime.tasks import start_task
from netbench.ui.sending.saved_store import SnippetStore, default_data_dir, default_snippets_path
from netbench.ui.server.server_tab import ServerTab
from netbench.ui.widgets.about_dialog import AboutDialog
from netbench.ui.widgets.error_banner import ErrorBanner

# The tabs in order; the saved settings name the last one shown.
TAB_KEYS = ("server", "client", "http", "lookup", "lessons")
SETTINGS_GEOMETRY = "window/geometry"
SETTINGS_TAB = "window/tab"
SETTINGS_ENGINE = "engine/mode"
# The Lessons tab's steps the Examples menu offers as server and client pairs.
PAIR_EXAMPLES = ("hear_me", "sticky_delimiter", "sticky_length", "sticky_delay")


class MainWindow(QMainWindow):
    closed = Signal()

    def __init__(
        self,
        engine: Engine | None = None,
        language: str = "English",
        log_path: str = "",
        parent: QWidget | None = None,
        data_dir: Path | None = None,
    ) -> None:
        """`data_dir` holds the saved messages; None is the user's data directory.

        Anything that builds a window the user is not working in (screenshots, the
        self-test) passes a throwaway folder, so the user's list is never read, set aside
        as unreadable or written by it.
        """
        super().__init__(parent)
        self.setObjectName("main.window")
        self.setWindowTitle(self.tr("netbench"))
        self.setWindowIcon(QIcon(str(resource_path("netbench.svg"))))
        self.engine = engine or Engine()
        self.language = language
        self.log_path = log_path
        self.persist_settings = True
        self.bridge = EventBridge(self.engine, self)
        self._about: AboutDialog | None = None

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        self.error_banner = ErrorBanner(central)
        self.error_banner.log_path = log_path
        self.tabs = QTabWidget(central)
        self.tabs.setObjectName("main.tabs")
        self.tabs.setAccessibleName(self.tr("Tools"))
        self.tabs.setDocumentMode(True)
        # One list of saved messages for every sender in the window.
        self.snippets = SnippetStore(default_snippets_path(data_dir), self)
        self.server_tab = ServerTab(self.engine, self.tabs, self.snippets)
        self.tabs.addTab(self.server_tab, self.tr("Server"))
        self.client_tab = ClientTab(self.engine, self.tabs, self.snippets)
        self.tabs.addTab(self.client_tab, self.tr("Client"))
        self.http_tab = HttpTab(self.engine, data_dir or default_data_dir(), self.tabs)
        self.http_tab.local_site = lambda: self.server_tab.run_example("http_site")
        self.tabs.addTab(self.http_tab, self.tr("HTTP"))
        self.lookup_tab = LookupTab(self.engine, self.tabs)
        self.tabs.addTab(self.lookup_tab, self.tr("Lookup"))
        self.lookup_tab.open_client_requested.connect(self.open_client_session)
        driver = LessonDriver(
            self.tabs, self.server_tab, self.client_tab, self.lookup_tab, self.show_status
        )
        self.lessons_tab = LessonsTab(self.engine, driver, self.tabs)
        # The Examples menu's server and client pairs keep their own sockets apart from
        # the Lessons tab's: a pair started from the menu stops only the previous pair.
        self.pair_driver = LessonDriver(
            self.tabs, self.server_tab, self.client_tab, self.lookup_tab, self.show_status
        )
        self.tabs.addTab(self.lessons_tab, self.tr("Lessons"))
        self.http_tab.open_client_requested.connect(self.open_client_session)
        for tab in (self.server_tab, self.client_tab):
            for panel in tab.panels.values():
                self.on_panel_added(panel)
            tab.panel_added.connect(self.on_panel_added)
        self.bridge.subscribe("server-", self.server_tab)
        self.bridge.subscribe("client-", self.client_tab)
        self.bridge.subscribe("http-", self.http_tab)
        layout.addWidget(self.error_banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self._build_status_bar()
        self._restore_settings()
        self.bridge.start()

    # -- construction -----------------------------------------------------------------------

    def _build_menus(self) -> None:
        self.menuBar().setObjectName("main.menu_bar")
        self.menuBar().setAccessibleName(self.tr("Menu bar"))
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setObjectName("main.action_quit")
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        settings_menu = self.menuBar().addMenu(self.tr("Se&ttings"))
        self.io_thread_action = QAction(self.tr("Run networking on an &IO thread"), self)
        self.io_thread_action.setObjectName("main.action_io_thread")
        self.io_thread_action.setCheckable(True)
        self.io_thread_action.setChecked(self.saved_engine_mode() is EngineMode.IO_THREAD)
        self.io_thread_action.setToolTip(
            self.tr("Faster under floods; takes effect the next time netbench starts")
        )
        self.io_thread_action.toggled.connect(self.on_io_thread_action_toggled)
        settings_menu.addAction(self.io_thread_action)

        self._build_examples_menu()

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about_action = QAction(self.tr("&About netbench"), self)
        about_action.setObjectName("main.action_about")
        about_action.triggered.connect(self.show_about)
        help_menu.addAction(about_action)

    def _build_examples_menu(self) -> None:
        """Every tab's examples, a submenu per tab; one switches to its tab and starts."""
        menu = self.menuBar().addMenu(self.tr("E&xamples"))
        menu.setObjectName("main.examples_menu")
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            examples = getattr(tab, "examples", None)
            if not examples:
                continue
            name = self.tabs.tabText(index)
            submenu = menu.addMenu(name.replace("&", "&&"))
            for key, example in examples.items():
                title = net_text(example.title)  # marked in its tab's own context
                action = submenu.addAction(title)
                action.setObjectName(f"main.example_{getattr(tab, 'key', index)}_{key}")
                action.triggered.connect(
                    lambda _=False, t=tab, k=key, words=f"{name}: {title}": self.start_example(
                        t, k, words
                    )
                )

        self._build_pair_examples(menu)

    def _build_pair_examples(self, menu: QMenu) -> None:
        """The tutorials' server and client pairs: the Lessons tab's steps, started from
        the menu in one click each (a server, a session that connects and sends)."""
        submenu = menu.addMenu(self.tr("Server and client"))
        submenu.setObjectName("main.examples_pairs")
        steps = {lesson.key: lesson for lesson in lessons()}
        for key in PAIR_EXAMPLES:
            lesson = steps[key]
            action = submenu.addAction(net_text(lesson.title))
            action.setObjectName(f"main.example_pair_{key}")
            action.triggered.connect(
                lambda _=False, chosen=lesson: start_task(
                    self.start_pair(chosen), name=f"example {chosen.key}"
                )
            )

    async def start_pair(self, lesson: Lesson) -> bool:
        """Start the pair's server, then its sessions; show the result and say what started."""
        driver = self.pair_driver
        await driver.reset()
        assert lesson.server is not None
        endpoint = await driver.start_server(lesson.server, os.getcwd())
        if endpoint is None:
            driver.show_result(ResultTab.SERVER)
            return False
        for client in lesson.clients:
            if not await driver.start_client(lesson.server.kind, endpoint, client):
                driver.show_result(ResultTab.CLIENT)
                return False
        driver.show_result(lesson.result_tab)
        where = endpoint.path or f"127.0.0.1:{endpoint.port}"
        self.statusBar().showMessage(
            self.tr("Example started: {what} · server on {where}, client connected").format(
                what=net_text(lesson.title), where=where
            ),
            15000,
        )
        return True

    def start_example(self, tab: QWidget, key: str, words: str) -> None:
        self.tabs.setCurrentWidget(tab)
        tab.run_example(key)  # type: ignore[attr-defined]  # every tab with examples has it
        self.statusBar().showMessage(self.tr("Example started: {what}").format(what=words), 10000)

    def _build_status_bar(self) -> None:
        mode_text = {
            EngineMode.UI_LOOP: self.tr("Networking on the UI loop"),
            EngineMode.IO_THREAD: self.tr("Networking on an IO thread"),
        }[self.engine.mode]
        self.engine_label = QLabel(mode_text, self)
        self.engine_label.setObjectName("main.engine_mode")
        self.statusBar().addPermanentWidget(self.engine_label)
        self.statusBar().showMessage(self.tr("Ready"))

    # -- settings ---------------------------------------------------------------------------

    @staticmethod
    def saved_engine_mode() -> EngineMode:
        value = QSettings().value(SETTINGS_ENGINE, EngineMode.UI_LOOP.value)
        try:
            return EngineMode(str(value))
        except ValueError:
            return EngineMode.UI_LOOP

    def _restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value(SETTINGS_GEOMETRY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1180, 760)
        tab = settings.value(SETTINGS_TAB, TAB_KEYS[0])
        if tab in TAB_KEYS:
            self.tabs.setCurrentIndex(TAB_KEYS.index(str(tab)))

    def _save_settings(self) -> None:
        settings = QSettings()
        settings.setValue(SETTINGS_GEOMETRY, self.saveGeometry())
        settings.setValue(SETTINGS_TAB, TAB_KEYS[self.tabs.currentIndex()])
        settings.sync()

    # -- slots ------------------------------------------------------------------------------

    def on_io_thread_action_toggled(self, checked: bool) -> None:
        mode = EngineMode.IO_THREAD if checked else EngineMode.UI_LOOP
        QSettings().setValue(SETTINGS_ENGINE, mode.value)
        self.statusBar().showMessage(
            self.tr("The networking mode changes the next time netbench starts"), 8000
        )

    def on_error_reported(self, summary: str) -> None:
        self.error_banner.show_error(summary)

    def open_client_session(self, host: str, port: int, protocol: str, data: object = b"") -> None:
        """An idle Client session, filled in, to connect: a socket the Lookup tab found, or
        the HTTP tab's request with its exact bytes in the editor (escapes shown)."""
        panel = self.client_tab.idle_panel()
        kind = SocketKind(protocol) if protocol in ("udp", "tls") else SocketKind.TCP
        if isinstance(data, bytes) and data:
            panel.editor.set_payload(encode_escapes(data, "utf-8"), InputMode.ESCAPES)
        panel.form.kind.setCurrentIndex(panel.form.kind.findData(kind.value))
        panel.form.host.setText(host)
        panel.form.port.setText(str(port))
        self.tabs.setCurrentWidget(self.client_tab)

    def on_panel_added(self, panel: QWidget) -> None:
        """A listener's or a session's ladder leads from TIME_WAIT to a lesson."""
        panel.lesson_requested.connect(self.open_lesson)  # type: ignore[attr-defined]

    def open_lesson(self, key: str) -> None:
        self.lessons_tab.select(key)
        self.tabs.setCurrentWidget(self.lessons_tab)

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 15000)

    def show_about(self) -> None:
        mode = self.engine.mode.value
        self._about = AboutDialog(self, self.language, mode, self.log_path)
        self._about.open()

    def event(self, event: QEvent) -> bool:
        """A repaint of the window takes its turn before an IO thread's readers (see
        ``ReadGate.ui_turn``); on the UI loop the readers are on this thread anyway."""
        if event.type() == QEvent.Type.UpdateRequest and self.engine.mode is EngineMode.IO_THREAD:
            with self.engine.gate.ui_turn():
                return super().event(event)
        return super().event(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.persist_settings:
            self._save_settings()
        self.bridge.stop()
        self.server_tab.close_files()
        self.client_tab.close_files()
        self.http_tab.close_files()
        self.lookup_tab.close_files()
        self.lessons_tab.close_files()
        super().closeEvent(event)
        self.closed.emit()
