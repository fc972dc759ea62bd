"""Stream listeners and clients on real loopback sockets, with plain asyncio and real peers."""

import asyncio
import contextlib
import socket
import subprocess

import pytest
from loopback import needs, wait_for

from netbench.core.framing.spec import FramingKind, FramingSpec
from netbench.net.errors import NetError
from netbench.net.event_route import EventRoute
from netbench.net.events import (
    CloseReason,
    Connected,
    DataReceived,
    DataSent,
    Listening,
    PeerClosed,
    PeerFinished,
    Stopped,
)
from netbench.net.read_gate import ReadGate
from netbench.net.socket_kinds import BindOptions, SocketAddress, SocketKind
from netbench.net.stream import PeerPolicy
from netbench.net.stream_client import open_stream
from netbench.net.stream_listener import StreamListener
from netbench.net.unix_paths import UnixPathState, probe_unix_path

LF = FramingSpec(kind=FramingKind.DELIMITER, delimiter=b"\n")


def of(events, kind):
    return [e for e in events if isinstance(e, kind)]


def frames(events):
    return [m for e in of(events, DataReceived) for m in e.messages]


def bytes_in(events):
    return sum(e.nbytes for e in of(events, DataReceived))


async def listener_and_peer(events, gate=None, **options):
    """A listener on a free loopback port, and a plain asyncio connection to it."""
    route = EventRoute(events.append, gate=gate)
    listener = await StreamListener.open(SocketAddress(port=0), route, **options)
    return await peer_of(listener)


async def peer_of(listener):
    port = int(listener.address.rsplit(":", 1)[1])
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    return listener, reader, writer


def test_tcp_round_trip_reports_every_step():
    events = []

    async def scenario():
        listener = await StreamListener.open(
            SocketAddress(port=0), EventRoute(events.append), framing=LF
        )
        host, port = listener.address.rsplit(":", 1)
        client = await open_stream(
            SocketAddress(host=host, port=int(port)), EventRoute(events.append), framing=LF
        )
        client.send(b"one\ntwo\n")
        await wait_for(lambda: len(frames(events)) == 2)
        (peer_name,) = listener.peers
        listener.send(peer_name, b"back\n")
        await wait_for(lambda: len(frames(events)) == 3)
        await client.aclose()
        # The peer's FIN closes our side too (nothing was queued): both ends are released.
        await wait_for(lambda: len(of(events, PeerClosed)) == 2)
        assert not listener.peers
        await listener.aclose()

    asyncio.run(scenario())
    assert of(events, Listening)[0].address.startswith("127.0.0.1:")
    assert len(of(events, Connected)) == 2
    assert frames(events) == [b"one", b"two", b"back"]
    first_read = of(events, DataReceived)[0]
    assert first_read.nbytes == 8
    assert len(first_read.messages) == 2  # both lines arrived in one read (粘包)
    assert first_read.chunk_span(0) == first_read.chunk_span(1) == (first_read.chunk,) * 2
    assert [e.data for e in of(events, DataSent)] == [b"one\ntwo\n", b"back\n"]
    reasons = {e.reason for e in of(events, PeerClosed)}
    assert CloseReason.CLOSED_BY_US in reasons
    assert of(events, Stopped)


def test_peer_half_close_is_reported_and_we_can_still_reply_when_kept_half_open():
    events = []

    async def scenario():
        listener, reader, writer = await listener_and_peer(
            events, policy=PeerPolicy(keep_half_open=True)
        )
        writer.write(b"question")
        writer.write_eof()
        await wait_for(lambda: any(isinstance(e, PeerFinished) for e in events))
        listener.broadcast(b"answer")
        reply = await asyncio.wait_for(reader.readexactly(6), 5)
        await listener.aclose()
        assert await asyncio.wait_for(reader.read(), 5) == b""  # our FIN on close
        writer.close()
        await writer.wait_closed()
        return reply

    assert asyncio.run(scenario()) == b"answer"
    assert of(events, PeerFinished)[0].peer.startswith("127.0.0.1:")


def test_abort_sends_a_reset():
    events = []

    async def scenario():
        listener, reader, writer = await listener_and_peer(events)
        await wait_for(lambda: listener.peers)
        next(iter(listener.peers.values())).abort()
        with pytest.raises(ConnectionResetError):
            await asyncio.wait_for(reader.read(), 5)
        writer.close()
        with contextlib.suppress(ConnectionResetError):
            await writer.wait_closed()
        await listener.aclose()

    asyncio.run(scenario())
    assert of(events, PeerClosed)[0].reason is CloseReason.ABORTED_BY_US


@pytest.mark.parametrize("kind", [SocketKind.UDP, SocketKind.UNIX_DGRAM])
def test_a_datagram_address_opens_no_stream_socket(tmp_path, kind):
    """A datagram kind handed to a stream opener is the caller's mistake: nothing is bound."""
    where = SocketAddress(kind, port=0, path=tmp_path / "dgram.sock")

    async def scenario():
        with pytest.raises(ValueError, match="stream"):
            await StreamListener.open(where, EventRoute(lambda e: None))
        with pytest.raises(ValueError, match="stream"):
            await open_stream(where, EventRoute(lambda e: None))

    asyncio.run(scenario())
    assert not (tmp_path / "dgram.sock").exists()


def test_refused_connection_is_explained():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    async def scenario():
        await open_stream(SocketAddress(host="127.0.0.1", port=port), EventRoute(lambda e: None))

    with pytest.raises(NetError, match="refused"):
        asyncio.run(scenario())


def test_port_in_use_and_out_of_range_are_explained():
    async def scenario():
        with socket.socket() as holder:
            holder.bind(("127.0.0.1", 0))
            holder.listen()
            port = holder.getsockname()[1]
            with pytest.raises(NetError, match="already in use") as in_use:
                await StreamListener.open(
                    SocketAddress(port=port),
                    EventRoute(lambda e: None),
                    binding=BindOptions(reuse_address=False),
                )
        with pytest.raises(NetError, match="out of range") as out_of_range:
            await StreamListener.open(SocketAddress(port=70000), EventRoute(lambda e: None))
        return in_use.value.field, out_of_range.value.field

    assert asyncio.run(scenario()) == ("port", "port")


def test_unix_paths_live_stale_and_regular_files(tmp_path):
    path = tmp_path / "srv.sock"
    regular = tmp_path / "notes.txt"
    regular.write_text("keep me")

    async def scenario():
        assert await probe_unix_path(path) is UnixPathState.FREE
        first = await StreamListener.open(
            SocketAddress(SocketKind.UNIX, path=path), EventRoute(lambda e: None)
        )
        assert await probe_unix_path(path) is UnixPathState.LIVE
        with pytest.raises(NetError, match="in use by a running server"):
            await StreamListener.open(
                SocketAddress(SocketKind.UNIX, path=path), EventRoute(lambda e: None)
            )
        assert first.is_serving  # the live server kept its address
        with pytest.raises(NetError, match="not a socket"):
            await StreamListener.open(
                SocketAddress(SocketKind.UNIX, path=regular), EventRoute(lambda e: None)
            )
        await first.aclose()
        assert not path.exists()  # our own socket file is removed on close

        stale = socket.socket(socket.AF_UNIX)
        stale.bind(str(path))
        stale.close()  # a socket file with nobody behind it
        assert await probe_unix_path(path) is UnixPathState.STALE
        with pytest.raises(NetError, match="stale"):
            await StreamListener.open(
                SocketAddress(SocketKind.UNIX, path=path), EventRoute(lambda e: None)
            )
        again = await StreamListener.open(
            SocketAddress(SocketKind.UNIX, path=path),
            EventRoute(lambda e: None),
            binding=BindOptions(remove_stale=True),
        )
        await again.aclose()

    asyncio.run(scenario())
    assert regular.read_text() == "keep me"


def test_flow_gate_parks_a_flooding_reader_until_the_next_tick():
    gate = ReadGate(bytes_per_tick=64 * 1024)
    events = []

    async def scenario():
        listener, _, writer = await listener_and_peer(events, gate=gate)
        writer.write(b"x" * 1_000_000)
        await wait_for(lambda: gate.has_parked)
        received_while_parked = bytes_in(events)
        await asyncio.sleep(0.05)
        assert bytes_in(events) == received_while_parked
        while bytes_in(events) < 1_000_000:
            gate.on_tick()
            await asyncio.sleep(0.001)
        writer.close()
        await writer.wait_closed()
        await listener.aclose()
        return received_while_parked

    parked_at = asyncio.run(scenario())
    assert 64 * 1024 <= parked_at < 64 * 1024 + 16 * 1024 + 1
    assert gate.pauses >= 1_000_000 // (80 * 1024)


@needs("socat")
@pytest.mark.parametrize("kind", [SocketKind.TCP, SocketKind.UNIX])
def test_socat_client_talks_to_our_listener(tmp_path, kind):
    events = []
    path = tmp_path / "peer.sock"

    async def scenario():
        listener = await StreamListener.open(
            SocketAddress(kind, port=0, path=path),
            EventRoute(events.append),
            policy=PeerPolicy(framing=LF, keep_half_open=True),
        )
        target = (
            f"UNIX-CONNECT:{path}"
            if kind is SocketKind.UNIX
            else f"TCP:127.0.0.1:{listener.address.rsplit(':', 1)[1]}"
        )
        proc = await asyncio.create_subprocess_exec(
            "socat",
            "-t",
            "0.5",
            "-",
            target,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        talking = asyncio.ensure_future(proc.communicate(b"ping 1\nping 2\n"))
        # socat sends its stdin, then half-closes and waits for our answer (kept half-open).
        await wait_for(lambda: len(frames(events)) == 2)
        listener.broadcast(b"pong\n")
        out, _ = await asyncio.wait_for(talking, 10)
        await listener.aclose()
        return out

    out = asyncio.run(scenario())
    assert frames(events)[:2] == [b"ping 1", b"ping 2"]
    assert b"pong" in out


def test_a_reader_on_another_thread_waits_while_the_ui_repaints() -> None:
    """The UI thread's turn (a repaint) holds readers at their next read, briefly."""
    import threading

    from netbench.net.read_gate import ReadGate

    gate = ReadGate(bytes_per_tick=None)
    admitted = threading.Event()
    reader = threading.Thread(target=lambda: (gate.admit(100), admitted.set()))
    with gate.ui_turn():
        reader.start()
        assert not admitted.wait(0.02)  # held while the turn lasts (at most 50 ms)
    assert admitted.wait(1.0)
    reader.join(1.0)
    assert gate.admit(100)  # no turn: straight through


@pytest.mark.parametrize("read_size", [16 * 1024, 64 * 1024])
def test_reads_are_as_large_as_the_gate_says(read_size):
    """A flood comes in reads of the gate's size: larger ones would stretch the UI loop's
    turn, smaller ones multiply the per-read work."""
    events = []
    gate = ReadGate(bytes_per_tick=None, read_size=read_size)

    async def scenario():
        listener, _, writer = await listener_and_peer(events, gate=gate)
        writer.write(b"x" * 2_000_000)
        await writer.drain()
        await wait_for(lambda: bytes_in(events) == 2_000_000)
        writer.close()
        await writer.wait_closed()
        await listener.aclose()

    asyncio.run(scenario())
    sizes = [event.nbytes for event in events if isinstance(event, DataReceived)]
    assert max(sizes) == read_size
