"""A flood of lines through the real Server tab: every message counted, a recording that
holds every one of them a row per read, and a view that shows the newest."""

import json
import os
import socket
import subprocess
import sys
import threading
import time

from helpers import bound_port, find, start_listener
from PySide6.QtCore import QTimer

from netbench.core.recording.compact import to_json_lines
from netbench.core.recording.rows import END, RowStream
from netbench.net.read_gate import RECORDING_BYTES_PER_TICK

LINES = 200_000
LINE = b"x" * 31 + b"\n"

SENDER = f"""
import socket, sys
sock = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
block = {LINE!r} * 4096
for _ in range({LINES // 4096}):
    sock.sendall(block)
sock.close()
"""


def lines_read_back(path):
    """The messages Replay's reader gets from a recording (each checked), and whether the
    file is compact."""
    with path.open("rb") as handle:
        stream = RowStream(handle)
        messages = 0
        while (row := stream.next()) is not END:
            if row is not None and row.data:
                assert row.data == LINE[:-1]
                messages += 1
    return messages, stream.compact


def send_lines(port):
    """A peer in its own process, writing whole blocks of lines as fast as it can."""
    return subprocess.Popen([sys.executable, "-c", SENDER, str(port)])


def record_a_flood(window, pump, panel):
    """Flood the recording panel, wait until every line is recorded, stop; the lines sent."""
    sender = send_lines(bound_port(window))
    expected = LINES // 4096 * 4096
    pump(lambda: panel.messages_in == expected, 60)
    assert sender.wait(10) == 0
    pump(lambda: panel.transcript.recorder.records_written >= expected + 1, 30)
    find(window, "server.transcript_record").click()  # stop
    return expected


def test_a_recorded_flood_keeps_every_message_a_row_per_read(window, pump, tmp_path):
    panel = start_listener(window, pump, framing="lf")
    path = tmp_path / "flood.jsonl"
    assert panel.transcript.start_recording(path)
    expected = record_a_flood(window, pump, panel)
    with path.open("rb") as handle:
        raw_rows = handle.read().splitlines()
    read_rows = [json.loads(r) for r in raw_rows if b'"count": ' in r]
    # A row per read, each holding many lines: far fewer rows than messages.
    assert read_rows and len(raw_rows) < expected / 10
    assert all(r["delimiter"] == "0a" and r["keep"] is False for r in read_rows)
    assert lines_read_back(path) == (expected, False)
    # The view shows the newest rows; every other message is counted, not dropped.
    model = panel.transcript.model
    pump(lambda: model.totals.messages_in == expected, 10)
    assert 0 < model.rowCount() <= model.capacity


def test_a_recording_to_a_stalled_disk_never_stops_the_window(window, pump, tmp_path):
    """Record to a file that takes nothing for a while (a pipe nobody reads: a stalled
    disk). The window goes on, its timers on time, while the network waits for the file;
    once the file takes bytes again, every message is in it."""
    panel = start_listener(window, pump, framing="lf")
    path = tmp_path / "stalled.jsonl"
    os.mkfifo(path)
    reader = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # there, but not reading yet
    os.set_blocking(reader, True)
    taken = bytearray()
    drain_now = threading.Event()

    def drain():
        drain_now.wait(8)  # at the latest: a window that waits for the disk gets it back
        while chunk := os.read(reader, 1 << 20):
            taken.extend(chunk)

    drainer = threading.Thread(target=drain, daemon=True)
    drainer.start()
    assert panel.transcript.start_recording(path)
    recorder = panel.transcript.recorder
    senders = [send_lines(bound_port(window)) for _ in range(3)]  # more than the file waits for
    pump(lambda: not recorder.has_room, 30)  # the file is behind by its whole limit
    fired = []
    asked = time.monotonic()
    QTimer.singleShot(20, lambda: fired.append(time.monotonic()))
    pump(lambda: fired, 15)
    assert fired[0] - asked < 2, "the window waited for the disk"
    assert panel.is_backlogged  # the network waits for the file instead
    drain_now.set()
    expected = 3 * (LINES // 4096 * 4096)
    pump(lambda: panel.messages_in == expected, 60)
    assert all(sender.wait(10) == 0 for sender in senders)
    pump(lambda: recorder.records_written >= expected + 1, 30)
    find(window, "server.transcript_record").click()  # stop: the file is closed
    drainer.join(10)
    os.close(reader)
    copy = tmp_path / "taken.jsonl"
    copy.write_bytes(bytes(taken))
    assert lines_read_back(copy) == (expected, False)


def test_a_compact_recording_of_a_flood_keeps_every_message_as_raw_bytes(window, pump, tmp_path):
    """Record to a .nbrec file: the bytes as they came (no hex), read back exactly, by
    Replay's reader and, converted, as JSON Lines."""
    panel = start_listener(window, pump, framing="lf")
    path = tmp_path / "flood.nbrec"
    full_budget = window.engine.gate.bytes_per_tick
    assert panel.transcript.start_recording(path)
    assert panel.transcript.recorder.compact
    if full_budget is not None:  # the UI loop: its reads leave room for the recording
        assert window.engine.gate.bytes_per_tick == RECORDING_BYTES_PER_TICK < full_budget
    expected = record_a_flood(window, pump, panel)
    assert "Recorded" in find(window, "server.transcript_status").text()
    assert window.engine.gate.bytes_per_tick == full_budget
    size = path.stat().st_size
    assert expected * len(LINE) < size < expected * len(LINE) * 1.1  # JSON Lines: 2x
    assert lines_read_back(path) == (expected, True)
    converted = tmp_path / "flood.jsonl"
    with path.open("rb") as source, converted.open("wb") as target:
        to_json_lines(source, target)
    with converted.open("rb") as handle:
        counted = sum(json.loads(row).get("count", 0) for row in handle)
    assert counted == expected


def test_a_flood_shows_its_newest_lines_and_counts_the_rest(window, pump):
    panel = start_listener(window, pump, framing="lf")
    sender = send_lines(bound_port(window))
    expected = LINES // 4096 * 4096
    pump(lambda: panel.messages_in == expected, 60)
    assert sender.wait(10) == 0
    model = panel.transcript.model
    pump(lambda: model.totals.messages_in == expected, 10)
    assert model.totals.bytes_in == expected * (len(LINE) - 1)
    shown = [model.record(row) for row in range(model.rowCount())]
    assert shown and all(r.data == LINE[:-1] for r in shown if r.data)
    assert len([r for r in shown if r.data]) < expected  # the rest were counted


def test_each_peers_bytes_stay_its_own_under_a_flood(window, pump, in_thread):
    """Eight peers read turn by turn on one loop: what each sent must still be its own."""
    panel = start_listener(window, pump, framing="lf")
    port = bound_port(window)
    names = {}

    def talk():
        peers = [socket.create_connection(("127.0.0.1", port)) for _ in range(8)]
        for number, peer in enumerate(peers):
            host, local_port = peer.getsockname()
            names[f"{host}:{local_port}"] = number
        for round_ in range(100):
            for number, peer in enumerate(peers):
                peer.sendall(f"peer{number} round{round_}\n".encode() * 20)
        for peer in peers:
            peer.close()

    in_thread(talk)
    pump(lambda: panel.messages_in == 8 * 100 * 20, 30)
    pump(lambda: panel.transcript.model.totals.messages_in == 8 * 100 * 20, 10)
    for record in panel.transcript.model.records():
        if record.data:
            assert record.data.startswith(f"peer{names[record.peer]} round".encode()), record
