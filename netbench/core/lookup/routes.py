"""Linux's routing tables as the kernel publishes them in /proc, read without ``ip route``.

The files are plain text; parsing them here keeps the net layer's part to reading them,
and lets tests feed in any table.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from netbench.core.lookup.special_ranges import Address, Network

RTF_UP = 0x1
RTF_GATEWAY = 0x2
RTF_REJECT = 0x200


@dataclass(frozen=True, slots=True)
class Route:
    destination: Network
    gateway: Address | None
    interface: str
    metric: int
    flags: int

    @property
    def is_default(self) -> bool:
        return self.destination.prefixlen == 0 and bool(self.flags & RTF_UP)

    def to_text(self) -> str:
        via = f" via {self.gateway}" if self.gateway else ""
        return f"{self.destination}{via} dev {self.interface} metric {self.metric}"


def parse_ipv4_routes(text: str) -> list[Route]:
    """/proc/net/route: hex addresses in the kernel's (little-endian) byte order."""
    routes: list[Route] = []
    for line in text.splitlines()[1:]:
        fields = line.split()
        if len(fields) < 8:
            continue
        destination = ipaddress.IPv4Address(bytes.fromhex(fields[1])[::-1])
        gateway = ipaddress.IPv4Address(bytes.fromhex(fields[2])[::-1])
        mask = ipaddress.IPv4Address(bytes.fromhex(fields[7])[::-1])
        routes.append(
            Route(
                destination=ipaddress.IPv4Network(f"{destination}/{mask}"),
                gateway=gateway if int(gateway) else None,
                interface=fields[0],
                metric=int(fields[6]),
                flags=int(fields[3], 16),
            )
        )
    return routes


def parse_ipv6_routes(text: str) -> list[Route]:
    """/proc/net/ipv6_route: destination, prefix, source, prefix, next hop, metric,
    refcount, use, flags, interface; addresses as 32 hex digits in network order."""
    routes: list[Route] = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) < 10:
            continue
        destination = ipaddress.IPv6Address(bytes.fromhex(fields[0]))
        gateway = ipaddress.IPv6Address(bytes.fromhex(fields[4]))
        routes.append(
            Route(
                destination=ipaddress.IPv6Network(f"{destination}/{int(fields[1], 16)}"),
                gateway=gateway if int(gateway) else None,
                interface=fields[9],
                metric=int(fields[5], 16),
                flags=int(fields[8], 16),
            )
        )
    return routes


def default_routes(routes: list[Route]) -> list[Route]:
    """Usable default routes, lowest metric first (the kernel's "unreachable" ones left out)."""
    found = [r for r in routes if r.is_default and not r.flags & RTF_REJECT and r.interface != "lo"]
    return sorted(found, key=lambda route: route.metric)
