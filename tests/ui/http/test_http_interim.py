"""1xx interim responses (100 Continue, 103 Early Hints) from a raw server on loopback: the
client skips them to reach the final response, so the window shows them from the bytes
that arrived, in the raw view and flagged, on the h11 path and on httpcore2's (reached here
through a forward proxy)."""

from __future__ import annotations

import asyncio
import ssl

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


class H2InterimServer(ThreadedServer):
    """HTTP/2 over TLS (h2, ALPN): each request gets a 103 Early Hints header block, then
    its final 200 and a body, on the same stream."""

    def __init__(self, tls_files) -> None:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(str(tls_files / "server.pem"))
        context.set_alpn_protocols(["h2"])
        super().__init__(self.handle, context)

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        import h2.config
        import h2.connection
        import h2.events

        conn = h2.connection.H2Connection(h2.config.H2Configuration(client_side=False))
        conn.initiate_connection()
        writer.write(conn.data_to_send())
        try:
            while data := await reader.read(65536):
                for event in conn.receive_data(data):
                    if isinstance(event, h2.events.RequestReceived):
                        stream = event.stream_id
                        conn.send_headers(stream, [(":status", "103"), ("link", HINT)])
                        final = [(":status", "200"), ("content-type", "text/plain")]
                        conn.send_headers(stream, [*final, ("content-length", "5")])
                        conn.send_data(stream, b"hello", end_stream=True)
                writer.write(conn.data_to_send())
                await writer.drain()
        except (OSError, asyncio.CancelledError):
            pass
        finally:
            # Everything was drained; a TLS close takes loop turns the closing loop may not
            # have left (the socket then leaks a ResourceWarning): end it at once.
            writer.transport.abort()


HINT = "</style.css>; rel=preload"


def test_103_over_http2_is_in_the_frame_log_and_flagged(window, pump, tls_files):
    with H2InterimServer(tls_files) as server:
        find(window, "http.tls_ca").setText(str(tls_files / "ca.pem"))
        panel = send(window, pump, f"https://localhost:{server.port}/page")
        assert find(window, "http.status").text() == "HTTP/2 200"
        assert panel.response.body.text.toPlainText() == "hello"
        raw = find(window, "http.raw").toPlainText()
        hints = raw.index(":status: 103")
        assert raw.index(f"link: {HINT}") > hints and raw.index(":status: 200") > hints
        flags = find(window, "http.anomalies")
        assert flags.isVisible()
        assert "interim response 103 Early Hints came before the final one" in flags.text()
        final = panel.last_result.final
        assert [(i.status, i.headers) for i in final.interim] == [(103, (("link", HINT),))]
        rendering = find(window, "http.raw_h1").toPlainText()
        assert rendering.index("HTTP/2 103") < rendering.index("HTTP/2 200")
        # a second request on the same connection: HPACK state carried over, flagged again
        panel = send(window, pump)
        assert panel.last_result.final.reused
        assert [i.status for i in panel.last_result.final.interim] == [103]
