"""Turns net events into transcript records: one row per frame, sent message or notice."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from netbench.core.transcript import Direction, Record
from netbench.net.events import (
    Connected,
    DataReceived,
    DataSent,
    Failed,
    Listening,
    NetEvent,
    Notice,
    PeerClosed,
    PeerFinished,
    Stopped,
)


@dataclass
class Unshown:
    """Messages a batch held beyond what the view takes: counted, not made into rows."""

    records_in: int = 0
    bytes_in: int = 0
    records_out: int = 0
    bytes_out: int = 0


def records_from_events(
    events: Sequence[NetEvent], keep: int | None = None
) -> tuple[list[Record], Unshown]:
    """Rows for a batch. With ``keep``, only the newest ``keep`` messages become rows (a
    flood shows its tail); the rest are counted in the returned :class:`Unshown`."""
    unshown = Unshown()
    skip = 0
    if keep is not None:
        total = sum(
            len(e.messages) if isinstance(e, DataReceived) else 1
            for e in events
            if isinstance(e, DataReceived | DataSent)
        )
        skip = max(0, total - keep)
    records: list[Record] = []
    append = records.append
    incoming, outgoing = Direction.IN, Direction.OUT
    for event in events:
        if isinstance(event, DataReceived):
            messages = event.messages
            count = len(messages)
            start = 0
            if skip:
                start = min(skip, count)
                skip -= start
                unshown.records_in += start
                unshown.bytes_in += sum(map(len, messages[:start]))
            wall, peer, source, chunk = event.wall, event.peer, event.source, event.chunk
            merged = count > 1
            for index in range(start, count):
                first = event.first_chunk if index == 0 and event.first_chunk >= 0 else chunk
                append(
                    Record(
                        wall,
                        incoming,
                        peer,
                        messages[index],
                        "",
                        source,
                        first,
                        chunk,
                        count,
                        index + 1 if merged else 0,
                    )
                )
        elif isinstance(event, DataSent):
            if skip:
                skip -= 1
                unshown.records_out += 1
                unshown.bytes_out += len(event.data)
                continue
            append(Record(event.wall, outgoing, event.peer, event.data, channel=event.source))
        else:
            note = _note(event)
            if note is not None:
                direction, peer, text = note
                append(Record(event.wall, direction, peer, note=text, channel=event.source))
    return records, unshown


def _note(event: NetEvent) -> tuple[Direction, str, str] | None:
    if isinstance(event, Connected):
        where = f" (local {event.local})" if event.local else ""
        return Direction.INFO, event.peer, f"connected{where}"
    if isinstance(event, PeerFinished):
        return Direction.INFO, event.peer, "peer finished sending (FIN); we can still reply"
    if isinstance(event, PeerClosed):
        detail = f": {event.detail}" if event.detail else ""
        return Direction.INFO, event.peer, f"{event.reason.value}{detail}"
    if isinstance(event, Notice):
        return Direction.ERROR, event.peer, event.text
    if isinstance(event, Listening):
        return Direction.INFO, "", f"listening on {event.address}"
    if isinstance(event, Stopped):
        return Direction.INFO, "", "stopped" + (f": {event.reason}" if event.reason else "")
    if isinstance(event, Failed):
        return Direction.ERROR, "", event.error
    return None
