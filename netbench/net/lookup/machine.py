"""This machine: interfaces and addresses, default routes, and sockets like ``ss -tunap``.

psutil reads /proc (or asks the system) and can take a while on a busy machine, so each
function here runs it in an executor. Routes come from Linux's /proc files; elsewhere the
report says they are not available rather than guessing.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import os
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil

from netbench.core.lookup.routes import Route, default_routes, parse_ipv4_routes, parse_ipv6_routes
from netbench.core.lookup.sockets_table import SocketRow, SocketsReport
from netbench.core.text import QT_TRANSLATE_NOOP, Text

IPV4_ROUTES = Path("/proc/net/route")
IPV6_ROUTES = Path("/proc/net/ipv6_route")


@dataclass(frozen=True, slots=True)
class InterfaceAddress:
    family: str  # IPv4, IPv6
    address: str
    prefix: int | None

    def __str__(self) -> str:
        return f"{self.address}/{self.prefix}" if self.prefix is not None else self.address


@dataclass(frozen=True, slots=True)
class Interface:
    name: str
    up: bool
    mtu: int
    mac: str
    addresses: tuple[InterfaceAddress, ...]

    def to_text(self) -> str:
        state = "UP" if self.up else "DOWN"
        lines = [f"{self.name}: {state} mtu {self.mtu} mac {self.mac or '-'}"]
        lines += [f"    {a.family:<5} {a}" for a in self.addresses]
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class RoutesReport:
    defaults: tuple[Route, ...]
    note: Text | None = None

    def to_text(self) -> str:
        lines = [f"default {r.to_text()}" for r in self.defaults]
        return "\n".join(lines + ([str(self.note)] if self.note else []))


IF_INET6 = Path("/proc/net/if_inet6")


def ipv6_prefixes(path: Path = IF_INET6) -> dict[tuple[str, str], int]:
    """Linux's own IPv6 prefix lengths, by (interface, address): psutil gives no netmask
    for IPv6 on some systems, and the prefix would show as unknown.

    Each line of ``/proc/net/if_inet6`` is: address (32 hex digits), interface index,
    prefix length (hex), scope, flags, interface name.
    """
    found: dict[tuple[str, str], int] = {}
    try:
        lines = path.read_text().splitlines()
    except OSError:
        return found
    for line in lines:
        fields = line.split()
        if len(fields) < 6 or len(fields[0]) != 32:
            continue
        with contextlib.suppress(ValueError):
            address = ipaddress.IPv6Address(int(fields[0], 16))
            found[fields[5], str(address)] = int(fields[2], 16)
    return found


def prefix_of(
    name: str, address: str, netmask: str | None, v6: dict[tuple[str, str], int]
) -> int | None:
    """The prefix length from the netmask psutil gave, else (IPv6) from :func:`ipv6_prefixes`.

    ``ipaddress`` reads an IPv4 netmask but not an IPv6 one (``ffff:ffff::``), which made
    every IPv6 prefix unknown; its leading one bits are counted here instead.
    """
    bare = address.split("%")[0]
    if netmask and ":" in netmask:  # ipaddress takes no IPv6 netmask: count its ones
        with contextlib.suppress(ValueError):
            bits = f"{int(ipaddress.IPv6Address(netmask)):0128b}"
            if "01" not in bits:  # contiguous
                return bits.count("1")
    elif netmask:
        with contextlib.suppress(ValueError):
            return ipaddress.ip_network(f"{bare}/{netmask}", strict=False).prefixlen
    with contextlib.suppress(ValueError):
        return v6.get((name, str(ipaddress.ip_address(bare))))
    return None


def read_interfaces() -> tuple[Interface, ...]:
    """Blocking: every interface psutil knows, in name order."""
    stats = psutil.net_if_stats()
    v6 = ipv6_prefixes()
    found = []
    for name, addrs in sorted(psutil.net_if_addrs().items()):
        mac = next((a.address for a in addrs if a.family == psutil.AF_LINK), "")
        ips = tuple(
            InterfaceAddress(
                "IPv4" if a.family == socket.AF_INET else "IPv6",
                a.address,
                prefix_of(name, a.address, a.netmask, v6),
            )
            for a in addrs
            if a.family in (socket.AF_INET, socket.AF_INET6)
        )
        stat = stats.get(name)
        found.append(Interface(name, bool(stat and stat.isup), stat.mtu if stat else 0, mac, ips))
    return tuple(found)


def read_routes() -> RoutesReport:
    """Blocking: the default routes, from /proc on Linux."""
    try:
        v4 = parse_ipv4_routes(IPV4_ROUTES.read_text())
    except OSError:
        return RoutesReport(
            (),
            QT_TRANSLATE_NOOP(
                "Lookup", "routes are not available here: only Linux publishes them in /proc"
            ),
        )
    try:
        v6 = parse_ipv6_routes(IPV6_ROUTES.read_text())
    except OSError:
        v6 = []
    return RoutesReport(tuple(default_routes(v4) + default_routes(v6)))


def _address(addr: Any) -> str:
    if not addr:
        return ""
    if isinstance(addr, str):  # a Unix socket's path
        return addr
    host = f"[{addr.ip}]" if ":" in addr.ip else addr.ip
    return f"{host}:{addr.port}"


def _protocol(conn: Any) -> str:
    if conn.family == socket.AF_UNIX:
        return "unix"
    name = "tcp" if conn.type == socket.SOCK_STREAM else "udp"
    return name + ("6" if conn.family == socket.AF_INET6 else "")


def read_sockets() -> SocketsReport:
    """Blocking: every inet and Unix socket, with owners where the system shows them."""
    try:
        conns = psutil.net_connections("inet") + psutil.net_connections("unix")
    except psutil.AccessDenied:
        return SocketsReport(
            (),
            QT_TRANSLATE_NOOP(
                "Lookup",
                "the system denies access to the list of sockets (macOS allows it to "
                "administrators only)",
            ),
        )
    names: dict[int, str] = {}
    rows = []
    for conn in conns:
        if conn.pid is not None and conn.pid not in names:
            try:
                names[conn.pid] = psutil.Process(conn.pid).name()
            except psutil.Error:
                names[conn.pid] = ""
        state = "" if conn.status == psutil.CONN_NONE else conn.status
        rows.append(
            SocketRow(
                _protocol(conn),
                _address(conn.laddr),
                _address(conn.raddr),
                state,
                conn.pid,
                names.get(conn.pid, "") if conn.pid is not None else "",
            )
        )
    hidden = any(row.pid is None for row in rows) and _not_root()
    note = (
        QT_TRANSLATE_NOOP(
            "Lookup",
            "processes are shown for your own sockets only: other users' are hidden unless "
            "netbench runs as root",
        )
        if hidden
        else None
    )
    return SocketsReport(tuple(rows), note)


def _not_root() -> bool:
    geteuid = getattr(os, "geteuid", None)
    return geteuid is not None and geteuid() != 0


async def interfaces() -> tuple[Interface, ...]:
    return await asyncio.get_running_loop().run_in_executor(None, read_interfaces)


async def routes() -> RoutesReport:
    return await asyncio.get_running_loop().run_in_executor(None, read_routes)


async def sockets() -> SocketsReport:
    return await asyncio.get_running_loop().run_in_executor(None, read_sockets)
