"""A UDP flood larger than the socket's buffer: what the system dropped is counted."""

from __future__ import annotations

import asyncio
import time

import pytest
from hostile_peers import port_of, start_hostile

from netbench.net.datagram import DatagramListener
from netbench.net.event_route import EventRoute
from netbench.net.events import DataReceived, NetEvent
from netbench.net.socket_kinds import BindOptions, SocketAddress, SocketKind


def busy(seconds: float) -> None:
    """Hold the loop, as a long UI update would."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        time.sleep(0.01)


@pytest.mark.slow
def test_a_udp_flood_reports_what_the_system_dropped():
    received = 0

    def sink(event: NetEvent) -> None:
        nonlocal received
        if isinstance(event, DataReceived):
            received += len(event.messages)

    async def scenario():
        listener = await DatagramListener.open(
            SocketAddress(SocketKind.UDP, port=0),
            EventRoute(sink),
            binding=BindOptions(receive_buffer=4096),
        )
        assert listener.receive_buffer is not None and listener.receive_buffer <= 16384
        assert listener.dropped() == 0
        flood = await start_hostile("udpflood", port_of(listener.address), 50_000, 1.5)
        await asyncio.sleep(0.3)
        busy(0.5)  # the loop is busy elsewhere (a slow UI): the buffer overflows
        out, _ = await asyncio.wait_for(flood.communicate(), 30)
        await asyncio.sleep(0.3)
        dropped = listener.dropped()
        await listener.aclose()
        return int(out.split()[1]), dropped

    sent, dropped = asyncio.run(scenario())
    assert dropped is not None and dropped > 0
    # On loopback, every datagram sent was either read or dropped by the system.
    assert received + dropped >= sent * 0.99, (sent, received, dropped)
