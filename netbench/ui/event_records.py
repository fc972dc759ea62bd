"""Turns net events into transcript records: one row per frame, sent message or notice."""

from __future__ import annotations

from collections.abc import Iterable

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


def records_from_events(events: Iterable[NetEvent]) -> list[Record]:
    records: list[Record] = []
    append = records.append
    for event in events:
        if isinstance(event, DataReceived):
            count = len(event.frames)
            for frame in event.frames:
                append(
                    Record(
                        at=event.wall,
                        direction=Direction.IN,
                        peer=event.peer,
                        data=frame.data,
                        channel=event.source,
                        first_chunk=frame.first_chunk,
                        last_chunk=frame.last_chunk,
                        chunk_frames=count,
                    )
                )
        elif isinstance(event, DataSent):
            append(Record(event.wall, Direction.OUT, event.peer, event.data, channel=event.source))
        else:
            note = _note(event)
            if note is not None:
                direction, peer, text = note
                append(Record(event.wall, direction, peer, note=text, channel=event.source))
    return records


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
