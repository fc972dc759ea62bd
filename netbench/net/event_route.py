"""Where an open socket's events go, so every opener is handed one value for it."""

from __future__ import annotations

from dataclasses import dataclass

from netbench.net.events import EventSink
from netbench.net.read_gate import ReadGate


@dataclass(frozen=True, slots=True)
class EventRoute:
    """What a listener or client reports through, besides where its socket is: the
    ``sink`` its events go to, the ``source`` they carry (empty: the opener names itself,
    "tcp listener") and the read budget it shares (``gate``; None: unlimited, as in a test
    or a tool with no window to keep responsive)."""

    sink: EventSink
    source: str = ""
    gate: ReadGate | None = None

    def named(self, fallback: str) -> str:
        """The source the events carry: the one given, else ``fallback``."""
        return self.source or fallback
