"""Why did it take so long? Known patterns in a hop's timings and wire log, explained.

Each explanation names a cause the user can act on. The classic one: a server writes
the head and the body of a response in two small writes; Nagle's algorithm holds the
second until the first is acknowledged, and the client delays its ACK (40 ms on Linux,
200 ms on Windows and others), so the body arrives ~40 ms after the head, every time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from netbench.core.http.result import ConnectAttempt, Timings
from netbench.core.http.wirelog import Direction
from netbench.core.text import QT_TRANSLATE_NOOP

DELAYED_ACK_WINDOWS = ((0.036, 0.050), (0.190, 0.215))
SMALL_WRITE = 1460  # one segment's payload on Ethernet
SLOW_LOOKUP = 1.0
SLOW_ATTEMPT = 1.0


@dataclass(frozen=True, slots=True)
class GapExplanation:
    code: str
    message: str
    at: float  # seconds from the hop's start where it shows (or 0)


def _delayed_ack(
    chunks: Sequence[tuple[float, Direction, int]], start: float
) -> list[GapExplanation]:
    found: list[GapExplanation] = []
    received = [(at, size) for at, direction, size in chunks if direction is Direction.RECEIVED]
    for (before, size), (after, _) in pairwise(received):
        gap = after - before
        if size <= SMALL_WRITE and any(low <= gap <= high for low, high in DELAYED_ACK_WINDOWS):
            found.append(
                GapExplanation(
                    "nagle-delayed-ack",
                    QT_TRANSLATE_NOOP(
                        "HttpGaps",
                        "{ms} ms between two small reads: the server's second write waited for"
                        " the ACK of its first (Nagle), which the client delays; the server"
                        " should write head and body at once or set TCP_NODELAY",
                    ).format(ms=round(gap * 1000)),
                    after - start,
                )
            )
            break
    return found


def explain_gaps(
    timings: Timings,
    chunks: Sequence[tuple[float, Direction, int]],
    start: float,
    attempts: Sequence[ConnectAttempt] = (),
) -> list[GapExplanation]:
    """Explanations for a hop; ``chunks`` are its (time, direction, size) from the wire log
    and ``start`` the hop's start on the same clock."""
    found = _delayed_ack(chunks, start)
    if timings.namelookup is not None and timings.namelookup >= SLOW_LOOKUP:
        found.append(
            GapExplanation(
                "slow-lookup",
                QT_TRANSLATE_NOOP(
                    "HttpGaps",
                    "the name lookup took {seconds} s: a resolver that does not answer is"
                    " retried after a timeout (often 5 s)",
                ).format(seconds=round(timings.namelookup, 1)),
                0.0,
            )
        )
    for attempt in attempts:
        if not attempt.ok and attempt.seconds >= SLOW_ATTEMPT:
            found.append(
                GapExplanation(
                    "slow-attempt",
                    QT_TRANSLATE_NOOP(
                        "HttpGaps",
                        "{address} took {seconds} s to fail before the next address was"
                        " tried: it is unreachable from here (often IPv6)",
                    ).format(address=attempt.address, seconds=round(attempt.seconds, 1)),
                    0.0,
                )
            )
    return found
