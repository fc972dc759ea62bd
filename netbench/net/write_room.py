"""What a long send (a file, a replay) needs from the connection it writes to.

Both wait for room before each write, so a fast reader of the disk never piles up memory
in the socket's buffer, and both say in the same words why a connection went away mid-way.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import Protocol, cast

from netbench.core.text import QT_TRANSLATE_NOOP, Text
from netbench.net.events import CloseReason
from netbench.net.read_gate import ReadGate

# The next write waits while the socket holds more than the high mark unsent.
from netbench.net.stream import WRITE_HIGH_WATER, StreamPeer

WAIT_STEP = 0.002
# How long a send that found its connection closing waits to learn why it closed.
CLOSE_REASON_WAIT = 1.0


class Writable(Protocol):
    """A client's connection, or one peer of a listener."""

    @property
    def transport(self) -> asyncio.BaseTransport | None: ...


def is_closing(target: Writable) -> bool:
    transport = target.transport
    return transport is None or transport.is_closing()


def socket_has_room(target: Writable) -> bool:
    """Room in the socket's send buffer (or a closed socket, whose send says why it cannot)."""
    if is_closing(target):
        return True
    # Datagram transports keep a write buffer too when the socket is full.
    transport = cast(asyncio.WriteTransport, target.transport)
    return transport.get_write_buffer_size() <= WRITE_HIGH_WATER


def ui_has_room(gate: ReadGate | None, queue_limit: int | None) -> bool:
    """Fewer than ``queue_limit`` events wait for the window (None: don't ask)."""
    return queue_limit is None or gate is None or gate.queued_events() <= queue_limit


async def wait_for_room(
    target: Writable,
    gate: ReadGate | None,
    queue_limit: int | None,
    stopped: Callable[[], bool],
) -> None:
    """Until the socket, and the window unless ``queue_limit`` is None, have room for the
    next write, or ``stopped()`` says to give up, or the connection is closing (the caller
    says why)."""
    while not (stopped() or is_closing(target)):
        if socket_has_room(target) and ui_has_room(gate, queue_limit):
            return
        await asyncio.sleep(WAIT_STEP)


async def why_closed(target: Writable) -> str:
    """How the connection ended, once it has said so (a reset is seen a moment later)."""
    if not isinstance(target, StreamPeer):
        return QT_TRANSLATE_NOOP("Outflow", "the socket is closed")
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(asyncio.shield(target.closed), CLOSE_REASON_WAIT)
    if not target.closed.done():
        return QT_TRANSLATE_NOOP("Outflow", "the connection is closing")
    reason = target.closed.result()
    if reason is CloseReason.ERROR:
        return QT_TRANSLATE_NOOP("Outflow", "the connection failed")
    # Said in the words the UI already translates for a closed connection.
    return QT_TRANSLATE_NOOP("Outflow", "the connection was {reason}").format(
        reason=Text("CloseReason", reason.value)
    )
