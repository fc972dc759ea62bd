"""This machine: psutil's view, a real listening socket, and the way to the Client tab."""

import socket

import pytest
from helpers import find


@pytest.fixture
def listener():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    yield sock.getsockname()[1]
    sock.close()


def test_interfaces_list_loopback(lookup, pump):
    page = lookup.show_page("machine")
    pump(lambda: page.interfaces_found and page.sockets_report is not None, 8)
    table = find(lookup, "lookup.interfaces")
    names = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert "lo" in names
    row = names.index("lo")
    assert "127.0.0.1/8" in table.item(row, 4).text()
    assert table.item(row, 1).text() == "up"
    assert page.routes.text() != "Reading…"


def test_a_listening_socket_opens_a_client_session(lookup, pump, listener):
    window = lookup.window()
    page = lookup.show_page("machine")
    pump(lambda: page.sockets_report is not None, 8)
    page.sockets_report = None
    find(lookup, "lookup.refresh").click()
    pump(lambda: page.sockets_report is not None, 8)
    find(lookup, "lookup.sockets_filter").setText(f":{listener}")
    find(lookup, "lookup.sockets_listening").setChecked(True)
    table = find(lookup, "lookup.sockets")
    assert table.rowCount() == 1
    assert table.item(0, 2).text() == f"127.0.0.1:{listener}"
    assert table.item(0, 1).text() == "LISTEN"
    button = find(lookup, "lookup.open_client")
    assert not button.isEnabled()
    table.selectRow(0)
    assert button.isEnabled()
    button.click()
    assert window.tabs.currentWidget() is window.client_tab
    assert find(window, "client.host").text() == "127.0.0.1"
    assert find(window, "client.port").text() == str(listener)
