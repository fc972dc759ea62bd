"""A pcapng writer: what Wireshark and tshark open, made with ``struct`` alone.

A pcapng file is a list of blocks, each laid out as (pcapng, IETF draft
draft-ietf-opsawg-pcapng, section 3.1)::

    block type (u32) | block total length (u32) | body | block total length (u32)

with the body padded to 32 bits. We write little-endian files of three block kinds:

- Section Header Block (type 0x0A0D0D0A, section 4.1): byte-order magic 0x1A2B3C4D,
  version 1.0, section length -1 (not given), then options.
- Interface Description Block (type 1, section 4.2): link type (u16), reserved (u16),
  snapshot length (u32), then options. The link type says what a packet starts with:
  ``LINKTYPE_RAW`` (101) for a bare IPv4 or IPv6 packet, ``LINKTYPE_ETHERNET`` (1) for an
  Ethernet frame, as Linux's loopback device gives them.
- Enhanced Packet Block (type 6, section 4.3): interface id (u32), timestamp high and low
  (u32 each; microseconds since 1970, the default ``if_tsresol``), captured length (u32),
  original length (u32), the packet padded to 32 bits, then options.

Options are (code u16, length u16, value padded to 32 bits) and end with code 0.
"""

from __future__ import annotations

import struct
from typing import BinaryIO

LINKTYPE_ETHERNET = 1
LINKTYPE_RAW = 101

SECTION_HEADER = 0x0A0D0D0A
INTERFACE_DESCRIPTION = 0x00000001
ENHANCED_PACKET = 0x00000006
BYTE_ORDER_MAGIC = 0x1A2B3C4D

OPT_END = 0
OPT_COMMENT = 1
SHB_USER_APPLICATION = 4
IF_NAME = 2

SNAP_LENGTH = 262_144  # what tshark and dumpcap use; our packets are at most 64 KB


def _pad(data: bytes) -> bytes:
    return data + b"\0" * (-len(data) % 4)


def _options(options: list[tuple[int, bytes]]) -> bytes:
    """Options, then the end-of-options marker; nothing at all when there are none."""
    if not options:
        return b""
    body = b"".join(struct.pack("<HH", code, len(value)) + _pad(value) for code, value in options)
    return body + struct.pack("<HH", OPT_END, 0)


def block(block_type: int, body: bytes) -> bytes:
    """One block: its type and total length around the padded body."""
    body = _pad(body)
    total = len(body) + 12
    return struct.pack("<II", block_type, total) + body + struct.pack("<I", total)


def section_header(application: str = "netbench") -> bytes:
    body = struct.pack("<IHHq", BYTE_ORDER_MAGIC, 1, 0, -1)
    return block(SECTION_HEADER, body + _options([(SHB_USER_APPLICATION, application.encode())]))


def interface_description(link_type: int, name: str = "") -> bytes:
    body = struct.pack("<HHI", link_type, 0, SNAP_LENGTH)
    options = [(IF_NAME, name.encode())] if name else []
    return block(INTERFACE_DESCRIPTION, body + _options(options))


def enhanced_packet(wall: float, packet: bytes, interface: int = 0, comment: str = "") -> bytes:
    """One packet, stamped ``wall`` (seconds since 1970) to the microsecond."""
    micros = max(0, round(wall * 1_000_000))
    head = struct.pack(
        "<IIIII", interface, micros >> 32, micros & 0xFFFFFFFF, len(packet), len(packet)
    )
    options = [(OPT_COMMENT, comment.encode())] if comment else []
    return block(ENHANCED_PACKET, head + _pad(packet) + _options(options))


class PcapngWriter:
    """Writes one section with one interface to ``file`` (opened in binary mode)."""

    def __init__(self, file: BinaryIO, link_type: int, interface_name: str = "") -> None:
        self.file = file
        self.packets = 0
        file.write(section_header())
        file.write(interface_description(link_type, interface_name))

    def write(self, wall: float, packet: bytes, comment: str = "") -> None:
        self.file.write(enhanced_packet(wall, packet, comment=comment))
        self.packets += 1
