"""A DNS server for tests: dnspython messages over asyncio UDP and TCP on loopback.

It runs on a thread of its own with its own loop, so a test on any loop (plain asyncio,
qasync) or none (``dig`` in a subprocess, a benchmark) can query it. The zone is data in
code; names under special labels misbehave on purpose:

- ``*.servfail.<origin>`` SERVFAIL, ``*.refused.<origin>`` REFUSED;
- ``*.silent.<origin>`` never answered (a timeout);
- ``*.truncated.<origin>`` TC over UDP always, the full answer over TCP (answers larger
  than the client's UDP size are truncated anyway);
- delegations answer with a referral (NS in authority, glue in additional), for traces.

A CNAME is followed inside the zone unless ``chase_cnames`` is off, which makes the
client follow the chain itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import ssl
import struct
import threading
import warnings
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.rcode
import dns.rdata
import dns.rdataclass
import dns.rdatatype
import dns.rrset

Zone = Mapping[str, Sequence[tuple[str, str]]]  # name -> [(type, rdata text)]
TTL = 300

EXAMPLE_ZONE: Zone = {
    "test.": [
        ("SOA", "ns1.test. admin.test. 2024010101 3600 600 86400 300"),
        ("NS", "ns1.test."),
    ],
    "ns1.test.": [("A", "127.0.0.1")],
    "www.test.": [("A", "192.0.2.10"), ("A", "192.0.2.11"), ("AAAA", "2001:db8::10")],
    "mail.test.": [("A", "192.0.2.25")],
    "mx.test.": [("MX", "10 mail.test."), ("MX", "20 backup.test.")],
    "txt.test.": [("TXT", '"v=spf1 -all"'), ("TXT", '"hello" "world"')],
    "caa.test.": [("CAA", '0 issue "letsencrypt.org"')],
    "_sip._tcp.test.": [("SRV", "10 60 5060 sip.test.")],
    "alias1.test.": [("CNAME", "alias2.test.")],
    "alias2.test.": [("CNAME", "www.test.")],
    "loop1.test.": [("CNAME", "loop2.test.")],
    "loop2.test.": [("CNAME", "loop1.test.")],
    "big.test.": [("TXT", '"' + "x" * 200 + f' {i}"') for i in range(8)],
    "10.2.0.192.in-addr.arpa.": [("PTR", "www.test.")],
    "x.truncated.test.": [("A", "192.0.2.99")],
}


@dataclass
class DnsTestServer:
    """Serves ``zone`` for ``origin`` on ``host``: UDP and TCP on one port (and TLS on
    another when ``tls`` is given). Use as a context manager."""

    zone: Zone = field(default_factory=lambda: EXAMPLE_ZONE)
    origin: str = "test."
    host: str = "127.0.0.1"
    port: int = 0
    chase_cnames: bool = True
    recursion_available: bool = True
    delegations: Mapping[str, Sequence[tuple[str, str]]] = field(default_factory=dict)
    tls: ssl.SSLContext | None = None
    tls_port: int = 0
    queries: list[tuple[str, str, str]] = field(default_factory=list)  # (transport, name, type)

    def __post_init__(self) -> None:
        self._closers: list[Any] = []
        self._connections: set[asyncio.StreamWriter] = set()
        self._origin = dns.name.from_text(self.origin)
        self._zones = [
            self._origin,
            dns.name.from_text("in-addr.arpa."),
            dns.name.from_text("ip6.arpa."),
        ]
        self._rrsets = self._build(self.zone)

    # -- life cycle ---------------------------------------------------------------------

    def __enter__(self) -> DnsTestServer:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        try:
            asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(10)
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()
        # A TLS handshake the server refused leaves a transport Python 3.11 never closes
        # (Server.close does not reach it); free it now, not during a later test.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            gc.collect()

    async def _start(self) -> None:
        await self._bind_udp_and_tcp()
        if self.tls is not None:
            secure = await asyncio.start_server(self._serve_tcp, self.host, 0, ssl=self.tls)
            self.tls_port = secure.sockets[0].getsockname()[1]
            self._closers.append(secure)

    async def _bind_udp_and_tcp(self) -> None:
        """UDP and TCP on one port number. A free UDP port can be a busy TCP one (another
        test's connection holds it), so a port chosen here is tried again until both bind."""
        loop = asyncio.get_running_loop()
        wanted = self.port
        for _ in range(50):
            transport, _ = await loop.create_datagram_endpoint(
                lambda: _Udp(self), local_addr=(self.host, wanted)
            )
            port = transport.get_extra_info("sockname")[1]
            try:
                tcp = await asyncio.start_server(self._serve_tcp, self.host, port)
            except OSError:
                transport.close()
                if wanted:
                    raise
                continue
            self.port = port
            self._closers += [transport, tcp]
            return
        raise OSError("no port number was free for both UDP and TCP")

    async def _stop(self) -> None:
        for writer in list(self._connections):  # Python 3.11's Server.close leaves them open
            writer.close()
        for closer in self._closers:
            closer.close()
        for closer in self._closers:
            if isinstance(closer, asyncio.Server):
                await closer.wait_closed()

    # -- the zone -------------------------------------------------------------------------

    @staticmethod
    def _build(zone: Zone) -> dict[tuple[dns.name.Name, int], dns.rrset.RRset]:
        rrsets: dict[tuple[dns.name.Name, int], dns.rrset.RRset] = {}
        for owner, rows in zone.items():
            name = dns.name.from_text(owner)
            for rdtype, text in rows:
                key = (name, dns.rdatatype.from_text(rdtype))
                if key not in rrsets:
                    rrsets[key] = dns.rrset.RRset(name, dns.rdataclass.IN, key[1])
                    rrsets[key].update_ttl(TTL)
                rrsets[key].add(_rdata(key[1], text))
        return rrsets

    def answer(self, query: dns.message.Message, transport: str) -> dns.message.Message | None:
        """The response to ``query``; None for a question never to be answered."""
        question = query.question[0]
        qname, qtype = question.name, question.rdtype
        self.queries.append((transport, str(qname), dns.rdatatype.to_text(qtype)))
        labels = {label.decode().lower() for label in qname.labels}
        if "silent" in labels:
            return None
        response = dns.message.make_response(query)
        if self.recursion_available:
            response.flags |= dns.flags.RA
        if "servfail" in labels or "refused" in labels:
            response.set_rcode(dns.rcode.SERVFAIL if "servfail" in labels else dns.rcode.REFUSED)
            return response
        if not any(qname.is_subdomain(zone) for zone in self._zones):
            response.set_rcode(dns.rcode.REFUSED)
            return response
        if self._refer(qname, response):
            return response
        response.flags |= dns.flags.AA
        self._fill(qname, qtype, response)
        return response

    def _refer(self, qname: dns.name.Name, response: dns.message.Message) -> bool:
        for zone, servers in self.delegations.items():
            cut = dns.name.from_text(zone)
            if qname.is_subdomain(cut):
                ns = response.find_rrset(
                    response.authority, cut, dns.rdataclass.IN, dns.rdatatype.NS, create=True
                )
                ns.update_ttl(TTL)
                for server_name, address in servers:
                    ns.add(_rdata(dns.rdatatype.NS, server_name))
                    glue = response.find_rrset(
                        response.additional,
                        dns.name.from_text(server_name),
                        dns.rdataclass.IN,
                        dns.rdatatype.AAAA if ":" in address else dns.rdatatype.A,
                        create=True,
                    )
                    glue.update_ttl(TTL)
                    glue.add(_rdata(glue.rdtype, address))
                return True
        return False

    def _fill(self, qname: dns.name.Name, qtype: int, response: dns.message.Message) -> None:
        seen: set[dns.name.Name] = set()
        while qname not in seen:
            seen.add(qname)
            found = self._rrsets.get((qname, qtype))
            if found is not None:
                response.answer.append(found)
                return
            cname = self._rrsets.get((qname, dns.rdatatype.CNAME))
            if cname is None:
                break
            response.answer.append(cname)
            if not self.chase_cnames:
                return
            qname = cname[0].target
        if response.answer:
            return
        exists = any(name == qname for name, _ in self._rrsets)
        if not exists:
            response.set_rcode(dns.rcode.NXDOMAIN)
        soa = self._rrsets.get((self._origin, dns.rdatatype.SOA))
        if soa is not None:
            response.authority.append(soa)

    # -- wire -----------------------------------------------------------------------------

    def respond_wire(self, wire: bytes, transport: str, max_size: int) -> bytes | None:
        try:
            query = dns.message.from_wire(wire)
        except dns.exception.DNSException:
            return None
        response = self.answer(query, transport)
        if response is None:
            return None
        qname = str(query.question[0].name)
        if transport == "udp":
            limit = max(512, query.payload) if query.edns >= 0 else 512
            if ".truncated." in qname:
                limit = 0
            try:
                return response.to_wire(max_size=limit) if limit else _truncated(response)
            except dns.exception.TooBig:
                return _truncated(response)
        return response.to_wire(max_size=max_size)

    async def _serve_tcp(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        transport = "tls" if writer.get_extra_info("ssl_object") else "tcp"
        self._connections.add(writer)
        with contextlib.suppress(asyncio.IncompleteReadError, ConnectionError):
            while True:
                (length,) = struct.unpack("!H", await reader.readexactly(2))
                reply = self.respond_wire(await reader.readexactly(length), transport, 65535)
                if reply is not None:
                    writer.write(struct.pack("!H", len(reply)) + reply)
                    await writer.drain()
        self._connections.discard(writer)
        writer.close()


def _rdata(rdtype: int, text: str) -> dns.rdata.Rdata:
    return dns.rdata.from_text(dns.rdataclass.IN, rdtype, text)


def _truncated(response: dns.message.Message) -> bytes:
    """The header and question only, with TC set: "ask again over TCP"."""
    response.answer.clear()
    response.authority.clear()
    response.additional.clear()
    response.flags |= dns.flags.TC
    return response.to_wire()


class _Udp(asyncio.DatagramProtocol):
    def __init__(self, server: DnsTestServer) -> None:
        self.server = server

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport: asyncio.DatagramTransport = transport  # type: ignore[assignment]

    def datagram_received(self, data: bytes, addr: tuple[str, int]) -> None:
        reply = self.server.respond_wire(data, "udp", 512)
        if reply is not None:
            self.transport.sendto(reply, addr)


def _delegation_servers(port: int, name: str, address: str) -> list[DnsTestServer]:
    soa = "SOA", "ns.{0} admin.{0} 1 3600 600 86400 300"
    return [
        DnsTestServer(
            zone={".": [(soa[0], soa[1].format("root."))]},
            origin=".",
            port=port,
            recursion_available=False,
            delegations={"test.": [("ns.tld.test.", "127.0.0.2")]},
        ),
        DnsTestServer(
            zone={"test.": [(soa[0], soa[1].format("test."))]},
            origin="test.",
            host="127.0.0.2",
            port=port,
            recursion_available=False,
            delegations={"example.test.": [("ns.example.test.", "127.0.0.3")]},
        ),
        DnsTestServer(
            zone={
                "example.test.": [(soa[0], soa[1].format("example.test."))],
                name: [("A", address)],
            },
            origin="example.test.",
            host="127.0.0.3",
            port=port,
            recursion_available=False,
        ),
    ]


@contextlib.contextmanager
def delegation_chain(
    name: str = "www.example.test.", address: str = "192.0.2.80"
) -> Iterator[tuple[list[tuple[str, str]], int]]:
    """Root (127.0.0.1) -> test. (127.0.0.2) -> example.test. (127.0.0.3), on one port.

    Yields the root list to give a trace, and the port: a trace cannot be told a port per
    server, so the three listen on one port of three loopback addresses.
    """
    for _ in range(20):
        stack = contextlib.ExitStack()
        try:
            root = stack.enter_context(_delegation_servers(0, name, address)[0])
            for server in _delegation_servers(root.port, name, address)[1:]:
                stack.enter_context(server)
        except OSError:
            stack.close()  # the port was taken on 127.0.0.2 or .3: start over
            continue
        with stack:
            yield [("a.root-servers.test.", "127.0.0.1")], root.port
        return
    raise RuntimeError("no port free on 127.0.0.1, .2 and .3 at once")
