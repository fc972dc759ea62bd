"""DNS queries with dnspython's asyncio API: what ``dig`` shows, as data a tab renders.

One call asks one server one question over UDP, TCP, TLS (DoT) or HTTPS (DoH) and keeps
every attempt: a UDP answer with the TC bit is kept and the question asked again over TCP,
so the user sees both. Each attempt keeps the raw query and response (for a hex dump) and
dig-style text. DNS outcomes (NXDOMAIN, NODATA, SERVFAIL, REFUSED) and transport failures
(timeout, connection refused) come back as a result with ``error`` set, never as an
exception: asking for "all common types" must show the types that worked beside those
that did not.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

import dns.asyncbackend
import dns.asyncquery
import dns.edns
import dns.exception
import dns.flags
import dns.inet
import dns.message
import dns.name
import dns.rcode
import dns.rdataclass
import dns.rdatatype
import dns.resolver
import dns.reversename
import dns.rrset

from netbench.core.text import QT_TRANSLATE_NOOP, Text
from netbench.net.errors import NetError
from netbench.net.lookup import doh
from netbench.net.lookup.dns_words import rcode_problem, transport_problem

COMMON_TYPES = ("A", "AAAA", "CNAME", "MX", "TXT", "NS", "SOA", "SRV", "CAA")
RECORD_TYPES = (*COMMON_TYPES, "PTR")
DEFAULT_PORTS = {"udp": 53, "tcp": 53, "tls": 853, "https": 443}


class Transport(StrEnum):
    """What carries a DNS query."""

    UDP = "udp"
    TCP = "tcp"
    TLS = "tls"  # DNS over TLS, RFC 7858
    HTTPS = "https"  # DNS over HTTPS, RFC 8484, on the project's HTTP engine


@dataclass(frozen=True, slots=True)
class Server:
    """Where to ask. ``name`` is the TLS server name or the HTTPS host when it differs
    from the address."""

    address: str
    port: int = 53
    name: str = ""

    def __str__(self) -> str:
        host = f"[{self.address}]" if ":" in self.address else self.address
        return f"{host}:{self.port}"


@dataclass(frozen=True, slots=True)
class DnsOptions:
    """How to ask: over what, how long to wait, and the query's flags and EDNS, as dig's
    options say them."""

    transport: Transport = Transport.UDP
    timeout: float = 3.0
    recursion: bool = True  # the RD bit
    edns_payload: int | None = 1232  # None: no EDNS (classic 512-byte UDP answers)
    dnssec_ok: bool = False  # the DO bit (needs EDNS)
    checking_disabled: bool = False  # the CD bit
    retry_truncated_over_tcp: bool = True
    tls_verify: bool | str = True  # False, True (system CAs) or a CA bundle path
    https_path: str = "/dns-query"


@dataclass(frozen=True, slots=True)
class Record:
    """One resource record of an answer, its data in the zone-file form dig prints."""

    name: str
    ttl: int
    rdclass: str
    rdtype: str
    data: str

    def to_text(self) -> str:
        return f"{self.name}\t{self.ttl}\t{self.rdclass}\t{self.rdtype}\t{self.data}"


@dataclass(frozen=True, slots=True)
class Attempt:
    """One exchange with the server: what went, what came back, how long it took."""

    transport: Transport
    query_wire: bytes
    response_wire: bytes | None
    seconds: float
    truncated: bool = False
    error: Text | None = None
    query_text: str = ""
    response_text: str = ""


@dataclass(frozen=True, slots=True)
class DnsResult:
    """The question, the server asked and every attempt, then the answer's sections; or
    ``error`` when no usable answer came."""

    name: str
    rdtype: str
    server: Server
    attempts: tuple[Attempt, ...]
    rcode: str = ""
    flags: tuple[str, ...] = ()
    answer: tuple[Record, ...] = ()
    authority: tuple[Record, ...] = ()
    additional: tuple[Record, ...] = ()
    edns: str = ""  # the answer's EDNS: version, UDP payload size, DO
    error: Text | None = None
    response: dns.message.Message | None = field(default=None, repr=False, compare=False)

    @property
    def seconds(self) -> float:
        """The query time of the attempt that answered (dig's "Query time")."""
        return self.attempts[-1].seconds if self.attempts else 0.0

    @property
    def retried_over_tcp(self) -> bool:
        return len(self.attempts) > 1 and self.attempts[0].truncated

    def to_text(self) -> str:
        lines = [f"; {self.name} {self.rdtype} @{self.server}"]
        for attempt in self.attempts:
            note = " (truncated: TC)" if attempt.truncated else ""
            took = f"{attempt.seconds * 1000:.1f} ms"
            lines.append(f";; {attempt.transport.upper()} attempt, {took}{note}")
        if self.error:
            lines.append(f";; {self.error}")
        if self.attempts and self.attempts[-1].response_text:
            lines.append(self.attempts[-1].response_text)
        return "\n".join(lines)


def system_servers() -> tuple[Server, ...]:
    """The system's name servers (``/etc/resolv.conf``, or the registry on Windows)."""
    try:
        resolver = dns.resolver.Resolver(configure=True)
    except (dns.resolver.NoResolverConfiguration, OSError) as exc:
        raise NetError.because(
            QT_TRANSLATE_NOOP("Lookup", "this system names no DNS server: {reason}"), exc, "server"
        ) from None
    return tuple(Server(str(ns), resolver.port) for ns in resolver.nameservers)


def reverse_name(address: str) -> str:
    """``192.0.2.1`` -> ``1.2.0.192.in-addr.arpa.`` (``ip6.arpa`` for IPv6)."""
    try:
        return str(dns.reversename.from_address(address))
    except (dns.exception.SyntaxError, ValueError):
        raise NetError(
            QT_TRANSLATE_NOOP("Lookup", "{address} is not an IP address").format(address=address),
            "name",
        ) from None


def make_query(name: str, rdtype: str, options: DnsOptions) -> dns.message.QueryMessage:
    """The question as dnspython builds it, with our RD, CD, EDNS and DO choices."""
    try:
        qname = dns.name.from_text(name)
        kind = dns.rdatatype.from_text(rdtype)
    except (dns.exception.DNSException, ValueError) as exc:
        raise NetError.because(
            QT_TRANSLATE_NOOP("Lookup", "cannot ask for {rdtype} of {name}: {reason}"),
            exc,
            "name",
            rdtype=rdtype,
            name=name,
        ) from None
    payload = options.edns_payload
    query = dns.message.make_query(
        qname,
        kind,
        use_edns=0 if payload or options.dnssec_ok else False,
        payload=payload or 1232,
        want_dnssec=options.dnssec_ok,
    )
    if not options.recursion:
        query.flags &= ~dns.flags.RD
    if options.checking_disabled:
        query.flags |= dns.flags.CD
    return query


Exchange = Callable[[dns.message.Message], Awaitable[dns.message.Message]]


def _exchange(transport: Transport, server: Server, options: DnsOptions) -> Exchange:
    """The dnspython call that asks ``server`` over ``transport``."""
    timeout, where, port = options.timeout, server.address, server.port
    if transport is Transport.UDP:
        return lambda q: _udp(q, server, timeout)
    if transport is Transport.TCP:
        return lambda q: dns.asyncquery.tcp(q, where, timeout, port)
    if transport is Transport.TLS:
        context = ssl.create_default_context()
        if options.tls_verify is False:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        elif isinstance(options.tls_verify, str):
            context.load_verify_locations(options.tls_verify)
        return lambda q: dns.asyncquery.tls(
            q, where, timeout, port, ssl_context=context, server_hostname=server.name or None
        )
    return lambda q: doh.https(q, server, options)


async def _udp(query: dns.message.Message, server: Server, timeout: float) -> dns.message.Message:
    """UDP on a connected socket: the only kind the system tells about an ICMP "port
    unreachable", which turns a closed port into "connection refused" instead of a
    timeout."""
    backend = dns.asyncbackend.get_backend("asyncio")
    family = dns.inet.af_for_address(server.address)
    sock = await backend.make_socket(  # type: ignore[no-untyped-call]
        family, socket.SOCK_DGRAM, 0, None, (server.address, server.port)
    )
    async with sock:
        return await dns.asyncquery.udp(
            query, server.address, timeout, server.port, sock=sock, raise_on_truncation=False
        )


async def _attempt(
    query: dns.message.Message, transport: Transport, server: Server, options: DnsOptions
) -> tuple[Attempt, dns.message.Message | None]:
    loop = asyncio.get_running_loop()
    wire = query.to_wire()
    started = loop.time()
    try:
        response = await _exchange(transport, server, options)(query)
    except (dns.exception.DNSException, OSError, TimeoutError, ssl.SSLError, NetError) as exc:
        error = transport_problem(exc, str(server), options.timeout)
        seconds = loop.time() - started
        return Attempt(
            transport, wire, None, seconds, error=error, query_text=query.to_text()
        ), None
    seconds = loop.time() - started
    truncated = bool(response.flags & dns.flags.TC)
    attempt = Attempt(
        transport,
        wire,
        response.wire if response.wire is not None else response.to_wire(),
        seconds,
        truncated=truncated,
        query_text=query.to_text(),
        response_text=response.to_text(),
    )
    return attempt, response


async def query(
    name: str, rdtype: str, server: Server, options: DnsOptions | None = None
) -> DnsResult:
    """Ask ``server`` for ``rdtype`` records of ``name`` (PTR of an address takes its
    :func:`reverse_name`)."""
    options = options or DnsOptions()
    if rdtype.upper() == "PTR" and not name.rstrip(".").endswith(".arpa"):
        name = reverse_name(name)
    message = make_query(name, rdtype, options)
    if options.transport is Transport.HTTPS:
        message.id = 0  # RFC 8484 4.1: cache-friendly
    attempt, response = await _attempt(message, options.transport, server, options)
    attempts = [attempt]
    udp = options.transport is Transport.UDP
    if attempt.truncated and udp and options.retry_truncated_over_tcp:
        attempt, response = await _attempt(message, Transport.TCP, server, options)
        attempts.append(attempt)
    return _result(name, rdtype.upper(), server, tuple(attempts), response)


def _result(
    name: str,
    rdtype: str,
    server: Server,
    attempts: tuple[Attempt, ...],
    response: dns.message.Message | None,
) -> DnsResult:
    base = DnsResult(name, rdtype, server, attempts)
    if response is None:
        return replace(base, error=attempts[-1].error)
    error = rcode_problem(response, name, rdtype)
    if error is None and attempts[-1].truncated:
        error = QT_TRANSLATE_NOOP("Lookup", "the answer was truncated (TC) and not retried")
    return replace(
        base,
        rcode=dns.rcode.to_text(response.rcode()),
        flags=tuple(dns.flags.to_text(response.flags).split()),
        answer=_records(response.answer),
        authority=_records(response.authority),
        additional=_records(response.additional),
        edns=_edns_text(response),
        error=error,
        response=response,
    )


def _records(section: Sequence[dns.rrset.RRset]) -> tuple[Record, ...]:
    return tuple(
        Record(
            name=str(rrset.name),
            ttl=rrset.ttl,
            rdclass=dns.rdataclass.to_text(rrset.rdclass),
            rdtype=dns.rdatatype.to_text(rrset.rdtype),
            data=rdata.to_text(),
        )
        for rrset in section
        for rdata in rrset
    )


def _edns_text(message: dns.message.Message) -> str:
    if message.edns < 0:
        return ""
    do = ", do" if message.ednsflags & dns.flags.DO else ""
    return f"version {message.edns}, udp {message.payload}{do}"


async def query_types(
    name: str, rdtypes: Sequence[str], server: Server, options: DnsOptions | None = None
) -> tuple[DnsResult, ...]:
    """Several types at once, concurrently (what "all common types" does instead of ANY,
    which RFC 8482 lets servers answer with almost nothing)."""
    return tuple(await asyncio.gather(*(query(name, t, server, options) for t in rdtypes)))


async def query_common(
    name: str, server: Server, options: DnsOptions | None = None
) -> tuple[DnsResult, ...]:
    return await query_types(name, COMMON_TYPES, server, options)
