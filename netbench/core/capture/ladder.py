"""A connection's ladder: what crossed the wire, in time order, and the TCP state of our
side as it changed.

Two sources feed it. Captured segments (:class:`~netbench.core.capture.packets.Segment`)
give every SYN, ACK, data segment, FIN and RST; our side's state follows from them as
RFC 9293 section 3.3.2 draws it (SYN_SENT, ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2,
CLOSE_WAIT, LAST_ACK, CLOSING, TIME_WAIT). Samples of the kernel's socket table give the
state as the system holds it, also where nothing can be captured; a sample shows as a
row of its own when it says something the segments did not (a state the segments went
by too fast for, or that TIME_WAIT ended and the socket is gone).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from netbench.core.capture.packets import Endpoint, Segment, TcpFlags

GONE = ""  # a sample where the socket is no longer in the table
MAX_ROWS = 2_000
# The kernel's names (psutil, ss) in the spellings RFC 9293 and the tutorials use.
STATE_NAMES = {"FIN_WAIT1": "FIN_WAIT_1", "FIN_WAIT2": "FIN_WAIT_2", "CLOSE": "CLOSED"}


def state_name(kernel: str) -> str:
    return STATE_NAMES.get(kernel, kernel)


@dataclass(frozen=True, slots=True)
class LadderRow:
    """One step: a segment (``outgoing`` True or False) or a state row (None)."""

    wall: float
    outgoing: bool | None
    label: str = ""  # "SYN", "PSH, ACK"…
    size: int = 0  # payload bytes
    seq: int = 0  # relative, as Wireshark shows them
    ack: int = 0
    state: str = ""  # our side's state from here on; "" when unchanged
    from_kernel: bool = False  # the state was sampled, not worked out from segments


@dataclass
class _Side:
    """What the state machine needs to know about each direction."""

    first_seq: int | None = None
    fin_end: int | None = None  # the sequence number just past our FIN


def _relative(value: int, base: int | None) -> int:
    return 0 if base is None else (value - base) & 0xFFFFFFFF


def next_state(state: str, outgoing: bool, flags: TcpFlags, acks_our_fin: bool) -> str:
    """Our side's state after a segment went out (``outgoing``) or came in."""
    if TcpFlags.RST in flags:
        return "CLOSED"
    syn, ack, fin = TcpFlags.SYN in flags, TcpFlags.ACK in flags, TcpFlags.FIN in flags
    if outgoing:
        if syn:
            return "SYN_RECV" if ack else "SYN_SENT"
        if fin:
            return {"ESTABLISHED": "FIN_WAIT_1", "CLOSE_WAIT": "LAST_ACK"}.get(state, state)
        return state
    if syn:
        if ack and state == "SYN_SENT":
            return "ESTABLISHED"
        return "SYN_RECV" if state in ("LISTEN", "CLOSED", "") else state
    if state == "SYN_RECV" and ack:
        state = "ESTABLISHED"
    if fin:
        if state == "ESTABLISHED":
            return "CLOSE_WAIT"
        if state == "FIN_WAIT_1":
            return "TIME_WAIT" if acks_our_fin else "CLOSING"
        if state == "FIN_WAIT_2":
            return "TIME_WAIT"
    elif ack and acks_our_fin:
        return {"FIN_WAIT_1": "FIN_WAIT_2", "CLOSING": "TIME_WAIT", "LAST_ACK": "CLOSED"}.get(
            state, state
        )
    return state


def segment_rows(
    segments: Sequence[tuple[float, Segment]], ours: Endpoint | None, listening: bool
) -> list[LadderRow]:
    """Each segment as a row, with our state where it changed. ``ours`` is our end of the
    connection (None: the end that sent the first segment is the other one when
    ``listening``, ours otherwise)."""
    rows: list[LadderRow] = []
    state = "LISTEN" if listening else "CLOSED"
    sides = {True: _Side(), False: _Side()}
    for wall, segment in segments:
        if ours is None:
            ours = segment.dst if listening else segment.src
        outgoing = segment.src == ours
        mine, theirs = sides[outgoing], sides[not outgoing]
        if mine.first_seq is None:
            mine.first_seq = segment.seq
        if outgoing and TcpFlags.FIN in segment.flags:
            mine.fin_end = (segment.seq + segment.size + 1) & 0xFFFFFFFF
        our_fin = sides[True].fin_end
        acks_our_fin = (
            not outgoing
            and our_fin is not None
            and TcpFlags.ACK in segment.flags
            and (segment.ack - our_fin) & 0xFFFFFFFF < 0x80000000
        )
        after = next_state(state, outgoing, segment.flags, acks_our_fin)
        rows.append(
            LadderRow(
                wall,
                outgoing,
                segment.flags.label(),
                segment.size,
                _relative(segment.seq, mine.first_seq),
                _relative(segment.ack, theirs.first_seq) if TcpFlags.ACK in segment.flags else 0,
                after if after != state else "",
            )
        )
        state = after
    return rows


def ladder(
    segments: Sequence[tuple[float, Segment]],
    samples: Sequence[tuple[float, str]],
    ours: Endpoint | None = None,
    *,
    listening: bool = False,
) -> list[LadderRow]:
    """Segments and the kernel's samples in one time-ordered list (at most MAX_ROWS)."""
    rows = segment_rows(segments, ours, listening)
    shown = "LISTEN" if listening and rows else ""
    # A connection never goes back to a state it left: a sample that names one was read
    # just before the segment that moved on, and says nothing new.
    seen = {shown}
    merged: list[LadderRow] = []
    pending = sorted(samples)
    index = 0
    for row in [*rows, None]:
        while index < len(pending) and (row is None or pending[index][0] < row.wall):
            wall, sampled = pending[index]
            index += 1
            name = state_name(sampled) if sampled else ("CLOSED" if shown else "")
            if name and name not in seen:
                merged.append(LadderRow(wall, None, state=name, from_kernel=True))
                shown = name
                seen.add(name)
        if row is not None:
            merged.append(row)
            shown = row.state or shown
            seen.add(shown)
    return merged[:MAX_ROWS]
