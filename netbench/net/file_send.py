"""Sending a file in chunks to one connection or to many peers, never holding it in memory.

A file of any size goes out as it is read: the next chunk waits while the socket's send
buffer is full (``net/write_room.py``; the kernel is the limit). Each chunk is
a transcript row while the UI has room: fewer than :data:`MAX_QUEUED_EVENTS` events, and
:data:`MAX_QUEUED_BYTES` of chunks, waiting to be shown. A stream's chunk that comes
while the window is behind goes out all the same, and the window only counts it (its
bytes are not kept, like a flood's messages beyond what the view shows): the window does
not set the pace, and memory stays bounded. While the transcript records, and for
datagrams (which have no flow control, so a receiver drops what comes too fast), every
chunk is shown, and the next one waits for the window. Datagram sockets send one datagram
per chunk, sized so it is not fragmented.

A stream's chunk is large (:data:`STREAM_CHUNK`): fewer rows and fewer trips through the
loop. Measured (benchmarks/bench_file_send.py): with 64 KB chunks, each shown, a send
could not pass ~64 chunks per UI tick, 70 MB/s where plain asyncio does 500+.

Each peer of a listener reads the file on its own, at its own pace: a slow peer does not
hold the others back, and one that disconnects or resets stops only its own copy.

The transfer runs on the engine's loop; the UI reads :class:`FileTransfer`'s counters
(plain ints, safe to read from another thread) and sets ``cancelled`` to stop it.
"""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from netbench.core.text import QT_TRANSLATE_NOOP
from netbench.net.datagram import DatagramListener
from netbench.net.errors import NetError
from netbench.net.read_gate import ReadGate
from netbench.net.stream import StreamPeer
from netbench.net.stream_listener import StreamListener
from netbench.net.write_room import is_closing, ui_has_room, wait_for_room, why_closed

STREAM_CHUNK = 1024 * 1024
# A send to many peers reads a chunk for each: chunks shrink so that together they hold
# about STREAM_CHUNKS_BUDGET, but not below MIN_STREAM_CHUNK.
MIN_STREAM_CHUNK = 64 * 1024
STREAM_CHUNKS_BUDGET = 16 * 1024 * 1024
UDP_CHUNK = 1400  # fits one Ethernet frame with IPv4/IPv6 and UDP headers
UNIX_DATAGRAM_CHUNK = 8 * 1024
MAX_QUEUED_EVENTS = 64
MAX_QUEUED_BYTES = 4 * 1024 * 1024


class FileTarget(Protocol):
    """Where chunks go: a client's connection, or one peer of a listener."""

    @property
    def transport(self) -> asyncio.BaseTransport | None: ...

    def send(self, data: bytes) -> None: ...


Targets = Mapping[str, FileTarget | NetError]
"""Each peer's name and where to send to it, or why it cannot be sent to."""

FindTargets = Callable[[], Targets]
"""Finds the targets on the engine's loop, where the peers live."""


@dataclass
class PeerSend:
    """One peer's copy of the file: how far it got, and why it stopped if it did."""

    peer: str
    sent: int = 0
    chunks: int = 0
    finished: float = 0.0
    error: str = ""


@dataclass
class FileTransfer:
    """One file on its way to one or more peers: what is sent so far, and how it ended."""

    path: Path
    total: int
    started: float = field(default_factory=time.monotonic)
    finished: float = 0.0
    cancelled: bool = False
    # Set while the transcript records (read on the engine's loop): every chunk is then
    # shown, and so recorded, at the pace the window takes them.
    show_every_chunk: bool = False
    # Filled in once the targets are known (on the engine's loop); replaced, not changed.
    peers: Sequence[PeerSend] = ()

    @property
    def sent(self) -> int:
        """Bytes sent, all peers together."""
        return sum(peer.sent for peer in self.peers)

    @property
    def goal(self) -> int:
        """Bytes sent once every peer has the whole file."""
        return self.total * len(self.peers)

    @property
    def remaining(self) -> int:
        """Bytes still to send to the peers that are still going."""
        return sum(self.total - peer.sent for peer in self.peers if not peer.finished)

    @property
    def chunks(self) -> int:
        return sum(peer.chunks for peer in self.peers)

    @property
    def failed(self) -> list[PeerSend]:
        return [peer for peer in self.peers if peer.error]

    @property
    def error(self) -> str:
        """Why the first peer that stopped early stopped ("" when none did)."""
        failed = self.failed
        return failed[0].error if failed else ""

    @property
    def done(self) -> bool:
        return self.finished != 0.0

    @property
    def elapsed(self) -> float:
        return (self.finished or time.monotonic()) - self.started

    @property
    def rate(self) -> float:
        """Bytes per second so far, all peers together."""
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


@dataclass(frozen=True)
class DatagramPeerTarget:
    """One peer of a datagram listener: its datagrams go out of the listener's socket."""

    listener: DatagramListener
    name: str

    @property
    def transport(self) -> asyncio.BaseTransport | None:
        return self.listener.transport

    def send(self, data: bytes) -> None:
        self.listener.send(self.name, data)


def listener_targets(listener: StreamListener | DatagramListener, names: Sequence[str]) -> Targets:
    """The named peers of a listener (call on the engine's loop)."""
    targets: dict[str, FileTarget | NetError] = {}
    for name in names:
        if isinstance(listener, StreamListener):
            peer = listener.peers.get(name)
            targets[name] = (
                peer
                if peer is not None
                else NetError(
                    QT_TRANSLATE_NOOP(
                        "FileSend", "{peer} is no longer connected: nothing was sent"
                    ).format(peer=name)
                )
            )
        elif name in listener.peers:
            targets[name] = DatagramPeerTarget(listener, name)
        else:
            targets[name] = NetError(
                QT_TRANSLATE_NOOP(
                    "FileSend", "{peer} has not written to us: its address is unknown"
                ).format(peer=name)
            )
    return targets


def chunk_size_for(target: FileTarget, peers: int = 1) -> int:
    """How much one read and one send take: a datagram, or a stream's share of the budget."""
    if isinstance(target, StreamPeer):
        share = STREAM_CHUNKS_BUDGET // max(1, peers)
        return max(MIN_STREAM_CHUNK, min(STREAM_CHUNK, share))
    transport = target.transport
    sock = transport.get_extra_info("socket") if transport is not None else None
    if sock is not None and sock.family == socket.AF_UNIX:
        return UNIX_DATAGRAM_CHUNK
    return UDP_CHUNK


async def send_file(
    find_targets: FindTargets, transfer: FileTransfer, gate: ReadGate | None
) -> FileTransfer:
    """Send ``transfer.path`` to every target at once (on the engine's loop); never raises."""
    try:
        targets = find_targets()
        peers = [PeerSend(name) for name in targets]
        transfer.peers = peers
        await asyncio.gather(
            *(
                _send_to_peer(target, peer, transfer, gate, len(peers))
                for peer, target in zip(peers, targets.values(), strict=True)
            )
        )
    finally:
        transfer.finished = time.monotonic()
    return transfer


async def _send_to_peer(
    target: FileTarget | NetError,
    peer: PeerSend,
    transfer: FileTransfer,
    gate: ReadGate | None,
    peers: int,
) -> None:
    """One peer's copy, read from a file handle of its own."""
    try:
        if isinstance(target, NetError):
            raise target
        size = chunk_size_for(target, peers)
        queue_limit = max(1, min(MAX_QUEUED_EVENTS, MAX_QUEUED_BYTES // size))
        stream = target if isinstance(target, StreamPeer) else None
        with transfer.path.open("rb") as source:
            while not transfer.cancelled:
                chunk = source.read(size)
                if not chunk:
                    break
                every_chunk = stream is None or transfer.show_every_chunk
                await wait_for_room(
                    target, gate, queue_limit if every_chunk else None, lambda: transfer.cancelled
                )
                if transfer.cancelled:
                    break
                if is_closing(target):
                    raise NetError(await why_closed(target))
                if stream is None:
                    target.send(chunk)
                else:
                    stream.send(chunk, shown=every_chunk or ui_has_room(gate, queue_limit))
                peer.sent += len(chunk)
                peer.chunks += 1
                # A chunk the socket takes at once does not wait above: let the loop (and a
                # window that shares it) run between chunks all the same.
                await asyncio.sleep(0)
    except NetError as exc:
        peer.error = exc.message
    except OSError as exc:
        peer.error = QT_TRANSLATE_NOOP("FileSend", "reading {path} failed: {reason}").format(
            path=transfer.path, reason=exc.strerror or str(exc)
        )
    finally:
        peer.finished = time.monotonic()
