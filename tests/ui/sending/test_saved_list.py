"""Saved messages, driven through the window: save, share between senders, restart, send
over real loopback connections, rename, delete and undo, import and export through the
file dialogs, and the file kept safe when it cannot be read or written."""

import json
import socket

import pytest
from helpers import connect_client, find
from loopback import recv_exactly
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from netbench.core.saved_messages_format import FORMAT_NAME, parse_library

REGISTER = "01 03 00 00 00 01 84 0A"
# The same Modbus request typed without its CRC, for the editor to append.
REQUEST = "01 03 00 00 00 01"


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Each test has its own user data directory, so its saved messages are its own."""
    directory = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(directory))
    QSettings().remove("snippets/collapsed")
    return directory / "netbench"


@pytest.fixture
def snippets_file(data_dir):
    return data_dir / "snippets.json"


@pytest.fixture
def window_tab():
    """These tests start on the Client tab."""
    return "client"


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


def test_a_checksum_survives_export_and_import(window, tmp_path):
    type_payload(window, REQUEST, mode="hex")
    choose_checksum(window, "crc16-modbus")
    save_as(window, "read register 1")
    panel = window.client_tab.current_panel.snippets
    assert panel.export_file(tmp_path / "shared.json")
    find(window, "client.snippets").selectAll()
    find(window, "client.snippet_delete").click()
    assert names(window) == []
    assert panel.import_file(tmp_path / "shared.json")
    assert names(window) == ["read register 1"]
    choose_checksum(window, "none")
    click(window, "read register 1")
    assert window.client_tab.current_panel.editor.payload(1) == bytes.fromhex("010300000001840A")


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


def make_three(window):
    for name in ("one", "two", "three"):
        type_payload(window, name)
        save_as(window, name)


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


# -- import and export ----------------------------------------------------------------------


def test_export_and_import_through_the_file_dialogs(window, tmp_path, snippets_file):
    make_three(window)
    find(window, "client.snippet_export").click()
    panel = window.client_tab.current_panel.snippets
    dialog = panel.file_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.objectName() == "client.snippet_export_dialog"
    dialog.selectFile(str(tmp_path / "shared.json"))
    dialog.accept()
    assert panel.file_dialog is None
    assert file_names(tmp_path / "shared.json") == ["one", "two", "three"]
    assert status(window) == "Exported 3 saved messages to shared.json"

    find(window, "client.snippets").selectAll()
    find(window, "client.snippet_delete").click()
    assert names(window) == []
    find(window, "client.snippet_import").click()
    dialog = panel.file_dialog
    assert dialog.objectName() == "client.snippet_import_dialog"
    dialog.selectFile(str(tmp_path / "shared.json"))
    dialog.accept()
    assert names(window) == ["one", "two", "three"]
    assert status(window) == "Imported shared.json: 3 added"
    assert file_names(snippets_file) == ["one", "two", "three"]


def test_an_import_with_taken_names_asks_in_the_panel(window, tmp_path):
    make_three(window)
    panel = window.client_tab.current_panel.snippets
    panel.export_file(tmp_path / "mine.json")
    type_payload(window, "TWO, CHANGED")
    save_as(window, "two")

    panel.import_file(tmp_path / "mine.json")
    question = find(window, "client.snippet_duplicates")
    assert question.isVisible()
    assert find(window, "client.snippet_duplicates_text").text() == (
        "3 of the 3 messages in mine.json have names already in the list "
        "(“one”, “two”, “three”). What should happen to them?"
    )
    find(window, "client.snippet_keep_both").click()
    assert not question.isVisible()
    assert names(window) == ["one", "two", "three", "one (2)", "two (2)", "three (2)"]
    assert status(window) == "Imported mine.json: 0 added, 3 kept under new names"

    panel.import_file(tmp_path / "mine.json")
    find(window, "client.snippet_replace").click()
    assert panel.store.snippet(1).text == "two"
    assert status(window) == "Imported mine.json: 0 added, 3 replaced"

    panel.import_file(tmp_path / "mine.json")
    find(window, "client.snippet_import_cancel").click()
    assert status(window) == "Nothing was imported"
    assert len(names(window)) == 6


def test_a_bad_file_is_refused_whole_and_says_which_entry(window, tmp_path, snippets_file):
    make_three(window)
    before = snippets_file.read_bytes()
    bad = tmp_path / "from a colleague.json"
    bad.write_text(
        json.dumps(
            {
                "format": FORMAT_NAME,
                "version": 1,
                "snippets": [
                    {"name": "fine", "text": "ok"},
                    {"name": "read coil", "text": "01 01", "mode": "binary"},
                ],
            }
        ),
        "utf-8",
    )
    find(window, "client.snippet_import").click()
    dialog = window.client_tab.current_panel.snippets.file_dialog
    dialog.selectFile(str(bad))
    dialog.accept()
    assert status(window) == (
        "Nothing was imported from from a colleague.json: Entry 2 (“read coil”): "
        '"mode" is "binary"; expected one of "text", "escapes", "hex"'
    )
    assert "c62828" in find(window, "client.snippet_status").styleSheet()
    assert names(window) == ["one", "two", "three"]
    assert snippets_file.read_bytes() == before

    garbage = tmp_path / "photo.json"
    garbage.write_bytes(b"\x89PNG\r\n")
    window.client_tab.current_panel.snippets.import_file(garbage)
    assert "is not UTF-8" in status(window)
    assert names(window) == ["one", "two", "three"]


# -- the file kept safe ---------------------------------------------------------------------


def test_a_corrupt_file_is_kept_aside_and_said_once(open_window, snippets_file):
    snippets_file.parent.mkdir(parents=True)
    snippets_file.write_text('{"format": "netbench-snippets", "version": 1, "snippets": [{"na')
    window = open_window()
    kept = list(snippets_file.parent.glob("snippets.json.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_text().endswith('[{"na')
    for prefix in ("client", "server"):
        notice = find(window, f"{prefix}.snippet_notice_text").text()
        assert "could not be read (This is not a JSON file" in notice
        assert f"kept as {kept[0].name} next to it, and the list starts empty" in notice
        tip = find(window, f"{prefix}.snippet_notice_text").toolTip()
        assert str(snippets_file.parent) in tip
    assert find(window, "client.snippet_notice").isVisible()
    find(window, "client.snippet_notice_dismiss").click()
    assert not find(window, "client.snippet_notice").isVisible()
    assert find(window, "server.snippet_notice").isHidden()

    type_payload(window, "fresh")
    save_as(window, "fresh")
    assert file_names(snippets_file) == ["fresh"]
    assert kept[0].exists()


def test_a_failed_save_is_said_and_the_next_change_tries_again(window, tmp_path):
    store = window.snippets
    good_path = store.path
    blocker = tmp_path / "a file"
    blocker.write_text("in the way")
    store.path = blocker / "snippets.json"
    type_payload(window, "kept in memory")
    save_as(window, "kept")
    notice = find(window, "client.snippet_notice_text").text()
    assert "could not be written to" in notice and "the next change tries again" in notice
    assert names(window) == ["kept"]
    store.path = good_path
    type_payload(window, "second")
    save_as(window, "second")
    assert find(window, "client.snippet_notice").isHidden()
    assert file_names(good_path) == ["kept", "second"]


def test_a_file_that_cannot_be_opened_is_never_overwritten(open_window, snippets_file):
    (snippets_file / "something").mkdir(parents=True)  # a directory where the file should be
    window = open_window()
    assert "Changes are not saved" in find(window, "client.snippet_notice_text").text()
    type_payload(window, "x")
    save_as(window, "x")
    assert names(window) == ["x"]
    assert (snippets_file / "something").is_dir()


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
