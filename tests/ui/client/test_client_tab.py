"""The Client tab driven through its widgets against real servers on loopback."""

import concurrent.futures
import json
import os
import re
import socket
import struct
import subprocess
import sys
import time

import pytest
from helpers import find, pause
from loopback import (
    Server,
    free_port,
    need,
    need_localhost_on_both_families,
    recv_until,
    running,
    wait_for_port,
)


@pytest.fixture
def window_tab():
    """These tests start on the Client tab."""
    return "client"


def connect(win, pump, kind="TCP", host="127.0.0.1", port=None, path=None, prefix="client"):
    panel = win.client_tab.panels[
        "client-1" if prefix == "client" else f"client-{prefix.rsplit('.', 1)[1]}"
    ]
    form = panel.form
    form.kind.setCurrentIndex(form.kind.findText(kind))
    if path is not None:
        find(win, f"{prefix}.path").setText(str(path))
    else:
        find(win, f"{prefix}.host").setText(host)
        find(win, f"{prefix}.port").setText(str(port))
    find(win, f"{prefix}.connect").click()
    pump(
        lambda: (
            (panel.is_connected and panel.socket_info is not None)
            or find(win, f"{prefix}.error").isVisible()
        ),
        15,
    )
    return panel


def connect_to(win, pump, in_thread, server, **where):
    """Connect the first session to ``server``: the panel and the server's side are returned."""
    accepting = concurrent.futures.ThreadPoolExecutor(1).submit(server.accept)
    panel = connect(win, pump, port=server.port, **where)
    assert panel.is_connected, find(win, "client.error").text()
    return panel, in_thread(accepting.result)


def reconnect(win, pump, in_thread, server):
    """Press Reconnect on the first session: the server's side of the new connection."""
    panel = win.client_tab.panels["client-1"]
    accepting = concurrent.futures.ThreadPoolExecutor(1).submit(server.accept)
    find(win, "client.reconnect").click()
    pump(lambda: panel.is_connected and panel.socket_info is not None)
    return in_thread(accepting.result)


def transcript_data(panel):
    model = panel.transcript.model
    return [model.record(r).data for r in range(model.rowCount())]


def transcript_notes(panel):
    model = panel.transcript.model
    return " | ".join(model.record(r).note for r in range(model.rowCount()))


def state(win, prefix="client"):
    return find(win, f"{prefix}.state").text()


# -- connecting ----------------------------------------------------------------------------


def test_tcp_session_shows_the_socket_sends_and_receives(window, pump, in_thread, server):
    panel, conn = connect_to(window, pump, in_thread, server)
    try:
        assert state(window) == f"Connected to 127.0.0.1:{server.port}"
        info = find(window, "client.info").text()
        for expected in ("AF_INET", "SOCK_STREAM", f"127.0.0.1:{server.port}", "TCP_NODELAY"):
            assert expected in info
        assert "SO_KEEPALIVE" in info and "SO_RCVBUF" in info and "SO_SNDBUF" in info
        local = conn.getpeername()
        assert f"127.0.0.1:{local[1]}" in info
        assert "Resolved to" in info and str(panel.socket_info.fd) in info

        find(window, "client.input").setPlainText("hello 你好")
        find(window, "client.send").click()
        assert in_thread(recv_until, conn, "你好".encode()) == "hello 你好".encode()
        conn.sendall(b"answer")
        pump(lambda: b"answer" in transcript_data(panel))
        assert "hello 你好".encode() in transcript_data(panel)
        pump(lambda: "in 1 msg" in find(window, "client.stats").text())
        assert window.client_tab.inner.tabText(0) == f"TCP 127.0.0.1:{server.port} ●"
    finally:
        conn.close()


def test_a_host_name_is_resolved_and_the_address_used_is_shown(window, pump, in_thread, server):
    panel, conn = connect_to(window, pump, in_thread, server, host="localhost")
    conn.close()
    info = panel.socket_info
    assert f"{info.peer} · used" in info.resolved
    assert state(window) == f"Connected to {info.peer}"
    assert "Resolved to" in find(window, "client.info").text()


def test_localhost_on_both_families_says_which_was_refused_and_which_used(
    window, pump, in_thread, server
):
    """The Packet Sender trap: localhost is ::1 first, the server listens on 127.0.0.1."""
    need_localhost_on_both_families()
    panel, conn = connect_to(window, pump, in_thread, server, host="localhost")
    conn.close()
    assert panel.socket_info.resolved == (
        f"[::1]:{server.port} · refused",
        f"127.0.0.1:{server.port} · used",
    )
    info = find(window, "client.info").text()
    assert "refused" in info and "order of preference" in info

    find(window, "client.disconnect").click()
    pump(lambda: not panel.is_connected)
    port = free_port()
    panel = connect(window, pump, host="localhost", port=port)
    error = find(window, "client.error").text()
    assert f"tried [::1]:{port} · refused; 127.0.0.1:{port} · refused" in error, error


def test_ipv6_loopback(window, pump, in_thread):
    try:
        srv = Server(socket.AF_INET6, ("::1", 0))
    except OSError:
        pytest.skip("no IPv6 loopback here")
    try:
        panel, conn = connect_to(window, pump, in_thread, srv, host="::1")
        conn.close()
        assert panel.socket_info.family == "AF_INET6"
        assert panel.socket_info.peer == f"[::1]:{srv.port}"
    finally:
        srv.close()


def field_marked(win, name):
    return "border" in find(win, name).styleSheet()


def test_a_refused_port_is_said_next_to_the_port(window, pump):
    panel = connect(window, pump, port=free_port())
    assert not panel.is_connected
    error = find(window, "client.error").text()
    assert "connection refused" in error and "nothing is listening" in error
    assert re.search(r"after \d+ ms", error)
    assert field_marked(window, "client.port")
    assert state(window) == "Not connected"
    assert find(window, "client.connect").isEnabled()


def test_an_unknown_name_is_said_next_to_the_host(window, pump):
    panel = connect(window, pump, host="no-such-host.invalid", port=80)
    assert not panel.is_connected
    assert "name not found: no-such-host.invalid" in find(window, "client.error").text()
    assert field_marked(window, "client.host")


def test_a_bad_port_is_refused_before_connecting(window, pump):
    connect(window, pump, port="http")
    assert "Port must be a number" in find(window, "client.error").text()
    assert field_marked(window, "client.port")
    find(window, "client.port").setText("70000")
    find(window, "client.connect").click()
    pump(lambda: "out of range" in find(window, "client.error").text())


def test_a_timeout_says_how_long_it_waited(window, pump):
    # A listener whose accept queue is full drops new SYNs: the connect hangs.
    full = socket.socket()
    full.bind(("127.0.0.1", 0))
    full.listen(0)
    port = full.getsockname()[1]
    fillers = []
    try:
        for _ in range(3):
            filler = socket.socket()
            filler.setblocking(False)
            filler.connect_ex(("127.0.0.1", port))
            fillers.append(filler)
        time.sleep(0.1)
        find(window, "client.timeout").setValue(300)
        panel = connect(window, pump, port=port)
        assert not panel.is_connected
        error = find(window, "client.error").text()
        assert "timed out after 300 ms" in error, error
        elapsed = int(re.search(r"after (\d+) ms\)", error).group(1))
        assert 250 <= elapsed < 5000
    finally:
        for filler in fillers:
            filler.close()
        full.close()


# -- the connection's life -----------------------------------------------------------------


def test_a_local_port_is_bound_before_connecting(window, pump, in_thread, server):
    local = free_port()
    find(window, "client.local_host").setText("127.0.0.1")
    find(window, "client.local_port").setValue(local)
    panel = connect(window, pump, port=server.port)
    conn = in_thread(server.accept)
    try:
        assert panel.is_connected, find(window, "client.error").text()
        assert conn.getpeername() == ("127.0.0.1", local)
        assert panel.socket_info.local == f"127.0.0.1:{local}"
    finally:
        conn.close()


def test_a_udp_session_sends_from_its_local_port(window, pump, in_thread):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        udp.bind(("127.0.0.1", 0))
        udp.settimeout(10)
        local = free_port()
        find(window, "client.local_port").setValue(local)
        panel = connect(window, pump, kind="UDP", port=udp.getsockname()[1])
        assert panel.is_connected, find(window, "client.error").text()
        find(window, "client.input").setPlainText("from a chosen port")
        find(window, "client.send").click()
        data, sender = in_thread(udp.recvfrom, 100)
        assert data == b"from a chosen port" and sender[1] == local


def test_bad_local_bindings_are_said_next_to_the_local_fields(window, pump, server):
    find(window, "client.local_host").setText("10.255.255.1")
    panel = connect(window, pump, port=server.port)
    assert not panel.is_connected
    assert "not an address of this machine" in find(window, "client.error").text()
    assert field_marked(window, "client.local_host")

    find(window, "client.local_host").setText("127.0.0.1")
    find(window, "client.local_port").setValue(server.port)  # the listener holds it
    panel = connect(window, pump, port=server.port)
    assert not panel.is_connected
    assert "already in use" in find(window, "client.error").text()
    assert field_marked(window, "client.local_port")


def test_peer_fin_keeps_sending_allowed(window, pump, in_thread, server):
    panel, conn = connect_to(window, pump, in_thread, server)
    conn.sendall(b"bye")
    conn.shutdown(socket.SHUT_WR)
    pump(lambda: "finished sending (FIN)" in state(window))
    assert "you can still send" in state(window)
    assert find(window, "client.send").isEnabled()
    find(window, "client.input").setPlainText("still here")
    find(window, "client.send").click()
    assert in_thread(recv_until, conn, b"here") == b"still here"
    pump(lambda: "peer finished sending (FIN)" in transcript_notes(panel))
    conn.close()
    find(window, "client.disconnect").click()
    pump(lambda: not panel.is_connected)


def test_reset_by_peer_is_reported(window, pump, in_thread, server):
    panel, conn = connect_to(window, pump, in_thread, server)
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()
    pump(lambda: not panel.is_connected)
    assert state(window) == "Connection reset by peer"
    assert find(window, "client.connect").isEnabled()
    assert not find(window, "client.send").isEnabled()
    pump(lambda: "reset by peer" in transcript_notes(panel))


def test_half_close_close_abort_and_reconnect(window, pump, in_thread, server):
    panel, conn = connect_to(window, pump, in_thread, server)

    find(window, "client.half_close").click()
    assert in_thread(conn.recv, 10) == b""  # the server reads end-of-stream
    assert "Sent FIN" in state(window)
    assert not find(window, "client.send").isEnabled()
    conn.sendall(b"late answer")  # ... and can still answer
    pump(lambda: b"late answer" in transcript_data(panel))
    conn.close()  # both sides have sent FIN: the connection is over
    pump(lambda: not panel.is_connected)
    assert state(window).startswith("Connection closed: we finished sending first, then 127.0.0.1:")

    conn = reconnect(window, pump, in_thread, server)
    find(window, "client.disconnect").click()
    pump(lambda: not panel.is_connected)
    assert state(window) == "Connection closed by us"
    assert in_thread(conn.recv, 10) == b""
    conn.close()

    conn = reconnect(window, pump, in_thread, server)
    find(window, "client.abort").click()
    pump(lambda: not panel.is_connected)
    assert state(window) == "Connection aborted by us (RST)"
    with pytest.raises(ConnectionResetError):
        in_thread(conn.recv, 10)
    conn.close()


def test_reconnect_at_once_is_not_ended_by_the_last_connection_closing(
    window, pump, in_thread, server
):
    """The old connection's own close arrives late; it must not end the new one."""
    pool = concurrent.futures.ThreadPoolExecutor(1)
    future = pool.submit(server.accept)
    panel = connect(window, pump, port=server.port)
    for _ in range(15):
        conn = in_thread(future.result)
        find(window, "client.half_close").click()
        assert in_thread(conn.recv, 10) == b""
        conn.close()  # both sides have sent FIN: the client closes its socket now
        pump(lambda: not panel.is_connected)
        future = pool.submit(server.accept)
        find(window, "client.reconnect").click()  # ... before that close is reported
        pump(lambda: panel.is_connected and panel.socket_info is not None)
        pause(pump, 0.05)
        assert panel.is_connected, state(window)
    in_thread(future.result).close()
    find(window, "client.disconnect").click()
    pump(lambda: not panel.is_connected)


def test_auto_reconnect_comes_back_after_the_server_drops_us(window, pump, in_thread, server):
    pool = concurrent.futures.ThreadPoolExecutor(1)
    find(window, "client.auto_reconnect").setChecked(True)
    find(window, "client.reconnect_delay").setValue(100)
    future = pool.submit(server.accept)
    panel = connect(window, pump, port=server.port)
    first = in_thread(future.result)

    # a reset by the server
    future = pool.submit(server.accept)
    first.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    first.close()
    pump(lambda: "reconnecting in" in state(window) or future.done(), 10)
    second = in_thread(future.result)
    pump(lambda: panel.is_connected and state(window).startswith("Connected"), 10)
    pump(lambda: "Reconnected after 1 attempt" in transcript_notes(panel), 10)

    # a graceful close (FIN) by the server: ours is closed too, then we come back
    future = pool.submit(server.accept)
    second.close()
    third = in_thread(future.result)
    pump(lambda: panel.is_connected and state(window).startswith("Connected"), 10)
    find(window, "client.input").setPlainText("still here")
    find(window, "client.send").click()
    assert in_thread(recv_until, third, b"still here") == b"still here"

    # closing by hand does not come back
    find(window, "client.disconnect").click()
    pump(lambda: not panel.is_connected)
    pause(pump, 0.4)
    assert not panel.is_connected and not panel.is_reconnect_pending
    assert state(window) == "Connection closed by us"
    third.close()
    pool.shutdown()


def test_auto_reconnect_waits_for_a_server_that_is_not_up_yet(window, pump, in_thread):
    port = free_port()
    find(window, "client.auto_reconnect").setChecked(True)
    find(window, "client.reconnect_delay").setValue(100)
    panel = connect(window, pump, port=port)
    assert not panel.is_connected
    pump(lambda: "reconnecting in" in state(window))
    assert "connection refused" in state(window)
    pump(lambda: panel.reconnector.attempt >= 2, 10)  # the delay doubles: 0.1 s, 0.2 s, ...

    srv = Server(address=("127.0.0.1", port))
    try:
        conn = in_thread(srv.accept)
        pump(lambda: panel.is_connected, 10)
        conn.close()
        # unticking stops the next attempt
        pump(lambda: panel.is_reconnect_pending or panel.is_connected is False, 10)
        find(window, "client.auto_reconnect").setChecked(False)
        pump(lambda: not panel.is_connected, 10)
        pause(pump, 0.5)
        assert not panel.is_reconnect_pending and not panel.is_connected
    finally:
        srv.close()


def test_close_stops_a_pending_reconnect(window, pump):
    find(window, "client.auto_reconnect").setChecked(True)
    find(window, "client.reconnect_delay").setValue(60_000)
    panel = connect(window, pump, port=free_port())
    pump(lambda: panel.is_reconnect_pending)
    assert find(window, "client.disconnect").isEnabled()
    find(window, "client.disconnect").click()
    assert not panel.is_reconnect_pending
    assert state(window) == "Stopped reconnecting"


def test_a_long_state_wraps_instead_of_widening_the_window(window, pump):
    window.resize(1100, 700)
    pump(lambda: window.width() == 1100)
    find(window, "client.auto_reconnect").setChecked(True)
    find(window, "client.reconnect_delay").setValue(60_000)
    find(window, "client.host").setText("a-rather-long-name-that-does-not-resolve." * 3 + "invalid")
    find(window, "client.port").setText("80")
    find(window, "client.connect").click()
    pump(lambda: "reconnecting in" in state(window), 15)
    pause(pump, 0.3)
    assert window.width() == 1100
    label = find(window, "client.state")
    assert label.width() < 1100 and label.geometry().right() < window.width()
    find(window, "client.disconnect").click()


def read_exactly(conn, size):
    import hashlib

    digest = hashlib.sha256()
    got = 0
    while got < size:
        chunk = conn.recv(1 << 20)
        if not chunk:
            break
        digest.update(chunk)
        got += len(chunk)
    return got, digest.hexdigest()


def test_a_large_file_is_streamed_with_progress(window, pump, in_thread, server, tmp_path):
    import hashlib

    data = os.urandom(1 << 20) * 24  # 24 MB
    path = tmp_path / "big.bin"
    path.write_bytes(data)
    pool = concurrent.futures.ThreadPoolExecutor(1)
    panel, conn = connect_to(window, pump, in_thread, server)
    reading = pool.submit(read_exactly, conn, len(data))
    sending = panel.file_sender
    assert find(window, "client.send_file").isEnabled()
    sending.on_dialog_file_selected(str(path))
    pump(lambda: sending.is_sending or reading.done(), 30)
    if sending.is_sending:  # a fast machine may have sent it all already
        assert find(window, "client.file_progress").isVisible()
    pump(lambda: reading.done() and find(window, "client.file_status").text(), 60)
    assert reading.result() == (len(data), hashlib.sha256(data).hexdigest())
    assert not find(window, "client.file_progress").isVisible()
    status = find(window, "client.file_status").text()
    assert status.startswith("Sent big.bin: 24 MB in "), status
    pump(lambda: "Sent big.bin" in transcript_notes(panel))
    pump(lambda: panel.bytes_out == len(data))
    # Rows for what the window had room for; the status counts every byte.
    pump(lambda: panel.transcript.model.totals.bytes_out == len(data))
    assert panel.transcript.model.rowCount() <= 30
    conn.close()
    pool.shutdown()


def test_a_file_sent_while_recording_is_recorded_whole(window, pump, in_thread, server, tmp_path):
    data = b"0123456789abcde\n" * (12 << 16)  # 12 MB of text
    path = tmp_path / "lines.txt"
    path.write_bytes(data)
    pool = concurrent.futures.ThreadPoolExecutor(1)
    panel, conn = connect_to(window, pump, in_thread, server)
    reading = pool.submit(read_exactly, conn, len(data))
    recording = tmp_path / "recording.jsonl"
    assert panel.transcript.start_recording(recording)
    panel.file_sender.on_dialog_file_selected(str(path))
    pump(lambda: reading.done() and find(window, "client.file_status").text(), 60)
    pump(lambda: panel.transcript.model.totals.bytes_out == len(data))
    panel.transcript.stop_recording()
    rows = [json.loads(line) for line in recording.read_text().splitlines()]
    assert b"".join(bytes.fromhex(row["hex"]) for row in rows if row["dir"] == "out") == data
    assert panel.transcript.model.dropped == 0
    conn.close()
    pool.shutdown()


def test_a_recording_started_mid_send_keeps_every_byte_after_it(
    window, pump, in_thread, server, tmp_path
):
    data = b"0123456789abcde\n" * (16 << 16)  # 16 MB of text
    path = tmp_path / "lines.txt"
    path.write_bytes(data)
    panel, conn = connect_to(window, pump, in_thread, server)
    sending = panel.file_sender
    sending.on_dialog_file_selected(str(path))  # the server does not read yet: it stalls
    pump(lambda: sending.is_sending and sending.transfer.sent > 0)
    pause(pump, 0.3)
    recording = tmp_path / "recording.jsonl"
    assert panel.transcript.start_recording(recording)
    sent_before = sending.transfer.sent
    pool = concurrent.futures.ThreadPoolExecutor(1)
    reading = pool.submit(read_exactly, conn, len(data))
    pump(lambda: reading.done() and find(window, "client.file_status").text(), 60)
    pump(lambda: panel.transcript.model.totals.bytes_out == len(data))
    panel.transcript.stop_recording()
    rows = [json.loads(line) for line in recording.read_text().splitlines()]
    recorded = b"".join(bytes.fromhex(row["hex"]) for row in rows if row["dir"] == "out")
    after = len(data) - sent_before - (1 << 20)  # a chunk may cross the start
    assert after > 0 and recorded.endswith(data[-after:])
    conn.close()
    pool.shutdown()


def test_a_file_send_can_be_cancelled(window, pump, in_thread, server, tmp_path):
    path = tmp_path / "huge.bin"
    with path.open("wb") as out:  # sparse: 2 GB on disk costs nothing
        out.truncate(2 << 30)
    # The server never reads: the send stalls on a full socket.
    panel, conn = connect_to(window, pump, in_thread, server)
    sending = panel.file_sender
    sending.on_dialog_file_selected(str(path))
    pump(lambda: sending.is_sending and sending.transfer.sent > 0)
    find(window, "client.file_cancel").click()
    pump(lambda: find(window, "client.file_status").text(), 10)
    status = find(window, "client.file_status").text()
    assert "cancelled after" in status and "GB" in status, status
    assert sending.transfer.sent < 2 << 30
    assert panel.is_connected
    conn.close()


def test_a_file_over_udp_goes_as_unfragmented_datagrams(window, pump, in_thread, tmp_path):
    data = os.urandom(50_000)
    path = tmp_path / "small.bin"
    path.write_bytes(data)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        udp.bind(("127.0.0.1", 0))
        udp.settimeout(10)
        panel = connect(window, pump, kind="UDP", port=udp.getsockname()[1])

        def receive():
            got = []
            while sum(map(len, got)) < len(data):
                got.append(udp.recv(65535))
            return got

        pool = concurrent.futures.ThreadPoolExecutor(1)
        receiving = pool.submit(receive)
        panel.file_sender.on_dialog_file_selected(str(path))
        pump(receiving.done, 15)
        datagrams = receiving.result()
        assert b"".join(datagrams) == data
        assert max(map(len, datagrams)) <= 1400
        pool.shutdown()


def test_a_file_that_cannot_be_sent_is_said(window, pump, in_thread, server, tmp_path):
    panel, conn = connect_to(window, pump, in_thread, server)
    run = panel.file_sender.on_dialog_file_selected
    run(str(tmp_path / "missing.bin"))
    pump(lambda: "does not exist" in find(window, "client.file_status").text())
    run(str(tmp_path))
    pump(lambda: "not a regular file" in find(window, "client.file_status").text())

    # the server resets the connection in the middle of a send
    path = tmp_path / "huge.bin"
    with path.open("wb") as out:
        out.truncate(1 << 30)
    run(str(path))
    pump(lambda: panel.file_sender.is_sending and panel.file_sender.transfer.sent > 0)
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()
    pump(lambda: find(window, "client.file_status").text(), 15)
    status = find(window, "client.file_status").text()
    assert "stopped after" in status, status


# -- other kinds ---------------------------------------------------------------------------


def udp_echo(sock):
    data, address = sock.recvfrom(65535)
    sock.sendto(data.upper(), address)


def test_udp_session_and_a_closed_udp_port(window, pump, in_thread):
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind(("127.0.0.1", 0))
    udp.settimeout(10)
    port = udp.getsockname()[1]
    try:
        future = concurrent.futures.ThreadPoolExecutor(1).submit(udp_echo, udp)
        panel = connect(window, pump, kind="UDP", port=port)
        assert panel.is_connected, find(window, "client.error").text()
        assert panel.socket_info.type == "SOCK_DGRAM"
        assert "TCP_NODELAY" not in find(window, "client.info").text()
        assert not find(window, "client.half_close").isEnabled()
        find(window, "client.input").setPlainText("ping")
        find(window, "client.send").click()
        in_thread(future.result)
        pump(lambda: b"PING" in transcript_data(panel))
    finally:
        udp.close()
    # Nothing listens there now: the next datagram comes back as ICMP port unreachable.
    find(window, "client.input").setPlainText("anyone?")
    find(window, "client.send").click()
    pump(lambda: "port is closed" in state(window))
    pump(lambda: "ICMP port unreachable" in transcript_notes(panel))


def test_unix_stream_and_datagram_sessions(window, pump, in_thread, tmp_path):
    stream_path = tmp_path / "stream.sock"
    srv = Server(socket.AF_UNIX, str(stream_path))
    try:
        panel, conn = connect_to(window, pump, in_thread, srv, kind="Unix stream", path=stream_path)
        assert panel.socket_info.family == "AF_UNIX"
        assert str(stream_path) in find(window, "client.info").text()
        conn.sendall(b"over unix")
        pump(lambda: b"over unix" in transcript_data(panel))
        conn.close()
        pump(lambda: "finished sending (FIN)" in state(window))
        find(window, "client.disconnect").click()
        pump(lambda: not panel.is_connected)
    finally:
        srv.close()

    dgram_path = tmp_path / "dgram.sock"
    dgram = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    dgram.bind(str(dgram_path))
    dgram.settimeout(10)
    try:
        future = concurrent.futures.ThreadPoolExecutor(1).submit(udp_echo, dgram)
        panel = connect(window, pump, kind="Unix datagram", path=dgram_path)
        assert panel.is_connected, find(window, "client.error").text()
        find(window, "client.input").setPlainText("dgram")
        find(window, "client.send").click()
        in_thread(future.result)
        pump(lambda: b"DGRAM" in transcript_data(panel))
        find(window, "client.disconnect").click()
        pump(lambda: not panel.is_connected)
    finally:
        dgram.close()


def test_a_missing_unix_socket_is_said_next_to_the_path(window, pump, tmp_path):
    panel = connect(window, pump, kind="Unix stream", path=tmp_path / "nobody.sock")
    assert not panel.is_connected
    assert "nobody.sock" in find(window, "client.error").text()
    assert field_marked(window, "client.path")


def test_socat_and_ncat_listeners(window, pump, in_thread, tmp_path):
    need("socat")
    port = free_port()
    with running(
        ["socat", f"TCP-LISTEN:{port},bind=127.0.0.1,reuseaddr,fork", "SYSTEM:'tr a-z A-Z'"]
    ):
        wait_for_port(port)
        panel = connect(window, pump, port=port)
        assert panel.is_connected, find(window, "client.error").text()
        find(window, "client.input").setPlainText("shout\n")
        find(window, "client.send").click()
        find(window, "client.half_close").click()  # tr answers once its input ends
        pump(lambda: b"SHOUT\n" in b"".join(transcript_data(panel)))
        pump(lambda: not panel.is_connected)
        assert state(window).startswith("Connection closed: we finished sending first")

    need("ncat")
    udp_port = free_port()
    with running(["ncat", "-u", "-l", "127.0.0.1", str(udp_port), "--exec", "/bin/cat"]):
        time.sleep(0.3)
        panel = connect(window, pump, kind="UDP", port=udp_port)
        find(window, "client.input").setPlainText("echo me")
        for _ in range(20):  # ncat may come up after our first datagram
            find(window, "client.send").click()
            deadline = time.monotonic() + 0.25
            pump(lambda d=deadline: time.monotonic() > d or b"echo me" in _ins(panel))
            if b"echo me" in _ins(panel):
                break
        assert b"echo me" in _ins(panel)


def _ins(panel):
    model = panel.transcript.model
    return [
        model.record(r).data
        for r in range(model.rowCount())
        if model.record(r).direction.name == "IN"
    ]


# -- TLS -----------------------------------------------------------------------------------


def start_s_server(tls_files, *args, cert="server.pem"):
    need("openssl")
    port = free_port()
    command = ["openssl", "s_server", "-accept", f"127.0.0.1:{port}", "-quiet", *args]
    proc = subprocess.Popen(
        [*command, "-cert", str(tls_files / cert)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    wait_for_port(port)
    return port, proc


def stop_s_server(proc):
    proc.kill()
    proc.wait()
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        stream.close()


def s_server_output(proc, pump, expected):
    """What openssl s_server printed of the bytes it received, once ``expected`` is among them
    (or after ten seconds)."""
    os.set_blocking(proc.stdout.fileno(), False)
    got = b""
    deadline = time.monotonic() + 10
    while expected not in got and time.monotonic() < deadline:
        pause(pump, 0.02)
        got += proc.stdout.read(100) or b""
    return got


@pytest.fixture
def s_server(tls_files):
    port, proc = start_s_server(tls_files)
    yield port, proc
    stop_s_server(proc)


def tls_connect(
    win, pump, port, ca=None, server_name="", verify=True, host="127.0.0.1", **identity
):
    find(win, "client.kind").setCurrentIndex(find(win, "client.kind").findText("TLS over TCP"))
    find(win, "client.ca_file").setText(str(ca) if ca else "")
    find(win, "client.server_name").setText(server_name)
    find(win, "client.tls_verify").setChecked(verify)
    for name in ("cert_file", "key_file", "alpn"):
        find(win, f"client.{name}").setText(str(identity.get(name, "")))
    return connect(win, pump, kind="TLS over TCP", host=host, port=port)


def test_tls_verified_with_a_ca_file_shows_the_session(window, pump, tls_files, s_server):
    port, proc = s_server
    panel = tls_connect(window, pump, port, ca=tls_files / "ca.pem", server_name="localhost")
    assert panel.is_connected, find(window, "client.error").text()
    tls = panel.socket_info.tls
    assert tls.verified and tls.version.startswith("TLS")
    assert tls.cipher and "localhost" not in tls.issuer
    assert re.fullmatch(r"([0-9A-F]{2}:){31}[0-9A-F]{2}", tls.fingerprint)
    info = find(window, "client.info").text()
    for expected in (tls.version, "Cipher", tls.fingerprint[:23], "Subject", "Issuer", "Valid"):
        assert expected in info
    assert tls.not_before in info and tls.not_after in info
    assert not find(window, "client.tls_warning").isVisible()
    assert not find(window, "client.half_close").isEnabled()
    find(window, "client.input").setPlainText("over tls\n")
    find(window, "client.send").click()
    assert b"over tls" in s_server_output(proc, pump, b"over tls")


def test_tls_untrusted_and_wrong_host_are_said_next_to_the_right_field(
    window, pump, tls_files, s_server
):
    port, _ = s_server
    panel = tls_connect(window, pump, port)
    assert not panel.is_connected
    error = find(window, "client.error").text()
    assert "TLS verification failed" in error and "choose its CA file" in error, error
    assert field_marked(window, "client.ca_file")

    panel = tls_connect(window, pump, port, ca=tls_files / "ca.pem", server_name="wrong.example")
    assert not panel.is_connected
    error = find(window, "client.error").text()
    assert "Hostname mismatch" in error and "server name" in error, error
    assert field_marked(window, "client.server_name")


def test_tls_expired_certificate_is_said(window, pump, tls_files):
    port, proc = start_s_server(tls_files, cert="expired.pem")
    try:
        panel = tls_connect(window, pump, port, ca=tls_files / "ca.pem", server_name="localhost")
        assert not panel.is_connected
        error = find(window, "client.error").text()
        assert "expired" in error and "renew" in error, error
        assert field_marked(window, "client.tls_verify")
    finally:
        stop_s_server(proc)


def test_tls_client_certificate_and_alpn(window, pump, tls_files):
    """A server that asks for a client certificate gets ours; ALPN shows what it chose."""
    port, proc = start_s_server(
        tls_files, "-Verify", "1", "-CAfile", str(tls_files / "ca.pem"), "-alpn", "h2,http/1.1"
    )
    try:
        panel = tls_connect(
            window,
            pump,
            port,
            ca=tls_files / "ca.pem",
            server_name="localhost",
            cert_file=tls_files / "client.crt",
            key_file=tls_files / "client.key",
            alpn="http/1.1, spdy/1",
        )
        assert panel.is_connected, find(window, "client.error").text()
        assert panel.socket_info.tls.alpn == "http/1.1"
        assert panel.socket_info.tls.client_certificate
        info = find(window, "client.info").text()
        assert "http/1.1" in info and "presented" in info
        find(window, "client.input").setPlainText("with a client certificate\n")
        find(window, "client.send").click()
        expected = b"with a client certificate"
        assert expected in s_server_output(proc, pump, expected)
    finally:
        stop_s_server(proc)


def test_tls_server_that_requires_a_certificate_says_so(window, pump, tls_files):
    """TLS 1.3 finishes the handshake first; the server's alert then ends the session."""
    port, proc = start_s_server(tls_files, "-Verify", "1", "-CAfile", str(tls_files / "ca.pem"))
    try:
        find(window, "client.kind").setCurrentIndex(
            find(window, "client.kind").findText("TLS over TCP")
        )
        find(window, "client.ca_file").setText(str(tls_files / "ca.pem"))
        find(window, "client.server_name").setText("localhost")
        find(window, "client.host").setText("127.0.0.1")
        find(window, "client.port").setText(str(port))
        find(window, "client.connect").click()

        def said():
            return (
                "certificate required"
                in (state(window) + find(window, "client.error").text()).lower()
            )

        def poke():
            # Some handshakes end before the alert is read: a send makes it show.
            panel = window.client_tab.panels["client-1"]
            if panel.is_connected and not said():
                panel.send(b"hello\n")
            return said()

        pump(poke, 15)
        assert not window.client_tab.panels["client-1"].is_connected
    finally:
        stop_s_server(proc)


def test_a_missing_client_key_is_said_next_to_the_key(window, pump, tls_files, tmp_path):
    panel = tls_connect(
        window,
        pump,
        free_port(),
        cert_file=tls_files / "client.crt",
        key_file=tmp_path / "missing.key",
    )
    assert not panel.is_connected
    assert "key file" in find(window, "client.error").text()
    assert field_marked(window, "client.key_file")
    panel = tls_connect(window, pump, free_port(), cert_file=tls_files / "ca.pem")
    assert not panel.is_connected
    assert "client certificate cannot be used" in find(window, "client.error").text()


def test_tls_insecure_connects_with_a_visible_warning(window, pump, s_server):
    port, _ = s_server
    find(window, "client.kind").setCurrentIndex(
        find(window, "client.kind").findText("TLS over TCP")
    )
    find(window, "client.tls_verify").setChecked(False)
    assert find(window, "client.tls_warning").isVisible()
    assert "Insecure: the certificate is not checked" in find(window, "client.tls_warning").text()
    panel = tls_connect(window, pump, port, verify=False)
    assert panel.is_connected, find(window, "client.error").text()
    assert not panel.socket_info.tls.verified
    assert "NOT verified" in find(window, "client.info").text()
    assert panel.socket_info.tls.fingerprint


# -- typing a protocol by hand -------------------------------------------------------------


def test_a_raw_http_get_typed_into_the_console(window, pump, tmp_path):
    (tmp_path / "index.html").write_text("<h1>hello from http.server</h1>")
    port = free_port()
    with running(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"], cwd=tmp_path
    ):
        wait_for_port(port)
        panel = connect(window, pump, port=port)
        assert panel.is_connected, find(window, "client.error").text()
        mode = find(window, "client.input_mode")
        mode.setCurrentIndex(mode.findText("Text with escapes"))
        find(window, "client.input").setPlainText("GET / HTTP/1.0\\r\\nHost: 127.0.0.1\\r\\n\\r\\n")
        find(window, "client.send").click()
        pump(lambda: "finished sending (FIN)" in state(window))
        pump(lambda: b"hello from http.server" in b"".join(_ins(panel)))
        received = b"".join(_ins(panel))
        assert received.startswith(b"HTTP/1.0 200 OK")
        assert b"hello from http.server" in received


# -- repeating -----------------------------------------------------------------------------


def set_repeat(win, text, count, interval):
    """Type ``text`` to send ``count`` times (0: until stopped), ``interval`` ms apart."""
    find(win, "client.input").setPlainText(text)
    find(win, "client.repeat_count").setValue(count)
    find(win, "client.repeat_interval").setValue(interval)


def test_repeat_sends_n_times_on_a_steady_grid_with_templates(window, pump, in_thread, server):
    panel, conn = connect_to(window, pump, in_thread, server)
    set_repeat(window, "#{counter} {time};", count=5, interval=40)
    started = time.monotonic()
    find(window, "client.repeat_start").click()
    assert find(window, "client.repeat_stop").isEnabled()
    pump(lambda: not panel.is_repeating)
    elapsed = time.monotonic() - started
    got = in_thread(recv_until, conn, b"#5 ")
    assert re.findall(rb"#(\d+) \d\d:\d\d:\d\d\.\d{3};", got) == [b"1", b"2", b"3", b"4", b"5"]
    assert elapsed >= 0.16  # on the grid: four intervals of 40 ms after the first send
    assert panel.repeat.schedule.sent == 5
    pump(lambda: "sent 5 of 5" in find(window, "client.repeat_status").full_text)
    assert "done at" in find(window, "client.repeat_status").full_text
    conn.close()


def test_repeat_until_stopped(window, pump, in_thread, server):
    panel, conn = connect_to(window, pump, in_thread, server)
    set_repeat(window, "x", count=0, interval=0)
    find(window, "client.repeat_start").click()
    assert "at least 1 ms" in find(window, "client.repeat_status").full_text
    assert not panel.is_repeating
    find(window, "client.repeat_interval").setValue(5)
    find(window, "client.repeat_start").click()
    pump(lambda: panel.repeat.schedule.sent >= 10)
    find(window, "client.repeat_stop").click()
    assert not panel.is_repeating
    sent = panel.repeat.schedule.sent
    pump(lambda: "stopped" in find(window, "client.repeat_status").full_text)
    assert f"sent {sent} of ∞" in find(window, "client.repeat_status").full_text
    assert len(in_thread(recv_until, conn, b"x" * sent)) >= sent
    conn.close()


# -- several sessions and the examples -----------------------------------------------------


def test_sessions_are_independent(window, pump, in_thread):
    first, second = Server(), Server()
    pool = concurrent.futures.ThreadPoolExecutor(2)
    try:
        accepted = [pool.submit(first.accept), pool.submit(second.accept)]
        connect(window, pump, port=first.port)
        find(window, "client.new_session").click()
        assert window.client_tab.inner.count() == 2
        connect(window, pump, port=second.port, prefix="client.2")
        one, two = (in_thread(f.result) for f in accepted)
        panel_one = window.client_tab.panels["client-1"]
        panel_two = window.client_tab.panels["client-2"]
        two.sendall(b"for two")
        pump(lambda: b"for two" in transcript_data(panel_two))
        assert b"for two" not in transcript_data(panel_one)
        one.close()
        pump(lambda: "finished sending" in state(window))
        find(window, "client.disconnect").click()
        pump(lambda: not panel_one.is_connected)
        assert panel_two.is_connected and state(window, "client.2").startswith("Connected")
        two.close()
    finally:
        first.close()
        second.close()


def test_examples_talk_to_the_server_tabs_time_echo(window, pump):
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", 9999))
        except OSError:
            pytest.skip("port 9999 is in use here")
    server_example = next(e for e in window.server_tab.examples_menu.actions())
    server_example.trigger()
    pump(lambda: window.server_tab.current_panel.is_running)
    actions = {a.objectName(): a for a in window.client_tab.examples_menu.actions()}
    assert [a.text() for a in actions.values()] == [
        "Client for the TCP time echo server",
        "Send 10 quick messages (粘包 demo)",
    ]
    actions["client.example_time_echo"].trigger()
    panel = window.client_tab.panels["client-1"]
    pump(lambda: panel.is_connected and panel.socket_info is not None)
    find(window, "client.send").click()
    pump(lambda: any(b"hello" in d for d in _ins(panel)))
    actions["client.example_quick_messages"].trigger()
    second = window.client_tab.panels["client-2"]
    pump(lambda: second.repeat.schedule is not None and not second.is_repeating)
    assert second.repeat.schedule.sent == 10
    # The listener read the ten messages in fewer reads than ten: they merged (粘包).
    server_panel = window.server_tab.current_panel
    pump(lambda: b"message 10;" in b"".join(transcript_data(server_panel)))
    reads = {
        server_panel.transcript.model.record(r).last_chunk
        for r in range(server_panel.transcript.model.rowCount())
        if server_panel.transcript.model.record(r).peer.endswith(
            str(second.socket_info.local.rsplit(":", 1)[1])
        )
        and server_panel.transcript.model.record(r).direction.name == "IN"
    }
    assert 1 <= len(reads) < 10


def test_closing_a_session_tab_closes_its_connection(window, pump, in_thread, server):
    panel, conn = connect_to(window, pump, in_thread, server)
    window.client_tab.inner.tabCloseRequested.emit(0)
    assert in_thread(conn.recv, 10) == b""
    pump(lambda: "client-1" not in window.client_tab.panels)
    assert window.client_tab.inner.count() == 1  # a fresh session takes its place
    assert not panel.is_connected
    conn.close()
