"""Saved messages, driven through the window: save, share between senders, restart, send
over real loopback connections, rename, delete and undo, move, filter and fold."""

import json
import socket

import pytest
from helpers import (
    REGISTER,
    REQUEST,
    choose_checksum,
    click,
    connect_client,
    double_click,
    file_names,
    find,
    make_three,
    names,
    save_as,
    status,
    type_payload,
)
from loopback import recv_exactly
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from netbench.core.saved_messages_format import FORMAT_NAME, parse_library


@pytest.fixture
def window_tab():
    """These tests start on the Client tab."""
    return "client"


# -- saving and sharing ---------------------------------------------------------------------


def test_an_empty_list_says_how_to_start(window):
    assert names(window) == []
    empty = find(window, "client.snippets_empty")
    assert empty.isVisible()
    assert empty.text() == "No saved messages yet: type a payload and press Save"
    assert not find(window, "client.snippet_export").isEnabled()


def test_saved_in_one_session_shows_everywhere_and_after_a_restart(
    open_window, snippets_file, pump
):
    window = open_window()
    type_payload(window, REGISTER, mode="hex")
    save_as(window, "read register 1")
    assert names(window) == ["read register 1"]
    assert status(window) == "Saved “read register 1”"
    assert not find(window, "client.snippets_empty").isVisible()
    assert find(window, "client.snippets_toggle").text() == "Saved messages (1)"

    window.client_tab.add_panel()
    assert names(window, "client.2") == ["read register 1"]
    assert names(window, "server") == ["read register 1"]
    find(window, "client.2.input").setPlainText("second")
    save_as(window, "from session 2", "client.2")
    assert names(window) == ["read register 1", "from session 2"]
    assert file_names(snippets_file) == ["read register 1", "from session 2"]
    window.close()

    again = open_window()
    assert names(again) == ["read register 1", "from session 2"]
    again.client_tab.current_panel.snippets.load(
        again.client_tab.current_panel.snippets.index_of("read register 1")
    )
    assert find(again, "client.input").toPlainText() == REGISTER
    assert find(again, "client.input_mode").currentData() == "hex"
    assert again.client_tab.current_panel.editor.payload() == bytes.fromhex("010300000001840A")


def test_the_file_is_versioned_json_written_without_temporary_files(window, snippets_file):
    type_payload(window, "你好", encoding="gbk", ending="crlf")
    save_as(window, "问候")
    document = json.loads(snippets_file.read_text("utf-8"))
    assert document["format"] == FORMAT_NAME and document["version"] == 1
    entry = document["snippets"][0]
    assert (entry["name"], entry["text"], entry["encoding"], entry["line_ending"]) == (
        "问候",
        "你好",
        "gbk",
        "crlf",
    )
    assert sorted(p.name for p in snippets_file.parent.iterdir()) == ["snippets.json"]


def test_save_asks_for_a_name_inline_and_refuses_an_invalid_payload(window):
    type_payload(window, "hello")
    find(window, "client.snippet_save").click()
    assert status(window) == "Type a name for the payload, then press Enter"
    assert find(window, "client.snippet_name").hasFocus() or not window.isActiveWindow()
    type_payload(window, "01 0", mode="hex")
    save_as(window, "broken")
    assert status(window).startswith("Cannot save: odd number of hex digits")
    assert names(window) == []
    find(window, "client.snippet_name").setText("bad\tname")
    type_payload(window, "ok")
    find(window, "client.snippet_save").click()
    assert "control character" in status(window)


def test_saving_under_an_existing_name_updates_it_and_undo_brings_it_back(window, snippets_file):
    type_payload(window, "first")
    save_as(window, "a")
    type_payload(window, "other")
    save_as(window, "b")
    type_payload(window, "changed")
    save_as(window, "a")
    assert names(window) == ["a", "b"]
    assert status(window) == "Updated “a”"
    assert parse_library(snippets_file.read_bytes())[0].text == "changed"
    find(window, "client.snippet_undo").click()
    assert parse_library(snippets_file.read_bytes())[0].text == "first"
    assert not find(window, "client.snippet_undo").isVisible()


# -- loading and sending --------------------------------------------------------------------


def test_click_and_enter_load_without_sending(window):
    type_payload(window, "PING\\r\\n", mode="escapes")
    save_as(window, "ping")
    type_payload(window, "something else")
    find(window, "client.snippet_name").clear()
    click(window, "ping")
    editor = window.client_tab.current_panel.editor
    assert editor.state().text == "PING\\r\\n" and editor.state().mode == "escapes"
    assert find(window, "client.snippet_name").text() == "ping"
    assert editor.history == ()

    type_payload(window, "something else")
    view = find(window, "client.snippets")
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert editor.state().text == "PING\\r\\n"
    assert editor.history == ()


def test_double_click_without_a_connection_loads_and_says_connect_first(window):
    type_payload(window, "hello")
    save_as(window, "greeting")
    type_payload(window, "draft")
    double_click(window, "greeting")
    assert status(window) == "Connect first: “greeting” is in the editor, ready to send"
    assert window.client_tab.current_panel.editor.state().text == "hello"
    assert window.client_tab.current_panel.messages_out == 0


def test_double_click_sends_exactly_the_saved_bytes_over_tcp(window, pump, in_thread, server):
    type_payload(window, "AT+ID?\\x00\\xff\\\\", mode="escapes", encoding="latin-1", ending="crlf")
    save_as(window, "escapes")
    type_payload(window, REGISTER, mode="hex", ending="lf")
    save_as(window, "register")
    type_payload(window, "")
    panel, conn = connect_client(window, pump, in_thread, server)
    try:
        double_click(window, "escapes")
        expected = b"AT+ID?\x00\xff\\\r\n"
        assert in_thread(recv_exactly, conn, len(expected)) == expected
        view = find(window, "client.snippets")
        view.setCurrentIndex(view.model().index(names(window).index("register"), 0))
        QTest.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        expected = bytes.fromhex("010300000001840A") + b"\n"
        assert in_thread(recv_exactly, conn, len(expected)) == expected
        pump(lambda: panel.messages_out == 2)
        conn.settimeout(0.2)
        with pytest.raises(TimeoutError):
            conn.recv(1)  # nothing more than the two messages
        assert status(window) == ""  # the transcript shows what was sent
    finally:
        conn.close()


def test_a_saved_checksum_goes_out_with_the_message_over_tcp(window, pump, in_thread, server):
    """Saved with CRC-16/MODBUS, sent after the editor's checksum was turned off: with CRC."""
    type_payload(window, REQUEST, mode="hex")
    choose_checksum(window, "crc16-modbus")
    save_as(window, "read register 1")
    assert status(window) == "Saved “read register 1”"
    choose_checksum(window, "none")
    type_payload(window, "something else")
    panel, conn = connect_client(window, pump, in_thread, server)
    try:
        double_click(window, "read register 1")
        expected = bytes.fromhex("010300000001840A")
        assert in_thread(recv_exactly, conn, len(expected)) == expected
        pump(lambda: panel.messages_out == 1)
        conn.settimeout(0.2)
        with pytest.raises(TimeoutError):
            conn.recv(1)  # exactly the request and its CRC, nothing more
        assert find(window, "client.checksum").currentData() == "crc16-modbus"
        assert find(window, "client.input").toPlainText() == REQUEST
    finally:
        conn.close()


def test_the_checksum_is_saved_in_the_file_and_comes_back_after_a_restart(
    open_window, snippets_file
):
    window = open_window()
    type_payload(window, ":010300000001", ending="crlf")
    choose_checksum(window, "lrc-ascii")
    find(window, "client.checksum_skip").setValue(1)
    save_as(window, "ascii request")
    type_payload(window, REQUEST, mode="hex")
    choose_checksum(window, "crc32")
    order = find(window, "client.checksum_order")
    order.setCurrentIndex(order.findData("little"))
    save_as(window, "crc32 le")
    entries = json.loads(snippets_file.read_text("utf-8"))["snippets"]
    assert entries[0]["checksum"] == {
        "algorithm": "lrc-ascii",
        "order": None,
        "skip": 1,
        "placement": "before-line-ending",
    }
    assert entries[1]["checksum"]["order"] == "little"
    window.close()

    again = open_window()
    editor = again.client_tab.current_panel.editor
    click(again, "ascii request")
    assert editor.payload(1) == b":010300000001FB\r\n"
    assert find(again, "client.checksum_skip").value() == 1
    assert find(again, "client.checksum_options").isVisible()
    click(again, "crc32 le")
    assert find(again, "client.checksum_order").currentData() == "little"
    assert editor.payload(1)[:6] == bytes.fromhex(REQUEST)
    assert len(editor.payload(1)) == 10


def test_a_message_saved_without_a_checksum_loads_without_one(window):
    type_payload(window, "PING")
    save_as(window, "ping")
    choose_checksum(window, "sum8")
    click(window, "ping")
    assert find(window, "client.checksum").currentData() == "none"
    assert window.client_tab.current_panel.editor.payload(1) == b"PING"


def test_the_server_tab_sends_a_saved_message_to_the_selected_peer(window, pump, in_thread):
    window.tabs.setCurrentWidget(window.server_tab)
    type_payload(window, "OK\\r\\n", mode="escapes", prefix="server")
    save_as(window, "ok", "server")
    assert names(window, "client") == ["ok"]
    double_click(window, "ok", "server")
    assert status(window, "server") == (
        "Start the listener first: “ok” is in the editor, ready to send"
    )

    panel = window.server_tab.current_panel
    find(window, "server.port").setText("0")
    find(window, "server.start").click()
    pump(lambda: panel.is_running, 10)
    port = int(panel.listener.address.rsplit(":", 1)[1])
    client = socket.create_connection(("127.0.0.1", port), timeout=5)
    try:
        pump(lambda: panel.peers_model.rowCount() == 1)
        panel.select_peer(panel.peers_model.row(0).name)
        double_click(window, "ok", "server")
        assert in_thread(recv_exactly, client, 4) == b"OK\r\n"
    finally:
        client.close()


# -- editing the list -----------------------------------------------------------------------


def rename_inline(view, row, text, pump):
    """F2 on a row, type the new name in the editor that opens, Enter."""
    view.setCurrentIndex(view.model().index(row, 0))
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_F2)

    def open_editor():
        editors = view.findChildren(QLineEdit, "snippet_rename_editor")
        return next((e for e in editors if e.isVisible()), None)

    pump(lambda: open_editor() is not None)
    editor = open_editor()
    editor.setText(text)
    QTest.keyClick(editor, Qt.Key.Key_Return)


def test_f2_renames_inline_and_a_taken_name_is_refused(window, snippets_file, pump):
    make_three(window)
    view = find(window, "client.snippets")
    rename_inline(view, 0, "uno", pump)
    pump(lambda: names(window)[0] == "uno")
    assert status(window) == "Renamed “one” to “uno”"
    assert file_names(snippets_file) == ["uno", "two", "three"]

    rename_inline(view, 1, "three", pump)
    pump(lambda: "Not renamed" in status(window))
    assert status(window) == "Not renamed: a saved message is already called “three”"
    assert names(window) == ["uno", "two", "three"]


def test_delete_with_del_and_undo_it(window, snippets_file):
    make_three(window)
    view = find(window, "client.snippets")
    view.setCurrentIndex(view.model().index(1, 0))
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert names(window) == ["one", "three"]
    assert file_names(snippets_file) == ["one", "three"]
    assert status(window) == "Deleted “two”"
    find(window, "client.snippet_undo").click()
    assert names(window) == ["one", "two", "three"]
    assert file_names(snippets_file) == ["one", "two", "three"]

    view.selectAll()
    find(window, "client.snippet_delete").click()
    assert names(window) == []
    assert status(window) == "Deleted 3 saved messages"
    find(window, "client.snippet_undo").click()
    assert names(window) == ["one", "two", "three"]


def test_move_up_and_down_and_the_order_is_kept(window, snippets_file):
    make_three(window)
    view = find(window, "client.snippets")
    view.setCurrentIndex(view.model().index(-1, 0))
    find(window, "client.snippet_up").click()
    assert status(window) == "Select the message to move first"
    find(window, "client.snippet_delete").click()
    assert status(window) == "Select the messages to delete first"
    view.setCurrentIndex(view.model().index(2, 0))
    find(window, "client.snippet_up").click()
    assert names(window) == ["one", "three", "two"]
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert names(window) == ["three", "one", "two"]
    find(window, "client.snippet_down").click()
    assert names(window) == ["one", "three", "two"]
    assert file_names(snippets_file) == ["one", "three", "two"]
    assert view.currentIndex().data() == "three"


def test_the_filter_finds_by_name_note_or_text(window):
    make_three(window)
    type_payload(window, "needle in the text")
    save_as(window, "haystack")
    find(window, "client.snippet_filter").setText("NEEDLE")
    assert names(window) == ["haystack"]
    find(window, "client.snippet_filter").setText("t")
    assert names(window) == ["two", "three", "haystack"]
    find(window, "client.snippet_filter").setText("nothing like it")
    assert names(window) == []
    assert find(window, "client.snippets_empty").text() == (
        "No saved message matches “nothing like it”"
    )
    assert names(window, "server") == ["one", "two", "three", "haystack"]


def test_the_tooltip_shows_the_bytes_in_hex(window):
    type_payload(window, REGISTER, mode="hex", ending="crlf")
    save_as(window, "register")
    type_payload(window, "héllo\\n", mode="escapes")
    save_as(window, "text " + "long " * 37)
    view = find(window, "client.snippets")
    hex_tip = view.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "01 03 00 00 00 01 84 0a 0d 0a" in hex_tip
    assert "Hex · CRLF · 10 B" in hex_tip
    text_tip = view.model().index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "h\\xc3\\xa9llo" not in text_tip and "héllo\\n" in text_tip
    assert "68 c3 a9 6c 6c 6f 0a" in text_tip
    rect = view.visualRect(view.model().index(1, 0))
    # a long name is cut, not widened, and the whole row is the item
    assert rect.width() == view.viewport().width()


def test_the_tooltip_names_the_checksum_and_counts_it_apart(window):
    type_payload(window, REQUEST, mode="hex")
    choose_checksum(window, "crc16-modbus")
    save_as(window, "read register 1")
    type_payload(window, "\\x02AB", mode="escapes", ending="cr")
    choose_checksum(window, "crc16-ccitt-false")
    order = find(window, "client.checksum_order")
    order.setCurrentIndex(order.findData("little"))
    find(window, "client.checksum_skip").setValue(1)
    placement = find(window, "client.checksum_placement")
    placement.setCurrentIndex(placement.findData("after-line-ending"))
    save_as(window, "framed")
    model = find(window, "client.snippets").model()
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Hex · CRC-16/MODBUS · 6 B + 2" in tip
    assert "01 03 00 00 00 01 84 0a" in tip
    framed = model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert (
        "Text with escapes · UTF-8 · CR · CRC-16/CCITT-FALSE (low byte first, skipping the "
        "first byte, after the line ending) · 4 B + 2"
    ) in framed
    description = model.index(0, 0).data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert description == "Hex · CRC-16/MODBUS"


def test_the_panel_folds_to_its_title(window):
    toggle = find(window, "client.snippets_toggle")
    panel = window.client_tab.current_panel.snippets
    toggle.click()
    assert panel.collapsed and not find(window, "client.snippets").isVisible()
    assert QSettings().value("snippets/collapsed", type=bool)
    toggle.click()
    assert not panel.collapsed


# -- the context menu ----------------------------------------------------------------------


def test_the_context_menu_offers_the_actions_and_they_work(window):
    make_three(window)
    panel = window.client_tab.current_panel.snippets
    view = find(window, "client.snippets")
    menu = panel.context_menu(view.visualRect(view.model().index(1, 0)).center())
    texts = [action.text() for action in menu.actions()]
    assert texts == ["Send", "Load into the editor", "Rename", "Delete", "Export selected…"]
    type_payload(window, "draft")
    find(window, "client.snippet_menu_load").trigger()
    assert window.client_tab.current_panel.editor.state().text == "two"
    find(window, "client.snippet_menu_send").trigger()
    assert status(window).startswith("Connect first")
    menu.close()

    menu = panel.context_menu(QPoint(5, view.viewport().height() - 2))
    assert [action.text() for action in menu.actions()] == ["Import…"]
    menu.close()
