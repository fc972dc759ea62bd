"""Service names and ports: the system's ``/etc/services``, read once, or our bundled copy.

``getservbyport`` opens and scans the services file on every call; naming each port of a
65,535-port scan that way takes seconds. Parsing the file once into two dictionaries
answers every port in microseconds, and the same parser reads the bundled table when the
system has no file (Windows, minimal containers).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path

from netbench.core.lookup.services_table import SERVICES
from netbench.core.text import QT_TRANSLATE_NOOP, Text

SYSTEM_SERVICES = Path("/etc/services")
EPHEMERAL_RANGE_FILE = Path("/proc/sys/net/ipv4/ip_local_port_range")
BUNDLED = "bundled IANA table"


@dataclass(frozen=True, slots=True)
class Service:
    """One entry of a services file: a name for a port of one protocol, and its aliases."""

    name: str
    port: int
    protocol: str
    aliases: tuple[str, ...] = ()

    def to_text(self) -> str:
        aliases = f" ({', '.join(self.aliases)})" if self.aliases else ""
        return f"{self.name} {self.port}/{self.protocol}{aliases}"


def parse_services(text: str) -> tuple[Service, ...]:
    """Entries of a services file: ``name port/protocol [aliases...] [# comment]``.

    Malformed lines are skipped, as the C library skips them.
    """
    entries: list[Service] = []
    for line in text.splitlines():
        fields = line.split("#", 1)[0].split()
        if len(fields) < 2:
            continue
        port, _, protocol = fields[1].partition("/")
        if not port.isdigit() or not protocol or int(port) > 65535:
            continue
        entries.append(Service(fields[0], int(port), protocol.lower(), tuple(fields[2:])))
    return tuple(entries)


@dataclass(frozen=True)
class ServiceTable:
    """Name <-> port per protocol. The first entry for a port wins, as in the C library."""

    source: str
    entries: tuple[Service, ...]
    _by_name: dict[tuple[str, str], Service] = field(init=False, repr=False, compare=False)
    _by_port: dict[tuple[int, str], Service] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_name: dict[tuple[str, str], Service] = {}
        by_port: dict[tuple[int, str], Service] = {}
        for entry in self.entries:
            for name in (entry.name, *entry.aliases):
                by_name.setdefault((name.lower(), entry.protocol), entry)
            by_port.setdefault((entry.port, entry.protocol), entry)
        object.__setattr__(self, "_by_name", by_name)
        object.__setattr__(self, "_by_port", by_port)

    def by_name(self, name: str, protocol: str | None = None) -> tuple[Service, ...]:
        """Entries called ``name`` (or with it as an alias), TCP first."""
        protocols = (protocol,) if protocol else ("tcp", "udp", "sctp", "ddp")
        found = (self._by_name.get((name.lower(), p)) for p in protocols)
        return tuple(entry for entry in found if entry is not None)

    def port_of(self, name: str, protocol: str = "tcp") -> int | None:
        entries = self.by_name(name, protocol)
        return entries[0].port if entries else None

    def by_port(self, port: int, protocol: str = "tcp") -> Service | None:
        return self._by_port.get((port, protocol))

    def name_of(self, port: int, protocol: str = "tcp") -> str:
        """The service's name for a scan row, or "" when the port has none."""
        entry = self._by_port.get((port, protocol))
        return entry.name if entry else ""

    def search(self, text: str) -> tuple[Service, ...]:
        """Entries whose name, alias or port contains ``text`` (case-insensitive)."""
        needle = text.strip().lower()
        if not needle:
            return self.entries
        return tuple(
            entry
            for entry in self.entries
            if needle in str(entry.port)
            or any(needle in name.lower() for name in (entry.name, *entry.aliases))
        )


@cache
def load_services(path: Path = SYSTEM_SERVICES) -> ServiceTable:
    """The system's table when it has one with entries, else the bundled one (cached)."""
    try:
        entries = parse_services(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        entries = ()
    if entries:
        return ServiceTable(str(path), entries)
    return bundled_services()


@cache
def bundled_services() -> ServiceTable:
    return ServiceTable(BUNDLED, parse_services(SERVICES))


class PortClass(StrEnum):
    """IANA's three port ranges (RFC 6335)."""

    WELL_KNOWN = "well-known (0-1023)"
    REGISTERED = "registered (1024-49151)"
    DYNAMIC = "dynamic or private (49152-65535)"


def port_class(port: int) -> PortClass:
    if port <= 1023:
        return PortClass.WELL_KNOWN
    if port <= 49151:
        return PortClass.REGISTERED
    return PortClass.DYNAMIC


@dataclass(frozen=True, slots=True)
class EphemeralRange:
    """The ports this system picks for outgoing connections (not IANA's dynamic range)."""

    low: int
    high: int
    source: str

    def __contains__(self, port: object) -> bool:
        return isinstance(port, int) and self.low <= port <= self.high


def ephemeral_range(path: Path = EPHEMERAL_RANGE_FILE) -> EphemeralRange | None:
    """Linux's ``ip_local_port_range``; None where the system does not publish it."""
    try:
        low, high = (int(value) for value in path.read_text().split())
    except (OSError, ValueError):
        return None
    return EphemeralRange(low, high, str(path))


@dataclass(frozen=True, slots=True)
class PortInfo:
    """Everything the Services page says about one port: the services registered for it,
    its IANA range, and whether this system may pick it for an outgoing connection."""

    port: int
    protocol: str
    services: tuple[Service, ...]
    port_class: PortClass
    ephemeral: EphemeralRange | None

    def to_text(self) -> str:
        names = ", ".join(s.to_text() for s in self.services) or "no service registered"
        lines = [f"{self.port}/{self.protocol}: {names}", f"range: {self.port_class}"]
        lines.append(f"this system's ephemeral ports: {ephemeral_words(self.ephemeral)}")
        if self.ephemeral is not None and self.port in self.ephemeral:
            lines.append("this port may be picked for outgoing connections")
        return "\n".join(lines)


def ephemeral_words(ephemeral: EphemeralRange | None) -> Text:
    if ephemeral is None:
        return QT_TRANSLATE_NOOP("Lookup", "not published by this system")
    return QT_TRANSLATE_NOOP("Lookup", "{low}-{high} (from {source})").format(
        low=ephemeral.low, high=ephemeral.high, source=ephemeral.source
    )


def port_info(port: int, protocol: str = "tcp", table: ServiceTable | None = None) -> PortInfo:
    table = table or load_services()
    entry = table.by_port(port, protocol)
    return PortInfo(
        port,
        protocol,
        (entry,) if entry else (),
        port_class(port),
        ephemeral_range(),
    )
