"""Sharing saved messages: export and import through the file dialogs, clashing names asked
about in the panel, a broken file refused whole, checksums kept."""

import json

import pytest
from helpers import (
    REQUEST,
    choose_checksum,
    click,
    file_names,
    find,
    make_three,
    names,
    save_as,
    status,
    type_payload,
)

from netbench.core.saved_messages_format import FORMAT_NAME


@pytest.fixture
def window_tab():
    """These tests start on the Client tab."""
    return "client"


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
