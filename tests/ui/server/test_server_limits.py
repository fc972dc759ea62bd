"""The Server tab's limits against real peers: FIN closes by default, half-open on request,
the connection limit within the file-descriptor budget."""

import contextlib
import os
import socket

import pytest
from helpers import find
from loopback import kernel_lists_bound_sockets
from test_server_tab import bound_port, start_listener

from netbench.net.fd_budget import connection_budget


def states(panel):
    model = panel.peers_model
    return [model.row(r).state.name for r in range(model.rowCount())]


def test_a_peer_that_finishes_is_closed_unless_half_open_is_kept(window, pump, in_thread):
    panel = start_listener(window, pump)
    port = bound_port(window)
    with socket.create_connection(("127.0.0.1", port), timeout=5) as client:
        client.shutdown(socket.SHUT_WR)
        assert in_thread(client.recv, 10) == b""  # our side closed too
    pump(lambda: panel.peers_model.rowCount() == 1)
    pump(lambda: panel.peers_model.row(0).state.name == "CLOSED")

    find(window, "server.stop").click()
    pump(lambda: not panel.is_running)
    find(window, "server.keep_half_open").setChecked(True)
    find(window, "server.start").click()
    pump(lambda: panel.is_running)
    port = bound_port(window)
    with socket.create_connection(("127.0.0.1", port), timeout=5) as client:
        client.shutdown(socket.SHUT_WR)
        pump(lambda: "HALF_CLOSED" in states(panel))
        client.settimeout(0.3)
        with pytest.raises(TimeoutError):
            client.recv(10)  # still open on our side, as asked


def test_the_connection_limit_stays_within_the_descriptor_budget(window, pump):
    field = find(window, "server.max_connections")
    budget = connection_budget()
    assert field.maximum() == budget
    assert field.value() <= budget
    label = find(window, "server.max_connections_budget")
    assert str(budget) in label.text() and "open-file limit" in label.text()


def test_a_peer_that_does_not_read_our_echo_shows_as_paused(window, pump):
    panel = start_listener(window, pump, reply="echo")
    port = bound_port(window)
    with socket.create_connection(("127.0.0.1", port), timeout=5) as client:
        client.setblocking(False)
        block = b"x" * 65536

        def flooded_and_paused():
            with contextlib.suppress(BlockingIOError):
                client.send(block)
            model = panel.peers_model
            return any(model.row(r).not_reading for r in range(model.rowCount()))

        pump(flooded_and_paused, 30)
        model = panel.peers_model
        (row,) = [r for r in range(model.rowCount()) if model.row(r).not_reading]
        assert model.index(row, 4).data() == "paused: not reading our replies"


def test_the_rule_editor_warns_about_nested_quantifiers_as_the_user_types(window, pump):
    form = window.server_tab.current_panel.form
    form.responder.setCurrentIndex(form.responder.findData("rules"))
    rules = find(window, "server.rules")
    warning = find(window, "server.warning")
    rules.setPlainText("regex ^(a")
    assert not warning.isVisibleTo(window)
    rules.setPlainText("contains x => y\nregex (a+)+$ => matched")
    assert warning.isVisibleTo(window)
    assert "Rule 2" in warning.text() and "(a+)+" in warning.text()
    rules.setPlainText("regex a+$ => matched")
    assert not warning.isVisibleTo(window)


def test_a_udp_listener_shows_what_the_system_dropped(window, pump):
    form = window.server_tab.current_panel.form
    form.kind.setCurrentIndex(form.kind.findText("UDP"))
    find(window, "server.receive_buffer").setValue(2)  # KB
    panel = start_listener(window, pump, kind="UDP")
    assert panel.is_running, find(window, "server.error").text()
    assert panel.listener.receive_buffer <= 16384
    port = bound_port(window)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as flood:
        for _ in range(5000):  # faster than the loop reads, into a 2 KB buffer
            flood.sendto(b"u" * 200, ("127.0.0.1", port))
    pump(lambda: "dropped by the system" in find(window, "server.stats").text(), 10)


def hold_port(kind: str, stack: contextlib.ExitStack) -> int:
    """A port held by a socket of this process, as ``kind`` says."""
    if kind == "udp":
        holder = stack.enter_context(socket.socket(socket.AF_INET, socket.SOCK_DGRAM))
        holder.bind(("127.0.0.1", 0))
        return holder.getsockname()[1]
    holder = stack.enter_context(socket.socket())
    holder.bind(("127.0.0.1", 0))
    if kind == "tcp-connected":  # bound, then connected from that port: not a listener
        peer = stack.enter_context(socket.create_server(("127.0.0.1", 0)))
        holder.connect(peer.getsockname())
    elif kind == "tcp-in-flight":  # passed over a Unix socket: in no process's descriptors
        carrier, receiver = socket.socketpair()
        stack.enter_context(carrier)
        stack.enter_context(receiver)
        socket.send_fds(carrier, [b"x"], [holder.fileno()])
        port = holder.getsockname()[1]
        holder.close()  # the socket lives on in the carrier's queue
        return port
    return holder.getsockname()[1]


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        ("udp", f"(pid {os.getpid()}))"),
        ("tcp-connected", f"(pid {os.getpid()}))"),
        ("tcp-bound", f"(pid {os.getpid()}), bound but not listening)"),
        ("tcp-in-flight", "bound but not listening; the system does not say which process"),
    ],
)
def test_a_port_in_use_names_its_holder_or_says_what_holds_it(window, pump, kind, said):
    if kind.startswith("tcp-") and kind != "tcp-connected" and not kernel_lists_bound_sockets():
        pytest.skip("the kernel does not list bound-only sockets")
    with contextlib.ExitStack() as stack:
        port = hold_port(kind, stack)
        panel = start_listener(window, pump, kind="UDP" if kind == "udp" else "TCP", port=str(port))
        assert not panel.is_running
        error = find(window, "server.error").text()
    assert "already in use" in error
    assert said in error, error
