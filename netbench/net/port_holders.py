"""Who holds a port that is "already in use": a process's name and pid where the system says.

psutil lists what ``/proc/net/tcp``, ``tcp6``, ``udp`` and ``udp6`` hold: every UDP socket,
and the TCP sockets that listen, connect or close. A TCP socket that is only bound (``bind()``
with neither ``listen()`` nor ``connect()``) is in none of them, yet it holds its port all
the same. Linux 6.8 and later list such sockets through sock_diag when asked for the
"bound, inactive" state, with their inode; the process is then the one with that inode among
its open descriptors. Older kernels, and a socket no process has open (one in flight in a
Unix socket's queue, or in another pid namespace), leave it unattributed: the holder is then
said to be a socket bound but not listening, without a name.

The sock_diag query is a dozen lines of ``struct`` rather than pyroute2: pyroute2 0.9's
synchronous calls run an asyncio loop of their own, which cannot run on the window's loop,
and it takes 0.1 s to import for one fixed 72-byte reply.
"""

from __future__ import annotations

import os
import socket
import struct
from dataclasses import dataclass

NETLINK_SOCK_DIAG = 4
SOCK_DIAG_BY_FAMILY = 20
NLM_F_REQUEST = 0x1
NLM_F_DUMP = 0x300
NLMSG_ERROR = 2
NLMSG_DONE = 3
TCP_BOUND_INACTIVE = 13  # the kernel's pseudo-state for bound-only sockets (Linux 6.8)

_HEADER = struct.Struct("=IHHII")  # nlmsghdr: length, type, flags, sequence, port id
_REQUEST = struct.Struct("=BBBBI48x")  # inet_diag_req_v2; the socket id is left empty
_MESSAGE = struct.Struct("=BBBBH62xI")  # inet_diag_msg: ..., sport (big-endian), ..., inode


@dataclass(frozen=True, slots=True)
class PortHolder:
    """What holds a port: ``process`` ("name (pid N)") when known; ``bound_only`` when it is
    a TCP socket only bound, neither listening nor connected."""

    process: str | None
    bound_only: bool = False


def who_holds_port(port: int, *, datagram: bool = False) -> PortHolder | None:
    """The holder of ``port`` (TCP, or UDP with ``datagram``), or None if nothing is known.

    For TCP, a listening socket comes first, then any other TCP socket on the port, then a
    bound-only one.
    """
    named = _listed_holder(port, datagram)
    if named is not None or datagram:
        return named
    inodes = bound_only_inodes(port)
    if not inodes:
        return None
    pid = _pid_with_socket(inodes)
    return PortHolder(None if pid is None else _process_name(pid), bound_only=True)


def _listed_holder(port: int, datagram: bool) -> PortHolder | None:
    """The holder among the sockets psutil lists (the /proc/net tables)."""
    import psutil

    try:
        connections = psutil.net_connections(kind="udp" if datagram else "tcp")
    except (psutil.Error, OSError):
        return None
    holders = [c for c in connections if c.laddr and c.laddr.port == port and c.pid is not None]
    holders.sort(key=lambda c: c.status != psutil.CONN_LISTEN)
    for conn in holders:
        assert conn.pid is not None
        return PortHolder(_process_name(conn.pid))
    return None


def bound_only_inodes(port: int) -> set[int]:
    """The inodes of TCP sockets (IPv4 and IPv6) bound to ``port`` and doing nothing else,
    as sock_diag lists them; empty where the system cannot say (before Linux 6.8)."""
    if not hasattr(socket, "AF_NETLINK"):
        return set()
    inodes: set[int] = set()
    for family in (socket.AF_INET, socket.AF_INET6):
        try:
            inodes |= {inode for sport, inode in _bound_only(family) if sport == port}
        except OSError:
            return inodes
    return inodes


def _bound_only(family: int) -> list[tuple[int, int]]:
    """(port, inode) of each bound-only TCP socket of ``family``."""
    request = _REQUEST.pack(family, socket.IPPROTO_TCP, 0, 0, 1 << TCP_BOUND_INACTIVE)
    header = _HEADER.pack(
        _HEADER.size + len(request), SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP, 1, 0
    )
    found: list[tuple[int, int]] = []
    with socket.socket(socket.AF_NETLINK, socket.SOCK_DGRAM, NETLINK_SOCK_DIAG) as netlink:
        netlink.settimeout(2)
        netlink.sendall(header + request)
        done = False
        while not done:
            data = netlink.recv(65536)
            sockets, done = parse_diag_reply(data)
            found += sockets
            done = done or not data
    return found


def parse_diag_reply(data: bytes) -> tuple[list[tuple[int, int]], bool]:
    """(port, inode) of each socket in one sock_diag datagram, and whether the dump ended
    (its last message, an error, or a length that cannot be right)."""
    found: list[tuple[int, int]] = []
    offset = 0
    while offset + _HEADER.size <= len(data):
        length, kind, _, _, _ = _HEADER.unpack_from(data, offset)
        if kind in (NLMSG_DONE, NLMSG_ERROR) or length < _HEADER.size:
            return found, True
        if length >= _HEADER.size + _MESSAGE.size and offset + length <= len(data):
            fields = _MESSAGE.unpack_from(data, offset + _HEADER.size)
            found.append((socket.ntohs(fields[4]), fields[5]))
        offset += (length + 3) & ~3  # messages are aligned to 4 bytes
    return found, False


def _pid_with_socket(inodes: set[int]) -> int | None:
    """The first process with one of the socket ``inodes`` among its open descriptors."""
    links = {f"socket:[{inode}]" for inode in inodes}
    try:
        processes = [entry.name for entry in os.scandir("/proc") if entry.name.isdigit()]
    except OSError:
        return None
    for pid in processes:
        try:
            with os.scandir(f"/proc/{pid}/fd") as descriptors:
                for descriptor in descriptors:
                    if os.readlink(descriptor.path) in links:
                        return int(pid)
        except OSError:  # gone, or not ours to look at
            continue
    return None


def _process_name(pid: int) -> str:
    import psutil

    try:
        return f"{psutil.Process(pid).name()} (pid {pid})"
    except psutil.Error:
        return f"pid {pid}"


def time_wait_holds_port(port: int) -> bool:
    """Whether a TCP connection from ``port`` lingers in TIME_WAIT: the side that closed
    first keeps it for a minute or so, and without SO_REUSEADDR a new listener cannot bind
    the port meanwhile (such sockets belong to no process, so nobody is named)."""
    import psutil

    try:
        connections = psutil.net_connections(kind="tcp")
    except (psutil.Error, OSError):
        return False
    return any(
        c.status == psutil.CONN_TIME_WAIT and c.laddr and c.laddr.port == port for c in connections
    )
