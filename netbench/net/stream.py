"""TCP and Unix stream listeners and clients that report every byte as events.

Reads go through a small fixed buffer and the :class:`ReadGate`, so a flood cannot starve
the loop the UI shares; received bytes are framed per connection so the transcript can show
how the stream merged or split messages.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import socket
import ssl
import struct
import time
from asyncio import sslproto
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from netbench.core.framing.frames import Frame, FramingError
from netbench.core.framing.spec import FramingSpec
from netbench.core.framing.wire import make_framer
from netbench.core.replies.responder import (
    Action,
    CloseConnection,
    Reply,
    Responder,
    ResponderSession,
)
from netbench.core.text import QT_TRANSLATE_NOOP
from netbench.net.errors import NetError, describe_bind_error, describe_os_error
from netbench.net.events import (
    CloseReason,
    Connected,
    DataReceived,
    DataSent,
    DataSentUnshown,
    EventSink,
    Listening,
    Notice,
    PeerClosed,
    PeerFinished,
    Stopped,
)
from netbench.net.read_gate import READ_BUFFER_SIZE, ReadGate
from netbench.net.unix_paths import (
    OwnSocketFile,
    claim_unix_path,
)

CLOSE_GRACE_SECONDS = 0.5
DEFAULT_MAX_CONNECTIONS = 10_000


@dataclass(frozen=True)
class PeerPolicy:
    """What a listener does for each peer: framing, automatic replies, limits."""

    framing: FramingSpec = field(default_factory=FramingSpec)
    responder: Responder | None = None
    idle_timeout: float | None = None
    close_on_peer_fin: bool = False


class StreamKind(StrEnum):
    TCP = "tcp"
    UNIX = "unix"


def format_address(address: object) -> str:
    """``host:port`` for IPv4, ``[host]:port`` for IPv6, the path for Unix sockets."""
    if isinstance(address, tuple) and len(address) >= 2:
        host, port = str(address[0]), int(address[1])
        return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    if isinstance(address, bytes):
        address = address.decode("utf-8", "backslashreplace")
    return str(address) if address else ""


class StreamPeer(asyncio.BufferedProtocol):
    """One connection, seen from either end: reads, frames, reports; writes on request."""

    def __init__(
        self,
        source: str,
        sink: EventSink,
        gate: ReadGate | None,
        policy: PeerPolicy,
        fallback_name: str = "",
    ) -> None:
        self.source = source
        self.name = fallback_name
        self._sink = sink
        self._gate = gate
        self._policy = policy
        self._framer = make_framer(policy.framing)
        self._session: ResponderSession | None = None
        self._pending: set[asyncio.Task[None]] = set()
        self._idle_timer: asyncio.TimerHandle | None = None
        self._last_activity = time.monotonic()
        self._buffer = bytearray(READ_BUFFER_SIZE)
        self._view = memoryview(self._buffer)
        self._chunk_id = 0
        self._closing_reason: CloseReason | None = None
        self.transport: asyncio.Transport | None = None
        self.bytes_in = 0
        self.bytes_out = 0
        self.peer_finished = False
        self.closed = asyncio.get_running_loop().create_future()

    # -- asyncio callbacks ------------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        peer = format_address(transport.get_extra_info("peername"))
        if peer:
            self.name = peer
        local = format_address(transport.get_extra_info("sockname"))
        self._sink(Connected(source=self.source, peer=self.name, local=local))
        if self._policy.responder is not None:
            self._session = self._policy.responder.new_session(self.name)
        if self._policy.idle_timeout:
            self._arm_idle_timer(self._policy.idle_timeout)

    def get_buffer(self, sizehint: int) -> memoryview:
        return self._view

    def buffer_updated(self, nbytes: int) -> None:
        data = bytes(self._view[:nbytes])
        self.bytes_in += nbytes
        self._chunk_id += 1
        self._last_activity = time.monotonic()
        self._report(self._framer.feed(data, self._chunk_id), nbytes)
        gate = self._gate
        if gate is not None and self.transport is not None and not gate.admit(nbytes):
            gate.park(self.transport)

    def _report(self, outputs: list[Frame | FramingError], nbytes: int = 0) -> None:
        frames = [o for o in outputs if isinstance(o, Frame)]
        if nbytes or frames:
            self._sink(
                DataReceived(
                    source=self.source,
                    peer=self.name,
                    chunk=self._chunk_id,
                    nbytes=nbytes,
                    messages=tuple(frame.data for frame in frames),
                    first_chunk=frames[0].first_chunk if frames else -1,
                )
            )
        if len(frames) != len(outputs):
            for out in outputs:
                if isinstance(out, FramingError):
                    self._sink(Notice(source=self.source, peer=self.name, text=out.reason))
        if self._session is not None and frames:
            now = time.time()
            for frame in frames:
                self._act(self._session.on_frame(frame.data, now))

    # -- automatic replies and the idle timer ---------------------------------------------

    def _act(self, actions: list[Action]) -> None:
        if not actions:
            return
        if all(action.delay <= 0 for action in actions):
            for action in actions:
                self._do(action)
            return
        task = asyncio.get_running_loop().create_task(self._act_later(actions))
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def _act_later(self, actions: list[Action]) -> None:
        """Delays count from the frame's arrival; actions keep their order."""
        started = time.monotonic()
        for action in actions:
            wait = action.delay - (time.monotonic() - started)
            if wait > 0:
                await asyncio.sleep(wait)
            self._do(action)

    def _do(self, action: Action) -> None:
        if not self.is_open:
            return
        if isinstance(action, Reply):
            self.send(action.data)
        elif isinstance(action, CloseConnection):
            self.close()

    def _arm_idle_timer(self, timeout: float) -> None:
        loop = asyncio.get_running_loop()
        self._idle_timer = loop.call_later(timeout, self._check_idle, timeout)

    def _check_idle(self, timeout: float) -> None:
        """One timer per peer, re-armed lazily: no timer churn on every read of a flood."""
        idle_for = time.monotonic() - self._last_activity
        if idle_for >= timeout:
            self._closing_reason = CloseReason.IDLE
            if self.transport is not None:
                self.transport.close()
            return
        self._idle_timer = asyncio.get_running_loop().call_later(
            timeout - idle_for, self._check_idle, timeout
        )

    def eof_received(self) -> bool:
        """The peer finished sending. Keep our side open so we can still reply, unless the
        policy says to close once automatic replies are out (what a scripted peer like
        ``ncat`` waits for before it exits)."""
        self.peer_finished = True
        self._report(self._framer.flush())
        self._sink(PeerFinished(source=self.source, peer=self.name))
        actions: list[Action] = []
        if self._session is not None:
            actions.extend(self._session.on_end())
        if self._policy.close_on_peer_fin and not any(
            isinstance(a, CloseConnection) for a in actions
        ):
            actions.append(CloseConnection(max((a.delay for a in actions), default=0.0)))
        self._act(actions)
        # TLS cannot half-close: returning True there only earns a warning.
        return self.transport is not None and self.transport.get_extra_info("sslcontext") is None

    def connection_lost(self, exc: Exception | None) -> None:
        if self._idle_timer is not None:
            self._idle_timer.cancel()
        for task in list(self._pending):
            task.cancel()
        if self._gate is not None and self.transport is not None:
            self._gate.forget(self.transport)
        if not self.peer_finished:
            self._report(self._framer.flush())
        if self._closing_reason is not None:
            reason, detail = self._closing_reason, ""
        elif exc is None:
            reason, detail = CloseReason.CLOSED, ""
        elif isinstance(exc, ConnectionResetError):
            reason, detail = CloseReason.RESET, ""
        else:
            reason, detail = CloseReason.ERROR, str(exc)
        self._sink(PeerClosed(source=self.source, peer=self.name, reason=reason, detail=detail))
        if not self.closed.done():
            self.closed.set_result(reason)

    # -- what the user asks for -------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self.transport is not None and not self.transport.is_closing()

    def send(self, data: bytes, *, shown: bool = True) -> None:
        """Queue ``data``; the UI shows it, or (``shown`` off) only counts it."""
        if self.transport is None or self.transport.is_closing():
            raise NetError(
                QT_TRANSLATE_NOOP("Stream", "{peer} is closed: nothing was sent").format(
                    peer=self.name
                )
            )
        self._last_activity = time.monotonic()
        self.transport.write(data)
        self.bytes_out += len(data)
        if shown:
            self._sink(DataSent(source=self.source, peer=self.name, data=data))
        else:
            self._sink(DataSentUnshown(source=self.source, peer=self.name, nbytes=len(data)))

    def half_close(self) -> None:
        """Send FIN: the peer reads end-of-stream, and can still send to us."""
        if self.transport is not None and self.transport.can_write_eof():
            self.transport.write_eof()

    def close(self) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self._closing_reason = CloseReason.CLOSED_BY_US
            self.transport.close()

    def abort(self) -> None:
        """Reset the connection (RST) instead of the orderly FIN."""
        if self.transport is None:
            return
        sock = self.transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self._closing_reason = CloseReason.ABORTED_BY_US
        self.transport.abort()

    async def aclose(self) -> None:
        self.close()
        try:
            await asyncio.wait_for(asyncio.shield(self.closed), CLOSE_GRACE_SECONDS)
        except TimeoutError:
            self.abort()


TLS_HANDSHAKE_TIMEOUT = 30  # seconds


class StreamListener:
    """A TCP or Unix stream server with its live peers."""

    def __init__(
        self,
        source: str,
        sink: EventSink,
        gate: ReadGate | None,
        policy: PeerPolicy,
        max_connections: int = DEFAULT_MAX_CONNECTIONS,
    ) -> None:
        self.source = source
        self._sink = sink
        self._gate = gate
        self.policy = policy
        self.max_connections = max_connections
        self.total_connections = 0
        self._server: asyncio.AbstractServer | None = None
        self._socket_file = OwnSocketFile()
        self._counter = itertools.count(1)
        self.peers: dict[str, StreamPeer] = {}
        self.address = ""
        self._ssl_context: ssl.SSLContext | None = None
        self._handshakes: set[_TlsAccept] = set()

    @classmethod
    async def open(
        cls,
        *,
        sink: EventSink,
        kind: StreamKind = StreamKind.TCP,
        host: str = "127.0.0.1",
        port: int = 0,
        path: Path | None = None,
        gate: ReadGate | None = None,
        framing: FramingSpec | None = None,
        policy: PeerPolicy | None = None,
        ssl_context: ssl.SSLContext | None = None,
        max_connections: int = DEFAULT_MAX_CONNECTIONS,
        backlog: int = 100,
        reuse_address: bool = True,
        remove_stale: bool = False,
        source: str = "",
    ) -> StreamListener:
        if policy is None:
            policy = PeerPolicy(framing=framing or FramingSpec())
        listener = cls(source or f"{kind} listener", sink, gate, policy, max_connections)
        await listener._bind(
            kind, host, port, path, backlog, reuse_address, remove_stale, ssl_context
        )
        return listener

    async def _bind(
        self,
        kind: StreamKind,
        host: str,
        port: int,
        path: Path | None,
        backlog: int,
        reuse_address: bool,
        remove_stale: bool,
        ssl_context: ssl.SSLContext | None,
    ) -> None:
        loop = asyncio.get_running_loop()
        # TLS is started by us on each accepted connection (see _TlsAccept), so a failed
        # handshake is reported to the user instead of only to asyncio's log.
        self._ssl_context = ssl_context
        extra: dict[str, Any] = {}
        if kind is StreamKind.UNIX:
            if path is None:
                raise NetError(
                    QT_TRANSLATE_NOOP("Stream", "a Unix listener needs a socket path"), "path"
                )
            await claim_unix_path(path, remove_stale)
            target = str(path)
            try:
                self._server = await loop.create_unix_server(
                    self._new_peer, str(path), backlog=backlog, **extra
                )
            except OSError as exc:
                raise describe_os_error(exc, target) from exc
            self._socket_file.remember(path)
            self.address = str(path)
        else:
            if not 0 <= port <= 65535:
                raise NetError(
                    QT_TRANSLATE_NOOP(
                        "Stream", "port {port} is out of range: use 0 to 65535"
                    ).format(port=port),
                    "port",
                )
            target = format_address((host, port))
            try:
                self._server = await loop.create_server(
                    self._new_peer,
                    host,
                    port,
                    backlog=backlog,
                    reuse_address=reuse_address,
                    **extra,
                )
            except OSError as exc:
                raise describe_os_error(exc, target) from exc
            sockets = self._server.sockets
            self.address = ", ".join(format_address(s.getsockname()) for s in sockets)
        self._sink(Listening(source=self.source, address=self.address))

    def _new_peer(self) -> asyncio.BaseProtocol:
        fallback = f"{self.address} #{next(self._counter)}"
        peer = _ListenerPeer(self, fallback)
        if self._ssl_context is not None:
            accept = _TlsAccept(self, peer, self._ssl_context)
            self._handshakes.add(accept)
            return accept
        return peer

    def _handshake_failed(self, peer_name: str, exc: BaseException) -> None:
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

    def _peer_up(self, peer: StreamPeer) -> bool:
        """Register a new peer; False when the connection limit says to turn it away."""
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

    def _peer_down(self, peer: StreamPeer) -> None:
        self.peers.pop(peer.name, None)

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
        return self._server is not None and self._server.is_serving()

    async def aclose(self) -> None:
        """Stop accepting, close every peer (RST after a short grace), remove our socket file."""
        server, self._server = self._server, None
        if server is None:
            return
        server.close()
        for accept in list(self._handshakes):
            accept.abort()
        peers = list(self.peers.values())
        await asyncio.gather(*(p.aclose() for p in peers), return_exceptions=True)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(server.wait_closed(), CLOSE_GRACE_SECONDS)
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
        self._listener._handshakes.discard(self)

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
            self._listener._handshake_failed(name, exc)
        except asyncio.CancelledError:
            pass
        finally:
            self._listener._handshakes.discard(self)
            self._transport = None


class _ListenerPeer(StreamPeer):
    def __init__(self, listener: StreamListener, fallback_name: str) -> None:
        super().__init__(
            listener.source, listener._sink, listener._gate, listener.policy, fallback_name
        )
        self._listener = listener

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)
        if not self._listener._peer_up(self):
            self._closing_reason = CloseReason.LIMIT
            transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self._listener._peer_down(self)
        super().connection_lost(exc)


async def open_stream(
    *,
    sink: EventSink,
    kind: StreamKind = StreamKind.TCP,
    host: str = "127.0.0.1",
    port: int = 0,
    path: Path | None = None,
    gate: ReadGate | None = None,
    framing: FramingSpec | None = None,
    timeout: float = 10.0,
    source: str = "",
    ssl_context: ssl.SSLContext | None = None,
    server_hostname: str | None = None,
    local_addr: tuple[str, int] | None = None,
) -> StreamPeer:
    """Connect a client; errors come back as :class:`NetError` in the user's words.

    With ``ssl_context`` the connection is TLS; ``server_hostname`` is the name sent (SNI)
    and checked against the certificate (the host by default). ``local_addr`` binds the
    socket first (TCP only), for servers that care which port a client comes from.
    """
    loop = asyncio.get_running_loop()
    spec = framing or FramingSpec()
    label = source or f"{kind} client"
    target = str(path) if kind is StreamKind.UNIX else format_address((host, port))

    policy = PeerPolicy(framing=spec)

    def factory() -> StreamPeer:
        return StreamPeer(label, sink, gate, policy, target)

    extra: dict[str, Any] = {}
    if ssl_context is not None:
        extra = {"ssl": ssl_context, "server_hostname": server_hostname}

    try:
        if kind is StreamKind.UNIX:
            if path is None:
                raise NetError(
                    QT_TRANSLATE_NOOP("Stream", "a Unix client needs a socket path"), "path"
                )
            connecting = loop.create_unix_connection(factory, str(path), **extra)
        else:
            if not 0 < port <= 65535:
                raise NetError(
                    QT_TRANSLATE_NOOP(
                        "Stream", "port {port} is out of range: use 1 to 65535"
                    ).format(port=port),
                    "port",
                )
            if local_addr is not None:
                extra["local_addr"] = local_addr
            connecting = loop.create_connection(factory, host, port, **extra)
        _, peer = await asyncio.wait_for(connecting, timeout)
    except TimeoutError as exc:
        raise NetError(timed_out(timeout, target)) from exc
    except ssl.SSLCertVerificationError as exc:
        raise NetError(verification_failed(exc, target), "tls") from exc
    except ssl.SSLError as exc:
        raise NetError(handshake_failed(exc, target), "tls") from exc
    except OSError as exc:
        if local_addr is not None and _is_bind_error(exc):
            raise describe_bind_error(exc, local_addr) from exc
        raise describe_os_error(exc, target) from exc
    return peer


def timed_out(timeout: float, target: str) -> str:
    return QT_TRANSLATE_NOOP("Stream", "timed out after {ms:.0f} ms connecting to {target}").format(
        ms=timeout * 1000, target=target
    )


def verification_failed(exc: ssl.SSLCertVerificationError, target: str) -> str:
    """The certificate check failed; OpenSSL's reason (its own words) is kept."""
    reason = exc.verify_message or exc.reason or str(exc)
    return QT_TRANSLATE_NOOP("Stream", "TLS verification failed for {target}: {reason}").format(
        target=target, reason=reason
    )


def handshake_failed(exc: ssl.SSLError, target: str) -> str:
    reason = exc.reason or str(exc)
    return QT_TRANSLATE_NOOP("Stream", "the TLS handshake with {target} failed: {reason}").format(
        target=target, reason=reason
    )


def _is_bind_error(exc: OSError) -> bool:
    """asyncio says "while attempting to bind" when the local address is at fault."""
    text = str(exc)
    return "bind" in text or "local address" in text
