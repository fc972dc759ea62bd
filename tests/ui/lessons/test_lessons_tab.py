"""The Lessons tab: each step sets up what the tutorial does, and shows what it shows."""

import re
import struct
import time

import pytest
from helpers import find

from netbench.core.lessons.steps import lessons

CTIME = rb"(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}"


@pytest.fixture
def lessons_window(window, tmp_path):
    window.lessons_tab.directory = tmp_path
    window.tabs.setCurrentWidget(window.lessons_tab)
    return window


def set_up(window, pump, key):
    tab = window.lessons_tab
    tab.select(key)
    find(window, "lessons.set_up").click()
    pump(lambda: tab.task is not None and tab.task.done(), 20)
    assert tab.task.result() is True, find(window, "lessons.state").text()
    return tab


def run_program(window, pump):
    tab = window.lessons_tab
    find(window, "lessons.run").click()
    pump(lambda: tab.task is not None and tab.task.done(), 30)
    return tab.task.result()


def records(panel, direction=None):
    model = panel.transcript.model
    rows = [model.record(r) for r in range(model.rowCount())]
    return [r for r in rows if direction is None or r.direction.name == direction]


def ins(panel):
    return [r.data for r in records(panel, "IN")]


def lesson_client(window, number=1):
    return window.client_tab.panels[f"client-{number}"]


def test_one_step_per_experiment_in_the_tutorials_order(lessons_window):
    steps = find(lessons_window, "lessons.step_list")
    assert steps.count() == len(lessons()) == 15
    texts = [steps.item(i).text() for i in range(steps.count())]
    assert texts[0].startswith("1. Time-stamp echo server")
    assert "“can you hear me?” → “Yes”" in texts[1]
    assert "粘包" in texts[5]
    code = find(lessons_window, "lessons.code").toPlainText()
    assert "tcpCliSock.connect(ADDR)" in code and "PORT = 9999" in code
    find(lessons_window, "lessons.code_choice").setCurrentIndex(1)
    assert "bytes(ctime(), encoding=" in find(lessons_window, "lessons.code").toPlainText()


def test_every_step_title_fits_the_list_on_one_line(lessons_window):
    steps = find(lessons_window, "lessons.step_list")
    widths = [
        steps.fontMetrics().horizontalAdvance(steps.item(i).text()) for i in range(steps.count())
    ]
    assert max(widths) < steps.viewport().width()


def test_time_echo_answers_like_the_tutorial(lessons_window, pump):
    tab = set_up(lessons_window, pump, "time_echo")
    assert lessons_window.tabs.currentWidget() is lessons_window.client_tab
    client = lesson_client(lessons_window)
    pump(lambda: ins(client))
    reply = ins(client)[0]
    assert re.fullmatch(CTIME + rb"hello", reply), reply
    assert time.strftime("%Y").encode() in reply
    assert "Lesson:" in lessons_window.statusBar().currentMessage()
    # The tutorial's client, as a separate Python process, gets the same form.
    result = run_program(lessons_window, pump)
    assert result.returncode == 0, result.output
    assert re.search(CTIME.decode() + "hello", result.output), result.output
    assert "[exit status 0]" in find(lessons_window, "lessons.output").toPlainText()
    # The program talks to the port the server listens on (another one when 9999 is taken).
    listener = lessons_window.server_tab.current_panel.listener
    assert tab.endpoint.port == int(listener.address.rsplit(":", 1)[1])


def test_can_you_hear_me_gets_yes(lessons_window, pump):
    set_up(lessons_window, pump, "hear_me")
    client = lesson_client(lessons_window)
    pump(lambda: ins(client) == [b"Yes"])
    # The server closes after its one reply: the client sees its FIN.
    pump(lambda: "finished sending" in find(lessons_window, "client.state").text())
    result = run_program(lessons_window, pump)
    assert "reply is:  b'Yes'" in result.output, result.output


def test_threading_server_serves_two_clients_at_once(lessons_window, pump):
    set_up(lessons_window, pump, "threading")
    assert lessons_window.tabs.currentWidget() is lessons_window.server_tab
    pump(lambda: ins(lesson_client(lessons_window, 1)) == [b"HELLO"])
    pump(lambda: ins(lesson_client(lessons_window, 2)) == [b"WORLD"])
    server = lessons_window.server_tab.current_panel
    pump(lambda: server.peers_model.rowCount() == 2)
    result = run_program(lessons_window, pump)
    assert "b'HELLO'" in result.output and "b'WORLD'" in result.output, result.output


def test_udp_server_says_how_many_bytes(lessons_window, pump):
    set_up(lessons_window, pump, "udp")
    client = lesson_client(lessons_window)
    pump(lambda: ins(client) == [b"your data was 5 bytes"])
    result = run_program(lessons_window, pump)
    assert "says b'your data was 18 bytes'" in result.output, result.output


def test_unix_socket_is_an_absolute_path_and_shows_what_arrives(lessons_window, pump, tmp_path):
    tab = set_up(lessons_window, pump, "unix")
    path = str((tmp_path / "sock").resolve())
    assert tab.endpoint.path == path
    assert path in find(lessons_window, "lessons.notice").text()
    assert f"sock_file = '{path}'" in find(lessons_window, "lessons.code").toPlainText()
    server = lessons_window.server_tab.current_panel
    pump(lambda: b"hello" in ins(server))
    result = run_program(lessons_window, pump)
    assert result.returncode == 0, result.output
    pump(lambda: b"from python" in b"".join(ins(server)))


def test_sticky_demo_shows_merged_messages(lessons_window, pump):
    set_up(lessons_window, pump, "sticky")
    server = lessons_window.server_tab.current_panel
    pump(lambda: b"message 10;" in b"".join(ins(server)))
    reads = ins(server)
    assert len(reads) < 10, reads  # several messages came in one read (粘包)
    assert any(data.count(b";") > 1 for data in reads)


def test_the_length_header_fix_shows_separate_messages(lessons_window, pump):
    set_up(lessons_window, pump, "sticky_length")
    server = lessons_window.server_tab.current_panel
    pump(lambda: len(ins(server)) == 10)
    assert ins(server) == [b"hello"] * 10
    # The send row's option made the header, not escapes typed by hand.
    assert find(lessons_window, "client.input").toPlainText() == "hello"
    assert find(lessons_window, "client.length_header").currentData() == 4
    assert find(lessons_window, "client.length_header_order").currentData() == "big"
    client = lesson_client(lessons_window)
    pump(lambda: len(records(client, "OUT")) == 10)
    assert {r.data for r in records(client, "OUT")} == {struct.pack("!I", 5) + b"hello"}
    result = run_program(lessons_window, pump)
    assert result.returncode == 0, result.output
    pump(lambda: len(ins(server)) == 20)
    assert set(ins(server)) == {b"hello"}


def test_the_delimiter_fix_shows_one_message_per_line(lessons_window, pump):
    set_up(lessons_window, pump, "sticky_delimiter")
    server = lessons_window.server_tab.current_panel
    pump(lambda: len(ins(server)) == 10)
    assert [data.rstrip(b"\n") for data in ins(server)] == [b"message %d" % n for n in range(1, 11)]


def test_the_delay_fix_reads_each_message_alone(lessons_window, pump):
    set_up(lessons_window, pump, "sticky_length")
    set_up(lessons_window, pump, "sticky_delay")  # the same session, its header option off
    assert find(lessons_window, "client.length_header").currentData() == 0
    server = lessons_window.server_tab.current_panel

    def messages():
        return [data for data in ins(server) if data.startswith(b"message")]

    pump(lambda: len(messages()) == 10, 20)
    assert all(data.count(b";") == 1 for data in messages())  # no header in front either


def test_http_request_and_response(lessons_window, pump):
    tab = set_up(lessons_window, pump, "http")
    client = lesson_client(lessons_window)
    pump(lambda: b"".join(ins(client)).startswith(b"HTTP/1.1 200 OK\r\n"))
    assert f"http://127.0.0.1:{tab.endpoint.port}/" in find(lessons_window, "lessons.notice").text()
    result = run_program(lessons_window, pump)
    assert "HTTP/1.1 200 OK" in result.output, result.output


@pytest.mark.parametrize(
    ("key", "page", "printed"),
    [
        ("names", "names", "127.0.0.1"),
        ("conversions", "services", "192.168.1.2"),
        ("ports", "calculator", "broadcast"),
    ],
)
def test_lookup_steps_point_at_the_lookup_tab(lessons_window, pump, key, page, printed):
    set_up(lessons_window, pump, key)
    lookup = lessons_window.lookup_tab
    assert lessons_window.tabs.currentWidget() is lookup
    assert lookup.pages_widget.currentWidget() is getattr(lookup, page)
    lessons_window.tabs.setCurrentWidget(lessons_window.lessons_tab)
    result = run_program(lessons_window, pump)
    assert result.returncode == 0 and printed in result.output, result.output


def test_handshake_step_half_close_ends_both_sides(lessons_window, pump):
    set_up(lessons_window, pump, "handshake")
    client = lesson_client(lessons_window)
    pump(lambda: ins(client) == [b"hello"])
    find(lessons_window, "client.half_close").click()
    pump(lambda: "finished sending" in find(lessons_window, "client.state").text())
    result = run_program(lessons_window, pump)
    assert "recv gives b''" in result.output, result.output


def test_attributes_step_shows_the_socket(lessons_window, pump):
    set_up(lessons_window, pump, "attributes")
    client = lesson_client(lessons_window)
    assert client.socket_info is not None
    result = run_program(lessons_window, pump)
    assert "SOCK_STREAM" in result.output and "AF_INET" in result.output
