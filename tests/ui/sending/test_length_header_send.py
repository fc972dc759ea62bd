"""The send row's length header on both tabs, against real sockets: the tutorials'
struct-header fix for 粘包 without typing the header, and replies framed back alike."""

import socket
import struct

from helpers import bound_port, find, start_listener, type_payload

from netbench.core.transcript import Direction


def choose_header(win, prefix, size, order="big"):
    combo = find(win, f"{prefix}.length_header")
    combo.setCurrentIndex(combo.findData(size))
    order_combo = find(win, f"{prefix}.length_header_order")
    assert order_combo.isVisible() == bool(size)
    order_combo.setCurrentIndex(order_combo.findData(order))


def frame_server_by_length(win):
    form = win.server_tab.current_panel.form
    form.prefix_size.setCurrentIndex(form.prefix_size.findData(4))
    form.byteorder.setCurrentIndex(form.byteorder.findData("big"))
    form.counts_header.setChecked(False)


def test_quick_sends_with_a_struct_header_arrive_whole_and_replies_come_back_framed(window, pump):
    frame_server_by_length(window)
    server = start_listener(window, pump, framing="length", reply="echo")
    assert server.is_running, find(window, "server.error").text()
    port = bound_port(window)

    window.tabs.setCurrentWidget(window.client_tab)
    client = window.client_tab.current_panel
    find(window, "client.host").setText("127.0.0.1")
    find(window, "client.port").setText(str(port))
    find(window, "client.connect").click()
    pump(lambda: client.is_connected and client.socket_info is not None)
    type_payload(window, "hello")
    choose_header(window, "client", 4)
    assert find(window, "client.input_preview").full_text.startswith("9 bytes: 00 00 00 05 68")
    find(window, "client.repeat_interval").setValue(0)
    find(window, "client.repeat_count").setValue(10)
    find(window, "client.repeat_start").click()

    model = server.transcript.model

    def received_by_server():
        rows = [model.record(r) for r in range(model.rowCount())]
        return [r.data for r in rows if r.direction is Direction.IN]

    pump(lambda: len(received_by_server()) == 10)
    assert received_by_server() == [b"hello"] * 10  # whole, however the reads merged
    framed = struct.pack("!I", 5) + b"hello"
    replies = client.transcript.model

    def received_by_client():
        rows = [replies.record(r) for r in range(replies.rowCount())]
        return b"".join(r.data for r in rows if r.direction is Direction.IN)

    pump(lambda: len(received_by_client()) == 10 * len(framed))
    assert received_by_client() == 10 * framed


def test_the_server_send_row_puts_the_header_in_front(window, pump, in_thread):
    server = start_listener(window, pump)
    port = bound_port(window)
    with socket.create_connection(("127.0.0.1", port), timeout=5) as peer:
        pump(lambda: server.peers_model.rowCount() == 1)
        server.select_peer(server.peers_model.row(0).name)
        type_payload(window, "hello", prefix="server")
        choose_header(window, "server", 2, "little")
        find(window, "server.send").click()
        assert in_thread(peer.recv, 100) == b"\x05\x00hello"


def test_beside_a_length_header_the_repeat_status_ends_in_an_ellipsis_not_mid_word(window, pump):
    window.resize(1180, 760)  # the window's default size
    window.tabs.setCurrentWidget(window.client_tab)
    choose_header(window, "client", 4)
    pump(lambda: True)
    status = find(window, "client.repeat_status")
    whole = "{counter} and {time} in the text are filled in"
    assert status.toolTip() == whole
    shown = status.text()
    assert shown == whole or (shown.endswith("…") and whole.startswith(shown[:-1]))
    assert status.fontMetrics().horizontalAdvance(shown) <= status.width()
