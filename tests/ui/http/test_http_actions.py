"""The Request menu and the auth page through the widgets: .http files through the
non-modal dialogs, copies that run as they are, and credentials that reach the server."""

from __future__ import annotations

import asyncio
import base64
import shutil
import subprocess

import pytest
from helpers import find
from http_helpers import send
from proxy_peer import ThreadedServer
from PySide6.QtGui import QGuiApplication


@pytest.fixture
def window_tab():
    return "http"


class HeadEcho(ThreadedServer):
    """Answers each request with its head as body."""

    def __init__(self) -> None:
        super().__init__(self.handle)

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(head) + head)
        await writer.drain()
        writer.close()


def trigger(window, key):
    window.findChild(object, f"http.action_{key}").trigger()


def test_save_and_open_an_http_file_through_the_dialogs(window, tmp_path, nginx):
    find(window, "http.method").setCurrentText("PUT")
    find(window, "http.url").setText(nginx.http + "/echo-method")
    find(window, "http.headers").set_rows([(True, "X-Token", "abc")])
    actions = window.http_tab.current_panel.request_menu
    trigger(window, "save_file")
    dialog = actions.file_dialog
    assert dialog is not None and dialog.objectName() == "http.save_dialog"
    dialog.selectFile(str(tmp_path / "saved.http"))
    dialog.accept()
    assert actions.file_dialog is None
    text = (tmp_path / "saved.http").read_text()
    assert f"PUT {nginx.http}/echo-method" in text and "X-Token: abc" in text
    (tmp_path / "two.http").write_text(
        text + f"\n###\nGET {nginx.http}/static/small.txt\n", encoding="utf-8"
    )
    find(window, "http.url").setText("")
    trigger(window, "open_file")
    dialog = actions.file_dialog
    assert dialog.objectName() == "http.open_dialog"
    dialog.selectFile(str(tmp_path / "two.http"))
    dialog.accept()
    assert find(window, "http.url").text() == nginx.http + "/echo-method"
    assert find(window, "http.method").currentText() == "PUT"
    assert len(window.http_tab.panels) == 2  # the second request in a panel of its own
    assert find(window, "http.2.url").text() == nginx.http + "/static/small.txt"


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_copy_as_curl_runs_and_sends_the_same_request(window, nginx):
    find(window, "http.method").setCurrentText("POST")
    find(window, "http.url").setText(nginx.http + "/echo-method")
    find(window, "http.body_kind").setCurrentIndex(2)  # JSON
    find(window, "http.body").setPlainText('{"a": 1}')
    trigger(window, "copy_curl")
    command = QGuiApplication.clipboard().text()
    assert command.startswith("curl ")
    out = subprocess.run(
        ["sh", "-c", command + " -s"], capture_output=True, text=True, timeout=20, check=True
    ).stdout
    assert out == "POST 8"  # nginx echoes the method and the body's length


def test_basic_and_bearer_auth_reach_the_server(window, pump):
    server = HeadEcho()
    try:
        url = f"http://127.0.0.1:{server.port}/private"
        kind = find(window, "http.auth_kind")
        kind.setCurrentIndex(kind.findData("basic"))
        find(window, "http.auth_user").setText("ana")
        find(window, "http.auth_password").setText("s3cret")
        panel = send(window, pump, url)
        expected = base64.b64encode(b"ana:s3cret").decode()
        received = panel.response.body.text.toPlainText()
        assert f"\nAuthorization: Basic {expected}\n" in received  # the view shows LF
        kind.setCurrentIndex(kind.findData("bearer"))
        find(window, "http.auth_token").setText("tok-123")
        panel = send(window, pump)
        assert "\nAuthorization: Bearer tok-123\n" in panel.response.body.text.toPlainText()
    finally:
        server.close()


def test_curl_import_dialog_fills_the_editor_without_blocking(window, nginx):
    trigger(window, "import_curl")
    dialog = window.http_tab.current_panel.request_menu.curl_dialog
    assert dialog is not None and dialog.isVisible()  # open(): the trigger came back
    dialog.text.setPlainText(
        f"curl -X DELETE \\\n  -H 'X-Why: test' \\\n  '{nginx.http}/echo-method?id=7'"
    )
    dialog.import_button.click()
    assert not dialog.isVisible()
    assert find(window, "http.method").currentText() == "DELETE"
    assert find(window, "http.url").text() == nginx.http + "/echo-method?id=7"
    assert find(window, "http.headers").rows() == [(True, "X-Why", "test")]
