"""More datagrams per wake of the loop: what a datagram flood needs on the UI's loop.

asyncio's datagram transport reads one datagram each time the socket is readable. On the
UI's loop every such wake is a Qt socket notifier and a Qt timer (qasync), so 50,000
datagrams a second kept the window's loop so busy that the socket's buffer overflowed
(measured: 43% dropped by the system at 50,000/s). After the transport hands us one, a
:class:`DatagramDrain` reads up to :data:`DATAGRAMS_PER_WAKE` more that are already waiting,
through a duplicate of the socket's descriptor (the transport's own socket object may not
be read from), and stops at once when the socket is empty or the gate says to pause.

Only on selector loops: a proactor loop (Windows) has a read of its own in flight.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
from collections.abc import Callable
from typing import Any

DATAGRAMS_PER_WAKE = 64
MAX_DATAGRAM = 256 * 1024  # what asyncio's datagram transport reads at most, too


class DatagramDrain:
    """Reads the datagrams already waiting on a transport's socket, a bounded number."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock

    @classmethod
    def for_transport(cls, transport: asyncio.BaseTransport) -> DatagramDrain | None:
        """A drain for ``transport``'s socket, or None where the loop reads by itself."""
        if not isinstance(asyncio.get_running_loop(), asyncio.SelectorEventLoop):
            return None
        wrapped = transport.get_extra_info("socket")
        if wrapped is None:
            return None
        duplicate = socket.socket(
            wrapped.family, wrapped.type, wrapped.proto, fileno=os.dup(wrapped.fileno())
        )
        duplicate.setblocking(False)
        return cls(duplicate)

    def take_waiting(
        self,
        handle: Callable[[bytes, Any], bool],
        on_error: Callable[[OSError], None],
    ) -> None:
        """Hand waiting datagrams to ``handle`` until it returns False (pause), the socket
        is empty, or DATAGRAMS_PER_WAKE more have been read."""
        recvfrom = self._sock.recvfrom
        for _ in range(DATAGRAMS_PER_WAKE):
            try:
                data, address = recvfrom(MAX_DATAGRAM)
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:
                on_error(exc)
                return
            if not handle(data, address):
                return

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._sock.close()
