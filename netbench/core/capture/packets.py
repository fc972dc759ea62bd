"""IPv4/IPv6 packets carrying TCP or UDP: built for a transcript's pcapng export, and read
back from a loopback capture for the connection ladder.

Headers as RFC 791 (IPv4), RFC 8200 (IPv6), RFC 9293 (TCP) and RFC 768 (UDP) lay them
out; checksums over the pseudo-header as RFC 9293 section 3.1 and RFC 8200 section 8.1
say, so Wireshark shows no checksum errors.
"""

from __future__ import annotations

import ipaddress
import struct
from dataclasses import dataclass
from enum import IntFlag

PROTO_TCP = 6
PROTO_UDP = 17
ETHERTYPE_IPV4 = 0x0800
ETHERTYPE_IPV6 = 0x86DD
ETHERNET_HEADER = 14
MAX_IP_PAYLOAD = 65_535 - 60 - 20  # what one segment carries at most, any header size


class TcpFlags(IntFlag):
    FIN = 0x01
    SYN = 0x02
    RST = 0x04
    PSH = 0x08
    ACK = 0x10

    def label(self) -> str:
        """Wireshark's way: ``SYN, ACK``; ``PSH, ACK`` for data."""
        order = (TcpFlags.FIN, TcpFlags.SYN, TcpFlags.RST, TcpFlags.PSH, TcpFlags.ACK)
        return ", ".join(flag.name or "" for flag in order if flag in self)


Endpoint = tuple[str, int]  # (IP address, port)


def _checksum(data: bytes) -> int:
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack(f"!{len(data) // 2}H", data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return int(~total & 0xFFFF)


def _ip_packet(src: str, dst: str, proto: int, transport: bytes) -> bytes:
    """``transport`` (its checksum field zero) wrapped in an IP header, checksums filled."""
    source, dest = ipaddress.ip_address(src), ipaddress.ip_address(dst)
    if source.version != dest.version:
        raise ValueError(f"{src} and {dst} are not of one IP version")
    length = len(transport)
    if source.version == 4:
        pseudo = source.packed + dest.packed + struct.pack("!BBH", 0, proto, length)
    else:
        pseudo = source.packed + dest.packed + struct.pack("!IxxxB", length, proto)
    offset = 16 if proto == PROTO_TCP else 6
    check = _checksum(pseudo + transport)
    if proto == PROTO_UDP and check == 0:
        check = 0xFFFF  # zero means "no checksum" in UDP
    transport = transport[:offset] + struct.pack("!H", check) + transport[offset + 2 :]
    if source.version == 6:
        head6 = struct.pack("!IHBB", 0x60000000, length, proto, 64)
        return head6 + source.packed + dest.packed + transport
    head = struct.pack("!BBHHHBBH", 0x45, 0, 20 + length, 0, 0x4000, 64, proto, 0)
    head += source.packed + dest.packed
    head = head[:10] + struct.pack("!H", _checksum(head)) + head[12:]
    return head + transport


def tcp_packet(
    src: Endpoint, dst: Endpoint, seq: int, ack: int, flags: TcpFlags, payload: bytes = b""
) -> bytes:
    """One TCP segment in an IP packet (a 20-byte header, window 65535)."""
    header = struct.pack(
        "!HHIIBBHHH",
        src[1],
        dst[1],
        seq & 0xFFFFFFFF,
        ack & 0xFFFFFFFF,
        5 << 4,
        int(flags),
        65535,
        0,
        0,
    )
    return _ip_packet(src[0], dst[0], PROTO_TCP, header + payload)


def udp_packet(src: Endpoint, dst: Endpoint, payload: bytes) -> bytes:
    header = struct.pack("!HHHH", src[1], dst[1], 8 + len(payload), 0)
    return _ip_packet(src[0], dst[0], PROTO_UDP, header + payload)


@dataclass(frozen=True, slots=True)
class Segment:
    """A captured TCP segment's header fields and payload size."""

    src: Endpoint
    dst: Endpoint
    seq: int
    ack: int
    flags: TcpFlags
    size: int  # payload bytes


def read_ethernet_tcp(frame: bytes) -> Segment | None:
    """The TCP segment in an Ethernet frame (as Linux's loopback gives them); None for
    anything else or a frame cut short."""
    if len(frame) < ETHERNET_HEADER:
        return None
    (ethertype,) = struct.unpack_from("!H", frame, 12)
    return read_ip_tcp(frame[ETHERNET_HEADER:], ethertype)


def read_ip_tcp(packet: bytes, ethertype: int | None = None) -> Segment | None:
    """The TCP segment in a bare IP packet; None for anything else or a short packet."""
    if not packet:
        return None
    version = packet[0] >> 4
    if ethertype is not None and ethertype not in (ETHERTYPE_IPV4, ETHERTYPE_IPV6):
        return None
    if version == 4 and len(packet) >= 20:
        header = (packet[0] & 0x0F) * 4
        (total,) = struct.unpack_from("!H", packet, 2)
        if packet[9] != PROTO_TCP:
            return None
        src, dst = packet[12:16], packet[16:20]
        end = min(total, len(packet)) if total else len(packet)
    elif version == 6 and len(packet) >= 40:
        header = 40
        (length,) = struct.unpack_from("!H", packet, 4)
        if packet[6] != PROTO_TCP:
            return None  # extension headers never show on loopback TCP
        src, dst = packet[8:24], packet[24:40]
        end = min(40 + length, len(packet))
    else:
        return None
    if end < header + 20:
        return None
    sport, dport, seq, ack, offset, flags = struct.unpack_from("!HHIIBB", packet, header)
    size = end - header - (offset >> 4) * 4
    return Segment(
        (str(ipaddress.ip_address(src)), sport),
        (str(ipaddress.ip_address(dst)), dport),
        seq,
        ack,
        TcpFlags(flags & 0x1F),
        max(size, 0),
    )
