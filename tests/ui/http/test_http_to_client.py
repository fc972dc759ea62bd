"""The HTTP tab hands a request's exact bytes to the Client tab, and they work there."""

from __future__ import annotations

import pytest
from helpers import find
from nginx_peer import SMALL_BODY

from netbench.core.escapes import decode_escapes
from netbench.core.payload import InputMode


@pytest.fixture
def window_tab():
    return "http"


def test_request_bytes_go_to_an_idle_client_session_and_get_an_answer(window, pump, nginx):
    find(window, "http.url").setText(nginx.http + "/static/small.txt")
    find(window, "http.headers").set_rows([(True, "X-Via", "netbench")])
    window.findChild(object, "http.action_to_client").trigger()
    assert window.tabs.currentWidget() is window.client_tab
    panel = window.client_tab.current_panel
    host, port = nginx.http.removeprefix("http://").rsplit(":", 1)
    assert find(window, "client.host").text() == host
    assert find(window, "client.port").text() == port
    editor = panel.editor
    assert editor.state().mode is InputMode.ESCAPES
    text = editor.state().text
    assert text.startswith("GET /static/small.txt HTTP/1.1\\r\\nHost: ")
    expected = decode_escapes(text, "utf-8")
    assert editor.payload() == expected and b"X-Via: netbench\r\n" in expected
    find(window, "client.connect").click()
    pump(lambda: panel.is_connected and panel.socket_info is not None, 10)
    pump(find(window, "client.send").isEnabled, 5)
    find(window, "client.send").click()
    model = panel.transcript.model

    def received() -> bytes:
        rows = [model.record(r) for r in range(model.rowCount())]
        return b"".join(r.data for r in rows if r.direction.value == "in")

    try:
        pump(lambda: SMALL_BODY in received(), 10)
    except TimeoutError:
        rows = [model.record(r) for r in range(model.rowCount())]
        raise AssertionError([(r.direction, r.data[:60], r.note) for r in rows]) from None
    assert received().startswith(b"HTTP/1.1 200 OK\r\n")


def test_menu_bar_example_switches_to_the_tab_and_says_what_started(window, pump):
    window.tabs.setCurrentWidget(window.server_tab)
    window.findChild(object, "main.example_http_head").trigger()
    assert window.tabs.currentWidget() is window.http_tab
    assert window.statusBar().currentMessage().startswith("Example started: HTTP: HEAD")
    panel = window.http_tab.current_panel
    pump(lambda: panel.last_result is not None, 15)
    assert panel.last_result.final.method == "HEAD"
