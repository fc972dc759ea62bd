"""Where a listener listens, as the tutorials write it and as the Server tab shows it: an
empty host, ``::``, a relative Unix path, a port held in TIME_WAIT, the HTTP site's URL."""

import socket
import subprocess
import time

import pytest
from helpers import bound_port, find, start_listener
from loopback import need


def set_host(win, host):
    find(win, "server.host").setCurrentText(host)


def test_an_empty_host_listens_on_every_ipv4_interface_as_the_tutorials_bind(window, pump):
    set_host(window, "")
    panel = start_listener(window, pump)
    assert panel.is_running, find(window, "server.error").text()
    assert "Listening on 0.0.0.0:" in find(window, "server.address").text()
    assert find(window, "server.warning").isVisible()  # other machines can connect
    port = bound_port(window)
    with socket.create_connection(("127.0.0.1", port), timeout=5):
        pump(lambda: panel.peers_model.rowCount() == 1)
    if socket.has_ipv6:  # IPv4 only: an IPv6 client is refused
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("::1", port), timeout=5).close()


def test_the_host_tooltip_says_that_double_colon_leaves_ipv4_out(window, pump):
    tip = find(window, "server.host").toolTip()
    assert "IPV6_V6ONLY" in tip and "every IPv4 interface" in tip
    if not socket.has_ipv6:
        pytest.skip("no IPv6 here")
    set_host(window, "::")
    panel = start_listener(window, pump)
    assert panel.is_running, find(window, "server.error").text()
    port = bound_port(window)
    with socket.create_connection(("::1", port), timeout=5):
        pump(lambda: panel.peers_model.rowCount() == 1)
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=5).close()


def test_a_relative_unix_path_is_shown_absolute(window, pump, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    panel = start_listener(window, pump, kind="Unix stream", path="./sock")
    assert panel.is_running, find(window, "server.error").text()
    absolute = str(tmp_path / "sock")
    assert find(window, "server.path").text() == absolute
    assert f"Listening on {absolute}" in find(window, "server.address").text()
    assert absolute in window.server_tab.inner.tabText(0)


def _time_wait_on_a_port() -> int:
    """A port whose only socket is a closed connection in TIME_WAIT: the server side
    closed first, as the tutorials' servers do."""
    with socket.socket() as listener:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]
        client = socket.create_connection(("127.0.0.1", port), timeout=5)
        accepted, _ = listener.accept()
        accepted.close()  # our FIN first: this side waits out TIME_WAIT
        client.recv(10)
        client.close()
    time.sleep(0.05)
    return port


def test_already_in_use_names_time_wait_when_so_reuseaddr_is_off(window, pump):
    port = _time_wait_on_a_port()
    find(window, "server.reuse_address").setChecked(False)
    panel = start_listener(window, pump, port=str(port))
    assert not panel.is_running
    error = find(window, "server.error").text()
    assert "already in use" in error and "TIME_WAIT" in error and "SO_REUSEADDR" in error
    find(window, "server.reuse_address").setChecked(True)
    find(window, "server.start").click()
    pump(lambda: panel.is_running)
    assert not find(window, "server.error").isVisible()


def test_the_http_site_gives_a_link_to_open_in_a_browser(window, pump, in_thread):
    need("curl")
    panel = start_listener(window, pump, reply="http")
    assert panel.is_running, find(window, "server.error").text()
    label = find(window, "server.address")
    port = bound_port(window)
    url = f"http://127.0.0.1:{port}/"
    assert f'<a href="{url}">' in label.text()
    assert label.openExternalLinks()
    result = in_thread(
        lambda: subprocess.run(["curl", "-s", "-i", url], capture_output=True, timeout=10)
    )
    assert result.stdout.startswith(b"HTTP/1.1 200")
    find(window, "server.stop").click()
    pump(lambda: not panel.is_running)
    assert "<a" not in label.text()
