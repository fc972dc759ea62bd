"""Automatic replies to a peer that never reads: what we queue stays bounded, we stop
reading from it (so its own sending backs up), and say so."""

from __future__ import annotations

import asyncio

import pytest
from hostile_peers import port_of, start_hostile

from netbench.core.replies.simple import EchoResponder
from netbench.net.event_route import EventRoute
from netbench.net.events import NetEvent, PeerNotReading
from netbench.net.read_gate import READ_BUFFER_SIZE
from netbench.net.socket_kinds import SocketAddress
from netbench.net.stream import WRITE_HIGH_WATER, PeerPolicy
from netbench.net.stream_listener import StreamListener


@pytest.mark.slow
def test_echo_to_a_peer_that_never_reads_stays_bounded():
    paused: list[bool] = []

    def sink(event: NetEvent) -> None:
        if isinstance(event, PeerNotReading):
            paused.append(event.paused)

    async def scenario():
        listener = await StreamListener.open(
            SocketAddress(port=0), EventRoute(sink), policy=PeerPolicy(responder=EchoResponder())
        )
        peer = await start_hostile("nonreader", port_of(listener.address), 3)
        queued = 0
        while peer.returncode is None and not peer.stdout.at_eof():
            for p in listener.peers.values():
                if p.transport is not None:
                    queued = max(queued, p.transport.get_write_buffer_size())
            try:
                line = await asyncio.wait_for(peer.stdout.readline(), 0.05)
            except TimeoutError:
                continue
            if line.startswith(b"SENT"):
                sent = int(line.split()[1])
            if line.startswith(b"DONE"):
                break
        states = [p.not_reading for p in listener.peers.values()]
        peer.stdin.write(b"\n")
        await peer.wait()
        await listener.aclose()
        return queued, sent, states

    queued, sent, states = asyncio.run(scenario())
    # Without a bound, 3 s of echo queued tens of megabytes and kept growing.
    assert queued <= WRITE_HIGH_WATER + 2 * READ_BUFFER_SIZE, queued
    assert sent < 32 * 1024 * 1024, sent  # the peer's own sending backed up
    assert paused and paused[0] is True
    assert states == [True]
