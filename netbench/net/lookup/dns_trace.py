"""An iterative lookup from the root, like ``dig +trace``: each referral shown as it comes.

Every step asks one server of the current zone, without recursion, and either gets the
answer (or an error) or a referral naming the next zone's servers, with their addresses
(glue) or without, in which case the system's resolver finds them (as dig does). The
root list is a parameter: the real roots by default, loopback test servers in tests.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Sequence
from dataclasses import dataclass, replace

import dns.name

from netbench.core.text import QT_TRANSLATE_NOOP, Text
from netbench.net.lookup.dns import DnsOptions, DnsResult, Server, query
from netbench.net.lookup.dns_words import is_referral
from netbench.net.lookup.root_hints import root_list

MAX_STEPS = 30
SERVERS_TRIED_PER_ZONE = 3


@dataclass(frozen=True, slots=True)
class TraceStep:
    zone: str  # whose servers were asked ("." first)
    server_name: str
    result: DnsResult
    referral: str = ""  # the zone it referred to, if it did

    def to_text(self) -> str:
        took = f"{self.result.seconds * 1000:.0f} ms"
        head = f";; {self.zone} asked {self.server_name} ({self.result.server}) in {took}"
        if self.result.error and not self.result.response:
            return f"{head}: {self.result.error}"
        records = [r.to_text() for r in (*self.result.answer, *self.result.authority)]
        return "\n".join([head, *records])


@dataclass(frozen=True, slots=True)
class TraceResult:
    name: str
    rdtype: str
    steps: tuple[TraceStep, ...]
    error: Text | None = None

    @property
    def final(self) -> DnsResult | None:
        return self.steps[-1].result if self.steps and not self.error else None

    def to_text(self) -> str:
        lines = [f"; trace of {self.name} {self.rdtype}"]
        lines += [step.to_text() for step in self.steps]
        if self.error:
            lines.append(f";; {self.error}")
        return "\n\n".join(lines)


async def trace(
    name: str,
    rdtype: str = "A",
    *,
    roots: Sequence[tuple[str, str]] | None = None,
    port: int = 53,
    options: DnsOptions | None = None,
) -> TraceResult:
    """Follow referrals from ``roots`` ((name, address) pairs) down to ``name``'s servers."""
    options = replace(options or DnsOptions(), recursion=False)
    servers = list(roots if roots is not None else root_list())
    zone = "."
    steps: list[TraceStep] = []
    for _ in range(MAX_STEPS):
        result = None
        for server_name, address in servers[:SERVERS_TRIED_PER_ZONE]:
            result = await query(name, rdtype, Server(address, port), options)
            if result.response is not None:
                break
            steps.append(TraceStep(zone, server_name, result))
        if result is None or result.response is None:
            error = QT_TRANSLATE_NOOP("Lookup", "no server of {zone} answered").format(zone=zone)
            return TraceResult(name, rdtype, tuple(steps), error)
        if not is_referral(result.response):
            steps.append(TraceStep(zone, server_name, result))
            return TraceResult(name, rdtype, tuple(steps), None)
        next_zone, servers = await _referred(result)
        steps.append(TraceStep(zone, server_name, result, next_zone))
        if not _closer(next_zone, zone, name) or not servers:
            error = QT_TRANSLATE_NOOP(
                "Lookup", "{zone} referred to {next}, which does not lead closer to {name}"
            ).format(zone=zone, next=next_zone, name=name)
            if not servers:
                error = QT_TRANSLATE_NOOP(
                    "Lookup", "no address found for any server of {next}"
                ).format(next=next_zone)
            return TraceResult(name, rdtype, tuple(steps), error)
        zone = next_zone
    error = QT_TRANSLATE_NOOP("Lookup", "more than {limit} referrals").format(limit=MAX_STEPS)
    return TraceResult(name, rdtype, tuple(steps), error)


def _closer(next_zone: str, zone: str, name: str) -> bool:
    child, parent, target = (dns.name.from_text(n) for n in (next_zone, zone, name))
    return child != parent and child.is_subdomain(parent) and target.is_subdomain(child)


async def _referred(result: DnsResult) -> tuple[str, list[tuple[str, str]]]:
    """The zone a referral names, and its servers' addresses: the glue, IPv4 first, or
    else what the system's resolver says for each server name."""
    ns = [r for r in result.authority if r.rdtype == "NS"]
    zone = ns[0].name
    names = [r.data for r in ns]
    glue = sorted(
        (r for r in result.additional if r.rdtype in ("A", "AAAA") and r.name in names),
        key=lambda r: r.rdtype != "A",
    )
    if glue:
        return zone, [(r.name, r.data) for r in glue]
    loop = asyncio.get_running_loop()
    found: list[tuple[str, str]] = []
    for server_name in names:
        try:
            infos = await loop.getaddrinfo(server_name, None, type=socket.SOCK_DGRAM)
        except OSError:
            continue
        found += [(server_name, str(info[4][0])) for info in infos]
    return zone, found
