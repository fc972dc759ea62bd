"""The payload editor, driven with real key events as a user would."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from netbench.core.checksum import ByteOrder, Checksum, ChecksumSpec, Placement
from netbench.core.errors import PayloadError
from netbench.core.payload import InputMode, LineEnding
from netbench.ui.sending.payload_editor import PayloadDraft, PayloadEditor
from netbench.ui.sending.payload_history import HISTORY_LIMIT

PREFIX = "client"


@pytest.fixture
def editor(qtbot) -> PayloadEditor:
    widget = PayloadEditor(PREFIX)
    qtbot.addWidget(widget)
    return widget


def child(editor: PayloadEditor, cls: type, name: str):
    found = editor.findChild(cls, f"{PREFIX}.{name}")
    assert found is not None, name
    return found


def text_box(editor: PayloadEditor) -> QPlainTextEdit:
    return child(editor, QPlainTextEdit, "input")


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type `text`: ASCII as key presses, anything else as an input method commits it.

    QTest can only press keys for ASCII characters; CJK text really arrives from an input
    method, as a commit string.
    """
    for is_ascii, run in itertools.groupby(text, key=str.isascii):
        chunk = "".join(run)
        if is_ascii:
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def choose(editor: PayloadEditor, name: str, data: str) -> None:
    """Pick a combo entry by its data, as a user picking from the list would."""
    combo: QComboBox = child(editor, QComboBox, name)
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def ctrl_enter(qtbot, editor: PayloadEditor) -> None:
    qtbot.keyClick(text_box(editor), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def sent_by_ctrl_enter(qtbot, editor: PayloadEditor) -> list[bytes]:
    sent: list[bytes] = []
    editor.send_requested.connect(sent.append)
    ctrl_enter(qtbot, editor)
    return sent


def test_text_mode_sends_exact_bytes_with_crlf(qtbot, editor):
    type_text(qtbot, text_box(editor), "hello")
    choose(editor, "input_line_ending", LineEnding.CRLF.value)
    with qtbot.waitSignal(editor.send_requested, timeout=1000) as blocker:
        qtbot.mouseClick(child(editor, QAbstractButton, "send"), Qt.MouseButton.LeftButton)
    assert blocker.args == [b"hello\r\n"]
    assert editor.payload() == b"hello\r\n"


def test_text_mode_backslash_is_literal_and_enter_is_a_newline(qtbot, editor):
    box = text_box(editor)
    type_text(qtbot, box, "a\\n")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    type_text(qtbot, box, "b")
    assert sent_by_ctrl_enter(qtbot, editor) == [b"a\\n\nb"]


def test_escapes_mode(qtbot, editor):
    choose(editor, "input_mode", InputMode.ESCAPES.value)
    type_text(qtbot, text_box(editor), "a\\x00b\\n")
    assert sent_by_ctrl_enter(qtbot, editor) == [b"a\x00b\n"]


def test_keypad_enter_with_ctrl_sends(qtbot, editor):
    type_text(qtbot, text_box(editor), "x")
    sent: list[bytes] = []
    editor.send_requested.connect(sent.append)
    qtbot.keyClick(
        text_box(editor),
        Qt.Key.Key_Enter,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.KeypadModifier,
    )
    assert sent == [b"x"]


def test_gbk_encoding(qtbot, editor):
    choose(editor, "input_encoding", "gbk")
    type_text(qtbot, text_box(editor), "你好")
    assert sent_by_ctrl_enter(qtbot, editor) == [b"\xc4\xe3\xba\xc3"]


def test_invalid_hex_names_the_position_and_sends_nothing(qtbot, editor):
    choose(editor, "input_mode", InputMode.HEX.value)
    box = text_box(editor)
    type_text(qtbot, box, "48 6g")
    error: QLabel = child(editor, QLabel, "input_error")
    assert not error.isHidden()
    assert "position 4" in error.text()
    assert not editor.is_valid
    assert not child(editor, QAbstractButton, "send").isEnabled()
    with pytest.raises(PayloadError) as caught:
        editor.payload()
    assert caught.value.position == 4

    assert sent_by_ctrl_enter(qtbot, editor) == []
    assert box.toPlainText() == "48 6g"
    assert not error.isHidden()
    # The failed send puts the cursor on the culprit.
    assert box.textCursor().position() == 4


def test_error_selection_covers_the_bad_character(qtbot, editor):
    choose(editor, "input_mode", InputMode.HEX.value)
    type_text(qtbot, text_box(editor), "48 6g")
    selections = text_box(editor).extraSelections()
    assert len(selections) == 1
    cursor = selections[0].cursor
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (4, 5)
    assert cursor.selectedText() == "g"


def test_error_selection_counts_characters_outside_the_bmp(qtbot, editor):
    # Qt counts positions in UTF-16 units; the emoji is one Python character but two units.
    choose(editor, "input_mode", InputMode.ESCAPES.value)
    editor.set_payload("😀\\q", InputMode.ESCAPES)
    selections = text_box(editor).extraSelections()
    assert selections[0].cursor.selectedText() == "\\"


def test_fixing_the_error_hides_it_and_enables_send(qtbot, editor):
    choose(editor, "input_mode", InputMode.HEX.value)
    box = text_box(editor)
    type_text(qtbot, box, "48 6g")
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    type_text(qtbot, box, "5")
    assert editor.is_valid
    assert child(editor, QLabel, "input_error").isHidden()
    assert child(editor, QAbstractButton, "send").isEnabled()
    assert box.extraSelections() == []
    assert sent_by_ctrl_enter(qtbot, editor) == [b"\x48\x65"]


def test_odd_hex_digit_count(qtbot, editor):
    choose(editor, "input_mode", InputMode.HEX.value)
    type_text(qtbot, text_box(editor), "48 656")
    assert not editor.is_valid
    error = child(editor, QLabel, "input_error")
    assert "odd number of hex digits" in error.text()
    assert "position 5" in error.text()
    assert sent_by_ctrl_enter(qtbot, editor) == []


def test_encoding_change_revalidates(qtbot, editor):
    type_text(qtbot, text_box(editor), "ab你")
    assert editor.is_valid
    choose(editor, "input_encoding", "ascii")
    assert not editor.is_valid
    assert "position 2" in child(editor, QLabel, "input_error").text()
    choose(editor, "input_encoding", "gb18030")
    assert editor.payload() == "ab你".encode("gb18030")


@pytest.mark.parametrize(
    ("encoding", "typed"),
    [
        ("utf-8", "你好, world"),
        ("gbk", "你好"),
        ("utf-16-le", "héllo 世界"),
    ],
)
def test_mode_switch_keeps_the_bytes(qtbot, editor, encoding, typed):
    choose(editor, "input_encoding", encoding)
    type_text(qtbot, text_box(editor), typed)
    original = editor.payload()
    choose(editor, "input_mode", InputMode.HEX.value)
    assert editor.payload() == original
    assert text_box(editor).toPlainText() == original.hex(" ")
    choose(editor, "input_mode", InputMode.ESCAPES.value)
    assert editor.payload() == original
    choose(editor, "input_mode", InputMode.TEXT.value)
    assert editor.payload() == original
    assert text_box(editor).toPlainText() == typed


def test_mode_switch_keeps_control_characters_and_backslashes(qtbot, editor):
    choose(editor, "input_mode", InputMode.ESCAPES.value)
    type_text(qtbot, text_box(editor), "中\\x00\\r\\n\\\\x\\t")
    original = editor.payload()
    assert original == "中\x00\r\n\\x\t".encode()
    choose(editor, "input_mode", InputMode.HEX.value)
    assert editor.payload() == original
    choose(editor, "input_mode", InputMode.ESCAPES.value)
    assert editor.payload() == original
    assert text_box(editor).toPlainText() == "中\\0\\r\\n\\\\x\\t"


def test_text_to_escapes_escapes_backslashes(qtbot, editor):
    box = text_box(editor)
    type_text(qtbot, box, "C:\\temp")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    type_text(qtbot, box, "x")
    original = editor.payload()
    choose(editor, "input_mode", InputMode.ESCAPES.value)
    assert box.toPlainText() == "C:\\\\temp\\nx"
    assert editor.payload() == original


def test_mode_switch_leaves_invalid_text_alone(qtbot, editor):
    choose(editor, "input_mode", InputMode.HEX.value)
    type_text(qtbot, text_box(editor), "48 6g")
    choose(editor, "input_mode", InputMode.ESCAPES.value)
    assert text_box(editor).toPlainText() == "48 6g"
    assert editor.payload() == b"48 6g"


def test_bytes_that_plain_text_cannot_hold_stay_as_escapes_text(qtbot, editor):
    # A carriage return would turn into a line break in the text box, so switching to
    # plain text keeps the escapes as typed rather than silently changing the bytes.
    choose(editor, "input_mode", InputMode.ESCAPES.value)
    type_text(qtbot, text_box(editor), "a\\r")
    choose(editor, "input_mode", InputMode.TEXT.value)
    assert text_box(editor).toPlainText() == "a\\r"


def test_no_break_space_survives_in_text_mode(qtbot, editor):
    editor.set_payload("a\u00a0b")
    assert editor.payload() == "a\u00a0b".encode()
    assert editor.state().text == "a\u00a0b"


def test_history_walks_older_payloads_and_back_to_the_draft(qtbot, editor):
    box = text_box(editor)
    sent: list[bytes] = []
    editor.send_requested.connect(sent.append)

    type_text(qtbot, box, "first")
    ctrl_enter(qtbot, editor)
    box.clear()
    choose(editor, "input_mode", InputMode.HEX.value)
    choose(editor, "input_line_ending", LineEnding.LF.value)
    type_text(qtbot, box, "01 02")
    ctrl_enter(qtbot, editor)
    assert sent == [b"first", b"\x01\x02\n"]

    box.clear()
    choose(editor, "input_mode", InputMode.TEXT.value)
    choose(editor, "input_line_ending", LineEnding.NONE.value)
    type_text(qtbot, box, "draft")

    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert editor.state() == PayloadDraft("01 02", InputMode.HEX, "utf-8", LineEnding.LF)
    assert child(editor, QComboBox, "input_mode").currentData() == InputMode.HEX.value
    assert child(editor, QComboBox, "input_line_ending").currentData() == LineEnding.LF.value
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert editor.state() == PayloadDraft("first", InputMode.TEXT, "utf-8", LineEnding.NONE)
    qtbot.keyClick(box, Qt.Key.Key_Up)  # nothing older: stays
    assert editor.state().text == "first"

    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert editor.state().text == "01 02"
    assert editor.payload() == b"\x01\x02\n"
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert editor.state() == PayloadDraft("draft", InputMode.TEXT, "utf-8", LineEnding.NONE)
    qtbot.keyClick(box, Qt.Key.Key_Down)  # nothing newer than the draft
    assert editor.state().text == "draft"


def test_history_up_after_sending_skips_the_payload_still_in_the_box(qtbot, editor):
    box = text_box(editor)
    for word in ("one", "two"):
        box.clear()
        type_text(qtbot, box, word)
        ctrl_enter(qtbot, editor)
    assert box.toPlainText() == "two"  # the text stays after sending
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert box.toPlainText() == "one"
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.toPlainText() == "two"


def test_up_inside_multiline_text_moves_the_cursor_not_the_history(qtbot, editor):
    box = text_box(editor)
    type_text(qtbot, box, "old")
    ctrl_enter(qtbot, editor)
    box.clear()
    type_text(qtbot, box, "line 1")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    type_text(qtbot, box, "line 2")
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert box.toPlainText() == "line 1\nline 2"
    assert box.textCursor().blockNumber() == 0
    # Ctrl+Up walks the history from anywhere.
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert box.toPlainText() == "old"
    qtbot.keyClick(box, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert box.toPlainText() == "line 1\nline 2"


def test_history_has_no_consecutive_duplicates_and_a_limit(qtbot, editor):
    box = text_box(editor)
    type_text(qtbot, box, "same")
    ctrl_enter(qtbot, editor)
    ctrl_enter(qtbot, editor)
    assert len(editor.history) == 1
    for number in range(HISTORY_LIMIT + 5):
        editor.set_payload(str(number))
        editor.request_send()
    assert len(editor.history) == HISTORY_LIMIT
    assert editor.history[-1].text == str(HISTORY_LIMIT + 4)


def test_preview_shows_byte_count_and_hex(qtbot, editor):
    preview = child(editor, QLabel, "input_preview")
    assert preview.text() == "0 bytes"
    type_text(qtbot, text_box(editor), "hello")
    choose(editor, "input_line_ending", LineEnding.LF.value)
    assert preview.text() == "6 bytes: 68 65 6c 6c 6f 0a"
    editor.set_payload("x" * 40)
    assert preview.text().startswith("40 bytes: 78 78")
    assert preview.text().endswith("…")
    editor.set_payload("y")
    assert preview.text() == "1 byte: 79"


def test_send_not_allowed(qtbot, editor):
    type_text(qtbot, text_box(editor), "x")
    editor.set_send_allowed(False)
    assert not child(editor, QAbstractButton, "send").isEnabled()
    assert sent_by_ctrl_enter(qtbot, editor) == []
    editor.set_send_allowed(True)
    assert child(editor, QAbstractButton, "send").isEnabled()


def test_set_payload_and_state_round_trip(qtbot, editor):
    editor.set_payload("\\x01", "escapes", "GBK", "crlf")
    assert editor.state() == PayloadDraft("\\x01", InputMode.ESCAPES, "gbk", LineEnding.CRLF)
    assert editor.payload() == b"\x01\r\n"
    assert child(editor, QComboBox, "input_encoding").currentData() == "gbk"
    with pytest.raises(ValueError, match="not supported"):
        editor.set_payload("x", InputMode.TEXT, "utf-16")


def test_placeholder_follows_the_mode(qtbot, editor):
    box = text_box(editor)
    assert "Ctrl+Enter" in box.placeholderText()
    choose(editor, "input_mode", InputMode.HEX.value)
    assert "48 65" in box.placeholderText()
    choose(editor, "input_mode", InputMode.ESCAPES.value)
    assert "\\xNN" in box.placeholderText()


def test_controls_have_unique_prefixed_names_and_accessible_names(qtbot, editor):
    interactive = (QAbstractButton, QComboBox, QPlainTextEdit, QSpinBox)
    controls = [
        widget
        for widget in editor.findChildren(QWidget)
        if isinstance(widget, interactive) or widget.objectName().startswith(f"{PREFIX}.")
    ]
    names = [widget.objectName() for widget in controls]
    assert len(names) == len(set(names)), names
    expected = {"input", "input_mode", "input_encoding", "input_line_ending", "input_error"}
    expected |= {"input_preview", "send", "checksum", "checksum_order", "checksum_skip"}
    expected |= {"checksum_placement"}
    assert {f"{PREFIX}.{name}" for name in expected} <= set(names)
    for widget in controls:
        assert widget.objectName().startswith(f"{PREFIX}."), widget
        assert widget.accessibleName(), widget.objectName()


def test_two_editors_do_not_clash(qtbot):
    server, client = PayloadEditor("server"), PayloadEditor("client")
    qtbot.addWidget(server)
    qtbot.addWidget(client)
    assert server.findChild(QPlainTextEdit, "server.input") is not None
    assert client.findChild(QPlainTextEdit, "server.input") is None


# -- templates and checksums ---------------------------------------------------------------


def test_preview_names_the_checksum_and_the_options_show_only_with_one(qtbot, editor):
    editor.show()
    options = child(editor, QWidget, "checksum_options")
    assert not options.isVisible()
    preview = child(editor, QLabel, "input_preview")
    choose(editor, "input_mode", InputMode.HEX.value)
    type_text(qtbot, text_box(editor), "01 03 00 00 00 01")
    choose(editor, "checksum", Checksum.CRC16_MODBUS.value)
    assert options.isVisible()
    assert preview.full_text == "8 bytes: 01 03 00 00 00 01 + CRC-16/MODBUS 84 0a"
    choose(editor, "checksum_order", ByteOrder.BIG.value)
    assert preview.full_text.endswith("+ CRC-16/MODBUS 0a 84")
    choose(editor, "checksum", Checksum.CRC32.value)  # a new algorithm, its own order
    assert child(editor, QComboBox, "checksum_order").currentData() == ByteOrder.BIG.value
    choose(editor, "checksum", Checksum.SUM8.value)
    assert not child(editor, QComboBox, "checksum_order").isEnabled()
    choose(editor, "input_line_ending", LineEnding.CRLF.value)
    assert preview.full_text == "9 bytes: 01 03 00 00 00 01 + Sum8 05 + 0d 0a"
    choose(editor, "checksum_placement", Placement.AFTER_LINE_ENDING.value)
    assert preview.full_text == "9 bytes: 01 03 00 00 00 01 0d 0a + Sum8 1c"
    assert sent_by_ctrl_enter(qtbot, editor) == [bytes.fromhex("01 03 00 00 00 01 0d 0a 1c")]
    choose(editor, "checksum", Checksum.NONE.value)
    assert not options.isVisible()


def test_a_modbus_ascii_frame_with_its_lrc(qtbot, editor):
    type_text(qtbot, text_box(editor), ":010300000001")
    choose(editor, "input_line_ending", LineEnding.CRLF.value)
    choose(editor, "checksum", Checksum.LRC_ASCII.value)
    error: QLabel = child(editor, QLabel, "input_error")
    assert "hex digits" in error.text() and "skip the ':'" in error.text()
    assert not child(editor, QAbstractButton, "send").isEnabled()
    child(editor, QSpinBox, "checksum_skip").setValue(1)
    assert error.isHidden()
    assert child(editor, QLabel, "input_preview").full_text.endswith(
        '+ LRC (Modbus ASCII) "FB" + 0d 0a'
    )
    assert sent_by_ctrl_enter(qtbot, editor) == [b":010300000001FB\r\n"]


def test_every_send_fills_the_counter_and_braces_can_be_escaped(qtbot, editor):
    type_text(qtbot, text_box(editor), "{{counter}}={counter} {}")
    preview = child(editor, QLabel, "input_preview")
    assert preview.full_text.startswith("send #1, 14 bytes:")
    sent = sent_by_ctrl_enter(qtbot, editor)
    ctrl_enter(qtbot, editor)
    assert sent == [b"{counter}=1 {}", b"{counter}=2 {}"]
    assert editor.sends == 2
    assert preview.full_text.startswith("send #3, ")
    editor.take_back_send()
    assert editor.payload() == b"{counter}=2 {}"


def test_hex_mode_has_no_templates(qtbot, editor):
    choose(editor, "input_mode", InputMode.HEX.value)
    editor.set_payload("7b 7d", InputMode.HEX)
    assert sent_by_ctrl_enter(qtbot, editor) == [b"{}"]


def test_history_and_drafts_bring_the_checksum_back(qtbot, editor):
    spec = ChecksumSpec(Checksum.CRC16_MODBUS, ByteOrder.BIG, 1, Placement.AFTER_LINE_ENDING)
    editor.set_payload("\\x02ab", InputMode.ESCAPES, "utf-8", LineEnding.LF, spec)
    assert editor.state() == PayloadDraft(
        "\\x02ab", InputMode.ESCAPES, "utf-8", LineEnding.LF, spec
    )
    assert child(editor, QSpinBox, "checksum_skip").value() == 1
    ctrl_enter(qtbot, editor)
    editor.set_draft(PayloadDraft("plain"))
    assert editor.state().checksum == ChecksumSpec()
    qtbot.keyClick(text_box(editor), Qt.Key.Key_Up)
    assert editor.state().checksum == spec
    assert child(editor, QComboBox, "checksum").currentData() == Checksum.CRC16_MODBUS.value
    assert PayloadDraft("old").checksum.algorithm is Checksum.NONE  # drafts saved before
