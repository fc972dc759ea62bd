"""Which connection served a hop, and when each step of the hop happened.

httpcore2 picks (or opens) the connection inside the pool, out of our sight. The hop
being run is kept in a context variable, which the connection's reads and writes see
(httpcore2 does its IO in the calling task): the first one attaches the connection to
the hop, marking where in the connection's log the hop begins and whether the
connection had served a hop before (reused). httpcore2's ``trace`` extension adds the
moments of its own steps (request sent, response headers received).
"""

from __future__ import annotations

import time
from contextvars import ContextVar
from typing import Any

from netbench.core.http.result import ConnectAttempt
from netbench.net.http.wire import WireConnection

# httpcore2's steps that end a proxy's exchange: TLS begins after CONNECT's answer (and on a
# direct connection, before anything is logged); a SOCKS5 handshake is done.
TUNNEL_DONE = frozenset({"start_tls.started", "setup_socks5_connection.complete"})

current_hop: ContextVar[HopRecorder | None] = ContextVar("current_hop", default=None)


class HopRecorder:
    def __init__(self) -> None:
        self.started = time.monotonic()
        self.connection: WireConnection | None = None
        self.new_connection = False
        self.log_start = 0
        self.reused = False
        self.sent_before = 0  # the connection's byte counts when the hop began
        self.received_before = 0
        self.marks: dict[str, float] = {}
        self.stream_id = 0
        self.failed_attempts: tuple[ConnectAttempt, ...] = ()

    def attach(self, connection: WireConnection, new: bool) -> None:
        """Called by the connection on its first IO in this hop (or when it is made)."""
        if self.connection is connection:
            return
        self.connection = connection
        self.new_connection = new
        log = connection.log
        self.log_start = len(log)
        self.sent_before = log.sent
        self.received_before = log.received
        self.reused = not new and connection.hops_served > 0
        connection.hops_served += 1

    async def trace(self, name: str, info: dict[str, Any]) -> None:
        """httpcore2's trace callback: ``http11.send_request_headers.started`` and so on."""
        step = name.partition(".")[2]
        if step in TUNNEL_DONE:
            self.tunnel_done()
        self.note(step)
        if step == "send_request_headers.started" and "stream_id" in info:
            self.stream_id = int(info["stream_id"])

    def note(self, step: str) -> None:
        """The moment of ``step`` (its first time): what the h11 path calls directly."""
        if step not in self.marks:
            self.marks[step] = time.monotonic()

    def tunnel_done(self) -> None:
        """A proxy's exchange ended here (or the proxy refused, and it was all there is):
        the log's entries so far were the proxy's, and the marks of a CONNECT request (sent,
        answered) are not the request's own."""
        if self.connection is not None and len(self.connection.log):
            self.connection.log.tunnel_end = len(self.connection.log)
            self.marks.clear()

    def mark(self, step: str) -> float | None:
        return self.marks.get(step)


def attach_to_current(connection: WireConnection, new: bool = False) -> None:
    hop = current_hop.get()
    if hop is not None:
        hop.attach(connection, new)


def note_failed_connect(attempts: tuple[ConnectAttempt, ...]) -> None:
    """Keep the addresses tried when none answered (the hop has no connection to show)."""
    hop = current_hop.get()
    if hop is not None:
        hop.failed_attempts = attempts
