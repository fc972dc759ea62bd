"""DNS over HTTPS (RFC 8484) on the project's own HTTP engine, not dnspython's (which needs
httpx2, a library the project does not otherwise use).

The query goes as the body of ``POST /dns-query`` with ``Content-Type:
application/dns-message`` (its message ID is 0, as the RFC recommends, so that an HTTP
cache may share answers: :func:`netbench.net.lookup.dns.query` sets it); the answer is the
200 response's body in the same media type. HTTP/2 is used when the server offers it in
ALPN, else HTTP/1.1. Each query has an HTTP client of its own, closed with it: nothing
stays open between questions.

When the server was typed as a name, the URL's host is that name (it is the TLS server
name the certificate must match, and the engine looks it up again), else the address.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

import dns.message

from netbench.core.http.model import (
    BytesBody,
    ConnectionSettings,
    Header,
    HttpRequest,
    Timeouts,
    TlsOptions,
)
from netbench.core.http.result import Outcome
from netbench.core.text import QT_TRANSLATE_NOOP
from netbench.net.errors import NetError

if TYPE_CHECKING:
    from netbench.net.lookup.dns import DnsOptions, Server

MEDIA_TYPE = "application/dns-message"
MAX_ANSWER = 65535  # a DNS message is never longer


def doh_url(server: Server, path: str) -> str:
    host = server.name or (f"[{server.address}]" if ":" in server.address else server.address)
    return f"https://{host}:{server.port}{path}"


def doh_request(wire: bytes, server: Server, options: DnsOptions) -> HttpRequest:
    verify = options.tls_verify
    tls = TlsOptions(
        verify=verify is not False, ca_file=Path(verify) if isinstance(verify, str) else None
    )
    timeout = options.timeout
    return HttpRequest(
        method="POST",
        url=doh_url(server, options.https_path),
        headers=(Header("Accept", MEDIA_TYPE),),
        body=BytesBody(wire, MEDIA_TYPE),
        connection=ConnectionSettings(tls=tls),
        timeouts=Timeouts(connect=timeout, read=timeout, write=timeout),
    )


async def https(
    query: dns.message.Message, server: Server, options: DnsOptions
) -> dns.message.Message:
    """Ask ``server`` over DoH; a failure raises :class:`NetError` or TimeoutError (after
    ``options.timeout`` in all)."""
    from netbench.net.http.client import HttpClient  # imports httpcore2: only when used

    request = doh_request(query.to_wire(), server, options)
    client = HttpClient()
    try:
        async with asyncio.timeout(options.timeout):
            result = await client.send(request, source="lookup-doh")
    finally:
        await client.aclose()
    hop = result.final
    if result.outcome is not Outcome.COMPLETE or hop is None:
        raise NetError(result.error or QT_TRANSLATE_NOOP("Lookup", "no answer"))
    if hop.status != 200:
        raise NetError(
            QT_TRANSLATE_NOOP("Lookup", "the DoH server answered HTTP {status} {reason}").format(
                status=hop.status, reason=hop.reason
            )
        )
    kind = (hop.header("content-type") or "").split(";")[0].strip().lower()
    if kind != MEDIA_TYPE:
        raise NetError(
            QT_TRANSLATE_NOOP(
                "Lookup", "the DoH server answered with {kind}, not application/dns-message"
            ).format(kind=kind or "no Content-Type")
        )
    return dns.message.from_wire(hop.body.read_decoded(MAX_ANSWER))
