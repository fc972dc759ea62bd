"""A TCP-connect "ping": the time each handshake took, and min/avg/max/loss like ping's."""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from netbench.core.lookup.scan_report import PortState
from netbench.core.text import QT_TRANSLATE_NOOP

ICMP_NOTE = QT_TRANSLATE_NOOP(
    "Lookup",
    "ICMP echo (the ping command) needs a raw socket, which takes administrator rights "
    "(root or CAP_NET_RAW); this times TCP handshakes to an open port instead",
)


@dataclass(frozen=True, slots=True)
class PingSample:
    """One timed connect: its number in the run (from 1), what the port answered, how long
    that took, and the system's words when it failed."""

    seq: int
    state: PortState
    seconds: float
    detail: str = ""

    @property
    def replied(self) -> bool:
        """A refused connect is an answer too: the host is up, the port closed."""
        return self.state in (PortState.OPEN, PortState.CLOSED)


@dataclass(frozen=True, slots=True)
class PingReport:
    """A whole run to one port of one address (``host`` as typed, ``address`` as resolved)."""

    host: str
    address: str
    port: int
    samples: tuple[PingSample, ...]

    @property
    def sent(self) -> int:
        return len(self.samples)

    @property
    def received(self) -> int:
        return sum(sample.replied for sample in self.samples)

    @property
    def loss(self) -> float:
        """Percent of attempts with no answer."""
        return 100.0 * (self.sent - self.received) / self.sent if self.sent else 0.0

    def stats_ms(self) -> tuple[float, float, float] | None:
        times = [s.seconds * 1000 for s in self.samples if s.replied]
        if not times:
            return None
        return min(times), statistics.fmean(times), max(times)

    def to_text(self) -> str:
        lines = [f"TCP connect to {self.host} ({self.address}) port {self.port}"]
        for s in self.samples:
            detail = f" ({s.detail})" if s.detail else ""
            lines.append(f"seq={s.seq} {s.state} time={s.seconds * 1000:.2f} ms{detail}")
        lines.append(f"{self.sent} sent, {self.received} answered, {self.loss:.0f}% without answer")
        stats = self.stats_ms()
        if stats:
            lines.append("min/avg/max = {:.2f}/{:.2f}/{:.2f} ms".format(*stats))
        return "\n".join(lines)
