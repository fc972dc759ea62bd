"""The self-test's protocol checks: an HTTP exchange and a DNS query, both on loopback.

They run the HTTP and Lookup engines the way the tabs do, so a frozen bundle that left out a
library loaded lazily or by name (httpcore2, anyio's asyncio backend, h11, h2, brotli,
dnspython's record types) fails here rather than on a user's first request.
"""

from __future__ import annotations

import asyncio
import importlib
from typing import cast

import dns.message
import dns.rrset

from netbench.core.http.model import HttpRequest
from netbench.core.replies.factory import make_responder
from netbench.core.replies.responder import ResponderKind
from netbench.net.event_route import EventRoute
from netbench.net.http.client import HttpClient
from netbench.net.lookup.dns import DnsOptions, Server, Transport, query
from netbench.net.lookup.root_hints import root_list
from netbench.net.socket_kinds import SocketAddress
from netbench.net.stream import PeerPolicy
from netbench.net.stream_listener import StreamListener

# Loaded by name or only for some responses: present in any copy that can serve them all.
LAZY_MODULES = ("h2.connection", "hpack", "hyperframe.frame", "brotli", "anyio._backends._asyncio")
SELF_TEST_NAME = "selftest.netbench.test."
SELF_TEST_ADDRESS = "192.0.2.53"  # documentation range: never a real host


class CheckError(Exception):
    """A check found something wrong; the message says what, for the table."""


async def check_http() -> str:
    """GET the bundled "It works" page from the Server tab's HTTP site, with the HTTP tab's
    engine."""
    for name in LAZY_MODULES:
        importlib.import_module(name)
    policy = PeerPolicy(responder=make_responder(ResponderKind.HTTP_STATIC))
    listener = await StreamListener.open(
        SocketAddress(), EventRoute(lambda event: None), policy=policy
    )
    client = HttpClient()
    try:
        url = f"http://{listener.address}/"
        result = await client.send(HttpRequest("GET", url))
        hop = result.final
        if hop is None or hop.status != 200:
            raise CheckError(f"GET {url} gave {hop.status if hop else 'no answer'}")
        body = hop.body.read_decoded()
        if b"It works" not in body:
            raise CheckError(f"GET {url} did not serve the bundled page")
    finally:
        await client.aclose()
        await listener.aclose()
    return f"GET {url}: {hop.status}, {len(body)} bytes, {hop.http_version}"


class _DnsAnswerer(asyncio.DatagramProtocol):
    """Answers every A question with the self-test's documentation address."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.DatagramTransport, transport)

    def datagram_received(self, data: bytes, addr: tuple[str, int]) -> None:
        question = dns.message.from_wire(data)
        reply = dns.message.make_response(question)
        reply.answer.append(dns.rrset.from_text(SELF_TEST_NAME, 60, "IN", "A", SELF_TEST_ADDRESS))
        self.transport.sendto(reply.to_wire(), addr)


async def check_dns() -> str:
    """Ask a DNS server on loopback with the Lookup tab's engine."""
    loop = asyncio.get_running_loop()
    transport, _ = await loop.create_datagram_endpoint(_DnsAnswerer, local_addr=("127.0.0.1", 0))
    try:
        port = transport.get_extra_info("sockname")[1]
        server = Server("127.0.0.1", port)
        result = await query(SELF_TEST_NAME, "A", server, DnsOptions(Transport.UDP, timeout=3))
    finally:
        transport.close()
    addresses = [record.data for record in result.answer]
    if result.error is not None or addresses != [SELF_TEST_ADDRESS]:
        raise CheckError(f"DNS query to {server}: {result.error or addresses}")
    # A trace starts from the shipped root hints: a bundle without them cannot trace.
    roots = root_list()
    if not roots:
        raise CheckError("the root hints list no root server")
    return (
        f"{SELF_TEST_NAME} A {SELF_TEST_ADDRESS} from {server} ({result.rcode}); "
        f"{len(roots)} root servers in the hints"
    )
