"""Finding and driving the main window's widgets the way the UI tests do."""

from __future__ import annotations

import concurrent.futures
import re
import time
from collections.abc import Callable, Iterator
from typing import Any

from PySide6 import QtWidgets
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QAbstractItemModelTester, QTest

from netbench.core.saved_messages_format import parse_library
from netbench.core.transcript import Direction, Record
from netbench.ui.transcript.model import Column, TranscriptModel
from netbench.ui.transcript.view import TranscriptView


def find(win: Any, name: str) -> Any:
    """The widget called ``name`` (``<tab>.<control>``); a missing one fails the test."""
    widget = win.findChild(object, name)
    assert widget is not None, name
    return widget


def pause(pump: Callable[..., None], seconds: float) -> None:
    """Let the UI run for ``seconds``."""
    deadline = time.monotonic() + seconds
    pump(lambda: time.monotonic() > deadline)


def connect_client(win: Any, pump: Callable[..., None], in_thread: Any, server: Any) -> Any:
    """Connect the Client tab's session to ``server`` (a ``loopback.Server``) on 127.0.0.1.

    The panel and the server's side of the connection are returned.
    """
    win.tabs.setCurrentWidget(win.client_tab)
    panel = win.client_tab.current_panel
    accepting = concurrent.futures.ThreadPoolExecutor(1).submit(server.accept)
    find(win, "client.host").setText("127.0.0.1")
    find(win, "client.port").setText(str(server.port))
    find(win, "client.connect").click()
    pump(lambda: panel.is_connected and panel.socket_info is not None, 15)
    return panel, in_thread(accepting.result)


# -- the Server tab ---------------------------------------------------------------------------


def start_listener(win, pump, kind="TCP", port="0", framing=None, reply=None, path=None):
    panel = win.server_tab.current_panel
    form = panel.form
    form.kind.setCurrentIndex(form.kind.findText(kind))
    if path is not None:
        find(win, "server.path").setText(str(path))
    else:
        find(win, "server.port").setText(port)
    if framing is not None:
        form.framing.setCurrentIndex(form.framing.findData(framing))
    if reply is not None:
        form.responder.setCurrentIndex(form.responder.findData(reply))
    find(win, "server.start").click()
    pump(lambda: panel.is_running or find(win, "server.error").isVisible(), 10)
    return panel


def bound_port(win):
    """The port the address label shows, as a user would read it."""
    text = find(win, "server.address").text()
    match = re.search(r"Listening on \S+:(\d+)", text)
    assert match, text
    return int(match.group(1))


# What a person can operate; scroll bars are Qt's own and left out.
_INTERACTIVE = (
    QtWidgets.QAbstractButton,
    QtWidgets.QAbstractItemView,
    QtWidgets.QAbstractSlider,
    QtWidgets.QAbstractSpinBox,
    QtWidgets.QComboBox,
    QtWidgets.QLineEdit,
    QtWidgets.QMenuBar,
    QtWidgets.QPlainTextEdit,
    QtWidgets.QTabWidget,
    QtWidgets.QTextEdit,
)
# Widgets inside these are their internals (a combo box's list, a spin box's line edit).
_COMPOUND = (
    QtWidgets.QComboBox,
    QtWidgets.QAbstractSpinBox,
    QtWidgets.QAbstractItemView,
    QtWidgets.QLineEdit,
)


def interactive_widgets(root: Any) -> list[Any]:
    """Widgets a person can operate, minus Qt's own internals (scroll bars, popups, tab bars)."""
    found = []
    for widget in [root, *root.findChildren(QtWidgets.QWidget)]:
        if not isinstance(widget, _INTERACTIVE) or isinstance(widget, QtWidgets.QScrollBar):
            continue
        if widget.objectName().startswith("qt_"):
            continue
        parent = widget.parentWidget()
        internal = False
        while parent is not None and parent is not root:
            if isinstance(parent, _COMPOUND):
                internal = True
                break
            if type(parent).__name__ in ("QComboBoxPrivateContainer", "QTabBar"):
                internal = True
                break
            parent = parent.parentWidget()
        if not internal:
            found.append(widget)
    return found


# -- transcripts ----------------------------------------------------------------------------

PREFIX = "server"
T0 = 1_700_000_000.0


def make_records(count: int, start: int = 0) -> list[Record]:
    """Alternating in/out records with distinct, numbered payloads."""
    return [
        Record(
            at=T0 + i * 0.25,
            direction=Direction.IN if i % 2 == 0 else Direction.OUT,
            peer="10.0.0.2:5000",
            data=f"message {i:06d}\n".encode(),
        )
        for i in range(start, start + count)
    ]


def in_batches(records: list[Record], size: int) -> Iterator[list[Record]]:
    for first in range(0, len(records), size):
        yield records[first : first + size]


def checked_transcript_model(capacity: int = 100) -> Iterator[TranscriptModel]:
    """A model whose every signal is checked against its row counts; a broken promise is a
    Qt warning, which fails the test. For a fixture to ``yield from``."""
    model = TranscriptModel(capacity=capacity)
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    yield model
    del tester


def shown_transcript_view(qtbot: Any, prefix: str) -> Iterator[TranscriptView]:
    """A transcript widget on screen, its recording stopped afterwards (``yield from``)."""
    widget = TranscriptView(prefix)
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.stop_recording()


def cell(model: TranscriptModel, row: int, column: Column, role: int = 0) -> Any:
    return model.data(model.index(row, column), role or Qt.ItemDataRole.DisplayRole)


def record_signals(model: TranscriptModel) -> list[tuple[str, int, int]]:
    events: list[tuple[str, int, int]] = []
    model.rowsInserted.connect(lambda _p, first, last: events.append(("insert", first, last)))
    model.rowsRemoved.connect(lambda _p, first, last: events.append(("remove", first, last)))
    model.modelReset.connect(lambda: events.append(("reset", 0, 0)))
    return events


# -- saved messages -------------------------------------------------------------------------

REGISTER = "01 03 00 00 00 01 84 0A"
# The same Modbus request typed without its CRC, for the editor to append.
REQUEST = "01 03 00 00 00 01"


def own_data_dir(tmp_path: Any, monkeypatch: Any) -> Any:
    """A user data directory of the test's own, so its saved messages are its own; returns
    the app's folder in it."""
    directory = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(directory))
    QSettings().remove("snippets/collapsed")
    return directory / "netbench"


def type_payload(win, text, mode="text", encoding="utf-8", ending="none", prefix="client"):
    """Choose how the editor reads its input, then type it, as a person would."""
    combos = {"input_mode": mode, "input_encoding": encoding, "input_line_ending": ending}
    for name, value in combos.items():
        combo = find(win, f"{prefix}.{name}")
        combo.setCurrentIndex(combo.findData(value))
    find(win, f"{prefix}.input").setPlainText(text)


def choose_checksum(win, algorithm, prefix="client"):
    combo = find(win, f"{prefix}.checksum")
    combo.setCurrentIndex(combo.findData(algorithm))


def save_as(win, name, prefix="client"):
    find(win, f"{prefix}.snippet_name").setText(name)
    find(win, f"{prefix}.snippet_save").click()


def names(win, prefix="client"):
    model = find(win, f"{prefix}.snippets").model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def status(win, prefix="client"):
    return find(win, f"{prefix}.snippet_status").text()


def item_center(win, name, prefix="client"):
    view = find(win, f"{prefix}.snippets")
    row = names(win, prefix).index(name)
    return view, view.visualRect(view.model().index(row, 0)).center()


def click(win, name, prefix="client"):
    view, point = item_center(win, name, prefix)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def double_click(win, name, prefix="client"):
    view, point = item_center(win, name, prefix)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def file_names(path):
    return [s.name for s in parse_library(path.read_bytes())]


def make_three(window):
    for name in ("one", "two", "three"):
        type_payload(window, name)
        save_as(window, name)


class Heartbeat:
    """A QTimer of ``interval_ms`` standing for the rest of the UI: the gaps between its
    beats (seconds) show whether the window froze while a test's work ran."""

    def __init__(self, interval_ms: int = 10) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self.last = time.monotonic()
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.beat)
        self.timer.start()

    def beat(self) -> None:
        now = time.monotonic()
        self.gaps.append(now - self.last)
        self.last = now

    def stop(self) -> float:
        """Stops it; the longest gap."""
        self.timer.stop()
        return max(self.gaps, default=0.0)
