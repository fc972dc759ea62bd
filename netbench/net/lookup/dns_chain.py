"""Follow a CNAME chain visibly: every name on the way, and every query it took.

A recursive server usually sends the whole chain in one answer; an authoritative one
stops at the first name outside its zone (or at the first CNAME, if it does not chase).
Either way the user sees ``alias1 -> alias2 -> www -> 192.0.2.10``.
"""

from __future__ import annotations

from dataclasses import dataclass

import dns.name

from netbench.core.text import QT_TRANSLATE_NOOP, Text
from netbench.net.lookup.dns import DnsOptions, DnsResult, Record, Server, query

MAX_LINKS = 16


@dataclass(frozen=True, slots=True)
class CnameChain:
    name: str
    rdtype: str
    links: tuple[tuple[str, str], ...]  # (alias, target), in order
    records: tuple[Record, ...]  # the final name's records of the type asked for
    queries: tuple[DnsResult, ...]
    error: Text | None = None

    def to_text(self) -> str:
        names = [self.name, *(target for _, target in self.links)]
        tail = ", ".join(r.data for r in self.records) or str(self.error or "no records")
        return " -> ".join(names) + f" -> {tail}"


def _links_in(result: DnsResult, start: str) -> tuple[list[tuple[str, str]], str]:
    """The chain the answer section spells out from ``start``, and where it ends."""
    targets = {r.name.lower(): r.data for r in result.answer if r.rdtype == "CNAME"}
    links: list[tuple[str, str]] = []
    current = start
    while current.lower() in targets and len(links) < MAX_LINKS:
        target = targets.pop(current.lower())
        links.append((current, target))
        current = target
    return links, current


async def follow_cnames(
    name: str, rdtype: str, server: Server, options: DnsOptions | None = None
) -> CnameChain:
    start = current = str(dns.name.from_text(name))
    links: list[tuple[str, str]] = []
    queries: list[DnsResult] = []
    while True:
        result = await query(current, rdtype, server, options)
        queries.append(result)
        found, end = _links_in(result, current)
        seen = {alias.lower() for alias, _ in links} | {start.lower()}
        loop = [target for _, target in found if target.lower() in seen]
        links += found
        records = tuple(
            r for r in result.answer if r.name.lower() == end.lower() and r.rdtype == rdtype.upper()
        )
        if records or result.error or not found or rdtype.upper() == "CNAME":
            error = result.error if not records else None
            return CnameChain(name, rdtype, tuple(links), records, tuple(queries), error)
        if loop or len(links) >= MAX_LINKS:
            error = QT_TRANSLATE_NOOP(
                "Lookup", "the CNAME chain from {name} loops or is longer than {limit} links"
            ).format(name=name, limit=MAX_LINKS)
            return CnameChain(name, rdtype, tuple(links), (), tuple(queries), error)
        current = end
