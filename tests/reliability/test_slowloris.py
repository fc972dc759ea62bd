"""Slowloris against the HTTP site: a hundred connections that never finish their request
head do not keep a normal client from being served at once."""

from __future__ import annotations

import asyncio
import time

import pytest
from hostile_peers import port_of, start_hostile

from netbench.core.replies.http_site import HttpStaticResponder
from netbench.net.event_route import EventRoute
from netbench.net.socket_kinds import SocketAddress
from netbench.net.stream import PeerPolicy
from netbench.net.stream_listener import StreamListener


@pytest.mark.slow
def test_slow_request_heads_do_not_starve_a_normal_client(tmp_path):
    (tmp_path / "index.html").write_bytes(b"<h1>home</h1>")

    async def get(port: int) -> tuple[bytes, float]:
        started = time.monotonic()
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        body = await asyncio.wait_for(reader.read(), 5)
        writer.close()
        await writer.wait_closed()
        return body, time.monotonic() - started

    async def scenario():
        policy = PeerPolicy(responder=HttpStaticResponder(tmp_path))
        listener = await StreamListener.open(
            SocketAddress(port=0), EventRoute(lambda e: None), policy=policy
        )
        port = port_of(listener.address)
        loris = await start_hostile("slowloris", port, 3, 100)
        assert (await loris.stdout.readline()).startswith(b"OPEN")
        await asyncio.sleep(1)
        answers = [await get(port) for _ in range(5)]
        peers = len(listener.peers)
        await asyncio.wait_for(loris.communicate(), 30)
        await listener.aclose()
        return answers, peers

    answers, peers = asyncio.run(scenario())
    assert peers >= 100  # the slow ones are all still held (each holds only its head)
    for body, took in answers:
        assert body.endswith(b"<h1>home</h1>")
        assert took < 1.0, took
