"""A TCP or Unix stream server (optionally TLS) and its live peers, each a
:class:`~netbench.net.stream.StreamPeer`."""

from __future__ import annotations

import asyncio
import itertools
import socket
import ssl
from asyncio import sslproto

from netbench.core.framing.spec import FramingSpec
from netbench.core.text import QT_TRANSLATE_NOOP
from netbench.net.acceptor import Acceptor, bind_tcp, bind_unix
from netbench.net.errors import NetError, check_port, describe_os_error
from netbench.net.event_route import EventRoute
from netbench.net.events import (
    CloseReason,
    Listening,
    Notice,
    Stopped,
)
from netbench.net.fd_budget import connection_budget
from netbench.net.socket_kinds import DEFAULT_BINDING, BindOptions, SocketAddress
from netbench.net.stream import (
    DEFAULT_MAX_CONNECTIONS,
    PeerPolicy,
    PeerSetup,
    StreamPeer,
    format_address,
)
from netbench.net.unix_paths import (
    OwnSocketFile,
    claim_unix_path,
)

TLS_HANDSHAKE_TIMEOUT = 30  # seconds


class StreamListener:
    """A TCP or Unix stream server with its live peers."""

    def __init__(self, setup: PeerSetup, max_connections: int = DEFAULT_MAX_CONNECTIONS) -> None:
        self.setup = setup  # each peer is made with it
        self.source = setup.source
        self._sink = setup.sink
        # Never more than the descriptors allow: the app needs some to live on.
        self.max_connections = min(max_connections, connection_budget())
        self.total_connections = 0
        self._acceptor: Acceptor | None = None
        self.receive_buffer: int | None = None  # SO_RCVBUF asked for each connection
        self._connecting: set[asyncio.Task[None]] = set()
        self._socket_file = OwnSocketFile()
        self._counter = itertools.count(1)
        self.peers: dict[str, StreamPeer] = {}
        self.address = ""
        self._ssl_context: ssl.SSLContext | None = None
        self._handshakes: set[_TlsAccept] = set()

    @property
    def sockets(self) -> list[socket.socket]:
        """The listening sockets (none once closed), for the socket panel."""
        return list(self._acceptor.sockets) if self._acceptor is not None else []

    def forget_handshake(self, accept: _TlsAccept) -> None:
        """A TLS handshake ended (done, failed or aborted): stop tracking it."""
        self._handshakes.discard(accept)

    @classmethod
    async def open(
        cls,
        where: SocketAddress,
        route: EventRoute,
        *,
        binding: BindOptions = DEFAULT_BINDING,
        framing: FramingSpec | None = None,
        policy: PeerPolicy | None = None,
        ssl_context: ssl.SSLContext | None = None,
        max_connections: int = DEFAULT_MAX_CONNECTIONS,
    ) -> StreamListener:
        """Listen where ``where`` says: a Unix kind on its path, any other on its host and
        port (TLS is ``ssl_context``'s, whatever the kind)."""
        where.check_family(datagram=False)
        if policy is None:
            policy = PeerPolicy(framing=framing or FramingSpec())
        setup = PeerSetup(route.named(f"{where.kind} listener"), route.sink, route.gate, policy)
        listener = cls(setup, max_connections)
        listener.receive_buffer = binding.receive_buffer
        await listener._bind(where, binding, ssl_context)
        return listener

    async def _bind(
        self,
        where: SocketAddress,
        binding: BindOptions,
        ssl_context: ssl.SSLContext | None,
    ) -> None:
        # TLS is started by us on each accepted connection (see _TlsAccept), so a failed
        # handshake is reported to the user instead of only to asyncio's log.
        self._ssl_context = ssl_context
        host, port, path = where.host, where.port, where.path
        if where.kind.uses_path:
            if path is None:
                raise NetError(
                    QT_TRANSLATE_NOOP("Stream", "a Unix listener needs a socket path"), "path"
                )
            await claim_unix_path(path, binding.remove_stale)
            try:
                sockets = bind_unix(str(path), binding.backlog, self.receive_buffer)
            except OSError as exc:
                raise describe_os_error(exc, str(path)) from exc
            self._socket_file.remember(path)
            self.address = str(path)
        else:
            check_port(port, 0)
            target = format_address((host, port))
            # Bound here, not in an executor: qasync's executor is a QThread pool, whose
            # threads' timers Qt then warns about. Hosts are IP addresses or localhost.
            try:
                sockets = bind_tcp(
                    host, port, binding.backlog, binding.reuse_address, self.receive_buffer
                )
            except OSError as exc:
                raise describe_os_error(exc, target) from exc
            self.address = ", ".join(format_address(s.getsockname()) for s in sockets)
        self._acceptor = Acceptor(sockets, self._on_accepted, self._say)
        self._acceptor.start()
        self._sink(Listening(source=self.source, address=self.address))

    def _say(self, text: str) -> None:
        self._sink(Notice(source=self.source, peer="", text=text))

    @property
    def refused(self) -> int:
        """Connections refused for want of a file descriptor, since the listener started."""
        return self._acceptor.refused if self._acceptor is not None else 0

    def _on_accepted(self, conn: socket.socket) -> None:
        task = asyncio.get_running_loop().create_task(self._connect(conn))
        self._connecting.add(task)
        task.add_done_callback(self._connecting.discard)

    async def _connect(self, conn: socket.socket) -> None:
        loop = asyncio.get_running_loop()
        try:
            await loop.connect_accepted_socket(self._new_peer, conn)
        except OSError:
            conn.close()

    def _new_peer(self) -> asyncio.BaseProtocol:
        fallback = f"{self.address} #{next(self._counter)}"
        peer = _ListenerPeer(self, fallback)
        if self._ssl_context is not None:
            accept = _TlsAccept(self, peer, self._ssl_context)
            self._handshakes.add(accept)
            return accept
        return peer

    def report_handshake_failure(self, peer_name: str, exc: BaseException) -> None:
        """Tell the user why the TLS handshake with ``peer_name`` failed (for its handshake)."""
        if isinstance(exc, ssl.SSLError):
            reason: str = exc.reason or str(exc)
            if reason == "HTTP_REQUEST":
                reason = QT_TRANSLATE_NOOP(
                    "Stream", "the client spoke plain HTTP to a TLS port (try https://)"
                )
            elif reason == "WRONG_VERSION_NUMBER":
                reason = QT_TRANSLATE_NOOP(
                    "Stream", "the client did not start TLS (plain text on a TLS port?)"
                )
        elif isinstance(exc, TimeoutError):
            reason = QT_TRANSLATE_NOOP("Stream", "no handshake within {seconds:.0f} s").format(
                seconds=TLS_HANDSHAKE_TIMEOUT
            )
        elif isinstance(exc, ConnectionError):
            reason = QT_TRANSLATE_NOOP(
                "Stream", "the client closed the connection during the handshake"
            )
        else:
            reason = str(exc) or type(exc).__name__
        self._sink(
            Notice(
                source=self.source,
                peer=peer_name,
                text=QT_TRANSLATE_NOOP(
                    "Stream", "TLS handshake with {peer} failed: {reason}"
                ).format(peer=peer_name, reason=reason),
            )
        )

    def peer_up(self, peer: StreamPeer) -> bool:
        """Register a new peer; False when the connection limit says to turn it away.

        Called by the listener's own peers when their connection is made.
        """
        self.total_connections += 1
        if len(self.peers) >= self.max_connections:
            self._sink(
                Notice(
                    source=self.source,
                    peer=peer.name,
                    text=QT_TRANSLATE_NOOP(
                        "Stream",
                        "connection limit of {limit} reached: {peer} was turned away; "
                        "the others are still served",
                    ).format(limit=self.max_connections, peer=peer.name),
                )
            )
            return False
        self.peers[peer.name] = peer
        return True

    def peer_down(self, peer: StreamPeer) -> None:
        """Forget a peer whose connection is lost (called by the peer); its descriptor is
        free again, so an accept paused for want of one may go on."""
        self.peers.pop(peer.name, None)
        if self._acceptor is not None:
            self._acceptor.nudge()

    def send(self, peer_name: str, data: bytes) -> None:
        peer = self.peers.get(peer_name)
        if peer is None:
            raise NetError(
                QT_TRANSLATE_NOOP(
                    "Stream", "{peer} is no longer connected: nothing was sent"
                ).format(peer=peer_name)
            )
        peer.send(data)

    def disconnect(self, peer_name: str) -> None:
        """Close gracefully: what is queued is sent, then FIN."""
        peer = self.peers.get(peer_name)
        if peer is not None:
            peer.close()

    def abort(self, peer_name: str) -> None:
        peer = self.peers.get(peer_name)
        if peer is not None:
            peer.abort()

    def broadcast(self, data: bytes) -> int:
        sent = 0
        for peer in list(self.peers.values()):
            if peer.is_open:
                peer.send(data)
                sent += 1
        return sent

    @property
    def is_serving(self) -> bool:
        return self._acceptor is not None and self._acceptor.serving

    async def aclose(self) -> None:
        """Stop accepting, close every peer (RST after a short grace), remove our socket file."""
        acceptor, self._acceptor = self._acceptor, None
        if acceptor is None:
            return
        acceptor.stop()
        for task in list(self._connecting):
            task.cancel()
        for accept in list(self._handshakes):
            accept.abort()
        peers = list(self.peers.values())
        await asyncio.gather(*(p.aclose() for p in peers), return_exceptions=True)
        self._socket_file.remove()
        self._sink(Stopped(source=self.source))


class _TlsAccept(asyncio.Protocol):
    """Puts TLS on an accepted connection the way ``create_server(ssl=...)`` does, but
    keeps the handshake's outcome, so a failure reaches the user.

    asyncio only logs a failed server handshake (and SSL errors only in debug mode). The
    TLS layer is asyncio's own SSLProtocol, installed before the first byte is read; it
    calls the peer's ``connection_made`` once the handshake is done.
    """

    def __init__(self, listener: StreamListener, peer: StreamPeer, context: ssl.SSLContext) -> None:
        self._listener = listener
        self._peer = peer
        self._context = context
        self._task: asyncio.Task[None] | None = None
        self._transport: asyncio.Transport | None = None

    def abort(self) -> None:
        if self._transport is not None:
            self._transport.abort()
        self._listener.forget_handshake(self)

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport
        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[None] = loop.create_future()
        tls = sslproto.SSLProtocol(
            loop,
            self._peer,
            self._context,
            waiter,
            server_side=True,
            call_connection_made=True,
            ssl_handshake_timeout=TLS_HANDSHAKE_TIMEOUT,
        )
        transport.set_protocol(tls)
        tls.connection_made(transport)
        name = format_address(transport.get_extra_info("peername")) or self._peer.name
        self._task = loop.create_task(self._outcome(waiter, name))

    async def _outcome(self, waiter: asyncio.Future[None], name: str) -> None:
        try:
            await waiter
        except (OSError, ssl.SSLError, TimeoutError, ConnectionError) as exc:
            self._listener.report_handshake_failure(name, exc)
        except asyncio.CancelledError:
            pass
        finally:
            self._listener.forget_handshake(self)
            self._transport = None


class _ListenerPeer(StreamPeer):
    def __init__(self, listener: StreamListener, fallback_name: str) -> None:
        super().__init__(listener.setup, fallback_name)
        self._listener = listener

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)
        if not self._listener.peer_up(self):
            self._closing_reason = CloseReason.LIMIT
            transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self._listener.peer_down(self)
        super().connection_lost(exc)
