"""Split a network into subnets, and find what holds several: ``ipaddress`` does the maths.

A split is listed in full, so one that would make more than :data:`MAX_SUBNETS` rows is
refused with the count it would have made, rather than freezing the window on a /8 split
into /32s (16 million rows).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from netbench.core.lookup.address_errors import AddressError
from netbench.core.lookup.special_ranges import Network
from netbench.core.text import QT_TRANSLATE_NOOP

MAX_SUBNETS = 65_536


@dataclass(frozen=True, slots=True)
class Split:
    network: Network
    new_prefix: int
    subnets: tuple[Network, ...]

    def to_text(self) -> str:
        head = f"{self.network} into {len(self.subnets):,} × /{self.new_prefix}"
        return "\n".join([head, *(str(net) for net in self.subnets)])


def prefix_for_count(network: Network, count: int) -> int:
    """The longest prefix that still gives at least ``count`` subnets."""
    if count < 1:
        raise AddressError(
            QT_TRANSLATE_NOOP("Lookup", "ask for at least one subnet, not {count}").format(
                count=count
            )
        )
    new_prefix = network.prefixlen + (count - 1).bit_length()
    if new_prefix > network.max_prefixlen:
        raise AddressError(
            QT_TRANSLATE_NOOP(
                "Lookup", "{network} has {size} addresses: it cannot make {count} subnets"
            ).format(network=str(network), size=f"{network.num_addresses:,}", count=f"{count:,}")
        )
    return new_prefix


def split(network: Network, *, new_prefix: int | None = None, count: int | None = None) -> Split:
    """``network`` cut into subnets of ``new_prefix`` (or enough for ``count``)."""
    if new_prefix is None:
        new_prefix = prefix_for_count(network, count if count is not None else 2)
    if not network.prefixlen <= new_prefix <= network.max_prefixlen:
        raise AddressError(
            QT_TRANSLATE_NOOP(
                "Lookup", "the new prefix /{new} must be between /{old} and /{top}"
            ).format(new=new_prefix, old=network.prefixlen, top=network.max_prefixlen)
        )
    total = 1 << (new_prefix - network.prefixlen)
    if total > MAX_SUBNETS:
        raise AddressError(
            QT_TRANSLATE_NOOP(
                "Lookup",
                "{network} in /{new} pieces makes {total} subnets; the list stops at {limit}: "
                "pick a shorter prefix",
            ).format(
                network=str(network), new=new_prefix, total=f"{total:,}", limit=f"{MAX_SUBNETS:,}"
            )
        )
    return Split(network, new_prefix, tuple(network.subnets(new_prefix=new_prefix)))


def parse_networks(texts: Iterable[str]) -> list[Network]:
    """Networks (or addresses, as /32 and /128), host bits allowed and dropped."""
    networks: list[Network] = []
    for text in texts:
        if not text.strip():
            continue
        try:
            networks.append(ipaddress.ip_network(text.strip(), strict=False))
        except ValueError as exc:
            raise AddressError(
                QT_TRANSLATE_NOOP("Lookup", "{text} is not a network: {reason}").format(
                    text=text.strip(), reason=str(exc)
                )
            ) from None
    return networks


def collapse(networks: Sequence[Network]) -> list[Network]:
    """The fewest networks covering exactly the same addresses, per IP version."""
    out: list[Network] = []
    for version in (4, 6):
        same = [net for net in networks if net.version == version]
        out += list(ipaddress.collapse_addresses(same))  # type: ignore[type-var]
    return out


def common_supernet(networks: Sequence[Network]) -> Network:
    """The smallest single network holding all of ``networks`` (one IP version)."""
    if not networks:
        raise AddressError(QT_TRANSLATE_NOOP("Lookup", "type at least one network"))
    if len({net.version for net in networks}) > 1:
        raise AddressError(
            QT_TRANSLATE_NOOP("Lookup", "IPv4 and IPv6 networks have no common supernet")
        )
    candidate = networks[0]
    while not all(net.subnet_of(candidate) for net in networks):  # type: ignore[arg-type]
        candidate = candidate.supernet()
    return candidate
