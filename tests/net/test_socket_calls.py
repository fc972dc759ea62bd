"""A listener's and a session's events as Python calls, for UDP and Unix sockets too
(the TCP programs are run against each other in tests/ui/panels/test_as_python.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from netbench.net.clients import ClientConfig
from netbench.net.events import (
    CloseReason,
    Connected,
    DataReceived,
    DataSent,
    PeerClosed,
    PeerFinished,
)
from netbench.net.listeners import ListenerConfig
from netbench.net.socket_calls import SocketCallLog
from netbench.net.socket_kinds import SocketKind


def test_a_udp_listener_answers_the_address_it_heard_from() -> None:
    log = SocketCallLog("server")
    log.listening(ListenerConfig(SocketKind.UDP, "127.0.0.1", 1060), "127.0.0.1:1060")
    log.follow(
        [
            Connected(source="server-1", peer="127.0.0.1:5000", local="127.0.0.1:1060"),
            DataReceived(
                source="server-1", peer="127.0.0.1:5000", chunk=1, nbytes=4, messages=(b"ping",)
            ),
            DataSent(source="server-1", peer="127.0.0.1:5000", data=b"your data was 4 bytes"),
        ]
    )
    lines = log.program().splitlines()
    assert lines[2] == "s = socket(AF_INET, SOCK_DGRAM)"
    assert "s.bind(('127.0.0.1', 1060))" in lines
    assert not any("listen(" in line or "accept(" in line for line in lines)
    assert any(line.startswith("data, addr = s.recvfrom(65535)") for line in lines)
    assert "s.sendto(b'your data was 4 bytes', addr)" in lines
    assert log.locals == {"127.0.0.1:5000": "127.0.0.1:1060"}


def test_a_unix_session_runs_against_the_tutorials_server(tmp_path: Path) -> None:
    path = str(tmp_path / "sock")
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from socket import *\n"
            f"s = socket(AF_UNIX, SOCK_STREAM); s.bind({path!r}); s.listen(5)\n"
            "print('ready', flush=True)\n"
            "c, _ = s.accept()\n"
            "data = c.recv(1024); c.sendall(data.upper()); c.recv(1024); c.close()\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None and server.stdout.readline() == "ready\n"
        log = SocketCallLog("client")
        log.connected(ClientConfig(SocketKind.UNIX, path=Path(path)), "", path)
        log.follow([DataSent(source="client-1/1", peer=path, data=b"hello")])
        log.follow(
            [DataReceived(source="client-1/1", peer=path, chunk=1, nbytes=5, messages=(b"HELLO",))]
        )
        log.half_closed()
        log.follow([PeerFinished(source="client-1/1", peer=path)])
        log.follow([PeerClosed(source="client-1/1", peer=path, reason=CloseReason.CLOSED)])
        program = log.program()
        assert "s = socket(AF_UNIX, SOCK_STREAM)" in program
        assert f"s.connect({path!r})" in program
        assert program.count("s.close()") == 1
        client = subprocess.run(
            [sys.executable, "-c", program], capture_output=True, text=True, timeout=10
        )
        assert client.returncode == 0, client.stderr
        assert client.stdout.splitlines() == ["b'HELLO'", "b''"]
        server.wait(10)
        assert server.returncode == 0
    finally:
        server.kill()
        server.wait(10)
        if server.stdout is not None:
            server.stdout.close()
