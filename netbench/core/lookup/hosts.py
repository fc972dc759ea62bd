"""Hosts as people type them for a port check: ``localhost``, ``127.0.0.1 ::1``,
``127.0.0.0/30``, separated by commas or spaces.

A network stands for every address in it, the network and broadcast addresses included
(as nmap reads it), and only those: nothing else is ever contacted. A range is refused,
with the reason and where it is, when it is larger than a /16 (IPv4) or a /112 (IPv6):
65,536 addresses, each to be tried on every port, is as far as a check from a desktop
tool should go unasked. A name stays a name; the scan looks it up and contacts the
first address it gives, as for a single host.
"""

from __future__ import annotations

import ipaddress
import re

from netbench.core.lookup.address_errors import AddressError, at
from netbench.core.text import QT_TRANSLATE_NOOP

MIN_PREFIX = {4: 16, 6: 112}  # the largest range accepted, per IP version
MAX_CONNECTS = 1 << 22  # hosts x ports in one check
_ITEM = re.compile(r"[^,\s]+")
_NAME = re.compile(r"^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_.])?$")


def parse_hosts(text: str) -> tuple[str, ...]:
    """Every host ``text`` names, in the order typed, without repeats."""
    hosts: dict[str, None] = {}
    for match in _ITEM.finditer(text):
        for host in _item(match.group(), match.start()):
            hosts.setdefault(host, None)
    if not hosts:
        raise AddressError(
            QT_TRANSLATE_NOOP("Lookup", "type a host, addresses or a network such as 127.0.0.0/30"),
            0,
        )
    return tuple(hosts)


def check_size(hosts: int, ports: int) -> None:
    """Refuse a check of more than :data:`MAX_CONNECTS` connects."""
    if hosts * ports > MAX_CONNECTS:
        raise AddressError(
            QT_TRANSLATE_NOOP(
                "Lookup",
                "{hosts} hosts times {ports} ports is {total} connects; "
                "a check makes at most {limit}",
            ).format(
                hosts=f"{hosts:,}",
                ports=f"{ports:,}",
                total=f"{hosts * ports:,}",
                limit=f"{MAX_CONNECTS:,}",
            )
        )


def _item(item: str, start: int) -> list[str]:
    text = item.strip("[]")
    if "/" in text:
        return _network(text, start)
    try:
        return [str(ipaddress.ip_address(text))]
    except ValueError:
        pass
    if _NAME.match(text) and not text.replace(".", "").isdigit():
        return [text]
    raise AddressError(
        QT_TRANSLATE_NOOP("Lookup", "{item} {where} is not a host name, address or network").format(
            item=item, where=at(start)
        ),
        start,
    )


def _network(text: str, start: int) -> list[str]:
    try:
        network = ipaddress.ip_network(text, strict=False)
    except ValueError:
        raise AddressError(
            QT_TRANSLATE_NOOP("Lookup", "{item} {where} is not a network").format(
                item=text, where=at(start)
            ),
            start,
        ) from None
    smallest = MIN_PREFIX[network.version]
    if network.prefixlen < smallest:
        raise AddressError(
            QT_TRANSLATE_NOOP(
                "Lookup",
                "{item} {where} holds {count} addresses; a check takes IPv{version} "
                "ranges up to /{smallest} ({most} addresses)",
            ).format(
                item=text,
                where=at(start),
                count=f"{network.num_addresses:,}",
                version=network.version,
                smallest=smallest,
                most=f"{2 ** (network.max_prefixlen - smallest):,}",
            ),
            start,
        )
    return [str(address) for address in network]
