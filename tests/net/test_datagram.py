"""UDP and Unix datagram endpoints on real sockets, with our own client and with socat."""

import asyncio
import socket
import subprocess

import pytest
from loopback import needs, wait_for

from netbench.net.datagram import DatagramClient, DatagramListener
from netbench.net.errors import NetError
from netbench.net.event_route import EventRoute
from netbench.net.events import Connected, DataReceived, Listening, Notice
from netbench.net.socket_kinds import BindOptions, SocketAddress, SocketKind


def frames(events, source=None):
    return [
        message
        for e in events
        if isinstance(e, DataReceived) and (source is None or e.source == source)
        for message in e.messages
    ]


@pytest.mark.parametrize("kind", [SocketKind.UDP, SocketKind.UNIX_DGRAM])
def test_datagrams_keep_their_boundaries_both_ways(tmp_path, kind):
    events = []
    path = tmp_path / "dgram.sock"

    async def scenario():
        server = await DatagramListener.open(
            SocketAddress(kind, port=0, path=path), EventRoute(events.append, "server")
        )
        port = int(server.address.rsplit(":", 1)[1]) if kind is SocketKind.UDP else 0
        client = await DatagramClient.open(
            SocketAddress(kind, port=port, path=path), EventRoute(events.append, "client")
        )
        for message in (b"one", b"two", b"three"):
            client.send(message)
        await wait_for(lambda: len(frames(events, "server")) == 3)
        (peer,) = server.peers
        server.send(peer, b"reply")
        await wait_for(lambda: frames(events, "client") == [b"reply"])
        stats = server.peers[peer]
        await client.aclose()
        await server.aclose()
        return stats

    stats = asyncio.run(scenario())
    assert frames(events, "server") == [b"one", b"two", b"three"]
    traffic = stats.traffic
    assert (traffic.messages_in, traffic.bytes_in, traffic.messages_out) == (3, 11, 1)
    assert sum(isinstance(e, Connected) and e.source == "server" for e in events) == 1
    assert not path.exists()


def test_sending_to_a_closed_udp_port_reports_icmp_unreachable():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    events = []

    async def scenario():
        client = await DatagramClient.open(
            SocketAddress(SocketKind.UDP, port=port), EventRoute(events.append)
        )
        client.send(b"anyone?")
        await wait_for(lambda: any(isinstance(e, Notice) for e in events))
        await client.aclose()

    asyncio.run(scenario())
    assert any("port unreachable" in e.text for e in events if isinstance(e, Notice))


def test_unix_datagram_path_live_stale_and_wrong_type(tmp_path):
    path = tmp_path / "d.sock"

    async def scenario():
        first = await DatagramListener.open(
            SocketAddress(SocketKind.UNIX_DGRAM, path=path), EventRoute(lambda e: None)
        )
        with pytest.raises(NetError, match="in use"):
            await DatagramListener.open(
                SocketAddress(SocketKind.UNIX_DGRAM, path=path),
                EventRoute(lambda e: None),
                binding=BindOptions(remove_stale=True),
            )
        await first.aclose()
        stale = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        stale.bind(str(path))
        stale.close()
        with pytest.raises(NetError, match="stale"):
            await DatagramListener.open(
                SocketAddress(SocketKind.UNIX_DGRAM, path=path), EventRoute(lambda e: None)
            )
        again = await DatagramListener.open(
            SocketAddress(SocketKind.UNIX_DGRAM, path=path),
            EventRoute(lambda e: None),
            binding=BindOptions(remove_stale=True),
        )
        await again.aclose()
        # A live *stream* server on the path is never taken over, even with remove_stale.
        stream = await asyncio.start_unix_server(lambda r, w: w.close(), str(path))
        with pytest.raises(NetError, match="in use"):
            await DatagramListener.open(
                SocketAddress(SocketKind.UNIX_DGRAM, path=path),
                EventRoute(lambda e: None),
                binding=BindOptions(remove_stale=True),
            )
        stream.close()
        await stream.wait_closed()

    asyncio.run(scenario())


@pytest.mark.parametrize("kind", [SocketKind.TCP, SocketKind.TLS, SocketKind.UNIX])
def test_a_stream_address_opens_no_datagram_socket(tmp_path, kind):
    """A stream kind handed to a datagram opener is the caller's mistake: nothing is bound."""
    where = SocketAddress(kind, port=0, path=tmp_path / "stream.sock")

    async def scenario():
        for opener in (DatagramListener.open, DatagramClient.open):
            with pytest.raises(ValueError, match="datagram"):
                await opener(where, EventRoute(lambda e: None))

    asyncio.run(scenario())
    assert not (tmp_path / "stream.sock").exists()


def test_port_out_of_range_is_refused():
    async def scenario():
        with pytest.raises(NetError, match="out of range") as err:
            await DatagramListener.open(
                SocketAddress(SocketKind.UDP, port=70000), EventRoute(lambda e: None)
            )
        return err.value.field

    assert asyncio.run(scenario()) == "port"


@needs("socat")
@pytest.mark.parametrize("kind", [SocketKind.UDP, SocketKind.UNIX_DGRAM])
def test_socat_sends_datagrams_to_our_listener(tmp_path, kind):
    events = []
    path = tmp_path / "srv.sock"
    client_path = tmp_path / "cli.sock"

    async def scenario():
        server = await DatagramListener.open(
            SocketAddress(kind, port=0, path=path), EventRoute(events.append)
        )
        if kind is SocketKind.UDP:
            target = f"UDP:{server.address}"
        else:
            target = f"UNIX-SENDTO:{path},bind={client_path}"
        proc = await asyncio.create_subprocess_exec(
            "socat", "-t", "0.5", "-", target, stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        talking = asyncio.ensure_future(proc.communicate(b"hello datagram"))
        await wait_for(lambda: frames(events) == [b"hello datagram"])
        server.broadcast(b"hi back")
        out, _ = await asyncio.wait_for(talking, 10)
        await server.aclose()
        return out

    out = asyncio.run(scenario())
    assert out == b"hi back"
    assert any(isinstance(e, Listening) for e in events)
