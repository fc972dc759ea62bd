"""What every page of the Lookup tab does the same way: naming controls, running engine
work without blocking the window, small tables, and the page's history log.

A page asks the engine with :meth:`LookupPage.ask`: the coroutine runs on the networking
loop (``Engine.run``), its answer comes back to a slot on the UI thread, and the task is
remembered so that :meth:`LookupPage.shutdown` can cancel it when the window closes. A
second click while a question is out replaces nothing: each answer is shown as it comes.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netbench.core.lookup.address_errors import AddressError
from netbench.net.engine import Engine
from netbench.ui.lookup.result_log import ResultLog
from netbench.ui.runtime.net_text import net_text
from netbench.ui.runtime.tasks import start_task
from netbench.ui.widgets.buttons import push_button
from netbench.ui.widgets.colors import ERROR_COLOR, OK_COLOR, WARNING_COLOR
from netbench.ui.widgets.layouts import add_items
from netbench.ui.widgets.naming import name_widget

PREFIX = "lookup"
T = TypeVar("T")
W = TypeVar("W", bound=QWidget)


class LookupPage(QWidget):
    """A page (sub-tab) of the Lookup tab; ``key`` prefixes its log's control names."""

    def __init__(self, key: str, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.engine = engine
        self.setObjectName(f"{PREFIX}.{key}_page")
        self.log = ResultLog(PREFIX, key, self)
        self._tasks: set[asyncio.Task[Any]] = set()

    # -- building ---------------------------------------------------------------------------

    def lay_out_over_log(
        self,
        head: Sequence[QWidget | QLayout],
        panes: tuple[QWidget, QWidget],
        pane_sizes: tuple[int, int],
        log_sizes: tuple[int, int],
    ) -> None:
        """The page's shape: ``head`` rows on top, then two panes side by side over the
        history, each split draggable."""
        top = QSplitter(self)
        for pane in panes:
            top.addWidget(pane)
        top.setSizes(list(pane_sizes))
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(self.log)
        split.setSizes(list(log_sizes))
        add_items(QVBoxLayout(self), *head, split, stretch=split)

    def named(self, widget: W, control: str, accessible: str) -> W:
        """``widget`` called ``lookup.<control>`` with a name a screen reader says."""
        return name_widget(widget, PREFIX, control, accessible)

    def button(
        self, text: str, control: str, accessible: str, on_click: Callable[[], object]
    ) -> QPushButton:
        """A push button called ``lookup.<control>`` that runs ``on_click`` when clicked."""
        return push_button(self, text, PREFIX, control, accessible, on_click=on_click)

    def check_box(
        self,
        text: str,
        control: str,
        on_toggled: Callable[[], object] | Callable[[bool], object],
    ) -> QCheckBox:
        """A check box called ``lookup.<control>``, read aloud by its text, that runs
        ``on_toggled`` (given the new state, when it takes an argument) whenever it is ticked
        or cleared."""
        box = self.named(QCheckBox(text, self), control, text)
        box.toggled.connect(on_toggled)
        return box

    def table(self, control: str, accessible: str, headers: Sequence[str]) -> QTableWidget:
        """A read-only table whose cells can be selected and copied."""
        table = self.named(QTableWidget(0, len(headers), self), control, accessible)
        table.setHorizontalHeaderLabels(list(headers))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 6)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.setWordWrap(False)
        return table

    def text_view(self, control: str, accessible: str) -> QPlainTextEdit:
        """Monospaced read-only text: hex dumps, dig output, the socket module's answers."""
        view = self.named(QPlainTextEdit(self), control, accessible)
        view.setReadOnly(True)
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        return view

    def status_label(self, control: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(f"{PREFIX}.{control}")
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setVisible(False)  # until it has something to say
        return label

    # -- showing ----------------------------------------------------------------------------

    @staticmethod
    def fill(table: QTableWidget, rows: Sequence[Sequence[object]]) -> None:
        """Replace the rows; numbers sort as numbers when the table is sortable."""
        sorting = table.isSortingEnabled()
        table.setSortingEnabled(False)
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem()
                if isinstance(value, int) and not isinstance(value, bool):
                    item.setData(Qt.ItemDataRole.DisplayRole, value)
                else:
                    item.setText(net_text(str(value)) if value is not None else "")
                table.setItem(r, c, item)
        table.setSortingEnabled(sorting)
        table.resizeColumnsToContents()

    @staticmethod
    def show_status(label: QLabel, text: str, kind: str = "") -> None:
        """``kind``: "error", "warning", "ok" or "" (plain)."""
        color = {"error": ERROR_COLOR, "warning": WARNING_COLOR, "ok": OK_COLOR}.get(kind, "")
        label.setStyleSheet(f"color: {color};" if color else "")
        label.setText(net_text(text))
        label.setVisible(bool(text))  # an empty line would leave a gap in the page

    def show_field_error(self, label: QLabel, field: QLineEdit, exc: AddressError) -> None:
        """Show what is wrong in ``label`` and, when the error knows where, put the cursor
        in ``field`` at that place."""
        self.show_status(label, net_text(exc.message), "error")
        if exc.position >= 0:
            field.setFocus()
            field.setCursorPosition(exc.position)

    # -- running ----------------------------------------------------------------------------

    def ask(
        self,
        make: Callable[[], Coroutine[Any, Any, T]],
        on_answer: Callable[[T], object],
        on_failure: Callable[[BaseException], object] | None = None,
        name: str = "",
    ) -> asyncio.Task[None]:
        """Run ``make()`` on the engine and hand its answer to ``on_answer`` on the UI thread.

        The coroutine is made only when the task runs, so a task cancelled before it
        starts (the window closed at once) leaves no coroutine that was never awaited.
        An exception goes to ``on_failure`` when given (net errors are expected: a bad
        name, a refused port); otherwise to the loop's handler, which shows the banner.
        """
        task = start_task(self._ask(make, on_answer, on_failure), name=name or self.key)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _ask(
        self,
        make: Callable[[], Coroutine[Any, Any, T]],
        on_answer: Callable[[T], object],
        on_failure: Callable[[BaseException], object] | None,
    ) -> None:
        coro = make()
        try:
            answer = await self.engine.run(coro)
        except asyncio.CancelledError:
            raise  # the engine's side is cancelled with it (never close it here: the
            # engine may hold it in a task not started yet)
        except RuntimeError as exc:
            coro.close()  # an engine that is not running never started it
            if not self.engine.is_started:  # not started, or the window is closing
                return
            if on_failure is None:
                raise
            on_failure(exc)
            return
        except Exception as exc:
            if on_failure is None:
                raise
            on_failure(exc)
            return
        on_answer(answer)

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    async def settle(self, timeout: float) -> None:
        """Wait (at most ``timeout`` s) until the questions out now are answered."""
        tasks = list(self._tasks)
        if tasks:
            await asyncio.wait(tasks, timeout=timeout)

    async def shutdown(self) -> None:
        """Cancel every question still out and wait until each has stopped."""
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)

    def close_files(self) -> None:
        """The window closes: nothing is written in the background, only dialogs to close
        and questions to abandon (their answers would reach deleted widgets)."""
        self.log.close_dialogs()
        for task in list(self._tasks):
            task.cancel()
