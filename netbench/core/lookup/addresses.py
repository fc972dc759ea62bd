"""The address calculator: what an IPv4 or IPv6 address or network typed by a person is.

All the maths is the ``ipaddress`` module's; this module only decides what to show
(usable hosts per RFC 3021 and RFC 6164, the conventional gateway, the special ranges)
and how to explain input that is not an address. Forms such as ``127.1`` or ``010.1.1.1``
that ``inet_aton`` and ``getaddrinfo`` accept are interpreted by the caller's
``reinterpret`` function (the net layer passes one built on ``socket.inet_aton``): the
core never guesses with a parser of its own what the C library would do.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from dataclasses import dataclass

from netbench.core.lookup.address_errors import AddressError, at
from netbench.core.lookup.special_ranges import (
    Address,
    Kind,
    Network,
    SpecialRange,
    is_globally_reachable,
    ranges_of,
)
from netbench.core.text import QT_TRANSLATE_NOOP, Text

Reinterpret = Callable[[str], str | None]
"""Lenient text (``127.1``) -> the dotted address the C library reads it as, or None."""

_OCTET = re.compile(r"[0-9]+")


@dataclass(frozen=True, slots=True)
class NetworkReport:
    """Everything the calculator shows for one input; ``to_text`` is the copyable form."""

    typed: str
    address: Address
    network: Network
    prefix_given: bool
    netmask: Address
    wildcard: Address
    broadcast: Address | None
    first_host: Address
    last_host: Address
    host_count: int
    gateway: Address | None
    ranges: tuple[SpecialRange, ...]
    flags: tuple[str, ...]
    mapped_ipv4: ipaddress.IPv4Address | None
    lenient_meaning: str | None
    warnings: tuple[Text, ...]

    def to_text(self) -> str:
        rows = [
            ("input", self.typed),
            ("address", str(self.address)),
            ("network", str(self.network)),
            ("netmask", str(self.netmask)),
            ("wildcard", str(self.wildcard)),
            ("broadcast", str(self.broadcast) if self.broadcast else "-"),
            ("first host", str(self.first_host)),
            ("last host", str(self.last_host)),
            ("hosts", f"{self.host_count:,}"),
            ("gateway (.1)", str(self.gateway) if self.gateway else "-"),
            ("flags", ", ".join(self.flags)),
        ]
        if self.mapped_ipv4 is not None:
            rows.append(("IPv4-mapped", str(self.mapped_ipv4)))
        rows += [("range", str(row.describe())) for row in self.ranges]
        rows += [("warning", str(text)) for text in self.warnings]
        return "\n".join(f"{name:13} {value}" for name, value in rows)


def calculate(text: str, reinterpret: Reinterpret | None = None) -> NetworkReport:
    """Analyse ``a.b.c.d``, ``a.b.c.d/24``, ``a.b.c.d/255.255.255.0``, IPv6 likewise.

    A host with a prefix (``192.168.1.77/24``) keeps the host and shows its network.
    Raises :class:`AddressError` with the position of the problem.
    """
    typed = text.strip()
    if not typed:
        raise AddressError(
            QT_TRANSLATE_NOOP("Lookup", "type an address, such as 192.168.1.0/24 or 2001:db8::/32")
        )
    address_part, slash, prefix_part = typed.partition("/")
    warnings: list[Text] = []
    meaning: str | None = None
    try:
        ipaddress.ip_address(address_part)
    except ValueError as exc:
        meaning = reinterpret(address_part) if reinterpret and ":" not in address_part else None
        if meaning is None:
            raise _address_error(address_part, exc) from None
        warnings.append(_lenient_warning(address_part, meaning))
        address_part = meaning
    interface = _interface(address_part, slash, prefix_part, len(typed) - len(prefix_part))
    return _report(typed, interface, bool(slash), meaning, tuple(warnings))


def _interface(
    address: str, slash: str, prefix: str, prefix_at: int
) -> ipaddress.IPv4Interface | ipaddress.IPv6Interface:
    if not slash:
        return ipaddress.ip_interface(address)
    try:
        return ipaddress.ip_interface(f"{address}/{prefix}")
    except ValueError:
        limit = 32 if ":" not in address else 128
        if prefix.isdigit() or not prefix:
            message = QT_TRANSLATE_NOOP(
                "Lookup", "the prefix /{prefix} {where} is not a number from 0 to {limit}"
            )
        else:
            message = QT_TRANSLATE_NOOP(
                "Lookup",
                "{prefix} {where} is not a prefix length (0 to {limit}) nor a netmask whose "
                "ones come first, such as 255.255.255.0",
            )
        raise AddressError(
            message.format(prefix=prefix, where=at(prefix_at), limit=limit), prefix_at
        ) from None


def _report(
    typed: str,
    interface: ipaddress.IPv4Interface | ipaddress.IPv6Interface,
    prefix_given: bool,
    meaning: str | None,
    warnings: tuple[Text, ...],
) -> NetworkReport:
    network = interface.network
    first, last, count = usable_hosts(network)
    ranges = ranges_of(network)
    mapped = interface.ip.ipv4_mapped if isinstance(interface.ip, ipaddress.IPv6Address) else None
    return NetworkReport(
        typed=typed,
        address=interface.ip,
        network=network,
        prefix_given=prefix_given,
        netmask=network.netmask,
        wildcard=network.hostmask,
        broadcast=network.broadcast_address if _has_broadcast(network) else None,
        first_host=first,
        last_host=last,
        host_count=count,
        gateway=first if count > 2 else None,
        ranges=ranges,
        flags=flags_of(network, ranges),
        mapped_ipv4=mapped,
        lenient_meaning=meaning,
        warnings=warnings,
    )


def _has_broadcast(network: Network) -> bool:
    return network.version == 4 and network.prefixlen <= 30


def usable_hosts(network: Network) -> tuple[Address, Address, int]:
    """First and last usable host and how many there are.

    IPv4 loses the network and broadcast addresses except on /31 (RFC 3021: both ends of a
    point-to-point link) and /32 (one host). IPv6 has no broadcast; it loses the
    Subnet-Router anycast address (the first) except on /127 (RFC 6164) and /128.
    """
    size = network.num_addresses
    if size <= 2:
        return network.network_address, network[-1], size
    if network.version == 4:
        return network[1], network[-2], size - 2
    return network[1], network[-1], size - 1


def flags_of(network: Network, ranges: tuple[SpecialRange, ...]) -> tuple[str, ...]:
    """The words a person scans for: private, loopback, documentation, global..."""
    kinds = [row.kind for row in ranges]
    words = list(dict.fromkeys(str(kind) for kind in kinds))
    if Kind.MULTICAST not in kinds and is_globally_reachable(network):
        words.append("global")
    return tuple(words)


def _lenient_warning(typed: str, meaning: str) -> Text:
    return QT_TRANSLATE_NOOP(
        "Lookup",
        "{typed} is not a standard address, but inet_aton and getaddrinfo accept it as "
        "{meaning}: a part starting with 0 is octal, 0x is hexadecimal, a missing part "
        "fills the last one, and text after a space is ignored",
    ).format(typed=typed, meaning=meaning)


def _address_error(text: str, exc: ValueError) -> AddressError:
    """Point at the first octet that is wrong, or say what is wrong with IPv6 text."""
    if ":" in text:
        bad = next((i for i, c in enumerate(text) if c not in "0123456789abcdefABCDEF:.%"), -1)
        return AddressError(
            QT_TRANSLATE_NOOP("Lookup", "{text} is not an IPv6 address: {reason}").format(
                text=text, reason=str(exc)
            ),
            bad,
        )
    offset = 0
    parts = text.split(".")
    for part in parts:
        if not _OCTET.fullmatch(part) or int(part) > 255:
            return AddressError(
                QT_TRANSLATE_NOOP("Lookup", "{part} {where} is not a number from 0 to 255").format(
                    part=part or '""', where=at(offset)
                ),
                offset,
            )
        if len(part) > 1 and part.startswith("0"):
            return AddressError(
                QT_TRANSLATE_NOOP(
                    "Lookup", "{part} {where} starts with 0, which the C library reads as octal"
                ).format(part=part, where=at(offset)),
                offset,
            )
        offset += len(part) + 1
    return AddressError(
        QT_TRANSLATE_NOOP(
            "Lookup", "an IPv4 address has four numbers separated by dots; {text} has {count}"
        ).format(text=text, count=len(parts)),
        len(text),
    )
