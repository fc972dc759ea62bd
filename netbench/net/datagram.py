"""UDP and Unix datagram endpoints: every datagram is one message, peers are source addresses.

A datagram socket has no connections, so a "peer" appears the first time a datagram comes
from its address. Each datagram is reported as one read holding exactly one frame (the
boundaries are the datagram's own), through the same events as streams, so the UI needs
no second code path.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import socket
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from netbench.core.rates import TrafficCounts
from netbench.core.replies.responder import (
    Action,
    Note,
    Reply,
    Responder,
    ResponderSession,
)
from netbench.core.text import QT_TRANSLATE_NOOP
from netbench.net.datagram_drain import DatagramDrain
from netbench.net.errors import NetError, check_port, describe_bind_error, describe_os_error
from netbench.net.event_route import EventRoute
from netbench.net.events import (
    Connected,
    DataReceived,
    DataSent,
    EventSink,
    Link,
    Listening,
    Notice,
    Stopped,
)
from netbench.net.read_gate import Pausable, ReadGate
from netbench.net.socket_drops import apply_receive_buffer, socket_inode, udp_drops
from netbench.net.socket_kinds import DEFAULT_BINDING, BindOptions, SocketAddress
from netbench.net.stream import format_address
from netbench.net.unix_paths import OwnSocketFile, claim_unix_path

Address = tuple[Any, ...] | str | bytes


@dataclass
class DatagramPeer:
    """What we know of one source address: its datagrams and bytes each way, and the
    session that answers it (when a responder does)."""

    name: str
    address: Address
    traffic: TrafficCounts = field(default_factory=TrafficCounts)
    session: ResponderSession | None = None


def _peer_name(address: object, fallback: str) -> str:
    return format_address(address) or fallback


class _DatagramEndpoint(asyncio.DatagramProtocol):
    """Shared by listener and client: receive, count, report, send."""

    def __init__(self, source: str, sink: EventSink, gate: ReadGate | None) -> None:
        self.source = source
        self._sink = sink
        self._gate = gate
        self._counter = itertools.count(1)
        self.transport: asyncio.DatagramTransport | None = None
        self.peers: dict[str, DatagramPeer] = {}
        self.address = ""
        self._socket_file = OwnSocketFile()
        self.closed = asyncio.get_running_loop().create_future()
        self.responder: Responder | None = None
        # Errors the socket reported (a datagram too big, a closed port): a send of ours
        # does not raise them, so senders that go on sending (a replay) look here.
        self.errors_received = 0
        self.last_error = ""
        self._drain: DatagramDrain | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.DatagramTransport, transport)
        self._drain = DatagramDrain.for_transport(transport)

    def _peer_for(self, address: Address) -> DatagramPeer:
        name = _peer_name(address, "unnamed unix socket")
        peer = self.peers.get(name)
        if peer is None:
            peer = DatagramPeer(name, address)
            if self.responder is not None:
                peer.session = self.responder.new_session(name)
            self.peers[name] = peer
            self._sink(
                Connected(
                    source=self.source, peer=name, local=self.address, link=Link.FIRST_DATAGRAM
                )
            )
        return peer

    def datagram_received(self, data: bytes, addr: Address) -> None:
        if self._take(data, addr) and self._drain is not None:
            self._drain.take_waiting(self._take, self.error_received)

    def _take(self, data: bytes, addr: Address) -> bool:
        """One datagram counted, reported and answered; False when reading must pause."""
        peer = self._peer_for(addr)
        peer.traffic.count_in(1, len(data))
        chunk = next(self._counter)
        self._sink(
            DataReceived(
                source=self.source,
                peer=peer.name,
                chunk=chunk,
                nbytes=len(data),
                messages=(data,),
                first_chunk=chunk,
            )
        )
        if peer.session is not None:
            self._act(peer, peer.session.on_frame(data, time.time()))
        gate = self._gate
        # Selector datagram transports pause like streams; typeshed does not say so.
        if gate is not None and self.transport is not None:
            reader = cast(Pausable, self.transport)
            if not gate.admit(len(data), reader):
                gate.park(reader)
                return False
        return self.transport is not None and not self.transport.is_closing()

    def _act(self, peer: DatagramPeer, actions: list[Action]) -> None:
        """Replies go back to the sender; "close" means nothing without a connection."""
        loop = asyncio.get_running_loop()
        for action in actions:
            if isinstance(action, Note):
                self._sink(Notice(source=self.source, peer=peer.name, text=action.text))
            if not isinstance(action, Reply):
                continue
            if action.delay > 0:
                loop.call_later(action.delay, self._reply, peer, action.data)
            else:
                self._reply(peer, action.data)

    def _reply(self, peer: DatagramPeer, data: bytes) -> None:
        if self.transport is None or self.transport.is_closing():
            return
        try:
            self._send_to(data, peer.address, peer.name)
        except NetError as exc:
            self._sink(Notice(source=self.source, peer=peer.name, text=exc.message))
            return
        peer.traffic.count_out(1, len(data))

    def error_received(self, exc: Exception) -> None:
        text: str
        if isinstance(exc, ConnectionRefusedError):
            text = QT_TRANSLATE_NOOP(
                "Datagram", "the peer's port is closed (ICMP port unreachable)"
            )
        else:
            text = describe_os_error(exc, self.address).message
        self.errors_received += 1
        self.last_error = text
        self._sink(Notice(source=self.source, text=text))

    def connection_lost(self, exc: Exception | None) -> None:
        if self._drain is not None:
            self._drain.close()
            self._drain = None
        if self._gate is not None and self.transport is not None:
            self._gate.forget(cast(Pausable, self.transport))
        if not self.closed.done():
            self.closed.set_result(None)

    def _send_to(self, data: bytes, address: Address | None, peer_name: str) -> None:
        if self.transport is None or self.transport.is_closing():
            raise NetError(
                QT_TRANSLATE_NOOP("Datagram", "{source} is closed: nothing was sent").format(
                    source=self.source
                )
            )
        try:
            if address is None:
                self.transport.sendto(data)
            else:
                self.transport.sendto(data, address)
        except OSError as exc:
            raise describe_os_error(exc, peer_name) from exc
        self._sink(DataSent(source=self.source, peer=peer_name, data=data))

    async def aclose(self) -> None:
        transport, self.transport = self.transport, None
        if transport is None:
            return
        transport.close()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(self.closed), 0.5)
        self._socket_file.remove()
        self._sink(Stopped(source=self.source))

    def own_socket_file(self, path: Path) -> None:
        """Remove the Unix socket file at ``path`` when this endpoint closes (it bound it)."""
        self._socket_file.remember(path)


class DatagramListener(_DatagramEndpoint):
    """A UDP or Unix datagram socket bound to an address, answering whoever writes to it."""

    inode: int | None = None  # names the UDP socket in /proc, for its drop count
    receive_buffer: int | None = None  # SO_RCVBUF as the system set it

    def dropped(self) -> int | None:
        """Datagrams the system dropped for this socket (its buffer was full), so far;
        None where the system does not say. Safe from any thread: it reads /proc."""
        return udp_drops(self.inode)

    @classmethod
    async def open(
        cls,
        where: SocketAddress,
        route: EventRoute,
        *,
        binding: BindOptions = DEFAULT_BINDING,
        responder: Responder | None = None,
    ) -> DatagramListener:
        """Bind where ``where`` says: Unix datagrams on its path, UDP on its host and port."""
        where.check_family(datagram=True)
        loop = asyncio.get_running_loop()
        label = route.named(f"{where.kind} listener")
        host, port, path = where.host, where.port, where.path
        if where.kind.uses_path:
            if path is None:
                raise NetError(
                    QT_TRANSLATE_NOOP("Datagram", "a Unix datagram listener needs a socket path"),
                    "path",
                )
            await claim_unix_path(path, binding.remove_stale)
            sock = _bound_socket(
                socket.AF_UNIX, str(path), str(path), receive_buffer=binding.receive_buffer
            )
        else:
            check_port(port, 0)
            family = socket.AF_INET6 if ":" in host else socket.AF_INET
            sock = _bound_socket(
                family,
                (host, port),
                format_address((host, port)),
                binding.reuse_address,
                binding.receive_buffer,
            )
        _, endpoint = await loop.create_datagram_endpoint(
            lambda: cls(label, route.sink, route.gate), sock=sock
        )
        endpoint.responder = responder
        endpoint.receive_buffer = apply_receive_buffer(sock, None)
        if path is not None and where.kind.uses_path:
            endpoint.own_socket_file(path)
            endpoint.address = str(path)
        else:
            endpoint.inode = socket_inode(sock)
            endpoint.address = format_address(sock.getsockname())
        route.sink(Listening(source=label, address=endpoint.address))
        return endpoint

    def send(self, peer_name: str, data: bytes) -> None:
        peer = self.peers.get(peer_name)
        if peer is None:
            raise NetError(
                QT_TRANSLATE_NOOP(
                    "Datagram", "{peer} has not written to us: its address is unknown"
                ).format(peer=peer_name)
            )
        self._send_to(data, peer.address, peer.name)
        peer.traffic.count_out(1, len(data))

    def broadcast(self, data: bytes) -> int:
        for name in list(self.peers):
            self.send(name, data)
        return len(self.peers)

    def forget(self, peer_name: str) -> None:
        """Datagram peers have no connection to close: stop listing (and answering) one."""
        self.peers.pop(peer_name, None)


class DatagramClient(_DatagramEndpoint):
    """A datagram socket connected to one server; Unix clients bind a path of their own.

    A Unix datagram server can only answer a client that has an address, so the client
    binds a temporary path (removed on close), as ``socat`` does.
    """

    @classmethod
    async def open(
        cls,
        where: SocketAddress,
        route: EventRoute,
        *,
        local_addr: tuple[str, int] | None = None,
    ) -> DatagramClient:
        """Connect to ``where``: a Unix datagram server's path, or a UDP host and port."""
        where.check_family(datagram=True)
        loop = asyncio.get_running_loop()
        label = route.named(f"{where.kind} client")
        host, port, path = where.host, where.port, where.path
        local_path: Path | None = None
        if where.kind.uses_path:
            if path is None:
                raise NetError(
                    QT_TRANSLATE_NOOP(
                        "Datagram", "a Unix datagram client needs the server's socket path"
                    ),
                    "path",
                )
            target = str(path)
            local_path = Path(tempfile.mkdtemp(prefix="netbench-")) / "client.sock"
            sock = _bound_socket(socket.AF_UNIX, str(local_path), str(local_path))
            try:
                sock.connect(str(path))
            except OSError as exc:
                sock.close()
                _remove_temp_socket(local_path)
                raise describe_os_error(exc, target) from exc
        else:
            check_port(port, 1)
            target = format_address((host, port))
            try:
                infos = await loop.getaddrinfo(host, port, type=socket.SOCK_DGRAM)
            except OSError as exc:
                raise describe_os_error(exc, host) from exc
            family, _, _, _, address = infos[0]
            sock = socket.socket(family, socket.SOCK_DGRAM)
            if local_addr is not None:
                try:
                    sock.bind(local_addr)
                except OSError as exc:
                    sock.close()
                    raise describe_bind_error(exc, local_addr) from exc
            try:
                sock.connect(address)
            except OSError as exc:
                sock.close()
                raise describe_os_error(exc, target) from exc
        sock.setblocking(False)
        _, endpoint = await loop.create_datagram_endpoint(
            lambda: cls(label, route.sink, route.gate), sock=sock
        )
        endpoint.address = format_address(sock.getsockname())
        endpoint.target = target
        if local_path is not None:
            endpoint.own_temp_socket(local_path)
        route.sink(
            Connected(source=label, peer=target, local=endpoint.address, link=Link.DATAGRAMS_TO)
        )
        return endpoint

    target = ""
    _local_temp: Path | None = None

    def own_temp_socket(self, path: Path) -> None:
        """Own the client's temporary Unix path: its file and its folder go on close."""
        self._local_temp = path
        self.own_socket_file(path)

    def _peer_for(self, address: Address) -> DatagramPeer:
        # Replies come from the server we are connected to, whatever it calls itself.
        peer = self.peers.get(self.target)
        if peer is None:
            peer = DatagramPeer(self.target, address)
            self.peers[self.target] = peer
        return peer

    def send(self, data: bytes) -> None:
        self._send_to(data, None, self.target)

    async def aclose(self) -> None:
        await super().aclose()
        if self._local_temp is not None:
            _remove_temp_socket(self._local_temp)
            self._local_temp = None


def _bound_socket(
    family: int,
    address: Address,
    label: str,
    reuse_address: bool = False,
    receive_buffer: int | None = None,
) -> socket.socket:
    sock = socket.socket(family, socket.SOCK_DGRAM)
    try:
        apply_receive_buffer(sock, receive_buffer)
        if reuse_address and family != socket.AF_UNIX:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if family == socket.AF_INET6:
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        sock.bind(address)
        sock.setblocking(False)
    except OSError as exc:
        sock.close()
        raise describe_os_error(exc, label) from exc
    return sock


def _remove_temp_socket(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
    with contextlib.suppress(OSError):
        path.parent.rmdir()
