"""Special-purpose address ranges, from our own copy of the IANA registries.

``ipaddress.is_private`` and ``is_global`` have changed between patch releases and still
miss ranges people meet (100.64.0.0/10, the documentation and benchmarking blocks), so the
calculator names ranges from this table instead: every row of the IANA IPv4 and IPv6
Special-Purpose Address Registries (RFC 6890), plus the multicast blocks, which have
registries of their own. ``reachable`` is the registry's "Globally Reachable" column.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from netbench.core.text import QT_TRANSLATE_NOOP, Text

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class Kind(StrEnum):
    """What a range is for: the flags the calculator shows."""

    THIS_NETWORK = "this network"
    UNSPECIFIED = "unspecified"
    PRIVATE = "private"
    SHARED = "shared"
    LOOPBACK = "loopback"
    LINK_LOCAL = "link-local"
    PROTOCOL = "protocol assignment"
    DOCUMENTATION = "documentation"
    BENCHMARKING = "benchmarking"
    RESERVED = "reserved"
    BROADCAST = "broadcast"
    MULTICAST = "multicast"
    TRANSLATION = "translation"
    ANYCAST = "anycast"
    DISCARD = "discard"
    DEPRECATED = "deprecated"


@dataclass(frozen=True, slots=True)
class SpecialRange:
    """One row of the registries: the block, its name there, the RFC that set it aside,
    what it is for, and whether addresses in it are reachable across the Internet."""

    network: Network
    name: str
    rfc: str
    kind: Kind
    reachable: bool | None  # None: the registry says N/A

    def describe(self) -> Text:
        return QT_TRANSLATE_NOOP("Lookup", "{network}: {name} ({rfc})").format(
            network=str(self.network), name=self.name, rfc=self.rfc
        )


_K = Kind
# (network, name, RFC, kind, globally reachable), in the registries' order.
_ROWS: tuple[tuple[str, str, str, Kind, bool | None], ...] = (
    ("0.0.0.0/8", '"This network"', "RFC 791", _K.THIS_NETWORK, False),
    ("0.0.0.0/32", '"This host on this network"', "RFC 1122", _K.UNSPECIFIED, False),
    ("10.0.0.0/8", "Private-Use", "RFC 1918", _K.PRIVATE, False),
    ("100.64.0.0/10", "Shared Address Space (carrier-grade NAT)", "RFC 6598", _K.SHARED, False),
    ("127.0.0.0/8", "Loopback", "RFC 1122", _K.LOOPBACK, False),
    ("169.254.0.0/16", "Link Local", "RFC 3927", _K.LINK_LOCAL, False),
    ("172.16.0.0/12", "Private-Use", "RFC 1918", _K.PRIVATE, False),
    ("192.0.0.0/24", "IETF Protocol Assignments", "RFC 6890", _K.PROTOCOL, False),
    ("192.0.0.0/29", "IPv4 Service Continuity Prefix", "RFC 7335", _K.PROTOCOL, False),
    ("192.0.0.8/32", "IPv4 dummy address", "RFC 7600", _K.PROTOCOL, False),
    ("192.0.0.9/32", "Port Control Protocol Anycast", "RFC 7723", _K.ANYCAST, True),
    ("192.0.0.10/32", "Traversal Using Relays around NAT Anycast", "RFC 8155", _K.ANYCAST, True),
    ("192.0.0.170/32", "NAT64/DNS64 Discovery", "RFC 8880", _K.TRANSLATION, False),
    ("192.0.0.171/32", "NAT64/DNS64 Discovery", "RFC 8880", _K.TRANSLATION, False),
    ("192.0.2.0/24", "Documentation (TEST-NET-1)", "RFC 5737", _K.DOCUMENTATION, False),
    ("192.31.196.0/24", "AS112-v4", "RFC 7535", _K.ANYCAST, True),
    ("192.52.193.0/24", "AMT", "RFC 7450", _K.ANYCAST, True),
    ("192.88.99.0/24", "Deprecated (6to4 Relay Anycast)", "RFC 7526", _K.DEPRECATED, None),
    ("192.168.0.0/16", "Private-Use", "RFC 1918", _K.PRIVATE, False),
    ("192.175.48.0/24", "Direct Delegation AS112 Service", "RFC 7534", _K.ANYCAST, True),
    ("198.18.0.0/15", "Benchmarking", "RFC 2544", _K.BENCHMARKING, False),
    ("198.51.100.0/24", "Documentation (TEST-NET-2)", "RFC 5737", _K.DOCUMENTATION, False),
    ("203.0.113.0/24", "Documentation (TEST-NET-3)", "RFC 5737", _K.DOCUMENTATION, False),
    ("224.0.0.0/4", "Multicast", "RFC 5771", _K.MULTICAST, None),
    ("240.0.0.0/4", "Reserved", "RFC 1112", _K.RESERVED, False),
    ("255.255.255.255/32", "Limited Broadcast", "RFC 919", _K.BROADCAST, False),
    ("::1/128", "Loopback Address", "RFC 4291", _K.LOOPBACK, False),
    ("::/128", "Unspecified Address", "RFC 4291", _K.UNSPECIFIED, False),
    ("::ffff:0:0/96", "IPv4-mapped Address", "RFC 4291", _K.TRANSLATION, False),
    ("64:ff9b::/96", "IPv4-IPv6 Translation", "RFC 6052", _K.TRANSLATION, True),
    ("64:ff9b:1::/48", "Local-use IPv4/IPv6 Translation", "RFC 8215", _K.TRANSLATION, False),
    ("100::/64", "Discard-Only Address Block", "RFC 6666", _K.DISCARD, False),
    ("2001::/23", "IETF Protocol Assignments", "RFC 2928", _K.PROTOCOL, False),
    ("2001::/32", "TEREDO", "RFC 4380", _K.TRANSLATION, None),
    ("2001:1::1/128", "Port Control Protocol Anycast", "RFC 7723", _K.ANYCAST, True),
    ("2001:1::2/128", "Traversal Using Relays around NAT Anycast", "RFC 8155", _K.ANYCAST, True),
    ("2001:2::/48", "Benchmarking", "RFC 5180", _K.BENCHMARKING, False),
    ("2001:3::/32", "AMT", "RFC 7450", _K.ANYCAST, True),
    ("2001:4:112::/48", "AS112-v6", "RFC 7535", _K.ANYCAST, True),
    ("2001:10::/28", "Deprecated (previously ORCHID)", "RFC 4843", _K.DEPRECATED, None),
    ("2001:20::/28", "ORCHIDv2", "RFC 7343", _K.PROTOCOL, True),
    ("2001:db8::/32", "Documentation", "RFC 3849", _K.DOCUMENTATION, False),
    ("2002::/16", "6to4", "RFC 3056", _K.TRANSLATION, None),
    ("2620:4f:8000::/48", "Direct Delegation AS112 Service", "RFC 7534", _K.ANYCAST, True),
    ("3fff::/20", "Documentation", "RFC 9637", _K.DOCUMENTATION, False),
    ("fc00::/7", "Unique-Local", "RFC 4193", _K.PRIVATE, False),
    ("fe80::/10", "Link-Local Unicast", "RFC 4291", _K.LINK_LOCAL, False),
    ("ff00::/8", "Multicast", "RFC 4291", _K.MULTICAST, None),
)


@cache
def special_ranges() -> tuple[SpecialRange, ...]:
    """The table, parsed once."""
    return tuple(
        SpecialRange(ipaddress.ip_network(net), name, rfc, kind, reachable)
        for net, name, rfc, kind, reachable in _ROWS
    )


def ranges_of(network: Network) -> tuple[SpecialRange, ...]:
    """Every special range that holds all of ``network``, the widest first."""
    found = [
        row
        for row in special_ranges()
        if row.network.version == network.version and network.subnet_of(row.network)  # type: ignore[arg-type]
    ]
    return tuple(sorted(found, key=lambda row: row.network.prefixlen))


def is_globally_reachable(network: Network) -> bool:
    """What the most specific range's registry row says; global when no range holds it."""
    for row in reversed(ranges_of(network)):
        if row.reachable is not None:
            return row.reachable
    return True
