"""What a listener's and a session's Ladder and As Python pages share: the packets of a
transcript export take our address on each connection from the calls' log."""

from __future__ import annotations

from netbench.net.socket_calls import SocketCallLog
from netbench.net.socket_kinds import SocketKind
from netbench.ui.transcript.exports import PacketAddresses


def packet_addresses(log: SocketCallLog, kind: SocketKind | None) -> PacketAddresses | None:
    """Where a transcript's messages came from and went, for packets; None for a Unix
    socket (no IP addresses) or before anything ran."""
    if kind is None or kind.uses_path:
        return None
    return PacketAddresses(lambda peer: log.locals.get(peer, ""), stream=not kind.is_datagram)


def watches_tcp(kind: SocketKind | None) -> bool:
    """The ladder draws TCP (and TLS over it): datagrams and Unix sockets have no
    handshake on the loopback device to capture."""
    return kind in (SocketKind.TCP, SocketKind.TLS)
