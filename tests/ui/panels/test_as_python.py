"""As Python: what the user did on the Server and Client tabs, as socket calls that run.
The listener's program and the session's program, run as real processes, talk to each
other as netbench's listener and session did; a listener's socket and its peers' show."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest
from helpers import find

from netbench.net.engine import EngineMode


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize("mode", list(EngineMode))
def test_the_python_of_a_listener_and_a_session_runs_against_each_other(open_window, pump, mode):
    win = open_window(mode, tab="server")
    listener = win.server_tab.current_panel
    listener.form.responder.setCurrentIndex(listener.form.responder.findData("upper"))
    port = free_port()
    find(win, "server.port").setText(str(port))
    find(win, "server.start").click()
    pump(lambda: listener.is_running, 10)

    session = win.client_tab.current_panel
    find(win, "client.host").setText("127.0.0.1")
    find(win, "client.port").setText(str(port))
    find(win, "client.connect").click()
    pump(lambda: session.is_connected and session.socket_info is not None, 15)
    session.editor.set_payload("hello", "text")
    session.editor.request_send()
    pump(lambda: session.messages_in >= 1, 10)
    find(win, "client.half_close").click()
    pump(lambda: not session.is_connected, 10)
    pump(lambda: listener.peers_model.open_count == 0, 10)
    find(win, "server.stop").click()
    pump(lambda: not listener.is_running, 10)

    listener.views.setCurrentWidget(listener.views.sockets)  # the pages a person opens
    server_code = find(win, "server.python_code").toPlainText()
    assert find(win, "client.python_code").toPlainText() == ""  # filled when first seen
    win.tabs.setCurrentWidget(win.client_tab)
    session.views.setCurrentWidget(session.pages.python)
    client_code = find(win, "client.python_code").toPlainText()
    assert server_code.splitlines()[2:7] == [
        "s = socket(AF_INET, SOCK_STREAM)",
        "s.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)  # reuse a port in TIME_WAIT",
        f"s.bind(('127.0.0.1', {port}))",
        "s.listen(100)                              # clients may wait in a queue this long",
        "c1, addr = s.accept()                      # ('127.0.0.1', "
        + str(session.socket_info.local.rpartition(":")[2])
        + ")",
    ]
    for call in ("print(c1.recv(1024))", "c1.sendall(b'HELLO')", "c1.close()", "s.close()"):
        assert call in server_code
    assert "# b'': FIN" in server_code
    for call in (
        f"s.connect(('127.0.0.1', {port}))",
        "s.sendall(b'hello')",
        "s.shutdown(SHUT_WR)",
    ):
        assert call in client_code

    # The two programs, as separate processes, do it again without netbench.
    server = subprocess.Popen(
        [sys.executable, "-c", server_code], stdout=subprocess.PIPE, text=True
    )
    try:
        client = None
        for _ in range(100):
            client = subprocess.run(
                [sys.executable, "-c", client_code], capture_output=True, text=True, timeout=10
            )
            if "ConnectionRefusedError" not in client.stderr:
                break
        assert client is not None and client.returncode == 0, client.stderr
        assert "b'HELLO'" in client.stdout
        server_out, _ = server.communicate(timeout=10)
        assert server.returncode == 0
        assert "b'hello'" in server_out and "b''" in server_out
    finally:
        server.kill()


def test_a_listener_shows_its_socket_and_each_peers(open_window, pump, in_thread):
    win = open_window(EngineMode.UI_LOOP, tab="server")
    panel = win.server_tab.current_panel
    find(win, "server.port").setText("0")
    find(win, "server.start").click()
    pump(lambda: panel.is_running, 10)
    page = panel.views.sockets
    panel.views.setCurrentWidget(page)
    pump(lambda: page.view.info is not None, 10)
    listening = page.view.info
    assert listening.peer == "" and listening.type == "SOCK_STREAM"
    assert ("SO_REUSEADDR", "on") in listening.options
    assert "nobody: it listens" in find(win, "server.info").text()

    port = int(panel.listener.address.rpartition(":")[2])
    sock = socket.create_connection(("127.0.0.1", port))
    try:
        name = f"127.0.0.1:{sock.getsockname()[1]}"
        pump(lambda: panel.peers_model.open_count == 1, 10)
        panel.select_peer(name)
        pump(lambda: page.view.info is not None and page.view.info.peer == name, 10)
        assert page.view.info.local == f"127.0.0.1:{port}"
        assert page.which.count() == 2
    finally:
        sock.close()
