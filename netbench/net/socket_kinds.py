"""The kinds of socket netbench listens and connects on, one list for servers and clients."""

from __future__ import annotations

from enum import StrEnum


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
