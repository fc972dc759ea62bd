"""The HTTP tab driven through its widgets against a real nginx and small servers on
loopback, with the network on the UI loop and on an IO thread."""

from __future__ import annotations

import json

import pytest
from helpers import Heartbeat, find
from http_helpers import SseServer, TricklingServer, send
from nginx_peer import LARGE_SIZE, SMALL_BODY

from netbench.core.http.result import Outcome


@pytest.fixture
def window_tab():
    return "http"


def test_get_shows_status_headers_and_body(window, pump, nginx):
    panel = send(window, pump, nginx.http + "/static/small.txt")
    assert find(window, "http.status").text() == "HTTP/1.1 200 OK"
    table = find(window, "http.response_headers")
    names = [table.item(row, 0).text() for row in range(table.rowCount())]
    assert names[:2] == ["Server", "Date"] and "Content-Length" in names
    assert panel.response.body.text.toPlainText() == SMALL_BODY.decode()
    assert find(window, "http.body_view").currentIndex() == 1  # text/plain: the Text view
    assert "connection #" in find(window, "http.response_summary").text()


def test_disabled_header_is_never_sent(window, pump, nginx):
    find(window, "http.url").setText(nginx.http + "/echo-cookie")
    find(window, "http.headers").set_rows([(False, "Cookie", "secret=1"), (True, "X-Shown", "yes")])
    panel = send(window, pump)
    raw = find(window, "http.raw").toPlainText()
    assert "X-Shown: yes\\r\\n" in raw and "secret" not in raw
    assert panel.response.body.text.toPlainText() == "cookie="  # what nginx received


def test_json_post_goes_as_typed_and_bad_json_is_pointed_at(window, pump, nginx):
    find(window, "http.method").setCurrentText("POST")
    find(window, "http.url").setText(nginx.http + "/echo-method")
    find(window, "http.body_kind").setCurrentIndex(2)  # JSON
    body = find(window, "http.body")
    body.setPlainText('{"a": [1, 2,]}')
    find(window, "http.send").click()
    assert "line 1, column 13" in find(window, "http.body_error").text()
    assert body.textCursor().selectionStart() == 12
    body.setPlainText('{"a": [1, 2]}')
    find(window, "http.json_pretty").click()
    assert json.loads(body.toPlainText()) == {"a": [1, 2]} and "\n" in body.toPlainText()
    panel = send(window, pump)
    size = len(body.toPlainText().encode())
    assert panel.response.body.text.toPlainText() == f"POST {size}"
    raw = find(window, "http.raw").toPlainText()
    assert "Content-Type: application/json\\r\\n" in raw


def test_redirect_chain_is_shown_hop_by_hop(window, pump, nginx):
    find(window, "http.follow_redirects").setChecked(True)
    panel = send(window, pump, nginx.http + "/redirect/3")
    hops = find(window, "http.hop")
    assert hops.count() == 4 and hops.isVisible() and hops.currentIndex() == 3
    assert find(window, "http.status").text() == "HTTP/1.1 200 OK"
    chain = find(window, "http.redirects").toPlainText()
    assert chain.count("302") == 3 and "/redirect/2" in chain
    hops.setCurrentIndex(0)
    assert find(window, "http.status").text() == "HTTP/1.1 302 Moved Temporarily"
    assert len(panel.last_result.hops) == 4


def test_http2_over_tls_shows_frames_and_a_labelled_rendering(window, pump, nginx):
    find(window, "http.tls_ca").setText(str(nginx.ca_file))
    panel = send(window, pump, nginx.https + "/static/small.txt")
    assert find(window, "http.status").text() == "HTTP/2 200"
    raw = find(window, "http.raw").toPlainText()
    assert "HEADERS stream=1" in raw and ":status: 200" in raw and "SETTINGS" in raw
    rendering = find(window, "http.raw_h1")
    assert rendering.isVisibleTo(panel.response.raw) and rendering.toPlainText().startswith(
        "GET https://"
    )
    tls = find(window, "http.tls").toPlainText()
    assert "ALPN: h2" in tls and "Certificate verified" in tls
    assert panel.response.body.text.toPlainText() == SMALL_BODY.decode()


def test_insecure_tls_shows_a_warning(window):
    warning, badge = find(window, "http.tls_warning"), find(window, "http.insecure")
    assert warning.isHidden() and not badge.isVisible()
    find(window, "http.tls_verify").setChecked(False)
    assert not warning.isHidden() and badge.isVisible()  # beside the URL, always in sight


def test_cancel_stops_a_big_download_and_keeps_what_came(window, pump):
    server = TricklingServer()
    try:
        find(window, "http.url").setText(f"http://127.0.0.1:{server.port}/big")
        find(window, "http.send").click()
        panel = window.http_tab.current_panel
        progress = find(window, "http.progress")
        pump(lambda: "/s" in progress.format(), 10)
        assert find(window, "http.cancel").isEnabled()
        find(window, "http.cancel").click()
        pump(lambda: panel.last_result is not None, 10)
        assert panel.last_result.outcome is Outcome.CANCELLED
        assert find(window, "http.status").text().startswith("Cancelled")
        assert find(window, "http.send").isEnabled() and not progress.isVisible()
        assert panel.last_result.final.body.raw_size > 0
    finally:
        server.close()


def test_hex_view_reads_a_large_body_lazily(window, pump, nginx):
    panel = send(window, pump, nginx.http + "/static/large.bin")
    hex_view = find(window, "http.body_hex")
    model = hex_view.model()
    assert model.rowCount() == LARGE_SIZE // 16
    assert find(window, "http.body_view").currentIndex() == 2  # octet-stream: Hex
    data = (nginx.www / "static" / "large.bin").read_bytes()
    last = model.rowCount() - 1
    assert model.data(model.index(last, 1)).replace(" ", "") == data[-16:].hex()
    assert model.data(model.index(0, 0)) == "00000000"
    assert "Hex shows all" in find(window, "http.body_note").text()
    # A binary body is noise as text: 64 KB of it, not 2 MB (which took ~0.4 s to lay out)
    assert "first 64 KB" in find(window, "http.body_note").text()
    assert len(panel.response.body.text.toPlainText()) <= 64 * 1024
    raw = find(window, "http.raw").toPlainText()
    assert "more (the Hex view shows the whole body)" in raw and len(raw) < 300 * 1024


def test_timing_has_the_phases_and_says_reused_the_second_time(window, pump, nginx):
    send(window, pump, nginx.http + "/static/small.txt")
    details = find(window, "http.timing_details").toPlainText()
    for name in ("connect", "pretransfer", "starttransfer", "total", "Addresses tried"):
        assert name in details
    assert "reused" not in details
    panel = send(window, pump)
    details = find(window, "http.timing_details").toPlainText()
    assert "reused" in details and panel.last_result.final.reused
    assert "(reused)" in find(window, "http.response_summary").text()
    assert window.http_tab.current_panel.response.timing.waterfall.hops


def test_pasting_curl_into_the_url_fills_the_editor(window, nginx):
    url = find(window, "http.url")
    url.setText(
        f"curl -X PUT -H 'X-Token: abc' --data-raw '{{\"a\": 1}}' -k"
        f" -L --frobnicate '{nginx.http}/echo-method?x=1&y=2'"
    )
    assert find(window, "http.method").currentText() == "PUT"
    assert url.text() == nginx.http + "/echo-method?x=1&y=2"
    assert find(window, "http.headers").rows() == [(True, "X-Token", "abc")]
    assert find(window, "http.params").rows() == [(True, "x", "1"), (True, "y", "2")]
    assert find(window, "http.body").toPlainText() == '{"a": 1}'
    assert find(window, "http.follow_redirects").isChecked()
    assert not find(window, "http.tls_verify").isChecked()
    assert "--frobnicate" in find(window, "http.request_error").text()


def test_params_and_url_stay_in_sync(window):
    url = find(window, "http.url")
    url.setText("http://127.0.0.1:1/p?a=1&b=")
    params = find(window, "http.params")
    assert params.rows() == [(True, "a", "1"), (True, "b", "")]
    params.set_enabled(0, False)
    assert url.text() == "http://127.0.0.1:1/p?b="
    params.add_row("c", "x y")
    assert url.text() == "http://127.0.0.1:1/p?b=&c=x%20y"


def test_a_carriage_return_in_a_header_is_refused_with_its_position(window, pump):
    find(window, "http.url").setText("http://127.0.0.1:9/")
    find(window, "http.headers").set_rows([(True, "X-Ok", "1"), (True, "X-Bad", "ab\rc")])
    find(window, "http.send").click()
    error = find(window, "http.request_error")
    assert error.isVisible() and "position 3" in error.text() and "Header 2" in error.text()
    assert window.http_tab.current_panel.task is None  # nothing went out


def test_unknown_variable_is_refused_and_a_known_one_is_filled_in(window, pump, nginx):
    find(window, "http.url").setText("{{base}}/static/small.txt")
    find(window, "http.send").click()
    assert "unknown variable base" in find(window, "http.request_error").text()
    find(window, "http.variables").add_row("base", nginx.http)
    panel = send(window, pump)
    assert panel.last_result.final.url == nginx.http + "/static/small.txt"


def test_history_persists_across_windows(open_window, pump, nginx):
    first = open_window()
    url = nginx.http + "/static/small.txt?history=1"
    send(first, pump, url)
    first.close()
    second = open_window()
    dialog = second.http_tab.show_history()
    table = dialog.table
    assert table.item(0, 2).text() == url and table.item(0, 3).text() == "200"
    dialog.table.setCurrentCell(0, 0)
    dialog.load.click()
    assert find(second, "http.url").text() == url
    dialog.close()


def test_second_request_panel_is_numbered(window):
    window.http_tab.new_button.click()
    assert window.findChild(object, "http.2.url") is not None
    assert window.http_tab.current_panel.source == "http-2"


def test_the_tab_speaks_chinese_and_shows_a_response(qapp, open_window, pump, nginx):
    from PySide6.QtCore import QLocale

    from netbench.ui.runtime.i18n import install_translators

    translation = install_translators(qapp, QLocale("zh_CN"))
    try:
        win = open_window()
        assert find(win, "http.send").text() == "发送"
        pages = find(win, "http.response_pages")
        assert [pages.tabText(i) for i in range(pages.count())][:4] == [
            "正文",
            "响应头",
            "原始报文",
            "耗时",
        ]
        find(win, "http.url").setText("http://127.0.0.1:9/x")
        find(win, "http.headers").set_rows([(True, "X-Bad", "a\nb")])
        find(win, "http.send").click()
        assert "第 1 个请求头" in find(win, "http.request_error").text()
        find(win, "http.headers").set_rows([])
        send(win, pump, nginx.http + "/static/small.txt")
        assert "连接 #" in find(win, "http.response_summary").text()
        win.close()
    finally:
        translation.uninstall(qapp)


def test_server_sent_events_show_one_by_one_as_they_arrive(window, pump):
    snowman = "☃ 雪".encode()
    pieces = [
        b"event: hello\nid: 1\ndata: first\n\n",  # one whole event
        b"data: sec",  # an event split across reads...
        b"ond\n\n: a comment\ndata: " + snowman[:2],  # ...and a UTF-8 sequence split too
        snowman[2:] + b"\r\n\r\n",
    ]
    server = SseServer(pieces)
    try:
        find(window, "http.url").setText(f"http://127.0.0.1:{server.port}/events")
        find(window, "http.send").click()
        panel = window.http_tab.current_panel
        table = find(window, "http.body_sse")
        rows = []

        def data_column() -> list[str]:
            return [table.item(row, 2).text() for row in range(table.rowCount())]

        for index, expected in enumerate((["first"], ["first"], ["first", "second"])):
            server.gates[index].set()
            pump(server.sent[index].is_set, 5)
            pump(lambda expected=expected: data_column() == expected, 5)
            assert panel.is_running  # shown while the response still goes on
            rows.append(table.rowCount())
        assert find(window, "http.body_view").currentIndex() == 4  # the Events view
        assert table.item(0, 0).text() == "hello" and table.item(0, 1).text() == "1"
        server.gates[3].set()
        pump(lambda: panel.last_result is not None and not panel.is_running, 10)
        assert data_column() == ["first", "second", "☃ 雪"]
        assert rows == [1, 1, 2]
        assert panel.last_result.outcome is Outcome.COMPLETE
    finally:
        server.close()


def test_a_big_json_body_gets_a_pretty_view_while_the_window_ticks(window, pump, nginx):
    """20 MB of minified JSON: formatted from its start off the UI thread and put in the
    view a slice at a time; the note says how much was formatted. (Parsing it whole, and
    laying out its one 2 MB line, froze the window for seconds.)"""
    item = json.dumps([{"id": 1, "name": "x" * 40, "tags": ["a", "b"], "ok": True}] * 100)
    path = nginx.www / "static" / "big-test.json"
    if not path.exists():
        path.write_text("[" + ",".join([item[1:-1]] * 2000) + "]")
    heartbeat = Heartbeat()
    panel = send(window, pump, nginx.http + "/static/big-test.json", timeout=30)
    body = panel.response.body
    pump(lambda: not body.pretty.toPlainText().startswith("Formatting"), 30)
    pump(lambda: not body.pretty_fill.filling and not body.text_fill.filling, 30)
    longest = heartbeat.stop()
    pretty = body.pretty.toPlainText()
    assert pretty.startswith('[\n  {\n    "id": 1,\n    "name": "xxx')
    assert 400_000 < len(pretty) <= 512 * 1024
    assert "formatted (the rest is not parsed)" in find(window, "http.body_note").text()
    assert len(body.text.toPlainText()) <= 64 * 1024  # one line of megabytes: its start
    assert find(window, "http.body_view").currentIndex() == 0
    # Generous for a shared machine: the freeze this guards against was seconds long.
    assert longest < 0.5, sorted(heartbeat.gaps)[-5:]


def test_http2_frames_of_a_reused_connection_are_decoded_with_its_hpack_state(window, pump, nginx):
    """The second request on an HTTP/2 connection refers to header fields the first one put
    in HPACK's dynamic table: its frames decode only from the connection's first byte on,
    and its view shows its own stream, not the first one's."""
    find(window, "http.tls_ca").setText(str(nginx.ca_file))
    find(window, "http.headers").set_rows([(True, "X-Trace", "same-value-each-time")])
    first = send(window, pump, nginx.https + "/static/small.txt?first").last_result.final
    second = send(window, pump, nginx.https + "/static/small.txt?second").last_result.final
    assert second.reused and second.connection_number == first.connection_number
    assert (first.stream_id, second.stream_id) == (1, 3)
    raw = find(window, "http.raw").toPlainText()
    assert "HEADERS stream=1" not in raw and "HEADERS stream=3" in raw
    sent, _, received = raw.partition("← HEADERS stream=3")
    assert ":path: /static/small.txt?second" in sent
    assert "x-trace: same-value-each-time" in sent  # an index into the dynamic table
    assert ":status: 200" in received and "content-length: 17" in received
    assert "DATA stream=3" in received
    hops = find(window, "http.raw_h1").toPlainText()
    assert hops.startswith(f"GET {nginx.https}/static/small.txt?second HTTP/2")
