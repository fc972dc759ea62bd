"""The sockets of this machine as ``ss -tunap`` lists them, and the filter the tab offers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from netbench.core.text import Text


@dataclass(frozen=True, slots=True)
class SocketRow:
    protocol: str  # tcp, tcp6, udp, udp6, unix
    local: str
    remote: str
    state: str  # LISTEN, ESTABLISHED, ... ("" for UDP and datagram Unix sockets)
    pid: int | None
    process: str

    def to_text(self) -> str:
        owner = f"{self.process}({self.pid})" if self.pid is not None else "-"
        return (
            f"{self.protocol:<6} {self.state or '-':<12} {self.local:<40} {self.remote:<40} {owner}"
        )


@dataclass(frozen=True, slots=True)
class SocketsReport:
    rows: tuple[SocketRow, ...]
    note: Text | None  # why owners are missing (not root) or the list is (access denied)

    def to_text(self) -> str:
        head = f"{'Proto':<6} {'State':<12} {'Local':<40} {'Peer':<40} Process"
        lines = [head, *(row.to_text() for row in self.rows)]
        if self.note:
            lines.append(str(self.note))
        return "\n".join(lines)


def filter_sockets(
    rows: Iterable[SocketRow],
    text: str = "",
    *,
    protocols: Iterable[str] = (),
    states: Iterable[str] = (),
    port: int | None = None,
) -> tuple[SocketRow, ...]:
    """Rows matching all that is given: ``text`` anywhere in a row (case-insensitive),
    one of ``protocols`` (``tcp`` also matches ``tcp6``), one of ``states``, a local or
    remote ``port``."""
    needle = text.strip().lower()
    wanted_protocols = {p.lower() for p in protocols}
    wanted_states = {s.upper() for s in states}
    suffix = f":{port}"

    def keep(row: SocketRow) -> bool:
        names = {row.protocol, row.protocol.rstrip("6")}
        if wanted_protocols and not names & wanted_protocols:
            return False
        if wanted_states and row.state.upper() not in wanted_states:
            return False
        if port is not None and not (row.local.endswith(suffix) or row.remote.endswith(suffix)):
            return False
        return not needle or needle in row.to_text().lower()

    return tuple(row for row in rows if keep(row))
