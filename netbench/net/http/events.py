"""What an HTTP run reports while it goes, through the engine's event queue.

The final :class:`~netbench.core.http.result.ExchangeResult` is what ``run`` returns;
these events let the tab show phases, a progress bar and each hop as soon as it ends.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from netbench.core.http.result import HopResult
from netbench.core.http.sse import SseEvent
from netbench.net.events import NetEvent


class Phase(StrEnum):
    """Where a hop stands while it runs, for the tab's status line."""

    CONNECTING = "connecting"  # waiting for a pooled connection, or opening one
    WAITING = "waiting"  # request sent, no response yet
    RECEIVING = "receiving"  # response headers in, body arriving


@dataclass(frozen=True, slots=True, kw_only=True)
class HttpPhase(NetEvent):
    """Hop ``hop`` (0: the first request, then one per redirect) entered ``phase``."""

    hop: int
    phase: Phase


@dataclass(frozen=True, slots=True, kw_only=True)
class HttpProgress(NetEvent):
    """Body bytes so far (as they came, before decoding), of ``expected`` (-1: unknown)."""

    hop: int
    received: int
    expected: int
    rate: float  # bytes per second since the first body byte


@dataclass(frozen=True, slots=True, kw_only=True)
class HttpHopDone(NetEvent):
    hop: HopResult


@dataclass(frozen=True, slots=True, kw_only=True)
class HttpSse(NetEvent):
    """Server-sent events complete in the read that just arrived (text/event-stream only)."""

    hop: int
    events: tuple[SseEvent, ...]
