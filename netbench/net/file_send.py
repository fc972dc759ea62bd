"""Sending a file over a client connection in chunks, without holding it in memory.

A file of any size goes out as it is read: the next chunk waits while the socket's send
buffer holds more than :data:`WRITE_HIGH_WATER` (the kernel is the limit), and while the
UI has more than :data:`MAX_QUEUED_EVENTS` events to show (each chunk is shown and can
be recorded, so a slow window slows the send instead of filling memory). Datagram
clients send one datagram per chunk, sized so it is not fragmented.

The transfer runs on the engine's loop; the UI reads :class:`FileTransfer`'s counters
(plain ints, safe to read from another thread) and sets ``cancelled`` to stop it.
"""

from __future__ import annotations

import asyncio
import socket
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from netbench.core.text import QT_TRANSLATE_NOOP
from netbench.net.datagram import DatagramClient
from netbench.net.errors import NetError
from netbench.net.flow import FlowGate
from netbench.net.stream import StreamPeer

STREAM_CHUNK = 64 * 1024
UDP_CHUNK = 1400  # fits one Ethernet frame with IPv4/IPv6 and UDP headers
UNIX_DATAGRAM_CHUNK = 8 * 1024
WRITE_HIGH_WATER = 256 * 1024
MAX_QUEUED_EVENTS = 64
WAIT_STEP = 0.002


@dataclass
class FileTransfer:
    """One file on its way: what is sent so far, and how it ended."""

    path: Path
    total: int
    sent: int = 0
    chunks: int = 0
    started: float = field(default_factory=time.monotonic)
    finished: float = 0.0
    cancelled: bool = False
    error: str = ""  # why it stopped early, a translatable Text

    @property
    def done(self) -> bool:
        return self.finished != 0.0

    @property
    def elapsed(self) -> float:
        return (self.finished or time.monotonic()) - self.started

    @property
    def rate(self) -> float:
        """Bytes per second so far."""
        elapsed = self.elapsed
        return self.sent / elapsed if elapsed > 0 else 0.0


def open_transfer(path: Path) -> FileTransfer:
    """Check the file can be read; raises NetError in the user's words."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise NetError(
                QT_TRANSLATE_NOOP("FileSend", "{path} is not a regular file").format(path=path)
            )
        with path.open("rb"):
            pass
    except FileNotFoundError as exc:
        raise NetError(
            QT_TRANSLATE_NOOP("FileSend", "{path} does not exist").format(path=path)
        ) from exc
    except PermissionError as exc:
        raise NetError(
            QT_TRANSLATE_NOOP("FileSend", "{path} cannot be read: permission denied").format(
                path=path
            )
        ) from exc
    except OSError as exc:
        raise NetError(
            QT_TRANSLATE_NOOP("FileSend", "{path} cannot be read: {reason}").format(
                path=path, reason=exc.strerror or str(exc)
            )
        ) from exc
    return FileTransfer(path=path, total=size)


def chunk_size_for(client: StreamPeer | DatagramClient) -> int:
    if isinstance(client, StreamPeer):
        return STREAM_CHUNK
    transport = client.transport
    sock = transport.get_extra_info("socket") if transport is not None else None
    if sock is not None and sock.family == socket.AF_UNIX:
        return UNIX_DATAGRAM_CHUNK
    return UDP_CHUNK


async def send_file(
    client: StreamPeer | DatagramClient, transfer: FileTransfer, gate: FlowGate | None
) -> FileTransfer:
    """Send ``transfer.path`` over ``client`` (on the engine's loop); never raises."""
    size = chunk_size_for(client)
    try:
        with transfer.path.open("rb") as source:
            while not transfer.cancelled:
                chunk = source.read(size)
                if not chunk:
                    break
                await _wait_for_room(client, gate, transfer)
                if transfer.cancelled:
                    break
                client.send(chunk)
                transfer.sent += len(chunk)
                transfer.chunks += 1
    except NetError as exc:
        transfer.error = exc.message
    except OSError as exc:
        transfer.error = QT_TRANSLATE_NOOP("FileSend", "reading {path} failed: {reason}").format(
            path=transfer.path, reason=exc.strerror or str(exc)
        )
    finally:
        transfer.finished = time.monotonic()
    return transfer


async def _wait_for_room(
    client: StreamPeer | DatagramClient, gate: FlowGate | None, transfer: FileTransfer
) -> None:
    """Until the socket and the UI have room for another chunk (or the user cancels)."""
    while not transfer.cancelled:
        transport = client.transport
        if transport is None or transport.is_closing():
            return  # the send raises and says why
        # Datagram transports keep a write buffer too when the socket is full.
        buffered = cast(asyncio.WriteTransport, transport).get_write_buffer_size()
        queued = gate.queued_events() if gate is not None else 0
        if buffered <= WRITE_HIGH_WATER and queued <= MAX_QUEUED_EVENTS:
            return
        await asyncio.sleep(WAIT_STEP)
