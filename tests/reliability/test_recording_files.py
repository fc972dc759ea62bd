"""A recording's file under hostile conditions: deleted or moved while recording, and a
disk that fills up."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from netbench.core.recording.writer import FileLoss, FileRecorder
from netbench.core.transcript import Direction, Record


def records(count: int, size: int = 100) -> list[Record]:
    return [Record(1.0 + i, Direction.IN, "127.0.0.1:5", b"x" * size) for i in range(count)]


def test_the_recorder_notices_its_folder_was_removed(tmp_path: Path):
    folder = tmp_path / "DIR"
    folder.mkdir()
    recorder = FileRecorder(folder / "rec.jsonl")
    recorder.write_many(records(3))
    assert not recorder.check()
    # Removed by another process, as a user's rm -rf would.
    subprocess.run(["rm", "-rf", str(folder)], check=True)
    recorder.write_many(records(400))
    assert recorder.check() and recorder.loss is FileLoss.DELETED
    assert not recorder.check()  # said once
    assert recorder.records_written == 403
    recorder.close()


def test_the_recorder_notices_its_file_moved_and_another_in_its_place(tmp_path: Path):
    path = tmp_path / "rec.jsonl"
    recorder = FileRecorder(path)
    recorder.write_many(records(1))
    path.rename(tmp_path / "moved.jsonl")
    path.write_text("another file\n")
    assert recorder.check() and recorder.loss is FileLoss.MOVED
    recorder.close()
    # Replaced by a rename over it: our file is unlinked, so that is a deletion.
    recorder = FileRecorder(path)
    (tmp_path / "other").write_text("x")
    os.replace(tmp_path / "other", path)
    assert recorder.check() and recorder.loss is FileLoss.DELETED
    recorder.close()


@contextlib.contextmanager
def small_tmpfs(where: Path):
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(where)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(recorder: FileRecorder) -> OSError | None:
    """Write until the disk says no; the error it gave."""
    try:
        for _ in range(1000):
            recorder.write_many(records(100, size=1000))
    except OSError as exc:
        return exc
    return None


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small tmpfs needs root")
def test_a_full_disk_stops_the_recording_with_the_reason(tmp_path: Path):
    with small_tmpfs(tmp_path / "small") as disk:
        recorder = FileRecorder(disk / "rec.jsonl")
        failure = fill(recorder)
        assert failure is not None and failure.errno == errno.ENOSPC
        assert 0 < recorder.records_written < 100_000
        with contextlib.suppress(OSError):
            recorder.close()
        assert not recorder.is_open
    assert shutil.disk_usage(tmp_path).free > 0
