"""Events that net objects report: small frozen dataclasses, safe to hand across threads.

They carry a monotonic timestamp (for rates and latencies) and a wall-clock one (for what
the user reads), and never touch Qt or assume which loop or thread produced them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from netbench.core.framing import Frame


def _now() -> float:
    return time.monotonic()


def _wall() -> float:
    return time.time()


@dataclass(frozen=True, slots=True, kw_only=True)
class NetEvent:
    """Base of every event: who reported it (``source``) and when."""

    source: str
    at: float = field(default_factory=_now)
    wall: float = field(default_factory=_wall)


@dataclass(frozen=True, slots=True, kw_only=True)
class Listening(NetEvent):
    address: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Stopped(NetEvent):
    reason: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Connected(NetEvent):
    """A connection is up: a peer reached a listener, or a client reached its server."""

    peer: str
    local: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class DataReceived(NetEvent):
    """One read from ``peer``: its size, and the frames it completed (possibly none).

    One event per read, not per frame: a flood of small messages would otherwise cost an
    object per message on its way to the UI. Each frame's chunk ids say which reads it
    came from, so merged and split messages stay visible.
    """

    peer: str
    chunk: int
    nbytes: int
    frames: tuple[Frame, ...] = ()

    @property
    def data(self) -> bytes:
        """All completed frames' bytes, joined (tests and simple consumers)."""
        return b"".join(frame.data for frame in self.frames)


@dataclass(frozen=True, slots=True, kw_only=True)
class DataSent(NetEvent):
    peer: str
    data: bytes


@dataclass(frozen=True, slots=True, kw_only=True)
class PeerFinished(NetEvent):
    """The peer sent FIN: it will send no more, but the connection is open for our replies."""

    peer: str


class CloseReason(StrEnum):
    """How a connection ended, in the words the user sees."""

    CLOSED = "closed"
    CLOSED_BY_US = "closed by us"
    ABORTED_BY_US = "aborted by us (RST)"
    RESET = "reset by peer"
    IDLE = "closed after the idle timeout"
    LIMIT = "refused: connection limit reached"
    ERROR = "error"


@dataclass(frozen=True, slots=True, kw_only=True)
class PeerClosed(NetEvent):
    peer: str
    reason: CloseReason
    detail: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Notice(NetEvent):
    """Something the user should read in the transcript: a framing error, a limit hit."""

    peer: str = ""
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Failed(NetEvent):
    """An operation failed; ``error`` is already phrased for a person."""

    error: str


EventSink = Callable[[NetEvent], None]
