"""The Client tab's load test, driven through its widgets against real servers on loopback."""

import contextlib
import socket
import socketserver
import threading

import pytest
from helpers import find
from loopback import free_port
from PySide6.QtGui import QGuiApplication


@pytest.fixture
def window_tab():
    """These tests start on the Client tab."""
    return "client"


@pytest.fixture
def window(window):
    """The Client tab with its load test in view."""
    window.client_tab.panels["client-1"].views.setCurrentIndex(1)
    return window


class _Echo(socketserver.BaseRequestHandler):
    def handle(self):
        # A load test that is stopped aborts its connections (RST): not an error here.
        with contextlib.suppress(ConnectionResetError):
            while data := self.request.recv(65536):
                if self.server.reply:
                    self.request.sendall(data)


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256


@pytest.fixture
def echo():
    """A plain threaded echo server (another thread, not our loop)."""
    server = _Server(("127.0.0.1", 0), _Echo)
    server.reply = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def target(win, port, kind="TCP"):
    form = win.client_tab.panels["client-1"].form
    form.kind.setCurrentIndex(form.kind.findText(kind))
    find(win, "client.host").setText("127.0.0.1")
    find(win, "client.port").setText(str(port))


def load(win):
    return win.client_tab.panels["client-1"].load


def start_and_wait(win, pump, timeout=30):
    panel = load(win)
    runs = len(panel.results.results)
    find(win, "client.load_start").click()
    pump(lambda: len(panel.results.results) > runs or find(win, "client.load_error").isVisible())
    pump(lambda: not panel.is_running, timeout)
    return panel


def test_a_run_against_the_server_tabs_echo_shows_latency(window, pump):
    server = window.server_tab.current_panel
    server.form.responder.setCurrentIndex(server.form.responder.findData("echo"))
    server.form.framing.setCurrentIndex(server.form.framing.findData("lf"))
    find(window, "server.port").setText("0")
    find(window, "server.start").click()
    pump(lambda: server.is_running)
    port = int(server.listener.address.rsplit(":", 1)[1])

    target(window, port)
    find(window, "client.input").setPlainText("ping {counter}\n")
    find(window, "client.load_connections").setValue(5)
    find(window, "client.load_messages").setValue(20)
    rule = find(window, "client.load_reply_rule")
    rule.setCurrentIndex(rule.findData("lf"))
    assert find(window, "client.load_empty").isVisible()
    assert not find(window, "client.load_copy_text").isEnabled()
    panel = start_and_wait(window, pump)

    results = panel.results
    assert results.cell("status") == "finished", results.cell("errors")
    assert results.cell("sent") == "100" and results.cell("replies") == "100"
    assert results.cell("connected") == "5" and results.cell("failed") == "0"
    assert results.cell("lat_p50") != "—" and results.cell("lat_samples") == "100 exact"
    assert "request/response (LF-delimited" in results.cell("mode")
    assert results.cell("errors") == "—"
    assert not find(window, "client.load_empty").isVisible()
    assert find(window, "client.load_results").columnCount() == 1
    assert find(window, "client.load_progress").value() == 1000
    assert "Done at" in find(window, "client.load_progress").format()
    assert (
        "100 messages sent, 100 replies over 5 connections"
        in find(window, "client.load_live").text()
    )
    # The load test never went through the session's transcript or counters.
    session = window.client_tab.panels["client-1"]
    assert session.transcript.model.rowCount() == 0 and session.messages_out == 0
    pump(lambda: server.peers_model.open_count == 0)


def test_a_refused_port_is_said_next_to_the_port(window, pump):
    target(window, free_port())
    find(window, "client.input").setPlainText("x")
    find(window, "client.load_connections").setValue(20)
    panel = start_and_wait(window, pump)
    assert panel.results.cell("status") == "failed"
    live = find(window, "client.load_live").text()
    assert live.startswith("Failed: all 20 connections failed: connection refused by"), live
    assert "border" in find(window, "client.port").styleSheet()
    assert "connection refused" in find(window, "client.error").text()
    assert "20 × connection refused" in panel.results.cell("errors")
    assert find(window, "client.load_start").isEnabled()


def test_cancel_mid_run_keeps_the_partial_results(window, pump, echo):
    target(window, echo.server_address[1])
    find(window, "client.input").setPlainText("tick")
    find(window, "client.load_connections").setValue(20)
    stop_by = find(window, "client.load_stop_by")
    stop_by.setCurrentIndex(stop_by.findData("duration"))
    find(window, "client.load_duration").setValue(60)
    panel = load(window)
    find(window, "client.load_start").click()
    assert panel.is_running
    assert not find(window, "client.load_start").isEnabled()
    assert not find(window, "client.load_connections").isEnabled()
    pump(lambda: panel.run.latest.replies > 100)
    assert "of 60 s" in find(window, "client.load_progress").format()
    assert " open of 20" in find(window, "client.load_live").text()
    find(window, "client.load_cancel").click()
    pump(lambda: not panel.is_running, 5)
    results = panel.results
    assert results.cell("status") == "cancelled"
    assert int(results.cell("sent").replace(",", "")) > 100
    assert results.cell("lat_p99") != "—"
    assert "Cancelled at" in find(window, "client.load_progress").format()
    assert find(window, "client.load_live").text().startswith("Cancelled; ")
    assert find(window, "client.load_connections").isEnabled()


def test_fire_and_forget_and_runs_side_by_side_copied_as_text_and_markdown(window, pump, echo):
    echo.reply = False
    target(window, echo.server_address[1])
    find(window, "client.input").setPlainText("fire")
    find(window, "client.load_connections").setValue(3)
    find(window, "client.load_messages").setValue(500)
    find(window, "client.load_wait_replies").setChecked(False)
    assert not find(window, "client.load_reply_rule").isEnabled()
    panel = start_and_wait(window, pump)
    assert panel.results.cell("status") == "finished"
    assert panel.results.cell("sent") == "1,500" and panel.results.cell("mode") == "fire and forget"
    assert panel.results.cell("lat_p50") == "—"

    find(window, "client.load_rate").setValue(2000)
    scope = find(window, "client.load_rate_scope")
    scope.setCurrentIndex(scope.findData("total"))
    find(window, "client.load_messages").setValue(100)
    start_and_wait(window, pump)
    assert find(window, "client.load_results").columnCount() == 2
    assert panel.results.cell("load") == "3 × 100 messages, 2,000 msg/s in total"
    assert panel.results.cell("sent", 0) == "1,500" and panel.results.cell("sent", 1) == "300"

    find(window, "client.load_copy_text").click()
    text = QGuiApplication.clipboard().text()
    lines = text.splitlines()
    assert lines[0].startswith("Metric") and "Run 1 · " in lines[0] and "Run 2 · " in lines[0]
    assert any(
        line.startswith("Messages sent") and "1,500" in line and "300" in line for line in lines
    )
    find(window, "client.load_copy_markdown").click()
    markdown = QGuiApplication.clipboard().text().splitlines()
    assert markdown[0].startswith("| Metric | Run 1 · ") and markdown[1] == "| --- | ---: | ---: |"
    assert "| Messages sent | 1,500 | 300 |" in markdown

    find(window, "client.load_clear").click()
    assert find(window, "client.load_results").columnCount() == 0
    assert find(window, "client.load_empty").isVisible()


def test_settings_are_checked_next_to_their_field(window, pump, echo, monkeypatch):
    find(window, "client.port").setText("")
    find(window, "client.input").setPlainText("x")
    find(window, "client.load_start").click()
    assert "Port must be a number" in find(window, "client.error").text()
    assert "Check the connection settings above" in find(window, "client.load_error").text()
    assert not load(window).is_running

    target(window, echo.server_address[1])
    stop_by = find(window, "client.load_stop_by")
    stop_by.setCurrentIndex(stop_by.findData("duration"))
    find(window, "client.load_duration").setValue(1.0)
    find(window, "client.load_ramp_up").setValue(2000)
    find(window, "client.load_start").click()
    assert "ramp-up must be shorter than the duration" in find(window, "client.load_error").text()
    assert "border" in find(window, "client.load_ramp_up").styleSheet()
    find(window, "client.load_ramp_up").setValue(0)  # editing clears the error
    assert not find(window, "client.load_error").isVisible()
    assert find(window, "client.load_ramp_up").styleSheet() == ""

    find(window, "client.input").setPlainText("#{counter}")
    rule = find(window, "client.load_reply_rule")
    rule.setCurrentIndex(rule.findData("echo"))
    find(window, "client.load_start").click()
    assert "needs a payload of one size" in find(window, "client.load_error").text()
    assert "border" in rule.styleSheet()

    find(window, "client.input").setPlainText("")
    rule.setCurrentIndex(rule.findData("raw"))
    find(window, "client.load_start").click()
    assert "the payload is empty" in find(window, "client.load_error").text()
    assert not load(window).is_running

    # More connections than this process may open files is a warning, not a refusal.
    monkeypatch.setattr("netbench.ui.client.load_panel.open_file_limit", lambda: 1024)
    find(window, "client.load_connections").setValue(5000)
    warning = find(window, "client.load_error")
    assert warning.isVisible() and "may open 1,024 files (ulimit -n)" in warning.text()
    assert "border" in find(window, "client.load_connections").styleSheet()


def test_a_udp_run_has_no_reply_rule_to_choose(window, pump):
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind(("127.0.0.1", 0))
    udp.settimeout(0.1)
    stop = threading.Event()

    def serve():
        while not stop.is_set():
            try:
                data, address = udp.recvfrom(65535)
            except TimeoutError:
                continue
            udp.sendto(data, address)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        target(window, udp.getsockname()[1], kind="UDP")
        assert not find(window, "client.load_reply_rule").isEnabled()
        find(window, "client.input").setPlainText("datagram")
        find(window, "client.load_connections").setValue(4)
        find(window, "client.load_messages").setValue(25)
        panel = start_and_wait(window, pump)
        assert panel.results.cell("status") == "finished", panel.results.cell("errors")
        assert panel.results.cell("target") == f"UDP 127.0.0.1:{udp.getsockname()[1]}"
        assert panel.results.cell("replies") == "100"
        assert "one datagram" in panel.results.cell("mode")
    finally:
        stop.set()
        thread.join()
        udp.close()


def test_closing_the_session_cancels_its_run(window, pump, echo):
    target(window, echo.server_address[1])
    find(window, "client.input").setPlainText("tick")
    stop_by = find(window, "client.load_stop_by")
    stop_by.setCurrentIndex(stop_by.findData("duration"))
    find(window, "client.load_duration").setValue(60)
    panel = load(window)
    find(window, "client.load_start").click()
    pump(lambda: panel.run.latest.open == 10)
    window.client_tab.inner.tabCloseRequested.emit(0)
    pump(lambda: "client-1" not in window.client_tab.panels, 10)
    assert not panel.is_running
    assert panel.last_result.status.value == "cancelled"
