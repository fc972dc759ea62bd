"""The kinds of socket netbench listens and connects on, one list for servers and clients,
where such a socket is, and how a listening one is bound."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class SocketKind(StrEnum):
    TCP = "tcp"
    UDP = "udp"
    UNIX = "unix"
    UNIX_DGRAM = "unix-dgram"
    TLS = "tls"

    @property
    def uses_path(self) -> bool:
        """A Unix socket is named by a path, the others by a host and a port."""
        return self in (SocketKind.UNIX, SocketKind.UNIX_DGRAM)

    @property
    def is_datagram(self) -> bool:
        """Datagrams keep message boundaries and have no connection to close or reset."""
        return self in (SocketKind.UDP, SocketKind.UNIX_DGRAM)


@dataclass(frozen=True)
class SocketAddress:
    """Where a socket listens or connects: its kind, then a host and port, or a Unix path
    for a kind that :attr:`~SocketKind.uses_path`. A listener's and a client's settings
    both begin with it."""

    kind: SocketKind = SocketKind.TCP
    host: str = "127.0.0.1"
    port: int = 0
    path: Path | None = None

    def check_family(self, datagram: bool) -> None:
        """An opener takes an address of its own family: a stream kind handed to a datagram
        opener (or the reverse) is a mistake in the calling code, never the user's."""
        if self.kind.is_datagram is not datagram:
            family = "datagram" if datagram else "stream"
            raise ValueError(f"a {self.kind} address given to a {family} socket")


@dataclass(frozen=True)
class BindOptions:
    """How a listening socket is bound, past where: the queue of connections not yet
    accepted (``backlog``, streams only), SO_REUSEADDR, whether a stale Unix socket file
    may be removed first, and SO_RCVBUF in bytes (None: the system's default)."""

    backlog: int = 100
    reuse_address: bool = True
    remove_stale: bool = False
    receive_buffer: int | None = None


DEFAULT_BINDING = BindOptions()
