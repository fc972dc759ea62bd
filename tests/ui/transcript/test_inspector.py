"""The message inspector: a transcript row shown whole, as text and hex, in its own window."""

from __future__ import annotations

import concurrent.futures
import re
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import find
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication

from netbench.core.display import DisplayMode, parse_hex_dump, text_block
from netbench.core.escapes import decode_escapes
from netbench.core.transcript import Direction, Record
from netbench.net.engine import EngineMode
from netbench.ui.transcript import inspector as message_inspector
from netbench.ui.transcript.inspector import PREVIEW_BYTES, MessageInspector
from netbench.ui.transcript.model import Column
from netbench.ui.transcript.view import TranscriptView

T0 = 1_700_000_000.0
PEER = "10.0.0.2:5000"


def settle(pump: Any, inspector: MessageInspector, timeout: float = 30) -> None:
    """Wait until the inspector has rendered all it means to show."""
    pump(lambda: not inspector.is_rendering, timeout)


def shown_text(inspector: MessageInspector) -> str:
    return inspector.text_edit.toPlainText()


def shown_hex(inspector: MessageInspector) -> str:
    return inspector.hex_edit.toPlainText()


def reads_back(text: str, encoding: str = "utf-8") -> bytes:
    """The bytes the text pane stands for: its line breaks are for the eye only."""
    return decode_escapes(text.replace("\n", ""), encoding)


def double_click_row(qtbot: Any, table: Any, row: int) -> None:
    """Press and release, then the double-click, as a mouse sends them."""
    index = table.model().index(row, Column.DATA)
    table.scrollTo(index)
    where = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)


def row_of(view: TranscriptView, data: bytes) -> int:
    model = view.model
    return next(row for row in range(model.rowCount()) if model.record(row).data == data)


def a_message(size: int) -> bytes:
    """Numbered lines of Chinese and ASCII with CR LF, exactly ``size`` bytes."""
    lines = []
    total = 0
    number = 0
    while total < size:
        line = f"第{number:06d}行 line {number} of the reply\r\n".encode()
        lines.append(line)
        total += len(line)
        number += 1
    data = b"".join(lines)
    return data[: size - 2] + b"\r\n" if len(data) > size else data


# --- through the real window, over loopback ------------------------------------------------


@pytest.fixture
def window_tab() -> str:
    return "client"


def test_a_100_kb_reply_is_shown_whole_as_text_and_hex(
    window: Any, pump: Any, in_thread: Any, qtbot: Any, tmp_path: Path
) -> None:
    reply = a_message(100 * 1024)
    assert len(reply) == 102_400 and reply.decode()
    path = tmp_path / "dgram.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(str(path))
    server.settimeout(10)

    def answer() -> None:
        _, address = server.recvfrom(100)
        server.sendto(reply, address)  # one datagram: one row

    try:
        answered = concurrent.futures.ThreadPoolExecutor(1).submit(answer)
        panel = window.client_tab.current_panel
        panel.form.kind.setCurrentIndex(panel.form.kind.findText("Unix datagram"))
        find(window, "client.path").setText(str(path))
        find(window, "client.connect").click()
        pump(lambda: panel.is_connected and panel.socket_info is not None, 15)
        find(window, "client.input").setPlainText("send me the file")
        find(window, "client.send").click()
        in_thread(answered.result)
        view = panel.transcript
        pump(lambda: any(r.data == reply for r in view.model.records()))
    finally:
        server.close()

    # The cell shows a line of it; a double-click shows all of it.
    assert view.model.cell_text(view.model.record(row_of(view, reply))).endswith("bytes)")
    double_click_row(qtbot, find(window, "client.transcript"), row_of(view, reply))
    inspector = find(window, "client.inspector")
    assert inspector.isVisible() and inspector.isWindow()
    assert not window.isHidden()  # non-modal: the main window carries on beside it
    settle(pump, inspector)

    assert find(window, "client.inspector_direction").text() == "← received"
    assert find(window, "client.inspector_peer").text() == str(path)
    assert find(window, "client.inspector_size").text() == "102,400 bytes (100 KB)"
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}", find(window, "client.inspector_time").text()
    )
    assert not find(window, "client.inspector_partial").isVisible()

    # Text, as the transcript showed it: every line, CR LF as escapes, Chinese as itself.
    text = shown_text(inspector)
    assert text == text_block(reply, "utf-8")
    assert text.startswith("第000000行 line 0 of the reply\\r\\n\n")
    assert reads_back(text) == reply

    mode = find(window, "client.inspector_mode")
    mode.setCurrentIndex(mode.findData(DisplayMode.BOTH.value))
    settle(pump, inspector)
    assert inspector.text_edit.isVisible() and inspector.hex_edit.isVisible()
    dump = shown_hex(inspector)
    assert dump.startswith(
        "00000000  e7 ac ac 30 30 30 30 30  30 e8 a1 8c 20 6c 69 6e  |...000000... lin|"
    )
    assert dump.count("\n") + 1 == 102_400 // 16
    assert parse_hex_dump(dump) == (0, reply)

    find(window, "client.inspector_copy_hex").click()
    assert QGuiApplication.clipboard().text() == reply.hex(" ")
    find(window, "client.inspector_close").click()
    assert not inspector.isVisible()
    assert inspector.record is None  # a closed inspector holds nothing


def test_a_5_mb_message_shows_its_start_then_all_of_it_while_timers_keep_firing(
    open_window: Any, pump: Any, in_thread: Any, tmp_path: Path
) -> None:
    win = open_window(EngineMode.UI_LOOP, tab="server")
    panel = win.server_tab.current_panel
    form = panel.form
    form.framing.setCurrentIndex(form.framing.findData("lf"))
    find(win, "server.max_frame").setValue(8 * 1024 * 1024)
    find(win, "server.port").setText("0")
    find(win, "server.start").click()
    pump(lambda: panel.is_running, 10)
    port = int(re.search(r"Listening on \S+:(\d+)", find(win, "server.address").text())[1])

    message = bytes(range(256)).replace(b"\n", b"") * (5 * 1024 * 1024 // 255 + 1)
    message = message[: 5 * 1024 * 1024]

    def send() -> None:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as client:
            client.sendall(message + b"\n")

    sending = concurrent.futures.ThreadPoolExecutor(1).submit(send)
    view = panel.transcript
    pump(lambda: any(len(r.data) == len(message) for r in view.model.records()), 30)
    in_thread(sending.result)

    # The context menu's "Inspect message" on the selected row.
    view.table.selectRow(row_of(view, message))
    find(win, "server.transcript_inspect").trigger()
    inspector = find(win, "server.inspector")
    settle(pump, inspector)
    assert find(win, "server.inspector_size").text() == "5,242,880 bytes (5.0 MB)"
    assert "split over reads" in find(win, "server.inspector_note").text()
    partial = find(win, "server.inspector_partial")
    assert partial.isVisible()
    assert partial.text() == "Showing the first 256 KB of 5.0 MB."
    assert find(win, "server.inspector_show_all").isVisible()
    assert find(win, "server.inspector_partial_save").isVisible()
    assert reads_back(shown_text(inspector)) == message[: len(reads_back(shown_text(inspector)))]
    assert PREVIEW_BYTES <= len(reads_back(shown_text(inspector))) < PREVIEW_BYTES + 4

    mode = find(win, "server.inspector_mode")
    mode.setCurrentIndex(mode.findData(DisplayMode.BOTH.value))
    settle(pump, inspector)
    beats: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(lambda: beats.append(time.monotonic()))
    heartbeat.start()
    started = time.monotonic()
    find(win, "server.inspector_show_all").click()
    assert inspector.is_rendering  # it goes on between events, not in one block
    settle(pump, inspector, 120)
    finished = time.monotonic()
    heartbeat.stop()

    assert not partial.isVisible()
    assert parse_hex_dump(shown_hex(inspector)) == (0, message)
    assert reads_back(shown_text(inspector)) == message
    # The window kept its pace: the timer fired all along, never held up for long.
    gaps = [b - a for a, b in zip([started, *beats], [*beats, finished], strict=True)]
    assert len(beats) > (finished - started) / 0.010 / 5, (len(beats), finished - started)
    assert max(gaps) < 0.5, max(gaps)


def test_save_writes_exactly_the_bytes_and_the_inspector_outlives_a_clear(
    open_window: Any, pump: Any, in_thread: Any, qtbot: Any, tmp_path: Path
) -> None:
    win = open_window(EngineMode.UI_LOOP, tab="server")
    panel = win.server_tab.current_panel
    find(win, "server.port").setText("0")
    find(win, "server.start").click()
    pump(lambda: panel.is_running, 10)
    port = int(re.search(r"Listening on \S+:(\d+)", find(win, "server.address").text())[1])
    message = bytes(range(256)) * 8 + "你好".encode()

    with socket.create_connection(("127.0.0.1", port), timeout=10) as client:
        client.sendall(message)
        view = panel.transcript
        pump(lambda: b"".join(r.data for r in view.model.records()) == message)
    row = next(row for row in range(view.model.rowCount()) if view.model.record(row).data)
    record = view.model.record(row)

    double_click_row(qtbot, find(win, "server.transcript"), row)
    inspector = find(win, "server.inspector")
    find(win, "server.transcript_clear").click()
    assert view.model.rowCount() == 0
    # The inspector keeps the message it shows; the transcript let it go.
    assert inspector.isVisible() and inspector.record is record
    settle(pump, inspector)
    assert reads_back(shown_text(inspector)) == record.data

    find(win, "server.inspector_save").click()
    dialog = inspector.file_dialog
    assert dialog is not None and dialog.isVisible()  # open(), not exec()
    assert dialog.objectName() == "server.inspector_save_dialog"
    dialog.selectFile(str(tmp_path / "message.bin"))
    dialog.accept()
    assert (tmp_path / "message.bin").read_bytes() == record.data
    assert "Saved" in find(win, "server.inspector_status").text()
    assert inspector.file_dialog is None


# --- the transcript widget on its own ------------------------------------------------------


@pytest.fixture
def view(qtbot: Any) -> Iterator[TranscriptView]:
    widget = TranscriptView("server")
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    if widget.inspector is not None:
        widget.inspector.close()


def records(*payloads: bytes) -> list[Record]:
    return [
        Record(T0 + i, Direction.IN if i % 2 == 0 else Direction.OUT, PEER, data)
        for i, data in enumerate(payloads)
    ]


def test_enter_inspects_and_up_down_follow_the_current_row(
    view: TranscriptView, qtbot: Any, pump: Any
) -> None:
    rows = records(b"first\n", b"second\n", b"third\n")
    view.append_records(rows)
    view.activateWindow()
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(0, Column.DATA))

    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    inspector = view.inspector
    assert inspector is not None and inspector.isVisible()
    assert inspector.record is rows[0]
    assert shown_text(inspector) == "first\\n\n"

    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert inspector.record is rows[1]
    assert shown_text(inspector) == "second\\n\n"
    assert inspector.direction_label.text() == "→ sent"
    qtbot.keyClick(view.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert inspector.record is rows[2]

    # One inspector per transcript, reused for every row.
    view.inspect_row(0)
    assert view.findChildren(MessageInspector) == [inspector]
    assert inspector.record is rows[0]

    # Closed, it no longer follows the keys.
    inspector.close()
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert not inspector.isVisible() and inspector.record is None


def test_the_context_menu_offers_inspect_and_copies(view: TranscriptView) -> None:
    rows = records("你好\r\n".encode(), b"\x00\xff|", b"plain")
    view.append_records(rows)
    names = [action.objectName() for action in view.table.actions() if not action.isSeparator()]
    assert names[:3] == [
        "server.transcript_inspect",
        "server.transcript_copy_text",
        "server.transcript_copy_hex",
    ]
    assert view.table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu

    view.table.selectRow(0)
    view.table.selectionModel().select(
        view.model.index(1, 0),
        view.table.selectionModel().SelectionFlag.Select
        | view.table.selectionModel().SelectionFlag.Rows,
    )
    find(view, "server.transcript_copy_text").trigger()
    assert QGuiApplication.clipboard().text() == "你好\\r\\n\n\n\\0\\xff|"
    assert "Copied 2 messages as text" in view.status_text()
    find(view, "server.transcript_copy_hex").trigger()
    assert QGuiApplication.clipboard().text() == "e4 bd a0 e5 a5 bd 0d 0a\n00 ff 7c"

    view.table.setCurrentIndex(view.model.index(1, Column.DATA))
    find(view, "server.transcript_inspect").trigger()
    assert view.inspector is not None and view.inspector.record is rows[1]


def test_a_binary_message_in_another_encoding_and_mode(view: TranscriptView, pump: Any) -> None:
    data = "编码\n".encode("gbk") + bytes(range(8))
    view.set_encoding("gbk")
    view.set_display_mode(DisplayMode.HEX)
    view.append_records(records(data))

    inspector = view.inspect_row(0)
    assert inspector is not None
    # It starts as the transcript shows the data.
    assert inspector.encoding == "gbk"
    assert inspector.display_mode is DisplayMode.HEX
    assert inspector.hex_edit.isVisible() and not inspector.text_edit.isVisible()
    assert shown_hex(inspector) == (
        "00000000  b1 e0 c2 eb 0a 00 01 02  03 04 05 06 07           |.............|"
    )
    inspector.set_display_mode(DisplayMode.TEXT)
    settle(pump, inspector)
    assert shown_text(inspector) == "编码\\n\n\\0\\x01\\x02\\x03\\x04\\x05\\x06\\x07"
    inspector.set_encoding("utf-8")
    settle(pump, inspector)
    assert reads_back(shown_text(inspector)) == data
    assert "编码" not in shown_text(inspector)
    inspector.copy_text()
    assert reads_back(QGuiApplication.clipboard().text()) == data


def test_an_inspected_message_outlives_its_row_in_the_ring(
    qtbot: Any, pump: Any, tmp_path: Path
) -> None:
    view = TranscriptView("client", capacity=3)
    qtbot.addWidget(view)
    view.show()
    kept = records(b"x" * 1000)[0]
    view.append_records([kept])
    inspector = view.inspect_row(0)
    assert inspector is not None
    view.append_records(records(b"a", b"b", b"c", b"d"))
    assert all(r is not kept for r in view.model.records())

    assert inspector.record is kept
    assert shown_text(inspector) == "x" * 1000
    assert inspector.save_to(tmp_path / "kept.bin")
    assert (tmp_path / "kept.bin").read_bytes() == kept.data
    assert not inspector.save_to(tmp_path)  # a folder: said, not raised
    assert "Could not save" in inspector.status.text()
    inspector.close()


def test_a_long_line_is_broken_for_the_eye_and_copied_whole(
    view: TranscriptView, pump: Any
) -> None:
    data = b"A" * 5000 + b"\n" + b"B" * 10
    view.append_records(records(data))
    inspector = view.inspect_row(0)
    assert inspector is not None
    settle(pump, inspector)
    lines = shown_text(inspector).split("\n")
    assert max(map(len, lines)) <= 1024
    assert reads_back(shown_text(inspector)) == data
    inspector.copy_text()
    assert QGuiApplication.clipboard().text() == "A" * 5000 + "\\n\nBBBBBBBBBB"


def test_beyond_the_most_it_shows_it_says_so_and_saves_all(
    view: TranscriptView, pump: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    # The same as at 8 MB, sooner.
    monkeypatch.setattr(message_inspector, "MOST_SHOWN_BYTES", 512 * 1024)
    data = bytes(1024 * 1024 + 100)
    view.set_display_mode(DisplayMode.HEX)
    view.append_records(records(data))
    inspector = view.inspect_row(0)
    assert inspector is not None
    settle(pump, inspector)
    inspector.show_all()
    settle(pump, inspector, 120)
    assert inspector.shown_bytes() == 512 * 1024
    assert inspector.partial_label.text() == (
        "Showing the first 512 KB of 1.0 MB, the most this window shows: save the message "
        "to a file for all of it."
    )
    assert not inspector.show_all_button.isVisible()
    assert inspector.partial_save_button.isVisible()
    assert inspector.save_to(tmp_path / "all.bin")
    assert (tmp_path / "all.bin").stat().st_size == len(data)


def test_notes_and_empty_rows_can_be_inspected(view: TranscriptView) -> None:
    view.append_records([Record(T0, Direction.INFO, PEER, note="connected")])
    inspector = view.inspect_row(0)
    assert inspector is not None
    assert inspector.note_label.text() == "connected"
    assert inspector.size_label.text() == "0 bytes"
    assert not inspector.save_button.isEnabled()
    assert view.inspect_row(5) is None
    view.append_records(records(b"!"))
    view.inspect_row(1)
    assert inspector.size_label.text() == "1 byte"
    assert inspector.save_button.isEnabled()
