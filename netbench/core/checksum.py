"""Checksums appended to a message, as device protocols and NetAssist-style tools do.

A `ChecksumSpec` says which algorithm, in which byte order, over which bytes and where the
result goes. The rules, kept explicit because every protocol picks differently:

- The checksum covers every byte placed before it, except the first ``skip`` bytes (a
  start byte such as 0x02 STX or the ':' of Modbus ASCII is usually not covered).
- By default it goes *before* the line ending (``payload + checksum + line ending``),
  as line-based protocols such as Modbus ASCII frame it. Placed *after* the line ending
  it covers the line ending too and ends the message, as NetAssist appends it.
- 16- and 32-bit results are appended in either byte order; the default is each
  algorithm's convention: CRC-16/MODBUS low byte first (as Modbus RTU frames carry it),
  the others big-endian (as most tools and datasheets print them).
- LRC (Modbus ASCII) reads the covered bytes as hex digit pairs and appends the LRC as two
  upper-case hex characters, so ``:010300000001`` (skipping the ':') gains ``FB``.
"""

from __future__ import annotations

import binascii
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from netbench.core.errors import MessageError
from netbench.core.text import QT_TRANSLATE_NOOP

# The most leading bytes a checksum may skip: far more than any start-of-frame marker, and
# small enough that a typo (a timestamp pasted in the wrong field) is caught.
MAX_SKIP = 65535


class ChecksumError(MessageError, ValueError):
    """The checksum cannot be computed over this message (too short, not hex digits)."""


class Checksum(StrEnum):
    """The algorithms offered, by the names device engineers know them by."""

    NONE = "none"
    SUM8 = "sum8"
    XOR8 = "xor8"
    LRC_ASCII = "lrc-ascii"
    CRC16_MODBUS = "crc16-modbus"
    CRC16_CCITT_FALSE = "crc16-ccitt-false"
    CRC32 = "crc32"

    @property
    def width(self) -> int:
        """How many bytes the checksum appends (the hex text's length for LRC)."""
        return _WIDTHS[self]

    @property
    def has_byte_order(self) -> bool:
        """Whether the result is a number of more than one byte, so the order matters."""
        return self in _DEFAULT_ORDERS

    @property
    def default_order(self) -> ByteOrder:
        """The conventional byte order; single-byte checksums report big-endian."""
        return _DEFAULT_ORDERS.get(self, ByteOrder.BIG)


class ByteOrder(StrEnum):
    """The order a checksum of more than one byte is appended in."""

    LITTLE = "little"  # low byte first
    BIG = "big"  # high byte first


class Placement(StrEnum):
    """Where the checksum goes relative to the line ending."""

    BEFORE_LINE_ENDING = "before-line-ending"
    AFTER_LINE_ENDING = "after-line-ending"


def sum8(data: bytes) -> int:
    """Sum of the bytes modulo 256."""
    return sum(data) & 0xFF


def xor8(data: bytes) -> int:
    """All bytes XORed together (BCC)."""
    result = 0
    for byte in data:
        result ^= byte
    return result


def lrc8(data: bytes) -> int:
    """Longitudinal redundancy check of Modbus ASCII: the two's complement of `sum8`."""
    return -sum(data) & 0xFF


def _crc16_table(poly: int, reflected: bool) -> tuple[int, ...]:
    table = []
    for index in range(256):
        if reflected:
            crc = index
            for _ in range(8):
                crc = (crc >> 1) ^ poly if crc & 1 else crc >> 1
        else:
            crc = index << 8
            for _ in range(8):
                crc = ((crc << 1) ^ poly) if crc & 0x8000 else crc << 1
        table.append(crc & 0xFFFF)
    return tuple(table)


_MODBUS_TABLE = _crc16_table(0xA001, reflected=True)


def crc16_modbus(data: bytes) -> int:
    """CRC-16/MODBUS: polynomial 0x8005 reflected (0xA001), initial value 0xFFFF."""
    crc = 0xFFFF
    table = _MODBUS_TABLE
    for byte in data:
        crc = (crc >> 8) ^ table[(crc ^ byte) & 0xFF]
    return crc


def crc16_ccitt_false(data: bytes) -> int:
    """CRC-16/CCITT-FALSE (also IBM-3740): polynomial 0x1021, initial value 0xFFFF."""
    return binascii.crc_hqx(data, 0xFFFF)


def crc32(data: bytes) -> int:
    """CRC-32 as zip, PNG and Ethernet compute it."""
    return binascii.crc32(data) & 0xFFFFFFFF


_WIDTHS: dict[Checksum, int] = {
    Checksum.NONE: 0,
    Checksum.SUM8: 1,
    Checksum.XOR8: 1,
    Checksum.LRC_ASCII: 2,
    Checksum.CRC16_MODBUS: 2,
    Checksum.CRC16_CCITT_FALSE: 2,
    Checksum.CRC32: 4,
}
_DEFAULT_ORDERS: dict[Checksum, ByteOrder] = {
    Checksum.CRC16_MODBUS: ByteOrder.LITTLE,
    Checksum.CRC16_CCITT_FALSE: ByteOrder.BIG,
    Checksum.CRC32: ByteOrder.BIG,
}
_NUMERIC: dict[Checksum, Callable[[bytes], int]] = {
    Checksum.SUM8: sum8,
    Checksum.XOR8: xor8,
    Checksum.CRC16_MODBUS: crc16_modbus,
    Checksum.CRC16_CCITT_FALSE: crc16_ccitt_false,
    Checksum.CRC32: crc32,
}
_HEX_DIGITS = frozenset(b"0123456789abcdefABCDEF")


def _lrc_ascii(covered: bytes) -> bytes:
    """LRC of the hex digit pairs in `covered`, as two upper-case hex characters."""
    for index, byte in enumerate(covered):
        if byte not in _HEX_DIGITS:
            raise ChecksumError(
                QT_TRANSLATE_NOOP(
                    "Checksum",
                    "LRC (Modbus ASCII) needs hex digits, but covered byte {number} is "
                    "{byte}; skip the ':' and put the line ending after it",
                ).format(number=index + 1, byte=repr(bytes([byte])))
            )
    if len(covered) % 2:
        raise ChecksumError(
            QT_TRANSLATE_NOOP(
                "Checksum",
                "LRC (Modbus ASCII) needs hex digit pairs, but {count} digits are covered",
            ).format(count=len(covered))
        )
    return f"{lrc8(bytes.fromhex(covered.decode('ascii'))):02X}".encode("ascii")


@dataclass(frozen=True)
class ChecksumSpec:
    """Which checksum to append, in which byte order, skipping how many leading bytes.

    ``order`` None means the algorithm's conventional order, so a spec saved before the
    user touched the order follows the algorithm when it changes.
    """

    algorithm: Checksum = Checksum.NONE
    order: ByteOrder | None = None
    skip: int = 0
    placement: Placement = Placement.BEFORE_LINE_ENDING

    def __post_init__(self) -> None:
        if self.skip < 0:
            raise ValueError("the number of skipped bytes cannot be negative")

    @property
    def enabled(self) -> bool:
        return self.algorithm is not Checksum.NONE

    @property
    def byte_order(self) -> ByteOrder:
        return self.order if self.order is not None else self.algorithm.default_order

    def compute(self, data: bytes) -> bytes:
        """The checksum bytes to put right after `data` (b"" for no checksum).

        Raises ChecksumError when `data` is shorter than the bytes to skip, or for LRC
        when the covered bytes are not hex digit pairs.
        """
        if not self.enabled:
            return b""
        if self.skip > len(data):
            raise ChecksumError(
                QT_TRANSLATE_NOOP(
                    "Checksum",
                    "the checksum skips the first {skip} bytes, "
                    "but the message before it has only {size}",
                ).format(skip=self.skip, size=len(data))
            )
        covered = data[self.skip :]
        if self.algorithm is Checksum.LRC_ASCII:
            return _lrc_ascii(covered)
        value = _NUMERIC[self.algorithm](covered)
        return value.to_bytes(self.algorithm.width, self.byte_order.value)


NO_CHECKSUM = ChecksumSpec()
