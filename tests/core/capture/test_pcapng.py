"""The pcapng writer and the transcript's packets: tshark reads what we write, with the
addresses, ports and payloads the messages had; any packets make a well-formed file."""

from __future__ import annotations

import io
import struct
import subprocess
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from loopback import needs

from netbench.core.capture.packets import TcpFlags, read_ip_tcp, tcp_packet
from netbench.core.capture.pcapng import (
    ENHANCED_PACKET,
    INTERFACE_DESCRIPTION,
    LINKTYPE_RAW,
    SECTION_HEADER,
    PcapngWriter,
)
from netbench.core.capture.transcript_packets import TranscriptPackets, parse_endpoint
from netbench.core.transcript import Direction, Record


def blocks(data: bytes) -> list[tuple[int, bytes]]:
    """The file's blocks as (type, body): each length must match at both ends."""
    found = []
    offset = 0
    while offset < len(data):
        kind, total = struct.unpack_from("<II", data, offset)
        assert total % 4 == 0 and total >= 12
        (trailer,) = struct.unpack_from("<I", data, offset + total - 4)
        assert trailer == total
        found.append((kind, data[offset + 8 : offset + total - 4]))
        offset += total
    assert offset == len(data)
    return found


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 4e9, allow_nan=False), st.binary(max_size=300)), max_size=8))
def test_any_packets_make_well_formed_blocks(packets: list[tuple[float, bytes]]) -> None:
    out = io.BytesIO()
    writer = PcapngWriter(out, LINKTYPE_RAW, "lo")
    for wall, packet in packets:
        writer.write(wall, packet)
    found = blocks(out.getvalue())
    assert [kind for kind, _ in found] == [SECTION_HEADER, INTERFACE_DESCRIPTION] + [
        ENHANCED_PACKET
    ] * len(packets)
    for (wall, packet), (_, body) in zip(packets, found[2:], strict=True):
        _, high, low, captured, original = struct.unpack_from("<IIIII", body)
        assert captured == original == len(packet)
        assert body[20 : 20 + captured] == packet
        assert abs(((high << 32) | low) / 1e6 - wall) <= 1e-6 * max(1.0, wall) + 1e-6


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from([("127.0.0.1", "10.1.2.3"), ("::1", "fe80::1")]),
    st.integers(0, 65535),
    st.integers(0, 65535),
    st.integers(0, 2**32 - 1),
    st.binary(max_size=2000),
)
def test_a_tcp_packet_reads_back(pair, sport, dport, seq, payload) -> None:
    flags = TcpFlags.PSH | TcpFlags.ACK
    packet = tcp_packet((pair[0], sport), (pair[1], dport), seq, 7, flags, payload)
    segment = read_ip_tcp(packet)
    assert segment is not None
    assert segment.src == (pair[0], sport) and segment.dst == (pair[1], dport)
    assert (segment.seq, segment.ack, segment.flags, segment.size) == (seq, 7, flags, len(payload))


@given(st.text(max_size=30))
def test_parse_endpoint_never_fails(text: str) -> None:
    endpoint = parse_endpoint(text)
    assert endpoint is None or 0 <= endpoint[1] <= 65535


def test_parse_endpoint_knows_both_families_and_unix_paths() -> None:
    assert parse_endpoint("127.0.0.1:9999") == ("127.0.0.1", 9999)
    assert parse_endpoint("[::1]:80") == ("::1", 80)
    assert parse_endpoint("/tmp/sock") is None


def tshark_fields(path: Path, *fields: str) -> list[list[str]]:
    """The fields of every packet, with every checksum checked (1 is good)."""
    command = ["tshark", "-r", str(path), "-T", "fields", "-E", "separator=|"]
    for check in ("ip", "tcp", "udp"):
        command += ["-o", f"{check}.check_checksum:TRUE"]
    for name in fields:
        command += ["-e", name]
    out = subprocess.run(command, capture_output=True, text=True, timeout=60, check=True)
    return [line.split("|") for line in out.stdout.splitlines()]


def _export(tmp_path: Path, records: list[Record], local: str, stream: bool) -> Path:
    path = tmp_path / "export.pcapng"
    converter = TranscriptPackets(lambda _peer: local, stream)
    with path.open("wb") as file:
        writer = PcapngWriter(file, LINKTYPE_RAW)
        for wall, packet in converter.packets(records):
            writer.write(wall, packet)
    return path


@needs("tshark")
def test_tshark_reads_a_tcp_conversation(tmp_path: Path) -> None:
    records = [
        Record(1_700_000_000.0, Direction.INFO, "127.0.0.1:40000", note="connected"),
        Record(1_700_000_000.5, Direction.IN, "127.0.0.1:40000", b"hello"),
        Record(1_700_000_001.0, Direction.OUT, "127.0.0.1:40000", b"HELLO"),
        Record(1_700_000_002.0, Direction.IN, "127.0.0.1:40000", b"bye\n"),
    ]
    path = _export(tmp_path, records, "127.0.0.1:9999", stream=True)
    rows = tshark_fields(
        path,
        "ip.src",
        "tcp.srcport",
        "ip.dst",
        "tcp.dstport",
        "tcp.seq",
        "tcp.ack",
        "tcp.payload",
        "tcp.checksum.status",
    )
    assert rows == [
        ["127.0.0.1", "40000", "127.0.0.1", "9999", "1", "1", b"hello".hex(), "1"],
        ["127.0.0.1", "9999", "127.0.0.1", "40000", "1", "6", b"HELLO".hex(), "1"],
        ["127.0.0.1", "40000", "127.0.0.1", "9999", "6", "6", b"bye\n".hex(), "1"],
    ]
    follow = subprocess.run(
        ["tshark", "-r", str(path), "-q", "-z", "follow,tcp,ascii,0"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    assert "hello" in follow and "HELLO" in follow and "bye" in follow


@needs("tshark")
def test_tshark_reads_udp_over_ipv6_with_good_checksums(tmp_path: Path) -> None:
    records = [
        Record(1_700_000_000.0, Direction.OUT, "[::1]:1060", b"this is my message"),
        Record(1_700_000_000.1, Direction.IN, "[::1]:1060", b"your data was 18 bytes"),
        Record(1_700_000_000.2, Direction.IN, "/tmp/sock", b"skipped"),
    ]
    path = _export(tmp_path, records, "[::1]:50000", stream=False)
    rows = tshark_fields(
        path,
        "ipv6.src",
        "udp.srcport",
        "udp.dstport",
        "data.data",
        "udp.checksum.status",
        "frame.time_epoch",
    )
    assert [row[:5] for row in rows] == [
        ["::1", "50000", "1060", b"this is my message".hex(), "1"],
        ["::1", "1060", "50000", b"your data was 18 bytes".hex(), "1"],
    ]
    assert float(rows[0][5]) == 1_700_000_000.0
