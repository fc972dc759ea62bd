"""The saved-messages file kept safe when it cannot be read or written."""

import pytest
from helpers import (
    file_names,
    find,
    names,
    save_as,
    type_payload,
)


@pytest.fixture
def window_tab():
    """These tests start on the Client tab."""
    return "client"


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
