"""The saved-messages file on disk: atomic writes, unreadable files kept aside."""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from netbench.core import atomic_file
from netbench.core.atomic_file import set_aside, write_atomically
from netbench.core.errors import SnippetError
from netbench.core.saved_message_fields import make_snippet
from netbench.core.saved_messages import Snippet, SnippetLibrary
from netbench.core.saved_messages_file import (
    MAX_FILE_BYTES,
    load_library_file,
    read_library_file,
    save_library_file,
)
from netbench.core.saved_messages_format import dump_library

NOW = datetime(2024, 5, 1, 12, 30, 5, tzinfo=UTC)
needs_posix_permissions = pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="needs POSIX permissions, not root"
)


def library(*names: str) -> SnippetLibrary:
    return SnippetLibrary(tuple(make_snippet(n, n, now=NOW) for n in names))


def test_save_then_load_gives_the_library_back(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "dir" / "snippets.json"
    save_library_file(path, library("a", "b"))
    loaded = load_library_file(path, NOW)
    assert loaded.library == library("a", "b")
    assert (loaded.problem, loaded.kept_as, loaded.can_save) == ("", None, True)
    assert os.listdir(path.parent) == ["snippets.json"]  # no temporary file left


def test_no_file_is_an_empty_library_without_a_complaint(tmp_path: Path) -> None:
    loaded = load_library_file(tmp_path / "snippets.json", NOW)
    assert loaded.library == SnippetLibrary()
    assert loaded.problem == ""


def test_a_failure_while_writing_leaves_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "snippets.json"
    save_library_file(path, library("old"))
    before = path.read_bytes()

    def disk_full(handle: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_file.os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        save_library_file(path, library("new", "newer"))
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["snippets.json"]


def test_a_library_that_cannot_be_encoded_never_touches_the_file(tmp_path: Path) -> None:
    """A snippet built around the checks (a lone surrogate) fails before the file opens."""
    path = tmp_path / "snippets.json"
    save_library_file(path, library("old"))
    before = path.read_bytes()
    broken = SnippetLibrary((Snippet("bad", "\ud800"),))
    with pytest.raises(UnicodeEncodeError):
        save_library_file(path, broken)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["snippets.json"]


@needs_posix_permissions
def test_a_read_only_directory_fails_loudly_and_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "snippets.json"
    save_library_file(path, library("old"))
    before = path.read_bytes()
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(PermissionError):
            save_library_file(path, library("new"))
    finally:
        tmp_path.chmod(0o700)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["snippets.json"]


def test_write_atomically_replaces_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "f"
    write_atomically(path, b"a long first version")
    write_atomically(path, b"short")
    assert path.read_bytes() == b"short"


def test_a_corrupt_file_is_kept_aside_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "snippets.json"
    path.write_text('{"format": "netbench-snippets", "version": 1, "snippets": [', "utf-8")
    loaded = load_library_file(path, NOW)
    assert loaded.library == SnippetLibrary()
    assert "not a JSON file" in loaded.problem
    assert loaded.can_save
    assert loaded.kept_as == tmp_path / "snippets.json.corrupt-20240501-123005"
    assert loaded.kept_as.read_text("utf-8").endswith('"snippets": [')
    assert not path.exists()


def test_a_second_corrupt_file_in_the_same_second_gets_its_own_name(tmp_path: Path) -> None:
    path = tmp_path / "snippets.json"
    path.write_text("garbage 1")
    first = load_library_file(path, NOW).kept_as
    path.write_text("garbage 2")
    second = load_library_file(path, NOW).kept_as
    assert first is not None and second is not None and first != second
    assert (first.read_text(), second.read_text()) == ("garbage 1", "garbage 2")


def test_a_file_from_a_newer_version_is_kept_aside_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "snippets.json"
    path.write_text('{"format": "netbench-snippets", "version": 7, "snippets": []}')
    loaded = load_library_file(path, NOW)
    assert "version 7" in loaded.problem and "newer netbench" in loaded.problem
    assert loaded.kept_as is not None and loaded.kept_as.exists()


@needs_posix_permissions
def test_an_unreadable_file_is_left_alone_and_saving_is_off(tmp_path: Path) -> None:
    path = tmp_path / "snippets.json"
    save_library_file(path, library("mine"))
    path.chmod(0o000)
    try:
        loaded = load_library_file(path, NOW)
    finally:
        path.chmod(0o600)
    assert not loaded.can_save
    assert "cannot be read" in loaded.problem
    assert read_library_file(path) == library("mine")


def test_read_library_file_refuses_huge_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(SnippetError, match="cannot be read"):
        read_library_file(tmp_path / "missing.json")
    huge = tmp_path / "huge.json"
    huge.write_bytes(b" " * (MAX_FILE_BYTES + 1))
    with pytest.raises(SnippetError, match="larger than 16 MB"):
        read_library_file(huge)


def test_set_aside_moves_the_file(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text(dump_library(library("a")))
    target = set_aside(path, NOW, "old")
    assert target.name == "x.json.old-20240501-123005"
    assert not path.exists() and target.exists()


def test_a_data_dir_that_is_a_file_fails_loudly(tmp_path: Path) -> None:
    blocker = tmp_path / "netbench"
    blocker.write_text("not a directory")
    with pytest.raises(OSError, match=r"Not a directory|exists"):
        save_library_file(blocker / "snippets.json", library("a"))
    assert blocker.read_text() == "not a directory"


def test_a_file_name_taken_by_a_directory_is_left_alone_and_saving_is_off(
    tmp_path: Path,
) -> None:
    path = tmp_path / "snippets.json"
    (path / "inside").mkdir(parents=True)
    loaded = load_library_file(path, NOW)
    assert not loaded.can_save
    assert "cannot be read" in loaded.problem
    assert (path / "inside").is_dir()
