"""The connection ladder on real loopback connections: the handshake, data, the four-way
close and TIME_WAIT where packets can be captured (root), and the kernel's states alone
where they cannot; the capture saved as pcapng and read back by tshark."""

from __future__ import annotations

import os
import socket
import subprocess

import pytest
from helpers import find, pause
from loopback import missing

from netbench.net.capture.port_watch import CAPTURE_SWITCH
from netbench.net.engine import EngineMode

can_capture = pytest.mark.skipif(os.geteuid() != 0, reason="capturing packets needs root")


def start_echo_listener(win, pump, watch=False):
    panel = win.server_tab.current_panel
    panel.form.responder.setCurrentIndex(panel.form.responder.findData("echo"))
    find(win, "server.port").setText("0")
    if watch:
        panel.views.setCurrentWidget(panel.views.ladder)
        find(win, "server.ladder_watch").setChecked(True)
    find(win, "server.start").click()
    pump(lambda: panel.is_running, 10)
    if watch:
        pump(lambda: panel.views.ladder.is_watching, 10)
    return panel, int(panel.listener.address.rpartition(":")[2])


def connect_session(win, pump, port):
    panel = win.client_tab.current_panel
    panel.views.setCurrentWidget(panel.pages.ladder)
    find(win, "client.ladder_watch").setChecked(True)
    find(win, "client.host").setText("127.0.0.1")
    find(win, "client.port").setText(str(port))
    find(win, "client.connect").click()
    pump(lambda: panel.is_connected and panel.socket_info is not None, 15)
    return panel


def talk_and_close(win, pump, session):
    """Send hello, get it back, then half-close: the echo server closes too."""
    session.editor.set_payload("hello", "text")
    session.editor.request_send()
    pump(lambda: session.messages_in >= 1, 10)
    find(win, "client.half_close").click()
    pump(lambda: not session.is_connected, 10)


def states(rows):
    return [row.state for row in rows if row.state]


@can_capture
@pytest.mark.parametrize("mode", list(EngineMode))
def test_the_session_ladder_draws_handshake_data_close_and_time_wait(
    open_window, pump, tmp_path, mode
):
    win = open_window(mode, tab="client")
    _listener, port = start_echo_listener(win, pump)
    session = connect_session(win, pump, port)
    page = session.pages.ladder
    assert "Capturing" in find(win, "client.ladder_status").text()
    talk_and_close(win, pump, session)
    pump(lambda: "TIME_WAIT" in states(page.current_rows()), 10)
    rows = page.current_rows()
    drawn = [(row.outgoing, row.label, row.size) for row in rows if row.outgoing is not None]
    assert drawn[:3] == [(True, "SYN", 0), (False, "SYN, ACK", 0), (True, "ACK", 0)]
    assert (True, "PSH, ACK", 5) in drawn and (False, "PSH, ACK", 5) in drawn
    fins = [outgoing for outgoing, label, _ in drawn if "FIN" in label]
    assert fins == [True, False]  # we closed first, then the server
    seen = states(rows)
    assert seen[:2] == ["SYN_SENT", "ESTABLISHED"]
    assert "FIN_WAIT_1" in seen and seen[-1] == "TIME_WAIT"
    lines = page.diagram.text_lines()
    assert any("→ SYN" in line and "[SYN_SENT]" in line for line in lines)

    # TIME_WAIT leads to the lesson about SO_REUSEADDR.
    lesson = find(win, "client.ladder_lesson")
    assert lesson.isVisible()
    lesson.click()
    assert win.tabs.currentWidget() is win.lessons_tab
    assert win.lessons_tab.lesson.key == "attributes"

    # The capture, saved, is what tshark reads: our port to the server's, SYN first.
    path = tmp_path / "ladder.pcapng"
    assert page.save_capture(path)
    if not missing("tshark"):
        out = subprocess.run(
            ["tshark", "-r", str(path), "-T", "fields", "-e", "tcp.dstport", "-e", "tcp.flags.str"],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout.splitlines()
        assert out[0].split("\t")[0] == str(port) and "S" in out[0].split("\t")[1]
        assert len(out) == len(drawn)


@can_capture
def test_a_listener_ladder_draws_a_peer_that_closes_first(open_window, pump, in_thread):
    win = open_window(EngineMode.UI_LOOP, tab="server")
    panel, port = start_echo_listener(win, pump, watch=True)

    def peer():
        with socket.create_connection(("127.0.0.1", port)) as sock:
            sock.sendall(b"ping")
            assert sock.recv(10) == b"ping"
            sock.shutdown(socket.SHUT_WR)
            assert sock.recv(10) == b""
            return sock.getsockname()

    ours = in_thread(peer)
    name = f"{ours[0]}:{ours[1]}"
    pump(lambda: panel.views.ladder.connection.findText(name) >= 0, 10)
    panel.views.ladder.show_connection(name)
    pump(lambda: "CLOSED" in states(panel.views.ladder.current_rows()), 10)
    seen = states(panel.views.ladder.current_rows())
    assert seen[:2] == ["SYN_RECV", "ESTABLISHED"]
    assert "CLOSE_WAIT" in seen and "LAST_ACK" in seen
    assert not find(win, "server.ladder_lesson").isVisible()  # the peer holds TIME_WAIT


@pytest.mark.parametrize("mode", list(EngineMode))
def test_without_capture_the_ladder_shows_the_kernels_states(open_window, pump, monkeypatch, mode):
    monkeypatch.setattr(CAPTURE_SWITCH, "enabled", False)
    win = open_window(mode, tab="client")
    _listener, port = start_echo_listener(win, pump)
    session = connect_session(win, pump, port)
    page = session.pages.ladder
    status = find(win, "client.ladder_status").text()
    assert "No capture here" in status and "switched off" in status
    pause(pump, 0.3)
    talk_and_close(win, pump, session)
    pump(lambda: "TIME_WAIT" in states(page.current_rows()), 10)
    rows = page.current_rows()
    assert all(row.outgoing is None and row.from_kernel for row in rows)
    seen = states(rows)
    assert seen[0] == "ESTABLISHED" and seen[-1] == "TIME_WAIT"
    assert find(win, "client.ladder_lesson").isVisible()
    assert not find(win, "client.ladder_save").isEnabled()  # no packets to save
