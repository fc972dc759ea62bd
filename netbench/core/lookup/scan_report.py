"""What a port scan found, as rows a table shows, text to copy and CSV to export.

The scan itself is in :mod:`netbench.net.lookup.scan`; this is the part without sockets.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum


class PortState(StrEnum):
    """What a connect to a port found."""

    OPEN = "open"  # the handshake completed
    CLOSED = "closed"  # refused (RST): the host is there, nothing listens
    FILTERED = "filtered"  # no answer before the deadline: dropped on the way, or a slow host
    ERROR = "error"  # the system refused to try (unreachable network, out of sockets...)


@dataclass(frozen=True, slots=True)
class PortResult:
    """One port of a scan: what it answered and how fast, the service registered for it,
    and the system's words when the connect failed."""

    port: int
    state: PortState
    seconds: float
    service: str = ""
    detail: str = ""
    host: str = ""  # the address connected to


@dataclass(frozen=True, slots=True)
class ScanProgress:
    """A batch of results: how far the scan is, and the rows finished since the last batch."""

    done: int
    total: int
    counts: dict[PortState, int]
    latest: tuple[PortResult, ...]


@dataclass(frozen=True, slots=True)
class ScanReport:
    """A finished (or cancelled) scan: its rows and how it ran, for the table and exports."""

    host: str
    address: str
    results: tuple[PortResult, ...]  # in port order
    total: int  # ports asked for; more than len(results) when cancelled
    elapsed: float
    concurrency: int
    timeout: float
    cancelled: bool = False

    def counts(self) -> dict[PortState, int]:
        found = Counter(result.state for result in self.results)
        return {state: found[state] for state in PortState}

    @property
    def open_ports(self) -> tuple[int, ...]:
        return tuple(r.port for r in self.results if r.state is PortState.OPEN)

    def summary(self) -> str:
        counts = ", ".join(f"{n:,} {state}" for state, n in self.counts().items() if n)
        end = " (cancelled)" if self.cancelled else ""
        return (
            f"{self.host} ({self.address}): {len(self.results):,} of {self.total:,} ports "
            f"in {self.elapsed:.2f} s{end}: {counts or 'nothing'}"
        )

    @property
    def several_hosts(self) -> bool:
        """True when the results are of more than one address (rows then say which)."""
        first = self.results[0].host if self.results else ""
        return any(r.host != first for r in self.results)

    def to_text(self, states: tuple[PortState, ...] = (PortState.OPEN,)) -> str:
        """nmap-like: the rows in ``states`` (open ones by default), then the summary."""
        width = max((len(r.host) for r in self.results), default=0) + 1
        host = f"{'HOST':<{width}}" if self.several_hosts else ""
        lines = [f"{host}{'PORT':<10} {'STATE':<9} {'TIME':>9}  SERVICE"]
        for r in self.results:
            if r.state in states:
                note = f"  {r.detail}" if r.detail else ""
                port = f"{r.port}/tcp"
                where = f"{r.host:<{width}}" if host else ""
                lines.append(
                    f"{where}{port:<10} {r.state:<9} {r.seconds * 1000:>7.1f}ms  {r.service}{note}"
                )
        lines.append(self.summary())
        return "\n".join(lines)

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["host", "address", "port", "protocol", "state", "ms", "service", "detail"])
        for r in self.results:
            ms = f"{r.seconds * 1000:.3f}"
            address = r.host or self.address
            row = [self.host, address, r.port, "tcp", r.state, ms, r.service, r.detail]
            writer.writerow(row)
        return out.getvalue()
