"""An HTTP exchange as netbench recording rows, so Replay and the message inspector work on
HTTP traffic as on any other.

Each write and each read of a hop becomes one row, in order, with the bytes exactly as they
crossed the socket (the request head and body as sent, the response with its chunk framing);
a note before each hop says which request it was. The wire log keeps monotonic times; rows
carry wall-clock times, so the caller gives the offset between the two clocks.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence

from netbench.core.http.result import HopResult
from netbench.core.http.wirelog import Direction as WireDirection
from netbench.core.transcript import Direction, Record


def wall_offset() -> float:
    """What to add to a ``time.monotonic()`` reading to get wall-clock seconds, now."""
    return time.time() - time.monotonic()


def exchange_records(
    hops: Sequence[HopResult], channel: str, offset: float | None = None
) -> Iterator[Record]:
    """The rows of every hop of an exchange (a redirect chain has several)."""
    offset = wall_offset() if offset is None else offset
    for hop in hops:
        yield from hop_records(hop, channel, offset)


def hop_records(hop: HopResult, channel: str, offset: float) -> Iterator[Record]:
    peer = hop.remote_address or hop.url
    wire = hop.wire
    start = wire.first_time(WireDirection.SENT) if wire is not None else None
    at = (start if start is not None else time.monotonic()) + offset
    note = f"{hop.method} {hop.url}"
    yield Record(at, Direction.INFO, peer, note=note, channel=channel)
    if wire is None:
        return
    for chunk in wire:
        direction = Direction.OUT if chunk.direction is WireDirection.SENT else Direction.IN
        yield Record(chunk.at + offset, direction, peer, chunk.data, channel=channel)
