"""What the DNS page asks, and the one coroutine that asks it on the networking loop.

The page's form becomes a :class:`DnsRequest` (plain data, checked on the UI thread so a
typo in the server field is shown at once); :func:`ask_dns` then runs entirely on the
engine: finding the system's server (reads resolv.conf), resolving a server given by name
(getaddrinfo), and the query, CNAME chase or trace itself.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass
from enum import StrEnum

from netbench.core.text import QT_TRANSLATE_NOOP
from netbench.net.errors import NetError
from netbench.net.lookup.dns import (
    COMMON_TYPES,
    DEFAULT_PORTS,
    DnsOptions,
    DnsResult,
    Server,
    query,
    query_types,
    system_servers,
)
from netbench.net.lookup.dns_chain import CnameChain, follow_cnames
from netbench.net.lookup.dns_trace import TraceResult, trace

ALL_COMMON = "ALL"  # the type combo's value for "all common types"


class DnsMode(StrEnum):
    QUERY = "query"
    CHAIN = "chain"  # follow the CNAME chain, one query per link if need be
    TRACE = "trace"  # from the root down, like dig +trace


@dataclass(frozen=True, slots=True)
class ServerSpec:
    """The server field: empty for the system's; else a host (address or name) and port."""

    host: str = ""
    port: int | None = None


@dataclass(frozen=True, slots=True)
class DnsRequest:
    name: str
    rdtype: str  # a type, or ALL_COMMON
    server: ServerSpec
    options: DnsOptions
    mode: DnsMode = DnsMode.QUERY


DnsAnswer = tuple[DnsResult, ...] | CnameChain | TraceResult


def parse_server(text: str) -> ServerSpec:
    """``""``, ``192.0.2.1``, ``192.0.2.1:5353``, ``::1``, ``[::1]:53``, ``dns.example``,
    ``dns.example:853``. Raises :class:`NetError` (field ``server``) for a bad port."""
    text = text.strip()
    if not text:
        return ServerSpec()
    host, port_text = text, ""
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        port_text = rest.removeprefix(":")
    elif text.count(":") == 1:
        host, _, port_text = text.partition(":")
    if not port_text:
        return ServerSpec(host)
    if not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
        raise NetError(
            QT_TRANSLATE_NOOP("Lookup", "{port} is not a port from 1 to 65535").format(
                port=port_text
            ),
            "server",
        )
    return ServerSpec(host, int(port_text))


async def resolve_server(spec: ServerSpec, transport: str) -> Server:
    """The server to ask: the system's first, or the one typed (a name is looked up and
    kept as the TLS server name and HTTPS host)."""
    port = spec.port or DEFAULT_PORTS[transport]
    if not spec.host:
        first = system_servers()[0]
        return Server(first.address, spec.port or (first.port if transport == "udp" else port))
    try:
        ipaddress.ip_address(spec.host)
        return Server(spec.host, port)
    except ValueError:
        pass
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(spec.host, port, type=socket.SOCK_DGRAM)
    except OSError as exc:
        raise NetError(
            QT_TRANSLATE_NOOP("Lookup", "cannot find the server {host}: {reason}").format(
                host=spec.host, reason=exc.strerror or str(exc)
            ),
            "server",
        ) from None
    return Server(str(infos[0][4][0]), port, spec.host)


async def ask_dns(request: DnsRequest) -> DnsAnswer:
    """Runs on the engine's loop; DNS outcomes come back as data, not exceptions."""
    options = request.options
    if request.mode is DnsMode.TRACE:
        roots = None
        port = 53
        if request.server.host:
            root = await resolve_server(request.server, "udp")
            roots, port = [(request.server.host, root.address)], root.port
        rdtype = "A" if request.rdtype == ALL_COMMON else request.rdtype
        return await trace(request.name, rdtype, roots=roots, port=port, options=options)
    server = await resolve_server(request.server, options.transport.value)
    if request.mode is DnsMode.CHAIN:
        rdtype = "A" if request.rdtype == ALL_COMMON else request.rdtype
        return await follow_cnames(request.name, rdtype, server, options)
    if request.rdtype == ALL_COMMON:
        return await query_types(request.name, COMMON_TYPES, server, options)
    return (await query(request.name, request.rdtype, server, options),)
