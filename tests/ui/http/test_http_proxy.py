"""Requests through an HTTP proxy (a plain forward for http://, CONNECT for https://) and a
SOCKS5 proxy, started by the test on loopback, through the window: the proxy's own bytes are
in the raw view, labelled as the proxy's, and a proxy that refuses or is not there says so."""

from __future__ import annotations

import pytest
from helpers import find
from http_helpers import send
from loopback import free_port
from nginx_peer import SMALL_BODY
from proxy_peer import HttpProxy, Socks5Proxy

from netbench.core.http.result import Outcome


@pytest.fixture
def window_tab():
    return "http"


def _through(window, proxy: str, version: str = "") -> None:
    find(window, "http.proxy").setText(proxy)
    if version:
        find(window, "http.version").setCurrentText(version)


def test_plain_http_is_forwarded_with_the_absolute_url(window, pump, nginx):
    with HttpProxy() as proxy:
        _through(window, f"http://127.0.0.1:{proxy.port}")
        url = nginx.http + "/static/small.txt"
        panel = send(window, pump, url)
        assert proxy.seen == [f"GET {url}"]
    assert find(window, "http.status").text() == "HTTP/1.1 200 OK"
    assert panel.response.body.text.toPlainText() == SMALL_BODY.decode()
    raw = find(window, "http.raw").toPlainText()
    assert f"GET {url} HTTP/1.1\\r\\n" in raw  # absolute-form: what a proxy is sent


def test_https_goes_through_a_connect_tunnel_shown_before_the_frames(window, pump, nginx):
    with HttpProxy() as proxy:
        _through(window, f"http://127.0.0.1:{proxy.port}")
        find(window, "http.tls_ca").setText(str(nginx.ca_file))
        panel = send(window, pump, nginx.https + "/static/small.txt")
        target = f"localhost:{nginx.tls_port}"
        assert proxy.seen == [f"CONNECT {target}"]
    assert find(window, "http.status").text() == "HTTP/2 200"
    assert panel.response.body.text.toPlainText() == SMALL_BODY.decode()
    raw = find(window, "http.raw").toPlainText()
    tunnel, _, frames = raw.partition("HEADERS stream=1")
    assert f"CONNECT {target} HTTP/1.1\\r\\n" in tunnel
    assert "HTTP/1.1 200 Connection established\\r\\n" in tunnel
    assert "sent to the proxy" in tunnel and "received from the proxy" in tunnel
    assert ":status: 200" in frames  # the frames after the tunnel decoded, HPACK and all
    timings = panel.last_result.final.timings
    assert timings.starttransfer is not None and timings.starttransfer >= timings.pretransfer
    assert "Certificate verified" in find(window, "http.tls").toPlainText()


def test_http11_through_a_tunnel_flags_what_the_server_itself_sent(window, pump, nginx):
    """The proxy's "200 Connection established" is not the response: the scan for 1xx and
    anomalies starts after it (here: none, and the real status line is the one shown)."""
    with HttpProxy() as proxy:
        _through(window, f"http://127.0.0.1:{proxy.port}", "HTTP/1.1")
        find(window, "http.tls_ca").setText(str(nginx.ca_file))
        panel = send(window, pump, nginx.https + "/static/small.txt")
    assert find(window, "http.status").text() == "HTTP/1.1 200 OK"
    raw = find(window, "http.raw").toPlainText()
    established = raw.index("HTTP/1.1 200 Connection established")
    assert raw.index("GET /static/small.txt HTTP/1.1\\r\\n") > established
    assert not panel.last_result.final.anomalies


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_socks5_handshake_is_in_the_raw_view(window, pump, nginx, scheme):
    with Socks5Proxy() as proxy:
        _through(window, f"socks5://127.0.0.1:{proxy.port}")
        find(window, "http.tls_ca").setText(str(nginx.ca_file))
        base = nginx.http if scheme == "http" else nginx.https
        panel = send(window, pump, base + "/static/small.txt")
        port = nginx.http_port if scheme == "http" else nginx.tls_port
        host = "127.0.0.1" if scheme == "http" else "localhost"
        assert proxy.seen == [f"{host}:{port}"]
    assert panel.last_result.outcome is Outcome.COMPLETE
    assert panel.response.body.text.toPlainText() == SMALL_BODY.decode()
    raw = find(window, "http.raw").toPlainText()
    greeting = raw.index("\\x05\\x01\\0")  # version 5, one method: no authentication
    assert raw.index("\\x05\\0") > greeting  # the proxy takes it
    assert "sent to the proxy" in raw and "received from the proxy" in raw
    if scheme == "https":
        assert ":status: 200" in raw.partition("HEADERS stream=1")[2]
    else:
        assert raw.index("GET /static/small.txt HTTP/1.1\\r\\n") > greeting


def test_a_proxy_that_refuses_the_tunnel_says_so_with_its_answer(window, pump, nginx):
    with HttpProxy(refuse=True) as proxy:
        _through(window, f"http://127.0.0.1:{proxy.port}")
        find(window, "http.tls_ca").setText(str(nginx.ca_file))
        panel = send(window, pump, nginx.https + "/static/small.txt")
    status = find(window, "http.status").text()
    assert panel.last_result.outcome is Outcome.FAILED
    assert f"127.0.0.1:{proxy.port}" in status and "refused" in status
    assert f"localhost:{nginx.tls_port}" in status and "403 Forbidden" in status
    raw = find(window, "http.raw").toPlainText()
    assert "CONNECT " in raw and "HTTP/1.1 403 Forbidden\\r\\n" in raw
    assert "sent to the proxy" in raw and "received from the proxy" in raw


def test_a_socks5_proxy_that_refuses_says_so(window, pump, nginx):
    with Socks5Proxy(refuse=True) as proxy:
        _through(window, f"socks5://127.0.0.1:{proxy.port}")
        send(window, pump, nginx.http + "/static/small.txt")
    status = find(window, "http.status").text()
    assert f"SOCKS5 proxy 127.0.0.1:{proxy.port}" in status
    assert f"127.0.0.1:{nginx.http_port}" in status and "not allowed by ruleset" in status
    raw = find(window, "http.raw").toPlainText()
    assert raw.count("sent to the proxy") == 2 and raw.count("received from the proxy") == 2


@pytest.mark.parametrize("scheme", ["http", "socks5"])
def test_a_proxy_that_is_not_there_is_named(window, pump, nginx, scheme):
    port = free_port()
    _through(window, f"{scheme}://127.0.0.1:{port}")
    panel = send(window, pump, nginx.http + "/static/small.txt")
    status = find(window, "http.status").text()
    assert panel.last_result.outcome is Outcome.FAILED
    assert f"the proxy 127.0.0.1:{port} cannot be reached" in status
    assert "nothing is listening" in status


def test_an_absent_proxy_is_said_in_chinese_down_to_the_reason(qapp, open_window, pump, nginx):
    """httpcore2's pool re-raises a failed connect without its cause: the translatable
    message must travel on the exception, or the reason stays in English."""
    from PySide6.QtCore import QLocale

    from netbench.ui.runtime.i18n import install_translators

    translation = install_translators(qapp, QLocale("zh_CN"))
    try:
        win = open_window()
        port = free_port()
        _through(win, f"socks5://127.0.0.1:{port}")
        send(win, pump, nginx.http + "/static/small.txt")
        status = find(win, "http.status").text()
        address = f"127.0.0.1:{port}"
        assert f"连不上代理 {address}：{address} 拒绝连接：那里没有程序在监听" in status
        win.close()
    finally:
        translation.uninstall(qapp)
