"""One description of a listener, whatever its kind, and one way to open it.

The Server tab builds a :class:`ListenerConfig` from its form and hands it to
:func:`open_listener` on the engine's loop; what comes back answers the same few calls
(send, broadcast, disconnect, abort, aclose) for streams and datagrams alike.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from typing import Protocol

from netbench.core.framing.spec import FramingSpec
from netbench.core.replies.responder import Responder
from netbench.core.text import QT_TRANSLATE_NOOP, message_of
from netbench.net.datagram import DatagramListener
from netbench.net.errors import NetError, check_port
from netbench.net.event_route import EventRoute
from netbench.net.socket_kinds import BindOptions, SocketAddress, SocketKind
from netbench.net.stream import DEFAULT_MAX_CONNECTIONS, PeerPolicy
from netbench.net.stream_listener import StreamListener
from netbench.net.tls import ServerCertificate, server_context

ALL_INTERFACES = ("0.0.0.0", "::", "")
# What an empty host binds to: every IPv4 interface, as ``bind(('', port))`` on an AF_INET
# socket does in the tutorials (``HOST = ''``).
EMPTY_HOST_MEANS = "0.0.0.0"


@dataclass(frozen=True)
class ListenerConfig(SocketAddress):
    """Where to listen, then how: framing, replies, TLS and the limits on peers."""

    framing: FramingSpec = field(default_factory=FramingSpec)
    responder: Responder | None = None
    certificate: ServerCertificate | None = None
    backlog: int = 100
    reuse_address: bool = True
    max_connections: int = DEFAULT_MAX_CONNECTIONS
    idle_timeout: float | None = None
    remove_stale: bool = False
    keep_half_open: bool = False  # after the peer's FIN, leave our side open
    receive_buffer: int | None = None  # SO_RCVBUF in bytes; None: the system's default

    @property
    def listens_everywhere(self) -> bool:
        return not self.kind.uses_path and self.host.strip() in ALL_INTERFACES

    @property
    def bind_host(self) -> str:
        """The address bound: the host typed, or every IPv4 interface for an empty one.

        IPv6 sockets are bound with IPV6_V6ONLY on, so ``::`` is every IPv6 interface and
        never IPv4: an IPv4 client needs 0.0.0.0 (or an empty host).
        """
        return self.host.strip() or EMPTY_HOST_MEANS

    def bound_address(self) -> SocketAddress:
        """Where the socket is bound: :attr:`bind_host`, or the path with ``~`` expanded."""
        path = self.path.expanduser() if self.path is not None else None
        return SocketAddress(self.kind, self.bind_host, self.port, path)

    def bind_options(self) -> BindOptions:
        """The settings that the bind itself takes, as the opener wants them."""
        return BindOptions(
            backlog=self.backlog,
            reuse_address=self.reuse_address,
            remove_stale=self.remove_stale,
            receive_buffer=self.receive_buffer,
        )

    def validate(self) -> None:
        """Raise :class:`NetError` naming the field, before any socket is touched."""
        if self.kind.uses_path:
            if self.path is None or not str(self.path).strip():
                raise NetError(
                    QT_TRANSLATE_NOOP("Listeners", "enter a socket path, e.g. ./sock"), "path"
                )
        else:
            check_port(self.port, 0)
            host = self.bind_host
            try:
                ipaddress.ip_address(host.strip("[]"))
            except ValueError:
                if host != "localhost":
                    raise NetError(
                        QT_TRANSLATE_NOOP(
                            "Listeners",
                            "{host} is not an IP address: listen on an address of this machine",
                        ).format(host=host),
                        "host",
                    ) from None
        if self.kind is SocketKind.TLS and self.certificate is None:
            raise NetError(
                QT_TRANSLATE_NOOP(
                    "Listeners", "TLS needs a certificate and key, or a self-signed one"
                ),
                "cert",
            )
        if self.max_connections < 1:
            raise NetError(
                QT_TRANSLATE_NOOP("Listeners", "allow at least one connection"), "max_connections"
            )
        if self.receive_buffer is not None and not 0 < self.receive_buffer <= 1 << 30:
            raise NetError(
                QT_TRANSLATE_NOOP("Listeners", "the receive buffer must be from 1 byte to 1 GB"),
                "receive_buffer",
            )
        if self.idle_timeout is not None and self.idle_timeout <= 0:
            raise NetError(
                QT_TRANSLATE_NOOP("Listeners", "the idle timeout must be more than 0 seconds"),
                "idle_timeout",
            )
        try:
            self.framing.validate()
        except ValueError as exc:
            raise NetError(message_of(exc), "framing") from exc

    def title(self) -> str:
        """A short name for tabs and menus: "TCP 127.0.0.1:9999", "Unix ./sock"."""
        names = {
            SocketKind.TCP: "TCP",
            SocketKind.UDP: "UDP",
            SocketKind.UNIX: "Unix",
            SocketKind.UNIX_DGRAM: "Unix dgram",
            SocketKind.TLS: "TLS",
        }
        where = str(self.path) if self.kind.uses_path else f"{self.bind_host}:{self.port}"
        return f"{names[self.kind]} {where}"


class Listener(Protocol):
    """What the Server tab can do with any open listener (call on the engine's loop)."""

    source: str
    address: str

    def send(self, peer_name: str, data: bytes) -> None: ...
    def broadcast(self, data: bytes) -> int: ...
    async def aclose(self) -> None: ...


async def open_listener(
    config: ListenerConfig, route: EventRoute
) -> StreamListener | DatagramListener:
    config.validate()
    where = config.bound_address()
    if config.kind.is_datagram:
        return await DatagramListener.open(
            where, route, binding=config.bind_options(), responder=config.responder
        )
    context = None
    if config.kind is SocketKind.TLS:
        assert config.certificate is not None
        context = server_context(config.certificate)
    return await StreamListener.open(
        where,
        route,
        binding=config.bind_options(),
        policy=PeerPolicy(
            framing=config.framing,
            responder=config.responder,
            idle_timeout=config.idle_timeout,
            keep_half_open=config.keep_half_open,
        ),
        ssl_context=context,
        max_connections=config.max_connections,
    )
