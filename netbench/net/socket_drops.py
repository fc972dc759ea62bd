"""Datagrams the system dropped before we could read them, per socket.

A UDP socket whose receive buffer is full drops what arrives, silently: 60-79% of a
50,000 datagram/s flood was lost and nothing said so. Linux keeps a count per socket
(``sk_drops``), which it hands out two ways: with every datagram as SO_RXQ_OVFL ancillary
data (only through recvmsg, which asyncio's datagram transport does not use), and in the
``drops`` column of ``/proc/net/udp`` and ``/proc/net/udp6``, by the socket's inode. This
reads the latter: the same counter, without changing how datagrams are read. Elsewhere
there is no count (None), and the UI says nothing rather than a false zero.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

PROC_TABLES = (Path("/proc/net/udp"), Path("/proc/net/udp6"))


def socket_inode(sock: socket.socket) -> int | None:
    """The inode that names ``sock`` in /proc (None where sockets have none)."""
    try:
        return os.fstat(sock.fileno()).st_ino
    except OSError:
        return None


def udp_drops(inode: int | None) -> int | None:
    """How many datagrams the system dropped for the UDP socket ``inode`` so far."""
    if inode is None:
        return None
    wanted = str(inode)
    for table in PROC_TABLES:
        try:
            lines = table.read_text(encoding="ascii", errors="replace").splitlines()
        except OSError:
            continue
        if not lines:
            continue
        header = lines[0].split()
        # Rows hold "tx_queue:rx_queue" and "tr:tm->when" as one field each, so columns
        # are counted from the end: ... inode ref pointer drops.
        if header[-4:] != ["inode", "ref", "pointer", "drops"]:
            continue
        for line in lines[1:]:
            fields = line.split()
            if len(fields) >= 4 and fields[-4] == wanted:
                try:
                    return int(fields[-1])
                except ValueError:
                    return None
    return None


def apply_receive_buffer(sock: socket.socket, size: int | None) -> int | None:
    """Ask for a receive buffer of ``size`` bytes (SO_RCVBUF; None: the system's
    default); returns what the system gave (Linux doubles the request, within rmem_max)."""
    if size:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, size)
    try:
        return int(sock.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF))
    except OSError:
        return None
