"""The Server tab driven through its widgets against real clients on loopback."""

import concurrent.futures
import hashlib
import os
import re
import socket
import ssl
import struct
import subprocess
import threading
import time

import pytest
from helpers import bound_port, find, start_listener
from loopback import need
from PySide6.QtCore import Qt


def talk_until(command, message, expected, timeout=10.0):
    """Run a peer program, write ``message``, read until ``expected`` arrives, stop it.

    Programs that keep their side open after stdin ends (openssl s_client, ncat -u) are
    stopped by us once the answer is in.
    """
    proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        proc.stdin.write(message)
        proc.stdin.flush()
        got = b""
        deadline = time.monotonic() + timeout
        os.set_blocking(proc.stdout.fileno(), False)
        while expected not in got and time.monotonic() < deadline:
            chunk = proc.stdout.read(4096)
            if chunk:
                got += chunk
            else:
                time.sleep(0.01)
        return got
    finally:
        proc.kill()
        proc.wait()
        proc.stdin.close()
        proc.stdout.close()


def test_tcp_listener_shows_peer_bytes_and_sends_to_the_selected_peer(window, pump, in_thread):
    panel = start_listener(window, pump, framing="lf")
    assert panel.is_running, find(window, "server.error").text()
    port = bound_port(window)
    assert f"try: nc 127.0.0.1 {port}" in find(window, "server.address").text()

    client = socket.create_connection(("127.0.0.1", port), timeout=5)
    try:
        client.sendall("hello 你好\nsecond\n".encode())
        pump(lambda: panel.peers_model.rowCount() == 1 and panel.transcript.model.rowCount() >= 3)
        row = panel.peers_model.row(0)
        assert row.messages_in == 2
        assert row.bytes_in == len("hello 你好\nsecond\n".encode())
        data_cells = [
            panel.transcript.model.record(r).data for r in range(panel.transcript.model.rowCount())
        ]
        assert "hello 你好".encode() in data_cells and b"second" in data_cells

        panel.select_peer(row.name)
        editor = find(window, "server.input")
        editor.setPlainText("reply from the server")
        find(window, "server.send").click()
        received = in_thread(client.recv, 100)
        assert received == b"reply from the server"
        pump(lambda: panel.peers_model.row(0).messages_out == 1)
    finally:
        client.close()
    pump(
        lambda: (
            panel.peers_model.row(0).state.name == "CLOSED"
            or panel.peers_model.row(0).state.name == "HALF_CLOSED"
        )
    )


def test_the_peers_table_keeps_who_and_their_state_in_view(window, pump):
    window.resize(1180, 760)
    panel = start_listener(window, pump)
    port = bound_port(window)
    with socket.create_connection(("127.0.0.1", port), timeout=5) as client:
        client.sendall(b"hi")
        pump(lambda: panel.peers_model.rowCount() == 1 and panel.peers_model.row(0).bytes_in)
        view = find(window, "server.peers")
        header = view.horizontalHeader()
        model = view.model()
        shown = [
            model.headerData(header.logicalIndex(v), Qt.Orientation.Horizontal)
            for v in range(header.count())
        ]
        assert shown[:2] == ["Peer", "State"]
        state = header.logicalIndex(1)
        assert header.sectionViewportPosition(state) + header.sectionSize(state) <= (
            view.viewport().width()
        )
        assert model.index(0, state).data() == "open"


def test_echo_with_line_framing_answers_each_line(window, pump, in_thread):
    panel = start_listener(window, pump, framing="lf", reply="echo")
    assert panel.is_running
    port = bound_port(window)

    def talk():
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            sock.sendall(b"one\ntwo\n")
            got = b""
            while got.count(b"\n") < 2:
                got += sock.recv(100)
            return got

    assert in_thread(talk) == b"one\ntwo\n"


def test_a_port_of_70000_is_refused_next_to_the_port(window, pump):
    panel = start_listener(window, pump, port="70000")
    assert not panel.is_running
    error = find(window, "server.error")
    assert error.isVisible()
    assert "70000" in error.text() and "65535" in error.text()
    assert "border" in find(window, "server.port").styleSheet()


def test_a_port_in_use_says_so(window, pump):
    holder = socket.socket()
    holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 0)
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    try:
        panel = start_listener(window, pump, port=str(holder.getsockname()[1]))
        assert not panel.is_running
        assert "already in use" in find(window, "server.error").text()
    finally:
        holder.close()


def test_unix_listener_refuses_files_and_stale_sockets_until_asked(window, pump, tmp_path):
    regular = tmp_path / "notes.txt"
    regular.write_text("keep")
    panel = start_listener(window, pump, kind="Unix stream", path=regular)
    assert not panel.is_running
    assert "not a socket" in find(window, "server.error").text()
    assert regular.read_text() == "keep"

    stale = tmp_path / "stale.sock"
    dead = socket.socket(socket.AF_UNIX)
    dead.bind(str(stale))
    dead.close()
    panel = start_listener(window, pump, kind="Unix stream", path=stale)
    assert not panel.is_running
    assert "stale" in find(window, "server.error").text()
    find(window, "server.remove_stale").setChecked(True)
    find(window, "server.start").click()
    pump(lambda: panel.is_running)
    with socket.socket(socket.AF_UNIX) as client:
        client.connect(str(stale))
        client.sendall(b"over unix")
        pump(lambda: panel.peers_model.rowCount() == 1 and panel.peers_model.row(0).bytes_in == 9)


def test_a_long_unix_path_wraps_instead_of_widening_the_window(window, pump, tmp_path):
    window.resize(1100, 700)
    pump(lambda: window.width() == 1100)
    room = 100 - len(str(tmp_path / "s.sock"))  # Unix paths stop at 107 bytes
    folder = tmp_path / ("x" * room)
    folder.mkdir()
    start_listener(window, pump, kind="Unix stream", path=folder / "s.sock")
    assert "Listening on" in find(window, "server.address").text(), find(
        window, "server.error"
    ).text()
    settled = time.monotonic() + 0.3
    pump(lambda: time.monotonic() > settled)
    assert window.width() == 1100


def test_udp_peers_appear_by_source_address_and_get_byte_counts(window, pump, in_thread):
    panel = start_listener(window, pump, kind="UDP", reply="bytecount")
    assert panel.is_running
    port = bound_port(window)

    def ask(message):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.settimeout(5)
            sock.sendto(message, ("127.0.0.1", port))
            return sock.recvfrom(100)[0]

    assert in_thread(ask, b"12345") == b"your data was 5 bytes"
    assert in_thread(ask, b"abc") == b"your data was 3 bytes"
    pump(lambda: panel.peers_model.rowCount() == 2)


def test_tls_listener_with_a_self_signed_certificate(window, pump, in_thread):
    panel = start_listener(window, pump, kind="TLS over TCP", framing="lf", reply="upper")
    assert panel.is_running, find(window, "server.error").text()
    fingerprint = find(window, "server.fingerprint")
    assert fingerprint.isVisible() and "SHA-256" in fingerprint.text()
    port = bound_port(window)

    def talk():
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        with (
            socket.create_connection(("127.0.0.1", port), timeout=5) as raw,
            context.wrap_socket(raw, server_hostname="localhost") as tls,
        ):
            der = tls.getpeercert(binary_form=True)
            tls.sendall(b"secret\n")
            return tls.recv(100), der

    reply, der = in_thread(talk)
    assert reply == b"SECRET\n"
    import hashlib

    digest = hashlib.sha256(der).hexdigest().upper()
    assert ":".join(digest[i : i + 2] for i in range(0, 64, 2)) in fingerprint.text()


def test_failed_tls_handshakes_are_shown(window, pump, in_thread):
    need("curl")
    panel = start_listener(window, pump, kind="TLS over TCP", framing="lf", reply="echo")
    assert panel.is_running
    port = bound_port(window)

    def notes():
        model = panel.transcript.model
        return " | ".join(model.record(r).note for r in range(model.rowCount()))

    in_thread(
        lambda: subprocess.run(
            ["curl", "-s", "--max-time", "5", f"http://127.0.0.1:{port}/"], capture_output=True
        )
    )
    pump(lambda: "plain HTTP" in notes())
    assert "TLS handshake with 127.0.0.1:" in notes()

    def verify_strictly():
        context = ssl.create_default_context()  # the self-signed certificate is not trusted
        with (
            socket.create_connection(("127.0.0.1", port), timeout=5) as raw,
            pytest.raises(ssl.SSLCertVerificationError),
        ):
            context.wrap_socket(raw, server_hostname="localhost")

    in_thread(verify_strictly)
    pump(lambda: "UNKNOWN_CA" in notes().upper())
    assert panel.is_running


def test_openssl_s_client_talks_to_the_tls_listener(window, pump, in_thread):
    need("openssl")
    panel = start_listener(window, pump, kind="TLS over TCP", framing="lf", reply="echo")
    assert panel.is_running
    port = bound_port(window)

    reply = in_thread(
        talk_until,
        ["openssl", "s_client", "-connect", f"127.0.0.1:{port}", "-quiet"],
        b"ping over tls\n",
        b"ping over tls\n",
    )
    assert reply.endswith(b"ping over tls\n")


def test_the_http_example_serves_a_page_to_curl(window, pump, in_thread):
    need("curl")
    tab = window.server_tab
    example = next(
        e
        for e in __import__("netbench.ui.server.server_tab", fromlist=["x"]).examples()
        if e.key == "http_site"
    )
    panel = tab.current_panel
    panel.form.apply(example.config, example.reply)
    find(window, "server.port").setText("0")
    find(window, "server.start").click()
    pump(lambda: panel.is_running)
    port = bound_port(window)
    result = in_thread(
        lambda: subprocess.run(
            ["curl", "-s", "-i", f"http://127.0.0.1:{port}/"], capture_output=True, timeout=10
        )
    )
    assert result.stdout.startswith(b"HTTP/1.1 200")
    assert b"netbench" in result.stdout
    missing = in_thread(
        lambda: subprocess.run(
            [
                "curl",
                "-s",
                "-o",
                "/dev/null",
                "-w",
                "%{http_code}",
                f"http://127.0.0.1:{port}/nope.html",
            ],
            capture_output=True,
            timeout=10,
        )
    )
    assert missing.stdout == b"404"


def test_examples_menu_starts_the_tutorial_servers(window, pump, in_thread):
    menu = window.server_tab.examples_menu
    titles = [a.text() for a in menu.actions()]
    assert titles == [
        "TCP time echo (port 9999)",
        "Upper-case echo (port 8080)",
        "UDP byte counter (port 1060)",
        "Unix socket server (./sock)",
        "HTTP static site (port 8000)",
    ]
    for port in (9999, 1060):
        probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            pytest.skip(f"port {port} is busy on this machine")
        finally:
            probe.close()
    menu.actions()[0].trigger()
    panel = window.server_tab.current_panel
    pump(lambda: panel.is_running)

    def time_echo():
        with socket.create_connection(("127.0.0.1", 9999), timeout=5) as sock:
            sock.sendall(b"what time is it")
            return sock.recv(200)

    reply = in_thread(time_echo)
    # Byte for byte the tutorial's server: ctime() + data, no brackets, no space.
    assert re.fullmatch(rb"\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}what time is it", reply), reply
    assert time.strftime("%Y").encode() in reply

    menu.actions()[2].trigger()
    pump(lambda: len([p for p in window.server_tab.panels.values() if p.is_running]) == 2)


def test_several_listeners_keep_their_own_state(window, pump, qtbot):
    first = start_listener(window, pump)
    assert first.is_running
    window.server_tab.new_button.click()
    second = window.server_tab.current_panel
    assert second is not first
    find(window, "server.2.port").setText("0")
    find(window, "server.2.start").click()
    pump(lambda: second.is_running)
    assert first.listener.address != second.listener.address
    find(window, "server.2.stop").click()
    pump(lambda: not second.is_running)
    assert first.is_running


def test_ncat_clients_over_tcp_udp_and_unix(window, pump, in_thread, tmp_path):
    need("ncat")
    panel = start_listener(window, pump, framing="lf", reply="upper")
    port = bound_port(window)
    result = in_thread(
        lambda: subprocess.run(
            ["ncat", "127.0.0.1", str(port)], input=b"tcp line\n", capture_output=True, timeout=10
        )
    )
    assert result.stdout == b"TCP LINE\n"
    find(window, "server.stop").click()
    pump(lambda: not panel.is_running)

    panel = start_listener(window, pump, kind="UDP", reply="upper")
    port = bound_port(window)
    reply = in_thread(
        talk_until, ["ncat", "-u", "127.0.0.1", str(port)], b"udp datagram", b"UDP DATAGRAM"
    )
    assert reply == b"UDP DATAGRAM"
    find(window, "server.stop").click()
    pump(lambda: not panel.is_running)

    path = tmp_path / "n.sock"
    panel = start_listener(window, pump, kind="Unix stream", path=path, reply="upper")
    assert panel.is_running
    result = in_thread(
        lambda: subprocess.run(
            ["ncat", "-U", str(path)], input=b"unix bytes", capture_output=True, timeout=10
        )
    )
    assert result.stdout == b"UNIX BYTES"


def test_both_time_stamp_forms_can_be_chosen(window, pump, in_thread):
    """The bracketed form, and the tutorial's own: ctime() + data."""
    for reply, pattern in (
        ("timestamp", rb"\[\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\] hello"),
        ("ctime", rb"\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}hello"),
    ):
        panel = start_listener(window, pump, reply=reply)
        port = bound_port(window)

        def ask(port=port):
            with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
                sock.sendall(b"hello")
                return sock.recv(1024)

        answer = in_thread(ask)
        assert re.fullmatch(pattern, answer), (reply, answer)
        find(window, "server.stop").click()
        pump(lambda panel=panel: not panel.is_running)


def test_tutorial_clients_one_socket_per_message_and_many_at_once(window, pump, in_thread):
    panel = start_listener(window, pump, reply="timestamp")
    port = bound_port(window)

    def one_socket_per_message(text):
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            sock.sendall(text.encode())
            return sock.recv(1024).decode()

    for text in ("first", "second", "third"):
        assert in_thread(one_socket_per_message, text).endswith(f"] {text}")

    def concurrent_clients():
        results = []
        lock = threading.Lock()

        def client(n):
            reply = one_socket_per_message(f"client {n}")
            with lock:
                results.append(reply)

        threads = [threading.Thread(target=client, args=(n,)) for n in range(20)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(10)
        return results

    replies = in_thread(concurrent_clients)
    assert len(replies) == 20
    assert sorted(r.rsplit(" ", 1)[1] for r in replies) == sorted(str(n) for n in range(20))
    pump(lambda: panel.peers_model.total_connections == 23)


def test_disconnect_and_abort_reach_the_client(window, pump, in_thread):
    panel = start_listener(window, pump)
    port = bound_port(window)
    graceful = socket.create_connection(("127.0.0.1", port), timeout=5)
    rude = socket.create_connection(("127.0.0.1", port), timeout=5)
    try:
        pump(lambda: panel.peers_model.rowCount() == 2)
        local_names = {s.getsockname()[1]: s for s in (graceful, rude)}
        names = {
            int(panel.peers_model.row(r).name.rsplit(":", 1)[1]): panel.peers_model.row(r).name
            for r in range(2)
        }
        panel.select_peer(names[graceful.getsockname()[1]])
        find(window, "server.disconnect").click()
        assert in_thread(graceful.recv, 10) == b""
        panel.select_peer(names[rude.getsockname()[1]])
        find(window, "server.abort").click()
        with pytest.raises(ConnectionResetError):
            in_thread(rude.recv, 10)
        assert local_names
    finally:
        graceful.close()
        rude.close()


def test_empty_send_target_says_what_to_do(window, pump, qtbot):
    panel = start_listener(window, pump)
    find(window, "server.input").setPlainText("nobody")
    qtbot.keyClick(
        find(window, "server.input"), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    pump(lambda: find(window, "server.send_status").text() != "")
    assert "No peer" in find(window, "server.send_status").text()
    assert panel.is_running


# -- sending a file to peers -----------------------------------------------------------------


def read_all(conn, size):
    """Read ``size`` bytes (or until the peer closes): how many came, and their SHA-256."""
    digest = hashlib.sha256()
    got = 0
    while got < size:
        chunk = conn.recv(1 << 20)
        if not chunk:
            break
        digest.update(chunk)
        got += len(chunk)
    return got, digest.hexdigest()


def drain(conn, stop):
    """Read and forget until ``stop`` is set; returns how many bytes came."""
    conn.settimeout(0.2)
    got = 0
    while not stop.is_set():
        try:
            chunk = conn.recv(1 << 20)
        except TimeoutError:
            continue
        if not chunk:
            break
        got += len(chunk)
    return got


def resident_bytes():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def connect_peers(win, pump, count):
    """``count`` TCP clients of the running listener, listed in the peers table."""
    panel = win.server_tab.current_panel
    port = bound_port(win)
    clients = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(count)]
    pump(lambda: panel.peers_model.open_count == count)
    return clients


def send_to_all(win):
    target = find(win, "server.send_target")
    target.setCurrentIndex(target.findData("all"))


def pick_file(win, path):
    """Click "Send file…" and choose ``path`` in the file dialog, which does not block."""
    sender = win.server_tab.current_panel.file_sender
    find(win, "server.send_file").click()
    dialog = sender.file_dialog  # the click came back with the dialog open: no exec()
    assert dialog is not None and dialog.isVisible()
    assert dialog.objectName() == "server.send_file_dialog"
    dialog.selectFile(str(path))
    dialog.accept()


def peer_name(client):
    return f"127.0.0.1:{client.getsockname()[1]}"


def test_a_file_streams_to_two_peers_at_once_with_progress(window, pump, tmp_path):
    data = os.urandom(1 << 20) * 24  # 24 MB
    path = tmp_path / "big.bin"
    path.write_bytes(data)
    panel = start_listener(window, pump)
    clients = connect_peers(window, pump, 2)
    pool = concurrent.futures.ThreadPoolExecutor(2)
    try:
        send_to_all(window)
        pick_file(window, path)
        sender = panel.file_sender
        pump(lambda: sender.is_sending)
        assert find(window, "server.file_progress").isVisible()
        assert find(window, "server.file_cancel").isVisible()
        assert not find(window, "server.send_file").isEnabled()
        progress = find(window, "server.file_progress")
        # The peers read only once the progress showed: the send waits for them meanwhile.
        pump(lambda: progress.value() > 0 and " of 48 MB · " in progress.text())
        assert progress.toolTip().startswith("big.bin to 2 peers: ")
        readers = [pool.submit(read_all, client, len(data)) for client in clients]
        pump(lambda: all(r.done() for r in readers) and not sender.is_sending, 60)
        expected = (len(data), hashlib.sha256(data).hexdigest())
        assert [r.result() for r in readers] == [expected, expected]
        status = find(window, "server.file_status").text()
        assert status.startswith("Sent big.bin (24 MB) to 2 peers in "), status
        assert not find(window, "server.file_progress").isVisible()
        assert find(window, "server.send_file").isEnabled()
        pump(lambda: [panel.peers_model.row(r).bytes_out for r in range(2)] == [len(data)] * 2)
        model = panel.transcript.model
        pump(lambda: any("Sent big.bin" in model.record(r).note for r in range(model.rowCount())))
    finally:
        for client in clients:
            client.close()
        pool.shutdown()


def test_cancelling_a_2_gb_file_stops_it_soon_and_memory_stays_low(window, pump, tmp_path):
    path = tmp_path / "huge.bin"
    with path.open("wb") as out:  # sparse: 2 GB on disk costs nothing
        out.truncate(2 << 30)
    panel = start_listener(window, pump)
    clients = connect_peers(window, pump, 2)
    stop = threading.Event()
    pool = concurrent.futures.ThreadPoolExecutor(2)
    try:
        readers = [pool.submit(drain, client, stop) for client in clients]
        send_to_all(window)
        before = resident_bytes()
        pick_file(window, path)
        sender = panel.file_sender
        pump(lambda: sender.is_sending and sender.transfer.sent > 256 << 20, 60)
        grown = resident_bytes() - before
        # The file goes by in chunks; only the transcript's newest rows stay.
        assert grown < 160 << 20, f"{grown / 1e6:.0f} MB more after 256 MB sent"
        clicked = time.monotonic()
        find(window, "server.file_cancel").click()
        pump(lambda: not sender.is_sending, 5)
        assert time.monotonic() - clicked < 2
        status = find(window, "server.file_status").text()
        assert status.startswith("Sending huge.bin to 2 peers cancelled after "), status
        assert status.endswith(" of 4.0 GB"), status  # 2 GiB to each of 2 peers
        assert sender.transfer.sent < 1 << 30
        assert panel.peers_model.open_count == 2  # cancelling leaves the peers connected
        stop.set()
        assert sum(r.result(timeout=10) for r in readers) <= sender.transfer.sent
    finally:
        stop.set()
        for client in clients:
            client.close()
        pool.shutdown()


def test_a_peer_that_resets_mid_send_is_named_while_the_other_gets_it_all(window, pump, tmp_path):
    data = os.urandom(1 << 20) * 24
    path = tmp_path / "big.bin"
    path.write_bytes(data)
    panel = start_listener(window, pump)
    good, rude = connect_peers(window, pump, 2)
    pool = concurrent.futures.ThreadPoolExecutor(1)
    try:
        reader = pool.submit(read_all, good, len(data))  # the rude one never reads
        send_to_all(window)
        pick_file(window, path)
        sender = panel.file_sender
        pump(lambda: sender.is_sending and len(sender.transfer.peers) == 2)
        rude_name = peer_name(rude)
        rude_send = next(p for p in sender.transfer.peers if p.peer == rude_name)
        pump(lambda: rude_send.sent > 0)
        rude.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        rude.close()
        pump(lambda: reader.done() and not sender.is_sending, 60)
        assert reader.result() == (len(data), hashlib.sha256(data).hexdigest())
        status = find(window, "server.file_status").text()
        assert status.startswith("Sent big.bin (24 MB) to 1 of 2 peers in "), status
        assert f"{rude_name} stopped after " in status, status
        assert "the connection was reset by peer" in status, status
        assert 0 < rude_send.sent < len(data)
    finally:
        good.close()
        rude.close()
        pool.shutdown()


def receive_datagrams(sock, size):
    got = []
    while sum(map(len, got)) < size:
        got.append(sock.recv(65535))
    return got


def test_udp_peers_get_the_file_as_unfragmented_datagrams(window, pump, in_thread, tmp_path):
    data = os.urandom(50_000)
    path = tmp_path / "small.bin"
    path.write_bytes(data)
    panel = start_listener(window, pump, kind="UDP")
    port = bound_port(window)
    peers = [socket.socket(socket.AF_INET, socket.SOCK_DGRAM) for _ in range(2)]
    pool = concurrent.futures.ThreadPoolExecutor(2)
    try:
        for peer in peers:
            peer.settimeout(10)
            peer.sendto(b"hello", ("127.0.0.1", port))
        pump(lambda: panel.peers_model.open_count == 2)
        receiving = [pool.submit(receive_datagrams, peer, len(data)) for peer in peers]
        send_to_all(window)
        pick_file(window, path)
        pump(lambda: all(r.done() for r in receiving), 15)
        for result in receiving:
            datagrams = result.result()
            assert b"".join(datagrams) == data
            assert max(map(len, datagrams)) == 1400
        pump(lambda: "to 2 peers" in find(window, "server.file_status").text())
    finally:
        for peer in peers:
            peer.close()
        pool.shutdown()


def test_a_unix_datagram_peer_gets_8_kb_datagrams(window, pump, tmp_path):
    data = os.urandom(40_000)
    path = tmp_path / "small.bin"
    path.write_bytes(data)
    server_path = tmp_path / "server.sock"
    panel = start_listener(window, pump, kind="Unix datagram", path=server_path)
    assert panel.is_running, find(window, "server.error").text()
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as peer:
        peer.bind(str(tmp_path / "peer.sock"))
        peer.settimeout(10)
        peer.sendto(b"hello", str(server_path))
        pump(lambda: panel.peers_model.open_count == 1)
        panel.select_peer(panel.peers_model.row(0).name)
        pool = concurrent.futures.ThreadPoolExecutor(1)
        receiving = pool.submit(receive_datagrams, peer, len(data))
        pick_file(window, path)
        pump(receiving.done, 15)
        datagrams = receiving.result()
        assert b"".join(datagrams) == data
        assert max(map(len, datagrams)) == 8192
        pool.shutdown()


def test_a_file_that_cannot_be_sent_is_said_next_to_the_button(window, pump, tmp_path):
    panel = start_listener(window, pump)
    status = find(window, "server.file_status")
    choose = panel.file_sender.on_dialog_file_selected
    choose(str(tmp_path))
    pump(lambda: status.text() == "No peer is connected yet")
    (client,) = connect_peers(window, pump, 1)
    try:
        choose(str(tmp_path))  # to the selected peers, and none is selected
        pump(lambda: "Select a peer" in status.text())
        panel.select_peer(peer_name(client))
        choose(str(tmp_path / "missing.bin"))
        pump(lambda: "missing.bin does not exist" in status.text())
        choose(str(tmp_path))
        pump(lambda: "is not a regular file" in status.text())
        assert status.isVisible()
        assert status.parentWidget() is find(window, "server.send_file").parentWidget()
        assert panel.peers_model.open_count == 1
    finally:
        client.close()
