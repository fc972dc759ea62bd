"""The root servers' addresses (IANA's root hints, named.root), where a trace starts.

We ship IANA's file itself (``resources/dns/named.root``) so that a trace does not depend
on a file the system may not have; the addresses change rarely (the last, b.root in 2023)
and a stale one only costs a retry. Updating it is replacing the file with IANA's newer one.
"""

from __future__ import annotations

from functools import cache

import dns.exception
import dns.name
import dns.rdatatype
import dns.zonefile

from netbench.core.resources import resource_path


@cache
def root_servers() -> tuple[tuple[str, str, str], ...]:
    """(name, IPv4 address, IPv6 address) of every root server in the shipped hints."""
    return parse_root_hints(resource_path("dns", "named.root").read_text(encoding="ascii"))


def parse_root_hints(text: str) -> tuple[tuple[str, str, str], ...]:
    """The servers a named.root text lists as the root's NS, in its order, each with its
    A and AAAA glue ("" where the file has none); names in lower case, as a trace shows
    them. Raises ``ValueError`` on a text that is not a zone file."""
    try:
        rrsets = dns.zonefile.read_rrsets(text, origin=dns.name.root, relativize=False)
    except dns.exception.DNSException as exc:
        raise ValueError(f"not a root hints file: {exc}") from exc
    glue: dict[tuple[dns.name.Name, dns.rdatatype.RdataType], str] = {}
    names: list[dns.name.Name] = []
    for rrset in rrsets:
        if rrset.rdtype == dns.rdatatype.NS and rrset.name == dns.name.root:
            names += [rdata.target for rdata in rrset]
        elif rrset.rdtype in (dns.rdatatype.A, dns.rdatatype.AAAA):
            glue[(rrset.name, rrset.rdtype)] = rrset[0].to_text()
    return tuple(
        (
            name.to_text().lower(),
            glue.get((name, dns.rdatatype.A), ""),
            glue.get((name, dns.rdatatype.AAAA), ""),
        )
        for name in names
    )


def root_list(ipv6: bool = False) -> list[tuple[str, str]]:
    """(name, address) of every root server, IPv4 addresses unless ``ipv6``."""
    return [(name, v6 if ipv6 else v4) for name, v4, v6 in root_servers()]
