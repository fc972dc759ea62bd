"""Checksums match the published check values and behave as the algorithms promise."""

import binascii

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netbench.core.checksum import (
    ByteOrder,
    Checksum,
    ChecksumError,
    ChecksumSpec,
    crc16_ccitt_false,
    crc16_modbus,
    crc32,
    lrc8,
    sum8,
    xor8,
)

CHECK = b"123456789"


def test_standard_check_values():
    assert crc16_modbus(CHECK) == 0x4B37
    assert crc16_ccitt_false(CHECK) == 0x29B1
    assert crc32(CHECK) == 0xCBF43926
    assert sum8(CHECK) == 0xDD  # 477 mod 256
    assert xor8(CHECK) == 0x31
    assert lrc8(CHECK) == 0x23  # -477 mod 256


def test_modbus_read_request_gets_its_crc_low_byte_first():
    request = bytes.fromhex("01 03 00 00 00 01")
    assert ChecksumSpec(Checksum.CRC16_MODBUS).compute(request) == bytes.fromhex("84 0a")
    big = ChecksumSpec(Checksum.CRC16_MODBUS, ByteOrder.BIG)
    assert big.compute(request) == bytes.fromhex("0a 84")


def test_conventional_byte_orders_and_widths():
    assert ChecksumSpec(Checksum.CRC32).compute(CHECK) == bytes.fromhex("cbf43926")
    little = ChecksumSpec(Checksum.CRC32, ByteOrder.LITTLE)
    assert little.compute(CHECK) == bytes.fromhex("2639f4cb")
    assert ChecksumSpec(Checksum.CRC16_CCITT_FALSE).compute(CHECK) == bytes.fromhex("29b1")
    assert ChecksumSpec(Checksum.SUM8).compute(CHECK) == b"\xdd"
    assert ChecksumSpec(Checksum.NONE).compute(CHECK) == b""
    for algorithm in Checksum:
        if algorithm is not Checksum.LRC_ASCII:
            assert len(ChecksumSpec(algorithm).compute(CHECK)) == algorithm.width
    assert [a for a in Checksum if a.has_byte_order] == [
        Checksum.CRC16_MODBUS,
        Checksum.CRC16_CCITT_FALSE,
        Checksum.CRC32,
    ]


def test_skipping_a_start_byte():
    spec = ChecksumSpec(Checksum.XOR8, skip=1)
    assert spec.compute(b"\x02\x10\x20") == b"\x30"
    with pytest.raises(ChecksumError, match=r"skips the first 4 bytes.*only 3"):
        ChecksumSpec(Checksum.SUM8, skip=4).compute(b"abc")
    with pytest.raises(ValueError, match="negative"):
        ChecksumSpec(Checksum.SUM8, skip=-1)


def test_modbus_ascii_lrc_is_two_hex_characters():
    spec = ChecksumSpec(Checksum.LRC_ASCII, skip=1)
    assert spec.compute(b":010300000001") == b"FB"
    assert spec.compute(b":f7031389000a") == b"60"  # the Modbus spec's example frame
    with pytest.raises(ChecksumError, match=r"hex digits.*':'"):
        ChecksumSpec(Checksum.LRC_ASCII).compute(b":0103")
    with pytest.raises(ChecksumError, match="pairs"):
        spec.compute(b":010")


@given(st.binary())
def test_modbus_crc_over_a_frame_with_its_crc_is_zero(data):
    frame = data + ChecksumSpec(Checksum.CRC16_MODBUS).compute(data)
    assert crc16_modbus(frame) == 0


@given(st.binary())
def test_xor_over_data_and_its_xor_is_zero(data):
    assert xor8(data + bytes([xor8(data)])) == 0


@given(st.binary())
def test_sum_of_data_and_its_lrc_is_zero(data):
    assert sum8(data + bytes([lrc8(data)])) == 0


@given(st.binary(), st.binary())
def test_sum8_and_xor8_distribute_over_concatenation(first, second):
    assert sum8(first + second) == (sum8(first) + sum8(second)) % 256
    assert xor8(first + second) == xor8(first) ^ xor8(second)


@given(st.binary())
def test_crcs_agree_with_independent_implementations(data):
    assert crc32(data) == binascii.crc32(data)
    assert crc16_ccitt_false(data) == _bitwise_crc16(data, 0x1021, reflected=False)
    assert crc16_modbus(data) == _bitwise_crc16(data, 0xA001, reflected=True)


@given(st.binary(), st.sampled_from([a for a in Checksum if a.has_byte_order]))
def test_byte_orders_are_mirror_images(data, algorithm):
    little = ChecksumSpec(algorithm, ByteOrder.LITTLE).compute(data)
    big = ChecksumSpec(algorithm, ByteOrder.BIG).compute(data)
    assert little == big[::-1]


def _bitwise_crc16(data: bytes, poly: int, reflected: bool) -> int:
    """The textbook bit-at-a-time CRC, to check the table-driven one."""
    crc = 0xFFFF
    for byte in data:
        if reflected:
            crc ^= byte
            for _ in range(8):
                crc = (crc >> 1) ^ poly if crc & 1 else crc >> 1
        else:
            crc ^= byte << 8
            for _ in range(8):
                crc = ((crc << 1) ^ poly) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return crc
