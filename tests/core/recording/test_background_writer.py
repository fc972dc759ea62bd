"""The recording's writer thread: order kept, a full disk said, memory bounded."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netbench.core.recording.background import BackgroundWriter
from netbench.core.recording.writer import FileRecorder
from netbench.core.transcript import Direction, Record


@settings(max_examples=30, deadline=None)
@given(st.lists(st.lists(st.binary(max_size=300), max_size=5), max_size=40))
def test_rows_reach_the_file_in_the_order_given(tmp_path_factory, batches):
    path = tmp_path_factory.mktemp("rows") / "rows.bin"
    writer = BackgroundWriter(path.open("ab"), limit=500)
    for rows in batches:
        writer.write(rows)
    writer.close()
    assert path.read_bytes() == b"".join(b"".join(rows) for rows in batches)


def test_wait_written_means_the_rows_are_in_the_file(tmp_path):
    path = tmp_path / "rows.bin"
    writer = BackgroundWriter(path.open("ab"))
    writer.write([b"one\n", b"two\n"])
    writer.wait_written()
    assert path.read_bytes() == b"one\ntwo\n"
    writer.close()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_disk_is_raised_and_stays_raised():
    writer = BackgroundWriter(open("/dev/full", "ab"))  # noqa: SIM115 - closed by the writer
    writer.write([b"x" * 100_000])
    with pytest.raises(OSError, match="No space") as raised:
        writer.wait_written()
    assert raised.value.errno == 28  # ENOSPC
    with pytest.raises(OSError, match="No space"):
        writer.write([b"more"])
    writer.close()  # said already: closing does not raise it again


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_disk_not_yet_said_is_raised_by_close():
    recorder = FileRecorder(Path("/dev/full"))
    recorder.write_many([Record(at=1.0, direction=Direction.IN, peer="p", data=b"x" * 100_000)])
    with pytest.raises(OSError, match="No space"):
        recorder.close()
    assert not recorder.is_open


def test_the_rows_waiting_are_bounded_in_bytes():
    """Past the limit, write waits for the disk (here a pipe nobody reads yet)."""
    read_end, write_end = os.pipe()
    writer = BackgroundWriter(os.fdopen(write_end, "wb"), limit=1_000)
    chunk = b"y" * 600
    handed = []

    def hand_over() -> None:
        for _ in range(400):  # 240 KB: more than the pipe holds and the limit together
            writer.write([chunk])
            handed.append(len(chunk))

    sender = threading.Thread(target=hand_over)
    sender.start()
    sender.join(0.5)
    assert sender.is_alive(), "write should wait while the file takes nothing"
    assert writer.pending_bytes <= 1_000 + len(chunk)
    received = 0
    while received < 400 * len(chunk):
        received += len(os.read(read_end, 1 << 16))
    sender.join(5)
    assert not sender.is_alive() and sum(handed) == received
    writer.close()
    os.close(read_end)
