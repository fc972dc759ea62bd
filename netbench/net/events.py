"""Events that net objects report: small frozen dataclasses, safe to hand across threads.

They carry a monotonic timestamp (for rates and latencies) and a wall-clock one (for what
the user reads), and never touch Qt or assume which loop or thread produced them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum


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


class Link(StrEnum):
    """What a :class:`Connected` stands for: a stream connection, or (datagram sockets have
    none) a listener's first datagram from a peer, or a client socket set to send to one."""

    STREAM = "stream"
    FIRST_DATAGRAM = "first datagram"
    DATAGRAMS_TO = "datagrams to"


@dataclass(frozen=True, slots=True, kw_only=True)
class Connected(NetEvent):
    """A connection is up: a peer reached a listener, or a client reached its server."""

    peer: str
    local: str = ""
    link: Link = Link.STREAM


@dataclass(frozen=True, slots=True, kw_only=True)
class DataReceived(NetEvent):
    """One read (chunk) from ``peer``: its size, and the messages it completed.

    One event per read, and the messages as plain bytes: a flood of small messages would
    otherwise leave an object per message waiting for the UI, and the garbage collector
    would walk them all, over and over. Every message ends in this read; only the first
    can have begun in an earlier one (``first_chunk``), which is how a message split over
    reads shows. Several messages in one read is how merged messages (粘包) show.
    """

    peer: str
    chunk: int
    nbytes: int
    messages: Sequence[bytes] = ()
    first_chunk: int = -1

    @property
    def data(self) -> bytes:
        """All completed messages, joined (tests and simple consumers)."""
        return b"".join(self.messages)

    def chunk_span(self, index: int) -> tuple[int, int]:
        """The reads message ``index`` came from: (first, last)."""
        if index == 0 and self.first_chunk >= 0:
            return self.first_chunk, self.chunk
        return self.chunk, self.chunk


@dataclass(frozen=True, slots=True, kw_only=True)
class DataSent(NetEvent):
    """One message we wrote to ``peer``, with its bytes for the transcript."""

    peer: str
    data: bytes


@dataclass(frozen=True, slots=True, kw_only=True)
class DataSentUnshown(NetEvent):
    """One write that went by faster than the window could show it (a chunk of a file
    while the window is behind): counted like :class:`DataSent`, its bytes not kept."""

    peer: str
    nbytes: int


@dataclass(frozen=True, slots=True, kw_only=True)
class PeerFinished(NetEvent):
    """The peer sent FIN: it will send no more, but the connection is open for our replies,
    unless we had sent our FIN already (``after_ours``) or close our side now (``closing``)."""

    peer: str
    after_ours: bool = False
    closing: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class PeerNotReading(NetEvent):
    """What we queued for the peer passed the write buffer's high-water mark (``paused``):
    we stop reading from it until it takes our replies, down to the low-water mark."""

    peer: str
    paused: bool


class CloseReason(StrEnum):
    """How a connection ended, in the words the user sees."""

    CLOSED = "closed"
    CLOSED_BY_US = "closed by us"
    CLOSED_BY_PEER = "closed by peer"  # the peer's FIN came first; ours followed
    ABORTED_BY_US = "aborted by us (RST)"
    RESET = "reset by peer"
    IDLE = "closed after the idle timeout"
    LIMIT = "refused: connection limit reached"
    ERROR = "error"


@dataclass(frozen=True, slots=True, kw_only=True)
class PeerClosed(NetEvent):
    """The connection with ``peer`` ended: how (``reason``), and the system's words for
    it when there are any (``detail``)."""

    peer: str
    reason: CloseReason
    detail: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Notice(NetEvent):
    """Something the user should read in the transcript: a framing error, a limit hit (or,
    with ``error`` off, news that went well: a file sent, a connection back)."""

    peer: str = ""
    text: str
    error: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class Failed(NetEvent):
    """An operation failed; ``error`` is already phrased for a person."""

    error: str


EventSink = Callable[[NetEvent], None]
