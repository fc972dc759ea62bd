"""Connect/close churn from a peer in another process: every connection the peer closes is
released on our side too, so descriptors, tasks and memory come back to where they were."""

from __future__ import annotations

import asyncio
import gc

import pytest
from hostile_peers import port_of, rss_mb, start_hostile
from loopback import wait_for

from netbench.net.event_route import EventRoute
from netbench.net.events import NetEvent, PeerClosed
from netbench.net.fd_budget import open_fd_count
from netbench.net.socket_kinds import BindOptions, SocketAddress
from netbench.net.stream_listener import StreamListener


class Counting:
    """A sink that keeps counts, not events (10,000 connections make many)."""

    def __init__(self) -> None:
        self.closed = 0

    def __call__(self, event: NetEvent) -> None:
        if isinstance(event, PeerClosed):
            self.closed += 1


async def churn(listener: StreamListener, count: int, how: str, processes: int = 8) -> None:
    """``count`` connections closed with FIN or RST, from ``processes`` peers at once (one
    alone spends most of its time in the kernel's SYN retries, not in our code)."""
    port = port_of(listener.address)
    peers = [await start_hostile("churn", port, count // processes, how) for _ in range(processes)]
    outs = await asyncio.wait_for(asyncio.gather(*(p.communicate() for p in peers)), 120)
    assert all(out.strip() == b"DONE" for out, _ in outs)
    await wait_for(lambda: not listener.peers, timeout=20)


@pytest.mark.slow
def test_ten_thousand_fin_and_rst_closes_leave_nothing_behind():
    sink = Counting()

    async def scenario():
        listener = await StreamListener.open(
            SocketAddress(port=0), EventRoute(sink), binding=BindOptions(backlog=1024)
        )
        # Warm up: caches, the first task objects.
        await churn(listener, 200, "fin", processes=2)
        gc.collect()
        fds, tasks, rss = open_fd_count(), len(asyncio.all_tasks()), rss_mb()
        await churn(listener, 10_000, "fin")
        await churn(listener, 10_000, "rst")
        await asyncio.sleep(0.2)
        gc.collect()
        after = open_fd_count(), len(asyncio.all_tasks()), rss_mb()
        await listener.aclose()
        return (fds, tasks, rss), after

    (fds, tasks, rss), (fds_after, tasks_after, rss_after) = asyncio.run(scenario())
    # A connection reset before it was set up is never reported; other programs on this
    # machine may probe the port too: so nearly, not exactly, 20,200.
    assert sink.closed >= 20_150
    assert fds_after is not None and fds is not None
    assert fds_after <= fds + 2, (fds, fds_after)
    assert tasks_after <= tasks
    assert rss_after < rss + 25, (rss, rss_after)
