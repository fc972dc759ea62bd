"""The Server tab's HTTP site against real HTTP peers on loopback: curl, and raw bytes
from ncat and socat (hand-typed requests, pipelining, smuggling attempts)."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest
from loopback import needs

from netbench.core.replies.http_site import HttpStaticResponder
from netbench.net.event_route import EventRoute
from netbench.net.socket_kinds import SocketAddress
from netbench.net.stream import PeerPolicy
from netbench.net.stream_listener import StreamListener

STATUS_LINE = re.compile(rb"(?m)^HTTP/1\.1 ([0-9]{3}) ")
BIG = bytes(range(256)) * 4095 + bytes(range(255)) + b"\n"  # 1 MB, ending a line


def make_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_bytes(b"<h1>home</h1>\n")
    (site / "中文.txt").write_bytes("你好\n".encode())
    (site / "big.bin").write_bytes(BIG)  # streamed
    return site


def serve(site: Path, *command: str, stdin: bytes = b"") -> bytes:
    """Run a peer program against the site on a free loopback port (PORT in the command);
    what it printed."""

    async def scenario() -> bytes:
        policy = PeerPolicy(responder=HttpStaticResponder(site))
        listener = await StreamListener.open(
            SocketAddress(port=0), EventRoute(lambda e: None), policy=policy
        )
        port = listener.address.rsplit(":", 1)[1]
        try:
            proc = await asyncio.create_subprocess_exec(
                *(part.replace("PORT", port) for part in command),
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
            )
            out, _ = await asyncio.wait_for(proc.communicate(stdin), 15)
            return out
        finally:
            await listener.aclose()

    return asyncio.run(scenario())


def status_codes(output: bytes) -> list[int]:
    return [int(code) for code in STATUS_LINE.findall(output)]


@needs("curl")
def test_curl_gets_files_on_one_kept_alive_connection(tmp_path):
    site = make_site(tmp_path)
    url = "http://127.0.0.1:PORT/"
    out = serve(
        site,
        *("curl", "-s", "-w", "|%{http_code} %{num_connects} %{size_download}\n"),
        *("-o", "/dev/null", "-o", "/dev/null", "-o", "/dev/null"),
        *(url, url + "big.bin", url + "%E4%B8%AD%E6%96%87.txt"),
    )
    # One connection for all three (num_connects 0 after the first): keep-alive holds.
    assert out.decode().split("|")[1:] == ["200 1 14\n", "200 0 1048576\n", "200 0 7\n"]


@needs("curl")
def test_curl_head_and_a_missing_file(tmp_path):
    site = make_site(tmp_path)
    head = serve(site, "curl", "-s", "-I", "http://127.0.0.1:PORT/big.bin")
    assert status_codes(head) == [200] and b"Content-Length: 1048576\r\n" in head
    assert head.endswith(b"\r\n\r\n")  # no body after HEAD
    missing = serve(site, "curl", "-s", "-i", "http://127.0.0.1:PORT/nope")
    assert status_codes(missing) == [404] and b"There is no /nope" in missing


@needs("curl")
def test_curl_chunked_uploads_are_read_and_the_connection_kept(tmp_path):
    site = make_site(tmp_path)
    upload = tmp_path / "upload.bin"
    upload.write_bytes(b"u" * 100)
    url = "http://127.0.0.1:PORT/"
    out = serve(
        site,
        *("curl", "-s", "-w", "|%{http_code} %{num_connects}\n", "-o", "/dev/null"),
        *("-o", "/dev/null", "-H", "Transfer-Encoding: chunked"),
        *("--data-binary", f"@{upload}", url, url),
    )
    assert out.decode().split("|")[1:] == ["405 1\n", "405 0\n"]


HAND_TYPED = (
    b"\r\n"  # a blank line before the request: skipped
    + "GET /中文.txt HTTP/1.1\nHost: x\n\n".encode()  # raw UTF-8 and bare LF, as typed
    + b"POST /form HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nbody\r\n0\r\n\r\n"
    + b"HEAD /big.bin HTTP/1.1\r\nHost: x\r\n\r\n"
    + b"GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n"
    + b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    + b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"  # after the close: never answered
)


@needs("ncat")
def test_ncat_pipelined_hand_typed_requests_are_answered_in_order(tmp_path):
    site = make_site(tmp_path)
    out = serve(site, "ncat", "127.0.0.1", "PORT", stdin=HAND_TYPED)
    assert status_codes(out) == [200, 405, 200, 200, 200]
    assert "你好\n".encode() in out
    assert BIG in out
    assert out.endswith(b"<h1>home</h1>\n")


@needs("socat")
@pytest.mark.parametrize(
    ("attempt", "status"),
    [
        (b"Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        (b"Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n0\r\n\r\n", 400),
        (b"Content-Length: 4\r\nContent-Length: 40\r\n\r\nbody", 400),
        (b"Transfer-Encoding: chunked\r\n folded\r\n\r\n0\r\n\r\n", 400),
        (b"Transfer-Encoding: xchunked\r\n\r\n0\r\n\r\n", 501),
    ],
)
def test_socat_smuggling_attempts_get_one_error_and_a_close(tmp_path, attempt, status):
    site = make_site(tmp_path)
    smuggled = (
        b"POST / HTTP/1.1\r\nHost: x\r\n" + attempt + b"GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n"
    )
    out = serve(site, "socat", "-t", "5", "-", "TCP:127.0.0.1:PORT", stdin=smuggled)
    assert status_codes(out) == [status]
    assert b"Connection: close\r\n" in out
