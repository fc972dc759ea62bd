"""The TCP state of our connections on a port, read from the kernel's socket table.

psutil reads the table (``/proc/net/tcp`` and ``tcp6`` on Linux) like ``ss -tan``. One
read takes a few milliseconds on a busy machine, so it runs in a worker thread, and a
state that lasts less than the sampling interval (FIN_WAIT_1 on loopback) can go by
unseen: the ladder says the states are sampled.
"""

from __future__ import annotations

import ipaddress
from typing import Any

import psutil

from netbench.net.stream import format_address

SAMPLE_INTERVAL = 0.05  # seconds between reads


def _plain(host: str) -> str:
    """``::ffff:127.0.0.1`` (a dual-stack socket's view of an IPv4 peer) as 127.0.0.1."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(address)


def endpoint_text(address: Any) -> str:
    """A psutil address as the transcript and the peers table write one."""
    return format_address((_plain(address[0]), address[1]))


def read_states(port: int, listening: bool) -> dict[str, str]:
    """Blocking: the state of each connection on ``port``, keyed by the end that is not
    ``port`` (the peer's, for a listener; ours, for a client of a server on ``port``)."""
    states: dict[str, str] = {}
    try:
        connections = psutil.net_connections("tcp")
    except psutil.Error:
        return states
    for conn in connections:
        if not conn.raddr or not conn.laddr:
            continue
        if listening and conn.laddr[1] == port:
            states[endpoint_text(conn.raddr)] = conn.status
        elif not listening and conn.raddr[1] == port:
            states[endpoint_text(conn.laddr)] = conn.status
    return states
