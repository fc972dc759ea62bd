"""Everything that crosses one port's TCP connections: segments captured on the loopback
device, and the kernel's state of each connection sampled while the watch runs.

Capturing needs a raw ``AF_PACKET`` socket, which Linux gives to root (or a process with
CAP_NET_RAW). Elsewhere, or when :data:`CAPTURE_SWITCH` is off, the watch says why
(``problem``) and still samples the states. Only the loopback device is watched: the
ladder is for connections between programs on this machine, as in the tutorials.

The watch runs on the engine's loop; the window reads it from its own thread through
:meth:`PortWatch.snapshot`, under a lock.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import socket
import struct
import sys
import threading
import time
from dataclasses import dataclass, field

from netbench.core.capture.packets import Segment, read_ethernet_tcp
from netbench.core.text import QT_TRANSLATE_NOOP, Text
from netbench.net.capture.tcp_states import SAMPLE_INTERVAL, read_states
from netbench.net.stream import format_address

ETH_P_ALL = 0x0003
PACKET_OUTGOING = 4  # the copy of a loopback packet as it leaves; the incoming one counts
FRAME_SIZE = 65_536 + 64
READS_PER_WAKE = 256  # then the loop gets its turn
MAX_SEGMENTS = 20_000  # kept per connection; later ones are counted


@dataclass
class CaptureSwitch:
    """Tests turn capturing off to see the states-only ladder as an unprivileged user
    would."""

    enabled: bool = True


CAPTURE_SWITCH = CaptureSwitch()


SO_ATTACH_FILTER = 26
RECEIVE_BUFFER = 4 * 1024 * 1024


def port_filter(port: int) -> list[tuple[int, int, int, int]]:
    """Classic BPF for ``tcp port PORT`` on Ethernet frames, IPv4 and IPv6: what
    ``tcpdump -dd 'tcp port PORT'`` prints. The kernel drops every other packet, so a
    flood elsewhere on the loopback device never reaches us (nor overflows our buffer)."""
    return [
        (0x28, 0, 0, 12),  # ldh [12]: the ethertype
        (0x15, 0, 6, 0x86DD),  # IPv6?
        (0x30, 0, 0, 20),  # ldb [20]: next header
        (0x15, 0, 15, 6),  # TCP?
        (0x28, 0, 0, 54),  # ldh [54]: source port
        (0x15, 12, 0, port),
        (0x28, 0, 0, 56),  # ldh [56]: destination port
        (0x15, 10, 11, port),
        (0x15, 0, 10, 0x0800),  # IPv4?
        (0x30, 0, 0, 23),  # ldb [23]: protocol
        (0x15, 0, 8, 6),  # TCP?
        (0x28, 0, 0, 20),  # ldh [20]: fragment offset
        (0x45, 6, 0, 0x1FFF),  # a later fragment has no ports
        (0xB1, 0, 0, 14),  # ldxb 4*([14]&0xf): the IP header's length
        (0x48, 0, 0, 14),  # ldh [x + 14]: source port
        (0x15, 2, 0, port),
        (0x48, 0, 0, 16),  # ldh [x + 16]: destination port
        (0x15, 0, 1, port),
        (0x06, 0, 0, 262_144),  # keep the packet
        (0x06, 0, 0, 0),  # drop it
    ]


def attach_filter(sock: socket.socket, program: list[tuple[int, int, int, int]]) -> None:
    """SO_ATTACH_FILTER takes a ``struct sock_fprog``: a length and a pointer to the
    instructions, which the kernel copies before the call returns."""
    code = b"".join(struct.pack("HBBI", *instruction) for instruction in program)
    buffer = ctypes.create_string_buffer(code)
    fprog = struct.pack("HL", len(program), ctypes.addressof(buffer))
    sock.setsockopt(socket.SOL_SOCKET, SO_ATTACH_FILTER, fprog)


SO_TIMESTAMPNS = 35  # the kernel stamps each packet as it passes, to the nanosecond
STAMP_SPACE = socket.CMSG_SPACE(16)


def _stamp(ancillary: list[tuple[int, int, bytes]]) -> float:
    """The kernel's time of a packet (a ``struct timespec``); now, if it gave none."""
    for level, kind, data in ancillary:
        if level == socket.SOL_SOCKET and kind == SO_TIMESTAMPNS and len(data) >= 16:
            seconds, nanos = struct.unpack_from("qq", data)
            return float(seconds + nanos / 1e9)
    return time.time()


def open_capture_socket(port: int) -> socket.socket | Text:
    """A raw socket on the loopback device that sees ``port``'s TCP, or why there is none."""
    if not CAPTURE_SWITCH.enabled:
        return QT_TRANSLATE_NOOP("PortWatch", "capturing is switched off")
    if not sys.platform.startswith("linux"):
        return QT_TRANSLATE_NOOP("PortWatch", "capturing packets needs Linux")
    try:
        sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    except PermissionError:
        return QT_TRANSLATE_NOOP(
            "PortWatch", "capturing packets needs root (or the CAP_NET_RAW capability)"
        )
    except OSError as exc:
        return QT_TRANSLATE_NOOP("PortWatch", "cannot capture packets: {reason}").format(
            reason=exc.strerror or str(exc)
        )
    try:
        attach_filter(sock, port_filter(port))
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, RECEIVE_BUFFER)
        sock.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
        sock.bind(("lo", 0))
        sock.setblocking(False)
    except OSError as exc:
        sock.close()
        return QT_TRANSLATE_NOOP("PortWatch", "cannot capture on lo: {reason}").format(
            reason=exc.strerror or str(exc)
        )
    return sock


@dataclass
class ConnectionTrace:
    """One connection as the watch saw it: segments (with their frames, for a pcapng
    file), the states sampled, and how many segments were not kept."""

    segments: list[tuple[float, Segment]] = field(default_factory=list)
    frames: list[tuple[float, bytes]] = field(default_factory=list)
    samples: list[tuple[float, str]] = field(default_factory=list)
    untracked: int = 0


class PortWatch:
    """Watches the TCP connections on ``port``: the peers of a listener on it
    (``listening``), or our connections to a server on it."""

    def __init__(self, port: int, listening: bool) -> None:
        self.port = port
        self.listening = listening
        self.problem: Text | None = None
        self._traces: dict[str, ConnectionTrace] = {}
        self._lock = threading.Lock()
        self._sock: socket.socket | None = None
        self._sampler: asyncio.Task[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    @property
    def capturing(self) -> bool:
        return self._sock is not None

    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        opened = open_capture_socket(self.port)
        if isinstance(opened, socket.socket):
            self._sock = opened
            self._loop.add_reader(opened.fileno(), self._on_readable)
        else:
            self.problem = opened
        self._sampler = self._loop.create_task(self._sample_forever())

    async def aclose(self) -> None:
        sock, self._sock = self._sock, None
        if sock is not None and self._loop is not None:
            self._loop.remove_reader(sock.fileno())
            sock.close()
        sampler, self._sampler = self._sampler, None
        if sampler is not None:
            sampler.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await sampler

    # -- what the window reads --------------------------------------------------------------

    def connections(self) -> list[str]:
        """The connections seen so far, by the end that is not on ``port``, oldest first."""
        with self._lock:
            return list(self._traces)

    def snapshot(self, key: str) -> ConnectionTrace:
        """A copy of what was seen of one connection (empty when nothing was)."""
        with self._lock:
            trace = self._traces.get(key)
            if trace is None:
                return ConnectionTrace()
            return ConnectionTrace(
                list(trace.segments), list(trace.frames), list(trace.samples), trace.untracked
            )

    # -- capturing --------------------------------------------------------------------------

    def _on_readable(self) -> None:
        sock = self._sock
        if sock is None:
            return
        for _ in range(READS_PER_WAKE):
            try:
                frame, ancillary, _flags, address = sock.recvmsg(FRAME_SIZE, STAMP_SPACE)
            except OSError:  # nothing more to read now (or the socket went away)
                return
            if address[2] == PACKET_OUTGOING:
                continue
            segment = read_ethernet_tcp(frame)
            if segment is not None:
                self._keep(_stamp(ancillary), segment, frame)

    def _key(self, segment: Segment) -> str | None:
        src, dst = segment.src, segment.dst
        if self.listening:
            other = dst if src[1] == self.port else src if dst[1] == self.port else None
        else:
            other = src if dst[1] == self.port else dst if src[1] == self.port else None
        return None if other is None else format_address(other)

    def _keep(self, wall: float, segment: Segment, frame: bytes) -> None:
        key = self._key(segment)
        if key is None:
            return
        with self._lock:
            trace = self._traces.setdefault(key, ConnectionTrace())
            if len(trace.segments) >= MAX_SEGMENTS:
                trace.untracked += 1
                return
            trace.segments.append((wall, segment))
            trace.frames.append((wall, frame))

    # -- sampling the kernel's table --------------------------------------------------------

    async def _sample_forever(self) -> None:
        loop = asyncio.get_running_loop()
        last: dict[str, str] = {}
        while True:
            states = await loop.run_in_executor(None, read_states, self.port, self.listening)
            wall = time.time()  # after the read: each state held by then
            with self._lock:
                for key, state in states.items():
                    if last.get(key) != state:
                        self._traces.setdefault(key, ConnectionTrace()).samples.append(
                            (wall, state)
                        )
                for key in last.keys() - states.keys():
                    self._traces[key].samples.append((wall, ""))
            last = states
            await asyncio.sleep(SAMPLE_INTERVAL)
