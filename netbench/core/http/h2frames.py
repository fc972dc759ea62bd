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


@dataclass(frozen=True, slots=True)
class H2Frame:
    direction: Direction
    frame: RawFrame
    headers: tuple[tuple[str, str], ...] = ()
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


def decode_frames(log: WireLog) -> list[H2Frame]:
    """Every frame of the connection both ways, headers decoded, in log order."""
    import hpack

    frames: list[H2Frame] = []
    for direction in (Direction.SENT, Direction.RECEIVED):
        decoder = hpack.Decoder()
        block = b""
        for frame in iter_frames(log, direction):
            headers: tuple[tuple[str, str], ...] = ()
            if frame.type in (_HEADERS, _CONTINUATION):
                block += _header_block(frame)
                if frame.flags & _END_HEADERS:
                    decoded = decoder.decode(block, raw=True)
                    headers = tuple((n.decode("latin-1"), v.decode("latin-1")) for n, v in decoded)
                    block = b""
            frames.append(H2Frame(direction, frame, headers, _summary(frame)))
    frames.sort(key=lambda f: (f.frame.entry, f.frame.at))
    return frames


def _summary(frame: RawFrame) -> str:
    flags = []
    if frame.flags & 0x1:
        flags.append("ACK" if frame.type in (0x4, 0x6) else "END_STREAM")
    if frame.flags & _END_HEADERS and frame.type in (_HEADERS, _CONTINUATION, 0x5):
        flags.append("END_HEADERS")
    text = f"{frame.type_name} stream={frame.stream_id} length={len(frame.payload)}"
    return text + (f" [{' '.join(flags)}]" if flags else "")
