"""The four-way close as both tabs tell it: our own FIN on the Client tab, no "we can
still reply" once both sides are done, and who closed first said alike on both sides;
and UDP worded as datagrams, with no connection to speak of."""

import socket

from helpers import bound_port, find, start_listener
from PySide6.QtCore import Qt


def notes(panel):
    model = panel.transcript.model
    return [model.record(r).note for r in range(model.rowCount())]


def connect_client(win, pump, port, kind="TCP"):
    win.tabs.setCurrentWidget(win.client_tab)
    panel = win.client_tab.current_panel
    panel.form.kind.setCurrentIndex(panel.form.kind.findText(kind))
    find(win, "client.host").setText("127.0.0.1")
    find(win, "client.port").setText(str(port))
    find(win, "client.connect").click()
    pump(lambda: panel.is_connected and panel.socket_info is not None, 15)
    return panel


def server_and_client(win, pump):
    """A listener of the Server tab and a session of the Client tab connected to it."""
    server = start_listener(win, pump)
    client = connect_client(win, pump, bound_port(win))
    pump(lambda: server.peers_model.rowCount() == 1)
    return server, client


def peer_state(server):
    model = server.peers_model
    return model.data(model.index(0, 4))


def test_the_client_finishing_first_is_said_on_both_sides(window, pump):
    server, client = server_and_client(window, pump)

    find(window, "client.half_close").click()
    pump(lambda: not client.is_connected)
    assert (
        find(window, "client.state")
        .text()
        .startswith("Connection closed: we finished sending first, then 127.0.0.1:")
    )
    pump(lambda: any("after us" in n for n in notes(client)))
    said = notes(client)
    assert "we finished sending (FIN)" in said
    assert said.index("we finished sending (FIN)") < next(
        i for i, n in enumerate(said) if n.startswith("peer finished sending (FIN) after us")
    )
    assert not any("we can still reply" in n for n in said)

    pump(lambda: peer_state(server) == "closed by peer")
    pump(lambda: "peer finished sending (FIN); we close our side too" in notes(server))
    assert not any("we can still reply" in n for n in notes(server))


def test_a_plain_close_from_the_client_is_closed_by_peer_on_the_server(window, pump):
    server, client = server_and_client(window, pump)
    find(window, "client.disconnect").click()
    pump(lambda: not client.is_connected)
    assert find(window, "client.state").text() == "Connection closed by us"
    pump(lambda: peer_state(server) == "closed by peer")


def test_the_server_finishing_first_is_said_on_both_sides(window, pump):
    server, client = server_and_client(window, pump)
    window.tabs.setCurrentWidget(window.server_tab)
    server.select_peer(server.peers_model.row(0).name)
    find(window, "server.disconnect").click()
    pump(lambda: peer_state(server) == "closed by us")

    pump(lambda: "peer finished sending (FIN); we can still reply" in notes(client))
    find(window, "client.disconnect").click()
    pump(lambda: not client.is_connected)
    assert find(window, "client.state").text() == "Connection closed by peer"


def test_udp_peers_are_worded_as_datagrams(window, pump, in_thread):
    server = start_listener(window, pump, kind="UDP")
    assert server.is_running
    port = bound_port(window)
    model = server.peers_model
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as peer:
        peer.sendto(b"this is my message", ("127.0.0.1", port))
        pump(lambda: model.rowCount() == 1 and model.row(0).bytes_in)
        name = model.row(0).name
        assert peer_state(server) == "no connection (datagrams)"
        assert model.headerData(1, Qt.Orientation.Horizontal) == "First datagram"
        pump(lambda: f"first datagram from {name} (no connection)" in notes(server))
        assert not any(n.startswith("connected") for n in notes(server))
    for control in ("backlog", "max_connections", "idle_timeout", "keep_half_open"):
        assert not find(window, f"server.{control}").isEnabled(), control

    client = connect_client(window, pump, port, kind="UDP")
    assert find(window, "client.state").text() == (
        f"Ready: datagrams go to 127.0.0.1:{port} (no connection)"
    )
    pump(lambda: any(n.startswith("ready: datagrams go to") for n in notes(client)))
    assert not find(window, "client.half_close").isEnabled()
