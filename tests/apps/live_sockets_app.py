"""Runs the real app, opens a TCP and a Unix listener with a client on each, then closes.

Used by tests/test_app_process.py: argv is ENGINE_MODE UNIX_PATH ACTION, where ACTION is
"close" (close the window after traffic) or "wait" (print READY and wait for a signal).
"""

import asyncio
import sys
import time
from pathlib import Path

from netbench.app import main
from netbench.net.socket_kinds import SocketAddress, SocketKind
from netbench.net.stream_client import open_stream
from netbench.net.stream_listener import StreamListener

mode, unix_path, action = sys.argv[1], Path(sys.argv[2]), sys.argv[3]


async def start_sockets(engine):
    tcp = await StreamListener.open(SocketAddress(port=0), engine.route())
    engine.own(tcp)
    unix = await StreamListener.open(SocketAddress(SocketKind.UNIX, path=unix_path), engine.route())
    engine.own(unix)
    host, port = tcp.address.rsplit(":", 1)
    tcp_client = await open_stream(SocketAddress(host=host, port=int(port)), engine.route())
    engine.own(tcp_client)
    unix_client = await open_stream(SocketAddress(SocketKind.UNIX, path=unix_path), engine.route())
    engine.own(unix_client)
    tcp_client.send(b"hello over tcp\n")
    unix_client.send(b"hello over unix\n")


async def on_ready(window, engine):
    await engine.run(start_sockets(engine))
    await asyncio.sleep(0.3)
    if action == "wait":
        print("READY", flush=True)
        return
    print("CLOSING", time.monotonic(), flush=True)
    window.close()


code = main(["--engine", mode], on_ready=on_ready)
print("EXITED", time.monotonic(), "sockets-left", unix_path.exists(), flush=True)
sys.exit(code)
