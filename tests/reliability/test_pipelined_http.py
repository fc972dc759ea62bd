"""Thirty pipelined GETs of an 8 MB file in one packet from a peer that does not read: one
response at a time, streamed from disk, so memory stays flat and the loop stays live."""

from __future__ import annotations

import asyncio
import time

import pytest
from hostile_peers import port_of, rss_mb, start_hostile

from netbench.core.replies.http_site import HttpStaticResponder
from netbench.net.event_route import EventRoute
from netbench.net.events import NetEvent
from netbench.net.socket_kinds import SocketAddress
from netbench.net.stream import WRITE_HIGH_WATER, PeerPolicy
from netbench.net.stream_listener import StreamListener

SIZE = 8 * 1024 * 1024
COUNT = 30


async def heartbeat(lateness: list[float], stop: asyncio.Event) -> None:
    while not stop.is_set():
        due = time.monotonic() + 0.01
        await asyncio.sleep(0.01)
        lateness.append(time.monotonic() - due)


@pytest.mark.slow
def test_pipelined_gets_of_a_large_file_are_streamed_one_at_a_time(tmp_path):
    (tmp_path / "big.bin").write_bytes(b"\xab" * SIZE)
    ignore: list[NetEvent] = []

    async def scenario():
        responder = HttpStaticResponder(tmp_path)
        listener = await StreamListener.open(
            SocketAddress(port=0),
            EventRoute(lambda e: None),
            policy=PeerPolicy(responder=responder),
        )
        rss = rss_mb()
        lateness: list[float] = []
        stop = asyncio.Event()
        beat = asyncio.get_running_loop().create_task(heartbeat(lateness, stop))
        peer = await start_hostile("pipelined", port_of(listener.address), COUNT, "/big.bin")
        assert (await peer.stdout.readline()).strip() == b"SENT"
        queued = 0
        for _ in range(40):
            await asyncio.sleep(0.05)
            for p in listener.peers.values():
                if p.transport is not None:
                    queued = max(queued, p.transport.get_write_buffer_size())
        grown = rss_mb() - rss
        stop.set()
        await beat
        peer.stdin.write(b"go\n")
        line = await asyncio.wait_for(peer.stdout.readline(), 60)
        await peer.wait()
        await listener.aclose()
        return queued, grown, max(lateness), int(line.split()[1])

    queued, grown, worst_late, read = asyncio.run(scenario())
    del ignore
    # It used to queue 236 MB (every response whole) and stall the loop up to 1 s.
    assert queued <= 2 * WRITE_HIGH_WATER, queued
    assert grown < 40, grown
    assert worst_late < 0.25, worst_late
    assert read >= COUNT * SIZE  # every response arrived once the peer read
