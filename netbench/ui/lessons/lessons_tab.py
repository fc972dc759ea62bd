"""The Lessons tab (教程): the tutorials' experiments, one step each, one click to set up.

Why a tab and not a dock: a step's code and its program's output need the window's width
to be read, and a step switches to the tab where its result shows (Server, Client, HTTP or
Lookup), which then has the whole window too; the Lessons tab keeps its place, one click
away. The window hands it a :class:`LessonHost` to drive the other tabs, which it never
imports.

A step says what to notice, shows the tutorial's own Python (client or server program), and
runs the client program as a real separate process against the server netbench started.
"""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from netbench.core.lessons.steps import Endpoint, Lesson, ResultTab, lessons
from netbench.net.engine import Engine
from netbench.net.programs import ProgramResult, can_run_python, run_python
from netbench.ui.lessons.host import LessonHost
from netbench.ui.runtime.net_text import net_text
from netbench.ui.runtime.tasks import start_task
from netbench.ui.widgets.naming import name_widget

KIND_LABELS = {"tcp": "TCP", "udp": "UDP", "unix": "Unix"}
# The step list's width bounds (px): the longest title, but never crowding the code out.
_STEP_LIST_NARROWEST = 300
_STEP_LIST_WIDEST = 400


class LessonsTab(QWidget):
    key = "lessons"

    def __init__(self, engine: Engine, host: LessonHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lessons.tab")
        self.engine = engine
        self.host = host
        self.lessons = lessons()
        # Unix socket paths (the tutorial's ./sock) are made absolute against this folder.
        self.directory = Path.cwd()
        # The step whose server runs now, and where it really listens.
        self.active: Lesson | None = None
        self.endpoint = Endpoint()
        self.task: asyncio.Task[object] | None = None
        self.result: ProgramResult | None = None
        self._build()
        self.steps.setCurrentRow(0)

    # -- construction -----------------------------------------------------------------------

    def _build(self) -> None:
        self.steps = name_widget(QListWidget(self), "lessons", "step_list", self.tr("Steps"))
        for number, lesson in enumerate(self.lessons, start=1):
            self.steps.addItem(f"{number}. {net_text(lesson.title)}")
        self.steps.setMinimumWidth(self._step_list_width())
        self.steps.setWordWrap(True)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.currentRowChanged.connect(self.on_step_changed)

        self.title = QLabel(self)
        self.title.setObjectName("lessons.title")
        self.title.setStyleSheet("font-weight: bold; font-size: 120%")
        self.notice = QLabel(self)
        self.notice.setObjectName("lessons.notice")
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.set_up = name_widget(
            QPushButton(self.tr("Set up this step"), self), "lessons", "set_up"
        )
        self.set_up.setAccessibleName(self.tr("Set up this step"))
        self.set_up.setToolTip(
            self.tr("Start the server and the client sessions, then show the result")
        )
        self.set_up.clicked.connect(self.on_set_up_clicked)
        self.state = QLabel(self)
        self.state.setObjectName("lessons.state")
        self.state.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.set_up)
        top.addWidget(self.state, 1)

        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.notice)
        column.addLayout(top)
        column.addWidget(self._build_code(), 1)

        splitter = QSplitter(self)
        splitter.addWidget(self.steps)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

    def _step_list_width(self) -> int:
        """Wide enough for the longest title in this language, so none wraps, up to a
        limit that leaves the code and its output their room."""
        metrics = self.steps.fontMetrics()
        widest = max(
            metrics.horizontalAdvance(self.steps.item(row).text())
            for row in range(self.steps.count())
        )
        room = 2 * self.steps.frameWidth() + self.steps.verticalScrollBar().sizeHint().width()
        return max(_STEP_LIST_NARROWEST, min(widest + room + 12, _STEP_LIST_WIDEST))

    def _build_code(self) -> QWidget:
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.code_choice = name_widget(
            QComboBox(self), "lessons", "code_choice", self.tr("Which program to show")
        )
        self.code_choice.addItem(self.tr("Client program"), "client")
        self.code_choice.addItem(self.tr("Server program"), "server")
        self.code_choice.currentIndexChanged.connect(self.show_code)
        self.code = name_widget(QPlainTextEdit(self), "lessons", "code", self.tr("Python code"))
        self.code.setReadOnly(True)
        self.code.setFont(mono)
        self.code.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.copy = name_widget(QPushButton(self.tr("Copy"), self), "lessons", "copy")
        self.copy.setAccessibleName(self.tr("Copy the code"))
        self.copy.clicked.connect(self.on_copy_clicked)
        self.run = name_widget(QPushButton(self.tr("Run this client"), self), "lessons", "run")
        self.run.setAccessibleName(self.tr("Run this client"))
        self.run.setToolTip(self.tr("Run the program as a separate Python process"))
        self.run.setEnabled(can_run_python())
        self.run.clicked.connect(self.on_run_clicked)
        self.output = name_widget(
            QPlainTextEdit(self), "lessons", "output", self.tr("The program's output")
        )
        self.output.setReadOnly(True)
        self.output.setFont(mono)
        self.output.setPlaceholderText(self.tr("What the program prints shows here"))

        buttons = QHBoxLayout()
        buttons.addWidget(self.code_choice)
        buttons.addWidget(self.copy)
        buttons.addWidget(self.run)
        buttons.addStretch(1)
        left = QWidget(self)
        code_column = QVBoxLayout(left)
        code_column.setContentsMargins(0, 0, 0, 0)
        code_column.addLayout(buttons)
        code_column.addWidget(self.code, 1)
        beside = QSplitter(self)
        beside.addWidget(left)
        beside.addWidget(self.output)
        beside.setStretchFactor(0, 3)
        beside.setStretchFactor(1, 2)
        return beside

    # -- the current step ---------------------------------------------------------------------

    @property
    def lesson(self) -> Lesson:
        return self.lessons[max(self.steps.currentRow(), 0)]

    def lesson_index(self, key: str) -> int:
        return next(i for i, lesson in enumerate(self.lessons) if lesson.key == key)

    def select(self, key: str) -> None:
        self.steps.setCurrentRow(self.lesson_index(key))

    def planned_endpoint(self, lesson: Lesson) -> Endpoint:
        """Where the step's server listens: where it runs now, or the tutorial's place."""
        if lesson is self.active:
            return self.endpoint
        server = lesson.server
        if server is None:
            return Endpoint()
        path = str((self.directory / server.path).resolve()) if server.path else ""
        return Endpoint(server.port, path)

    def on_step_changed(self) -> None:
        lesson = self.lesson
        endpoint = self.planned_endpoint(lesson)
        self.title.setText(net_text(lesson.title))
        self.notice.setText(net_text(lesson.notice.format(path=endpoint.path, port=endpoint.port)))
        self.set_up.setEnabled(bool(lesson.server or lesson.lookup_page))
        has_server_code = bool(lesson.server_code)
        self.code_choice.setEnabled(has_server_code)
        if not has_server_code:
            self.code_choice.setCurrentIndex(0)
        self.run.setText(
            self.tr("Run this client") if lesson.server else self.tr("Run this program")
        )
        self.state.clear()
        self.output.clear()
        self.show_code()

    def program(self) -> str:
        lesson = self.lesson
        endpoint = self.planned_endpoint(lesson)
        if self.code_choice.currentData() == "server" and lesson.server_code:
            return lesson.server_program(endpoint)
        return lesson.client_program(endpoint)

    def show_code(self) -> None:
        self.code.setPlainText(self.program())

    # -- actions ------------------------------------------------------------------------------

    def on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.program())
        self.state.setText(self.tr("Copied the program"))

    def on_set_up_clicked(self) -> None:
        self.task = start_task(self.set_up_step(), name="lesson set up")

    def on_run_clicked(self) -> None:
        self.task = start_task(self.run_program(), name="lesson program")

    async def set_up_step(self) -> bool:
        """Start what the step needs and switch to where its result shows."""
        lesson = self.lesson
        self.set_up.setEnabled(False)
        try:
            return await self._set_up(lesson)
        finally:
            self.set_up.setEnabled(True)

    async def _set_up(self, lesson: Lesson, *, show: bool = True) -> bool:
        """Start the step's server and sessions; `show` switches to where the result is."""
        await self.host.reset()
        self.active = None
        server = lesson.server
        if server is None:
            if show:
                self.host.show_result(lesson.result_tab, lesson.lookup_page)
            return True
        endpoint = await self.host.start_server(server, str(self.directory))
        if endpoint is None:
            self.state.setText(self.tr("The server did not start: the Server tab says why"))
            self.host.show_result(ResultTab.SERVER)
            return False
        self.active, self.endpoint = lesson, endpoint
        self.on_step_changed()
        where = endpoint.path or f"127.0.0.1:{endpoint.port}"
        words = self.tr("Listening on {where}").format(where=where)
        if endpoint.moved:
            words = self.tr("Port {port} is busy here; listening on {where} instead").format(
                port=server.port, where=where
            )
        for client in lesson.clients:
            if not await self.host.start_client(server.kind, endpoint, client):
                self.state.setText(words + " · " + self.tr("the client could not connect"))
                self.host.show_result(ResultTab.CLIENT)
                return False
        self.state.setText(words)
        if show:
            self.host.show_result(lesson.result_tab)
        self.host.show_status(
            self.tr("Lesson: {title} · {where}").format(title=net_text(lesson.title), where=words)
        )
        return True

    async def run_program(self) -> ProgramResult:
        """Run the step's client (or its only) program; set the step up first if need be."""
        lesson = self.lesson
        self.run.setEnabled(False)
        try:
            if lesson.server is not None and lesson is not self.active:
                await self._set_up(lesson, show=False)  # the output shows here
            code = lesson.client_program(self.planned_endpoint(lesson))
            command = " ".join(("python", "-c", "…", *lesson.args))
            self.output.setPlainText(f"$ {command}\n")
            result = await self.engine.run(
                run_python(code, lesson.args, lesson.stdin, cwd=self.directory)
            )
        finally:
            self.run.setEnabled(can_run_python())
        self.result = result
        self.output.appendPlainText(result.output.rstrip("\n"))
        if result.problem is not None:
            self.output.appendPlainText(f"[{net_text(result.problem)}]")
        else:
            self.output.appendPlainText(
                self.tr("[exit status {code}]").format(code=result.returncode)
            )
        return result

    # -- closing ------------------------------------------------------------------------------

    async def show_example(self, timeout: float = 8.0) -> None:
        """The first step's client run against its server (for screenshots)."""
        self.steps.setCurrentRow(0)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.run_program(), timeout)

    async def shutdown(self) -> None:
        if self.task is not None and not self.task.done():
            self.task.cancel()

    def close_files(self) -> None:
        """Nothing to flush: the tab writes no files."""
