"""A file streamed to a listener's peers: each copy whole, each failure said for its peer."""

import asyncio
import hashlib
import os
import socket
import time

from netbench.net.datagram import DatagramListener
from netbench.net.event_route import EventRoute
from netbench.net.events import DataReceived, DataSent, DataSentUnshown
from netbench.net.file_send import (
    STREAM_CHUNK,
    UDP_CHUNK,
    chunk_size_for,
    listener_targets,
    open_transfer,
    send_file,
)
from netbench.net.read_gate import ReadGate
from netbench.net.socket_kinds import SocketAddress, SocketKind
from netbench.net.stream import StreamPeer
from netbench.net.stream_client import open_stream
from netbench.net.stream_listener import StreamListener


async def wait_for(predicate, timeout=5.0):
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError("condition not met")
        await asyncio.sleep(0.005)


def test_each_stream_peer_gets_the_whole_file_and_a_gone_peer_is_named(tmp_path):
    data = os.urandom(3 << 20)
    path = tmp_path / "data.bin"
    path.write_bytes(data)

    async def scenario():
        listener = await StreamListener.open(SocketAddress(port=0), EventRoute(lambda event: None))
        port = int(listener.address.rsplit(":", 1)[1])
        clients = [
            await open_stream(
                SocketAddress(port=port), EventRoute(lambda event: None, f"client {n}")
            )
            for n in range(2)
        ]
        await wait_for(lambda: len(listener.peers) == 2)
        names = [*listener.peers, "127.0.0.1:9"]
        transfer = open_transfer(path)
        await send_file(lambda: listener_targets(listener, names), transfer, None)
        await wait_for(lambda: all(c.bytes_in == len(data) for c in clients))
        for client in clients:
            await client.aclose()
        await listener.aclose()
        return transfer

    transfer = asyncio.run(scenario())
    assert [peer.sent for peer in transfer.peers] == [len(data), len(data), 0]
    assert [peer.error for peer in transfer.peers] == [
        "",
        "",
        "127.0.0.1:9 is no longer connected: nothing was sent",
    ]
    assert transfer.remaining == 0 and transfer.goal == 3 * len(data)


def test_a_udp_peer_gets_one_datagram_per_chunk(tmp_path):
    data = os.urandom(10_000)
    path = tmp_path / "data.bin"
    path.write_bytes(data)

    async def scenario():
        listener = await DatagramListener.open(
            SocketAddress(SocketKind.UDP, port=0), EventRoute(lambda event: None)
        )
        port = int(listener.address.rsplit(":", 1)[1])
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as peer:
            peer.setblocking(False)
            peer.sendto(b"hi", ("127.0.0.1", port))
            await wait_for(lambda: len(listener.peers) == 1)
            transfer = await send_file(
                lambda: listener_targets(listener, list(listener.peers)),
                open_transfer(path),
                None,
            )
            got = []
            while sum(map(len, got)) < len(data):
                got.append(await asyncio.get_running_loop().sock_recv(peer, 65535))
        await listener.aclose()
        return transfer, got

    transfer, datagrams = asyncio.run(scenario())
    assert hashlib.sha256(b"".join(datagrams)).digest() == hashlib.sha256(data).digest()
    assert [len(d) for d in datagrams[:-1]] == [UDP_CHUNK] * (len(datagrams) - 1)
    assert transfer.chunks == len(datagrams) and not transfer.error


def stream_pair_send(path, gate, show_every_chunk=False):
    """Send ``path`` from a client to a listener's peer: what the peer read, and the
    client's own events (what its window would be told)."""
    received = []
    told = []

    async def scenario():
        def on_received(event):
            if isinstance(event, DataReceived):
                received.append(event.data)

        listener = await StreamListener.open(SocketAddress(port=0), EventRoute(on_received))
        port = int(listener.address.rsplit(":", 1)[1])
        client = await open_stream(SocketAddress(port=port), EventRoute(told.append))
        await wait_for(lambda: len(listener.peers) == 1)
        (peer,) = listener.peers.values()
        transfer = open_transfer(path)
        transfer.show_every_chunk = show_every_chunk
        await send_file(lambda: {"": client}, transfer, gate)
        await wait_for(lambda: peer.bytes_in == path.stat().st_size)
        await client.aclose()
        await listener.aclose()
        return transfer

    transfer = asyncio.run(scenario())
    return transfer, b"".join(received), told


def test_stream_chunks_the_window_has_no_room_for_go_out_counted_but_not_kept(tmp_path):
    data = os.urandom(5 * STREAM_CHUNK + 123)
    path = tmp_path / "data.bin"
    path.write_bytes(data)
    busy = ReadGate(queue_length=lambda: 10_000)  # the window never catches up

    transfer, received, told = stream_pair_send(path, busy)

    assert hashlib.sha256(received).digest() == hashlib.sha256(data).digest()
    assert not [e for e in told if isinstance(e, DataSent)]
    counted = [e.nbytes for e in told if isinstance(e, DataSentUnshown)]
    assert sum(counted) == len(data) and len(counted) == transfer.chunks == 6


def test_while_recording_every_chunk_is_shown_at_the_windows_pace(tmp_path):
    data = os.urandom(5 * STREAM_CHUNK)
    path = tmp_path / "data.bin"
    path.write_bytes(data)
    started = time.monotonic()
    # The window is busy for a moment, then keeps up.
    gate = ReadGate(queue_length=lambda: 10_000 if time.monotonic() - started < 0.2 else 0)

    _, received, told = stream_pair_send(path, gate, show_every_chunk=True)

    assert received == data
    assert not [e for e in told if isinstance(e, DataSentUnshown)]
    assert b"".join(e.data for e in told if isinstance(e, DataSent)) == data
    assert time.monotonic() - started >= 0.2


def test_a_send_to_many_stream_peers_reads_smaller_chunks():
    assert chunk_size_for(StreamPeer.__new__(StreamPeer), 1) == STREAM_CHUNK
    assert chunk_size_for(StreamPeer.__new__(StreamPeer), 64) == 256 * 1024
    assert chunk_size_for(StreamPeer.__new__(StreamPeer), 5000) == 64 * 1024
