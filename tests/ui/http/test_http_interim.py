"""1xx interim responses (100 Continue, 103 Early Hints) from a raw server on loopback: the
client skips them to reach the final response, so the window shows them from the bytes
that arrived, in the raw view and flagged, on the h11 path and on httpcore2's (reached here
through a forward proxy)."""

from __future__ import annotations

import asyncio

import pytest
from helpers import find
from http_helpers import send
from proxy_peer import HttpProxy, ThreadedServer


@pytest.fixture
def window_tab():
    return "http"


EARLY_HINTS = b"HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
CONTINUE = b"HTTP/1.1 100 Continue\r\n\r\n"


class InterimServer(ThreadedServer):
    """Reads a request head, sends ``interim``, reads the body the head announced, then
    answers 200 with the body's length, and closes."""

    def __init__(self, interim: bytes) -> None:
        self.interim = interim
        super().__init__(self.handle)

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            writer.write(self.interim)
            length = 0
            for line in head.split(b"\r\n"):
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            body = await reader.readexactly(length)
            answer = b"got %d bytes" % len(body)
            writer.write(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n"
                b"Connection: close\r\n\r\n%s" % (len(answer), answer)
            )
            await writer.drain()
        except (OSError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass
        finally:
            writer.close()


@pytest.fixture(params=["h11", "httpcore2"])
def path(request, window):
    """The engine path: plain HTTP goes the h11 way, through a proxy httpcore2's."""
    if request.param == "h11":
        yield request.param
        return
    with HttpProxy() as proxy:
        find(window, "http.proxy").setText(f"http://127.0.0.1:{proxy.port}")
        yield request.param


def test_103_early_hints_is_in_the_raw_view_and_flagged(window, pump, path):
    with InterimServer(EARLY_HINTS) as server:
        panel = send(window, pump, f"http://127.0.0.1:{server.port}/page")
    assert find(window, "http.status").text() == "HTTP/1.1 200 OK"
    assert panel.response.body.text.toPlainText() == "got 0 bytes"
    raw = find(window, "http.raw").toPlainText()
    hints = raw.index("HTTP/1.1 103 Early Hints\\r\\n")
    assert raw.index("Link: </style.css>; rel=preload\\r\\n") > hints
    assert raw.index("HTTP/1.1 200 OK\\r\\n") > hints
    flags = find(window, "http.anomalies")
    assert flags.isVisible()
    assert "interim response 103 Early Hints came before the final one" in flags.text()
    interim = panel.last_result.final.interim
    assert [(i.status, dict(i.headers)["Link"]) for i in interim] == [
        (103, "</style.css>; rel=preload")
    ]


def test_100_continue_before_a_post_is_shown(window, pump, path):
    find(window, "http.method").setCurrentText("POST")
    find(window, "http.body_kind").setCurrentIndex(1)  # raw text
    find(window, "http.body").setPlainText("twelve bytes")
    find(window, "http.headers").set_rows([(True, "Expect", "100-continue")])
    with InterimServer(CONTINUE) as server:
        panel = send(window, pump, f"http://127.0.0.1:{server.port}/upload")
    assert panel.response.body.text.toPlainText() == "got 12 bytes"
    raw = find(window, "http.raw").toPlainText()
    assert raw.index("HTTP/1.1 100 Continue\\r\\n") < raw.index("HTTP/1.1 200 OK\\r\\n")
    assert "interim response 100 Continue" in find(window, "http.anomalies").text()
