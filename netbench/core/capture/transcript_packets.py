"""A transcript's messages as packets: one per message (a big one in 64 KB pieces), with
the addresses and ports they really had, for a pcapng file Wireshark opens.

TCP messages get sequence and acknowledgement numbers that follow on from each other in
both directions, so "Follow TCP stream" puts them back together; no handshake is made up
(the transcript saw none). Messages of Unix sockets have no IP addresses and are skipped.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from netbench.core.capture.packets import (
    MAX_IP_PAYLOAD,
    Endpoint,
    TcpFlags,
    tcp_packet,
    udp_packet,
)
from netbench.core.transcript import Direction, Record

# Where numbering starts on each side: any number does, Wireshark shows them relative.
OUR_FIRST_SEQ = 1_000
THEIR_FIRST_SEQ = 500_000


def parse_endpoint(text: str) -> Endpoint | None:
    """``127.0.0.1:9999`` or ``[::1]:9999`` as (address, port); None for a Unix path."""
    host, sep, port = text.rpartition(":")
    if not sep or not port.isdigit():
        return None
    host = host.removeprefix("[").removesuffix("]").partition("%")[0]
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    if int(port) > 65535:
        return None
    return str(address), int(port)


def _same_version(a: Endpoint, b: Endpoint) -> bool:
    return ipaddress.ip_address(a[0]).version == ipaddress.ip_address(b[0]).version


@dataclass
class _Flow:
    ours: int = OUR_FIRST_SEQ
    theirs: int = THEIR_FIRST_SEQ


@dataclass
class TranscriptPackets:
    """Turns records into (wall time, IP packet) pairs; counts what it had to skip.

    ``local_for(peer)`` says our address on the connection to ``peer`` (as the transcript
    writes it); ``stream`` is True for TCP, False for UDP.
    """

    local_for: Callable[[str], str]
    stream: bool
    skipped: int = 0
    messages: int = 0
    _flows: dict[tuple[Endpoint, Endpoint], _Flow] = field(default_factory=dict)

    def packets(self, records: Iterable[Record]) -> Iterator[tuple[float, bytes]]:
        for record in records:
            if record.direction not in (Direction.IN, Direction.OUT):
                continue
            peer = parse_endpoint(record.peer)
            local = parse_endpoint(self.local_for(record.peer))
            if peer is None or local is None or not _same_version(peer, local):
                self.skipped += 1
                continue
            self.messages += 1
            outgoing = record.direction is Direction.OUT
            src, dst = (local, peer) if outgoing else (peer, local)
            if not self.stream:
                for piece in _pieces(record.data):
                    yield record.at, udp_packet(src, dst, piece)
                continue
            flow = self._flows.setdefault((local, peer), _Flow())
            for piece in _pieces(record.data):
                if outgoing:
                    seq, ack = flow.ours, flow.theirs
                    flow.ours += len(piece)
                else:
                    seq, ack = flow.theirs, flow.ours
                    flow.theirs += len(piece)
                flags = TcpFlags.PSH | TcpFlags.ACK
                yield record.at, tcp_packet(src, dst, seq, ack, flags, piece)


def _pieces(data: bytes) -> Iterator[bytes]:
    """A message in pieces one packet can carry; an empty message is one empty packet."""
    if not data:
        yield b""
        return
    for start in range(0, len(data), MAX_IP_PAYLOAD):
        yield data[start : start + MAX_IP_PAYLOAD]
