"""Copy as Python (httpx2) and Copy as Python (raw socket): the copied code is run as it is,
in a fresh interpreter, against the server the window just asked, and gets the status and
body the window got: plain HTTP with a JSON body, HTTPS with the request's CA file, and a
Unix socket."""

from __future__ import annotations

import subprocess
import sys

import pytest
from helpers import find
from http_helpers import send
from PySide6.QtGui import QGuiApplication


@pytest.fixture
def window_tab():
    return "http"


def _json_post(window, nginx):
    find(window, "http.method").setCurrentText("POST")
    find(window, "http.body_kind").setCurrentIndex(2)  # JSON
    find(window, "http.body").setPlainText('{"a": 1}')
    find(window, "http.headers").set_rows([(True, "X-Why", "copied")])
    return nginx.http + "/echo-type"  # answers with the method, Content-Type and length


def _https_with_ca(window, nginx):
    find(window, "http.tls_ca").setText(str(nginx.ca_file))
    return nginx.https + "/static/small.txt"


def _unix_socket(window, nginx):
    find(window, "http.unix_socket").setText(nginx.unix_socket)
    return "http://localhost/static/small.txt"


CASES = {"json-post": _json_post, "https-ca": _https_with_ca, "unix-socket": _unix_socket}


def _answered(window, pump, nginx, case):
    url = CASES[case](window, nginx)
    panel = send(window, pump, url)
    status = panel.last_result.final.status
    assert status == 200
    return status, panel.response.body.text.toPlainText()


def _copied(window, key):
    window.findChild(object, f"http.action_{key}").trigger()
    return QGuiApplication.clipboard().text()


def _run(script: str) -> bytes:
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=30)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return done.stdout


def _httpx2_importable() -> bool:
    probe = subprocess.run([sys.executable, "-c", "import httpx2"], capture_output=True)
    return probe.returncode == 0


@pytest.mark.parametrize("case", CASES)
def test_copy_as_raw_socket_python_gets_what_the_window_got(window, pump, nginx, case):
    status, body = _answered(window, pump, nginx, case)
    out = _run(_copied(window, "copy_socket"))
    head, _, received = out.partition(b"\r\n\r\n")
    assert head.split(b"\r\n")[0] == f"HTTP/1.1 {status} OK".encode()
    assert received.decode().removesuffix("\n") == body  # print() adds the last LF
    if case == "json-post":
        assert body == "POST application/json 8"


@pytest.mark.parametrize("case", CASES)
def test_copy_as_httpx2_python_gets_what_the_window_got(window, pump, nginx, case):
    if not _httpx2_importable():
        pytest.skip("httpx2 is not installed (the dev extra installs it)")
    status, body = _answered(window, pump, nginx, case)
    out = _run(_copied(window, "copy_python")).decode()
    assert out == f"{status} OK\n{body}\n"
