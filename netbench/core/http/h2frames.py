"""HTTP/2 frames read back from a connection's recorded bytes (after TLS, both ways).

HPACK keeps a table per direction for the whole connection, so header blocks can only be
decoded in order from the connection's first byte: a hop on a reused connection decodes
the whole log and shows its own part. hyperframe parses frames, hpack decodes headers.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

from netbench.core.http.wirelog import Direction, WireLog

PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
_HEADERS = 0x1
_CONTINUATION = 0x9
_END_HEADERS = 0x4
_TYPES = {
    0x0: "DATA",
    0x1: "HEADERS",
    0x2: "PRIORITY",
    0x3: "RST_STREAM",
    0x4: "SETTINGS",
    0x5: "PUSH_PROMISE",
    0x6: "PING",
    0x7: "GOAWAY",
    0x8: "WINDOW_UPDATE",
    0x9: "CONTINUATION",
}


@dataclass(frozen=True, slots=True)
class RawFrame:
    entry: int  # index in the log of the entry holding the frame's first byte
    at: float
    type: int
    flags: int
    stream_id: int
    payload: bytes

    @property
    def type_name(self) -> str:
        return _TYPES.get(self.type, f"0x{self.type:02x}")


Headers = tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class H2Frame:
    direction: Direction
    frame: RawFrame
    headers: Headers = ()
    summary: str = ""


def iter_frames(log: WireLog, direction: Direction) -> Iterator[RawFrame]:
    """Frames sent (after the client preface) or received, in order; a proxy's exchange
    before them (``log.tunnel_end``) is not HTTP/2 and is skipped."""
    buffer = bytearray()
    consumed = 0  # offset in the direction's byte stream of buffer[0]
    total = 0
    starts: deque[tuple[int, int]] = deque()  # (offset, log entry) of entries in buffer
    skip = len(PREFACE) if direction is Direction.SENT else 0
    for index in range(log.tunnel_end, len(log)):
        if log.direction_of(index) is not direction:
            continue
        data = log.chunk(index).data
        if skip:
            cut = min(skip, len(data))
            data, skip = data[cut:], skip - cut
        if not data:
            continue
        starts.append((total, index))
        total += len(data)
        buffer += data
        position = 0
        while len(buffer) - position >= 9:
            length = int.from_bytes(buffer[position : position + 3], "big")
            if len(buffer) - position < 9 + length:
                break
            while len(starts) > 1 and starts[1][0] <= consumed + position:
                starts.popleft()
            entry = starts[0][1]
            head = buffer[position : position + 9]
            payload = bytes(buffer[position + 9 : position + 9 + length])
            stream_id = int.from_bytes(head[5:9], "big") & 0x7FFFFFFF
            yield RawFrame(entry, log.time_of(entry), head[3], head[4], stream_id, payload)
            position += 9 + length
        del buffer[:position]
        consumed += position


def first_headers(log: WireLog, stream_id: int) -> RawFrame | None:
    """The first HEADERS frame received on ``stream_id``: the response's first byte."""
    for frame in iter_frames(log, Direction.RECEIVED):
        if frame.type == _HEADERS and frame.stream_id == stream_id:
            return frame
    return None


def _header_block(frame: RawFrame) -> bytes:
    payload = frame.payload
    if frame.type != _HEADERS:
        return payload
    start, end = 0, len(payload)
    if frame.flags & 0x8:  # PADDED
        start, end = 1, len(payload) - payload[0]
    if frame.flags & 0x20:  # PRIORITY
        start += 5
    return payload[start:end]


INTERIM_SCAN_LIMIT = 16 * 1024 * 1024  # received bytes read to find a stream's 1xx blocks


def _decoded(log: WireLog, direction: Direction) -> Iterator[tuple[RawFrame, Headers]]:
    """Each frame one way, with the header block it completes decoded (HPACK keeps one
    table per direction for the whole connection, so this starts at its first frame)."""
    import hpack

    decoder = hpack.Decoder()
    block = b""
    for frame in iter_frames(log, direction):
        headers: Headers = ()
        if frame.type in (_HEADERS, _CONTINUATION):
            block += _header_block(frame)
            if frame.flags & _END_HEADERS:
                decoded = decoder.decode(block, raw=True)
                headers = tuple((n.decode("latin-1"), v.decode("latin-1")) for n, v in decoded)
                block = b""
        yield frame, headers


def decode_frames(log: WireLog) -> list[H2Frame]:
    """Every frame of the connection both ways, headers decoded, in log order."""
    frames = [
        H2Frame(direction, frame, headers, _summary(frame))
        for direction in (Direction.SENT, Direction.RECEIVED)
        for frame, headers in _decoded(log, direction)
    ]
    frames.sort(key=lambda f: (f.frame.entry, f.frame.at))
    return frames


def interim_blocks(
    log: WireLog, stream_id: int, limit: int = INTERIM_SCAN_LIMIT
) -> list[tuple[int, Headers]]:
    """(status, headers without pseudo-headers) of each 1xx header block received on
    ``stream_id`` before its final one. Reading stops there, or after ``limit`` received
    bytes (a reused connection's earlier downloads are not read back whole)."""
    found: list[tuple[int, Headers]] = []
    read = 0
    for frame, headers in _decoded(log, Direction.RECEIVED):
        read += 9 + len(frame.payload)
        if read > limit:
            break
        if frame.stream_id != stream_id or not headers:
            continue
        status = next((v for n, v in headers if n == ":status"), "")
        if not (status.isdigit() and status.startswith("1")):
            break
        found.append((int(status), tuple((n, v) for n, v in headers if not n.startswith(":"))))
    return found


def _summary(frame: RawFrame) -> str:
    flags = []
    if frame.flags & 0x1:
        flags.append("ACK" if frame.type in (0x4, 0x6) else "END_STREAM")
    if frame.flags & _END_HEADERS and frame.type in (_HEADERS, _CONTINUATION, 0x5):
        flags.append("END_HEADERS")
    text = f"{frame.type_name} stream={frame.stream_id} length={len(frame.payload)}"
    return text + (f" [{' '.join(flags)}]" if flags else "")
