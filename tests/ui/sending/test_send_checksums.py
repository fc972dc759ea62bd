"""Templates and checksums on every send, from both tabs, to real peers on loopback."""

import re
import socket

from helpers import connect_client, find
from loopback import recv_exactly

from netbench.core.checksum import ByteOrder, Checksum, crc32, sum8
from netbench.core.payload import InputMode, LineEnding


def choose(win, name, data):
    combo = find(win, name)
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_a_modbus_request_typed_in_hex_arrives_with_its_crc(window, pump, in_thread, server):
    _, conn = connect_client(window, pump, in_thread, server)
    with conn:
        choose(window, "client.input_mode", InputMode.HEX.value)
        find(window, "client.input").setPlainText("01 03 00 00 00 01")
        choose(window, "client.checksum", Checksum.CRC16_MODBUS.value)
        assert find(window, "client.checksum_order").currentData() == ByteOrder.LITTLE.value
        assert find(window, "client.input_preview").full_text == (
            "8 bytes: 01 03 00 00 00 01 + CRC-16/MODBUS 84 0a"
        )
        find(window, "client.send").click()
        assert in_thread(recv_exactly, conn, 8) == bytes.fromhex("01 03 00 00 00 01 84 0a")


def test_single_sends_fill_the_counter_and_a_repeat_goes_on_with_a_checksum_each(
    window, pump, in_thread, server
):
    panel, conn = connect_client(window, pump, in_thread, server)

    def message(number):
        body = b"#%d;" % number
        return body + bytes([sum8(body)]) + b"\n"

    with conn:
        find(window, "client.input").setPlainText("#{counter};")
        choose(window, "client.input_line_ending", LineEnding.LF.value)
        find(window, "client.send").click()
        assert in_thread(recv_exactly, conn, 4) == b"#1;\n"  # no checksum chosen yet
        choose(window, "client.checksum", Checksum.SUM8.value)
        assert "send #2" in find(window, "client.input_preview").full_text
        find(window, "client.repeat_count").setValue(3)
        find(window, "client.repeat_interval").setValue(10)
        find(window, "client.repeat_start").click()
        pump(lambda: not panel.is_repeating)
        expected = b"".join(message(n) for n in (2, 3, 4))
        assert in_thread(recv_exactly, conn, len(expected)) == expected
        find(window, "client.send").click()
        assert in_thread(recv_exactly, conn, len(message(5))) == message(5)
        pump(lambda: "send #6" in find(window, "client.input_preview").full_text)


def test_a_checksum_that_stops_fitting_stops_the_repeat_with_the_reason(
    window, pump, in_thread, server
):
    panel, conn = connect_client(window, pump, in_thread, server)
    with conn:
        # LRC needs hex digit pairs: "0{counter}" has them for 1..9, not for 10.
        panel.editor.set_payload("0{counter}", InputMode.TEXT)
        choose(window, "client.checksum", Checksum.LRC_ASCII.value)
        find(window, "client.repeat_count").setValue(12)
        find(window, "client.repeat_interval").setValue(0)
        find(window, "client.repeat_start").click()
        pump(lambda: not panel.is_repeating)
        status = find(window, "client.repeat_status").full_text
        assert "sent 9 of 12" in status and "stopped: LRC" in status, status
        expected = b"".join(b"0%d%02X" % (n, -n & 0xFF) for n in range(1, 10))
        assert in_thread(recv_exactly, conn, len(expected)) == expected
        pump(lambda: "hex digit pairs" in find(window, "client.input_error").text())
        assert not find(window, "client.send").isEnabled()


def test_the_server_tab_sends_with_templates_and_a_checksum(window, pump, in_thread):
    panel = window.server_tab.current_panel
    find(window, "server.port").setText("0")
    find(window, "server.start").click()
    pump(lambda: panel.is_running, 10)
    port = int(re.search(r":(\d+)", find(window, "server.address").text()).group(1))
    client = socket.create_connection(("127.0.0.1", port), timeout=5)
    with client:
        pump(lambda: panel.peers_model.open_count == 1)
        choose(window, "server.send_target", "all")
        find(window, "server.input").setPlainText("hello {counter}")
        choose(window, "server.input_line_ending", LineEnding.CRLF.value)
        choose(window, "server.checksum", Checksum.CRC32.value)
        choose(window, "server.checksum_placement", "after-line-ending")
        for number in (1, 2):
            find(window, "server.send").click()
            body = b"hello %d\r\n" % number
            expected = body + crc32(body).to_bytes(4, "big")
            assert in_thread(recv_exactly, client, len(expected)) == expected
