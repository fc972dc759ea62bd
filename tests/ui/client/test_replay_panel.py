"""Replay on the Client tab, driven through the window against real sockets on loopback:
record a session, send it again to a fresh connection, byte for byte; play a device's side
from a Server recording; keep the recorded gaps; stop; and say what is wrong with a file."""

import concurrent.futures
import re
import socket
import struct
import time

import pytest
from helpers import connect_client, find, pause
from loopback import recv_exactly

from netbench.core.recording.writer import FileRecorder
from netbench.core.transcript import Direction, Record


@pytest.fixture
def window_tab():
    """These tests start on the Client tab."""
    return "client"


def notes(panel):
    model = panel.transcript.model
    return " | ".join(model.record(r).note for r in range(model.rowCount()))


def status_of(win, prefix="client"):
    """What the row says beside "Replay…", as a person reads it (the summary keeps each
    of its parts on one line with no-break spaces and word joiners)."""
    text = find(win, f"{prefix}.replay_status").text()
    return text.replace("\u2060", "").replace("\u00a0", " ")


def write_recording(path, rows, peer="127.0.0.1:9999"):
    """``rows``: (seconds, direction, bytes), as Record to file writes them."""
    recorder = FileRecorder(path)
    recorder.write_many(
        Record(at=1_700_000_000 + at, direction=direction, peer=peer, data=data)
        for at, direction, data in rows
    )
    recorder.close()
    return path


def pick_recording(win, path, prefix="client"):
    """Click "Replay…" and choose ``path`` in the file dialog, which does not block."""
    panel = win.client_tab.current_panel
    find(win, f"{prefix}.replay").click()
    dialog = panel.replay.file_dialog  # the click came back with the dialog open: no exec()
    assert dialog is not None and dialog.isVisible()
    assert dialog.objectName() == f"{prefix}.replay_dialog"
    dialog.selectFile(str(path))
    dialog.accept()
    return panel


def load(win, pump, path, prefix="client"):
    """Choose ``path`` as the dialog would, and wait until it is read (or refused)."""
    panel = win.client_tab.current_panel
    panel.replay.on_dialog_file_selected(str(path))
    assert panel.replay.is_loading  # at once: a test (or Close) never sees it as done early
    pump(lambda: not panel.replay.is_loading)
    return status_of(win, prefix)


def choose(win, name, data):
    combo = find(win, name)
    index = combo.findData(data)
    assert index >= 0, (name, data)
    combo.setCurrentIndex(index)


def choose_timing(win, text):
    combo = find(win, "client.replay_timing")
    combo.setCurrentIndex(combo.findText(text))


def replay_and_wait(win, pump, panel, timeout=15):
    find(win, "client.replay_start").click()
    assert panel.replay.is_replaying
    pump(lambda: not panel.replay.is_replaying, timeout)


def read_for(conn, seconds):
    """Everything the peer sends until it has been quiet for ``seconds``."""
    conn.settimeout(seconds)
    got = b""
    try:
        while chunk := conn.recv(65536):
            got += chunk
    except TimeoutError:
        pass
    return got


def test_a_recorded_session_replays_the_same_bytes_in_order(
    window, pump, in_thread, server, tmp_path
):
    panel, conn = connect_client(window, pump, in_thread, server)
    path = tmp_path / "session.jsonl"
    view = panel.transcript
    find(window, "client.transcript_record").click()
    dialog = view.file_dialog
    dialog.selectFile(str(path))
    dialog.accept()
    assert view.recorder is not None

    sent = ["hello 你好\n".encode(), bytes(range(256)), b"\x00\r\n\xff" * 100]
    find(window, "client.input").setPlainText("hello 你好\n")
    find(window, "client.send").click()
    for data in sent[1:]:
        assert panel.send(data)
    assert in_thread(recv_exactly, conn, sum(map(len, sent))) == b"".join(sent)
    conn.sendall(b"an answer that is not replayed")
    pump(lambda: view.recorder.records_written >= 5)  # connected, 3 out, 1 in
    find(window, "client.transcript_record").click()  # stop recording
    assert view.recorder is None
    find(window, "client.disconnect").click()
    pump(lambda: not panel.is_connected)
    conn.close()

    # a fresh connection gets exactly what was sent, in order
    accepting = concurrent.futures.ThreadPoolExecutor(1).submit(server.accept)
    find(window, "client.connect").click()
    pump(lambda: panel.is_connected and panel.socket_info is not None)
    fresh = in_thread(accepting.result)
    pick_recording(window, path)
    pump(lambda: find(window, "client.replay_details").isVisible())
    status = status_of(window, "client")
    assert status.startswith("session.jsonl: 3 messages sent to 127.0.0.1:"), status
    assert "1 message received from" in status and "1 note" in status
    plan = find(window, "client.replay_plan").text()
    assert plan.startswith(f"3 messages · {sum(map(len, sent))} B"), plan
    out_before = panel.messages_out

    replay_and_wait(window, pump, panel)
    assert in_thread(recv_exactly, fresh, sum(map(len, sent))) == b"".join(sent)
    assert read_for(fresh, 0.2) == b""  # and nothing more
    pump(lambda: "Replayed session.jsonl: sent 3 messages" in notes(panel))
    note = re.search(r"Replayed session\.jsonl[^|]*", notes(panel)).group(0)
    assert f"/ {sum(map(len, sent))} B in" in note and "skipped 1 row of" in note, note
    assert panel.messages_out == out_before + 3  # the counters saw every message
    assert find(window, "client.replay_plan").text().startswith("Done: 3 messages sent in ")
    assert find(window, "client.replay_plan").toolTip() == note.strip()
    # the summary comes after the messages it sums up
    model = panel.transcript.model
    rows = [model.record(r) for r in range(model.rowCount())]
    last_sent = max(r for r, record in enumerate(rows) if record.data == sent[-1])
    assert "Replayed session.jsonl" in rows[-1].note and last_sent < len(rows) - 1
    fresh.close()


def start_listener(win, pump):
    panel = win.server_tab.current_panel
    find(win, "server.port").setText("0")
    find(win, "server.start").click()
    pump(lambda: panel.is_running, 10)
    text = find(win, "server.address").text()
    return panel, int(re.search(r"Listening on \S+:(\d+)", text).group(1))


@pytest.mark.parametrize("suffix", ["jsonl", "nbrec"])  # JSON Lines, or a compact recording
def test_the_device_side_of_a_server_recording_replays_with_its_gaps(
    window, pump, in_thread, server, tmp_path, suffix
):
    listener, port = start_listener(window, pump)
    path = tmp_path / f"device.{suffix}"
    listener.transcript.start_recording(path)
    assert listener.transcript.recorder.compact is (suffix == "nbrec")
    with socket.create_connection(("127.0.0.1", port), timeout=5) as device:
        device.sendall(b"AT+ONE\r\n")
        pause(pump, 0.35)
        device.sendall(b"AT+TWO\r\n")
        pump(lambda: listener.transcript.recorder.records_written >= 3)
    pump(lambda: listener.peers_model.row(0).state.name in ("CLOSED", "HALF_CLOSED"))
    listener.transcript.stop_recording()

    panel, conn = connect_client(window, pump, in_thread, server)
    status = load(window, pump, path)
    assert "nothing sent" in status and "2 messages received from 127.0.0.1:" in status, status
    # What was sent is the default: this recording has none, and says what to do.
    plan = find(window, "client.replay_plan").text()
    assert 'no sent ("out") messages: choose "in"' in plan, plan
    assert not find(window, "client.replay_start").isEnabled()
    choose(window, "client.replay_direction", Direction.IN)
    assert find(window, "client.replay_start").isEnabled()
    assert find(window, "client.replay_plan").text().startswith("2 messages · 16 B · about 0.")

    def receive_with_gap():
        first = recv_exactly(conn, 8)
        arrived = time.monotonic()
        second = recv_exactly(conn, 8)
        return first + second, time.monotonic() - arrived

    receiving = concurrent.futures.ThreadPoolExecutor(1).submit(receive_with_gap)
    replay_and_wait(window, pump, panel)
    got, gap = in_thread(receiving.result)
    assert got == b"AT+ONE\r\nAT+TWO\r\n"
    assert gap >= 0.2  # the recorded 350 ms gap was not sent in 0 ms
    conn.close()


def test_stop_mid_way_says_how_far_it_got(window, pump, in_thread, server, tmp_path):
    rows = [(i * 0.02, Direction.OUT, b"msg %03d\n" % i) for i in range(200)]
    path = write_recording(tmp_path / "long.jsonl", rows)
    panel, conn = connect_client(window, pump, in_thread, server)
    load(window, pump, path)
    find(window, "client.replay_start").click()
    pump(lambda: panel.replay.run.sent >= 5)
    assert find(window, "client.replay_progress").isVisible()
    pump(lambda: re.match(r"\d+ of 200 sent", find(window, "client.replay_progress").text()))
    assert not find(window, "client.replay").isEnabled()  # no other file while it runs
    find(window, "client.replay_stop").click()
    pump(lambda: not panel.replay.is_replaying)
    done = panel.replay.run.sent
    assert 5 <= done < 200
    plan = find(window, "client.replay_plan")
    assert plan.text() == f"Stopped at {done} of 200", plan.text()
    assert plan.toolTip().startswith(f"Replay of long.jsonl stopped at {done} of 200 · sent {done}")
    assert in_thread(read_for, conn, 0.3) == b"".join(data for _, _, data in rows[:done])
    pump(lambda: f"stopped at {done} of 200" in notes(panel))
    assert panel.is_connected  # Stop stops the replay, not the connection
    conn.close()


def test_a_reset_connection_ends_the_replay(window, pump, in_thread, server, tmp_path):
    path = write_recording(
        tmp_path / "long.jsonl", [(i * 0.02, Direction.OUT, b"ping\n") for i in range(500)]
    )
    panel, conn = connect_client(window, pump, in_thread, server)
    load(window, pump, path)
    find(window, "client.replay_start").click()
    pump(lambda: panel.replay.run.sent >= 3)
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()
    pump(lambda: not panel.replay.is_replaying)
    pump(lambda: "Replay of long.jsonl stopped at" in notes(panel))
    assert "reset by peer" in find(window, "client.replay_plan").text()
    assert "color" in find(window, "client.replay_plan").styleSheet()


def test_each_udp_message_goes_as_one_datagram(window, pump, in_thread, tmp_path):
    sizes = [1, 500, 1400, 3000, 7]
    messages = [bytes([n % 256]) * n for n in sizes]
    path = write_recording(tmp_path / "udp.jsonl", [(0.0, Direction.OUT, m) for m in messages])
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        udp.bind(("127.0.0.1", 0))
        udp.settimeout(10)
        panel = window.client_tab.current_panel
        form = panel.form
        form.kind.setCurrentIndex(form.kind.findText("UDP"))
        find(window, "client.host").setText("127.0.0.1")
        find(window, "client.port").setText(str(udp.getsockname()[1]))
        find(window, "client.connect").click()
        pump(lambda: panel.is_connected)
        load(window, pump, path)
        choose_timing(window, "as fast as possible")
        assert find(window, "client.replay_plan").text() == "5 messages · 4.8 KB"
        replay_and_wait(window, pump, panel)
        got = [in_thread(udp.recv, 65535) for _ in sizes]
    assert got == messages
    pump(lambda: "Replayed udp.jsonl: sent 5 messages" in notes(panel))


def test_bad_files_are_said_next_to_the_button_and_the_loaded_one_stays(window, pump, tmp_path):
    good = write_recording(
        tmp_path / "good.jsonl", [(0, Direction.OUT, b"a"), (1, Direction.OUT, b"b")]
    )
    row = '{"at": 1, "dir": "out", "peer": "p", "hex": "00"}'
    files = {
        "notjson.jsonl": f"{row}\nthis is not json\n",
        "missing.jsonl": f'{row}\n{{"at": 2, "dir": "out", "hex": "00"}}\n',
        "badhex.jsonl": f'{row}\n{row}\n{{"at": 2, "dir": "out", "peer": "p", "hex": "0z"}}\n',
        "empty.jsonl": "",
        "other.json": '{\n  "version": 1,\n  "snippets": []\n}\n',
        "oneline.json": '{"name": "not a recording"}\n',
    }
    for name, content in files.items():
        (tmp_path / name).write_text(content)
    expected = {
        "notjson.jsonl": "line 2 is not JSON (Expecting value at column 1)",
        "missing.jsonl": 'line 2: "peer" is missing',
        "badhex.jsonl": 'line 3: "hex" is not valid hexadecimal (at character 2)',
        "empty.jsonl": "the file is empty: nothing to replay",
        "other.json": "this is not a netbench recording: line 1 is not JSON",
        "oneline.json": 'this is not a netbench recording: line 1 has no "at" and "dir" fields',
        "nowhere.jsonl": "the file does not exist",
        tmp_path.name: "it is a folder, not a recording",
    }
    hint = status_of(window, "client")
    assert hint.startswith("Send a recording again")
    assert not find(window, "client.replay_details").isVisible()
    assert not find(window, "client.replay_close").isVisible()
    # the first failure, with nothing loaded
    status = load(window, pump, tmp_path / "notjson.jsonl")
    assert status == f"Cannot replay notjson.jsonl: {expected['notjson.jsonl']}", status
    assert not find(window, "client.replay_details").isVisible()

    load(window, pump, good)
    assert find(window, "client.replay_details").isVisible()
    plan = find(window, "client.replay_plan").text()
    for name, words in expected.items():
        target = tmp_path if name == tmp_path.name else tmp_path / name
        status = load(window, pump, target)
        assert status.startswith(f"Cannot replay {name}: {words}"), status
        assert status.endswith("good.jsonl is still loaded"), status
        assert "color" in find(window, "client.replay_status").styleSheet()
        # nothing is lost: the recording loaded before is still there, ready to send
        assert find(window, "client.replay_details").isVisible()
        assert find(window, "client.replay_plan").text() == plan
    assert (tmp_path / "notjson.jsonl").read_text() == files["notjson.jsonl"]

    # not connected: Start waits for a connection and says so
    assert not find(window, "client.replay_start").isEnabled()
    assert "Connect first" in find(window, "client.replay_start").toolTip()
    find(window, "client.replay_close").click()
    assert not find(window, "client.replay_details").isVisible()
    assert status_of(window, "client") == hint


def test_one_peer_can_be_chosen_and_further_sessions_have_their_own_controls(
    window, pump, tmp_path
):
    rows = [
        (0.0, Direction.IN, b"a1"),
        (0.1, Direction.IN, b"b1"),
        (0.2, Direction.IN, b"a2"),
    ]
    recorder = FileRecorder(tmp_path / "peers.jsonl")
    recorder.write_many(
        Record(
            at=at, direction=d, peer="10.0.0.1:1" if data[:1] == b"a" else "10.0.0.2:2", data=data
        )
        for at, d, data in rows
    )
    recorder.close()
    find(window, "client.new_session").click()
    status = load(window, pump, tmp_path / "peers.jsonl", prefix="client.2")
    assert "3 messages received from 2 peers" in status, status
    assert find(window, "client.2.replay").isVisible()
    choose(window, "client.2.replay_direction", Direction.IN)
    peers = find(window, "client.2.replay_peer")
    assert [peers.itemText(i) for i in range(peers.count())] == [
        "all peers",
        "10.0.0.1:1 · 2",
        "10.0.0.2:2 · 1",
    ]
    choose(window, "client.2.replay_peer", "10.0.0.1:1")
    plan = find(window, "client.2.replay_plan").text()
    assert plan == "2 messages · 4 B · about 0.20 s", plan
    timing = find(window, "client.2.replay_timing")
    timing.setCurrentIndex(timing.findText("fixed interval"))
    interval = find(window, "client.2.replay_interval")
    assert interval.isVisible()
    interval.setValue(500)
    assert find(window, "client.2.replay_plan").text() == "2 messages · 4 B · about 0.50 s"


def test_half_close_ends_the_replay_before_the_fin(window, pump, in_thread, server, tmp_path):
    path = write_recording(
        tmp_path / "long.jsonl", [(i * 0.01, Direction.OUT, b"x") for i in range(1000)]
    )
    panel, conn = connect_client(window, pump, in_thread, server)
    load(window, pump, path)
    find(window, "client.replay_start").click()
    pump(lambda: panel.replay.run.sent >= 3)
    find(window, "client.half_close").click()
    pump(lambda: not panel.replay.is_replaying)
    done = panel.replay.run.sent
    assert find(window, "client.replay_plan").text() == f"Stopped at {done} of 1,000: we sent FIN"
    assert in_thread(read_for, conn, 1.0) == b"x" * done  # then end of stream, nothing after
    assert not find(window, "client.replay_start").isEnabled()
    conn.close()
