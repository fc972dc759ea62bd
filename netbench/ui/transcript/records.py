"""Turns net events into transcript records: one row per frame, sent message or notice."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from netbench.core.framing.runs import payload_size
from netbench.core.recording.writer import read_row_pieces, record_row
from netbench.core.transcript import Direction, Record
from netbench.net.events import (
    Connected,
    DataReceived,
    DataSent,
    DataSentUnshown,
    Failed,
    Listening,
    NetEvent,
    Notice,
    PeerClosed,
    PeerFinished,
    Stopped,
)
from netbench.ui.runtime.net_text import net_text
from netbench.ui.widgets.close_reasons import (
    close_reason_text,
    connected_words,
    peer_finished_words,
)


@dataclass
class Unshown:
    """Messages a batch held beyond what the view takes: counted, not made into rows."""

    records_in: int = 0
    bytes_in: int = 0
    records_out: int = 0
    bytes_out: int = 0

    def count_whole(self, event: NetEvent) -> bool:
        """Count a data event none of whose messages becomes a row; False for the other
        events (notes are always shown)."""
        if isinstance(event, DataReceived):
            self.records_in += len(event.messages)
            self.bytes_in += payload_size(event.messages)
        elif isinstance(event, DataSentUnshown):
            self.records_out += 1
            self.bytes_out += event.nbytes
        elif isinstance(event, DataSent):
            self.records_out += 1
            self.bytes_out += len(event.data)
        else:
            return False
        return True

    def add(self, other: Unshown) -> None:
        self.records_in += other.records_in
        self.bytes_in += other.bytes_in
        self.records_out += other.records_out
        self.bytes_out += other.bytes_out


def records_from_events(
    events: Sequence[NetEvent], keep: int | None = None, message_count: int | None = None
) -> tuple[list[Record], Unshown]:
    """Rows for a batch. With ``keep``, only the newest ``keep`` messages become rows (a
    flood shows its tail); the rest are counted in the returned :class:`Unshown`.
    ``message_count`` is how many messages the batch holds, when the caller counted them."""
    unshown = Unshown()
    skip = 0
    if keep is not None:
        if message_count is None:
            message_count = sum(
                len(e.messages) if isinstance(e, DataReceived) else 1
                for e in events
                if isinstance(e, DataReceived | DataSent)
            )
        skip = max(0, message_count - keep)
    records: list[Record] = []
    append = records.append
    incoming, outgoing = Direction.IN, Direction.OUT
    for event in events:
        if isinstance(event, DataReceived):
            messages = event.messages
            count = len(messages)
            start = 0
            if skip >= count:
                skip -= count
                unshown.count_whole(event)
                continue
            if skip:
                start, skip = skip, 0
                unshown.records_in += start
                # Only the shown tail is cut out of the read (see DelimitedRun).
                shown = messages[start:]
                unshown.bytes_in += payload_size(messages) - sum(map(len, shown))
            else:
                shown = messages
            wall, peer, source, chunk = event.wall, event.peer, event.source, event.chunk
            merged = count > 1
            for index, data in enumerate(shown, start):
                first = event.first_chunk if index == 0 and event.first_chunk >= 0 else chunk
                append(
                    Record(
                        wall,
                        incoming,
                        peer,
                        data,
                        "",
                        source,
                        first,
                        chunk,
                        count,
                        index + 1 if merged else 0,
                    )
                )
        elif isinstance(event, DataSentUnshown):
            unshown.count_whole(event)
        elif isinstance(event, DataSent):
            if skip:
                skip -= 1
                unshown.count_whole(event)
                continue
            append(Record(event.wall, outgoing, event.peer, event.data, channel=event.source))
        else:
            note = _note(event)
            if note is not None:
                direction, peer, text = note
                append(Record(event.wall, direction, peer, note=text, channel=event.source))
    return records, unshown


def recording_rows(events: Sequence[NetEvent], compact: bool = False) -> tuple[list[bytes], int]:
    """JSON Lines rows for a batch (a row per read in the pieces that make it), and how
    many records they hold.

    A read that completed several messages is one row (see ``read_row``): a flood is
    written per read, not per message. Everything else is a row per record, as before.
    ``compact``: the rows of a compact recording (see ``netbench.core.recording.compact``).
    """
    rows: list[bytes] = []
    count = 0
    singles: list[NetEvent] = []
    for event in events:
        if isinstance(event, DataReceived) and len(event.messages) > 1:
            if singles:
                count += _record_rows(singles, rows, compact)
                singles = []
            first = event.first_chunk if event.first_chunk >= 0 else event.chunk
            rows += read_row_pieces(
                event.wall, event.peer, event.source, event.messages, (first, event.chunk), compact
            )
            count += len(event.messages)
        else:
            singles.append(event)
    if singles:
        count += _record_rows(singles, rows, compact)
    return rows, count


def _record_rows(events: Sequence[NetEvent], rows: list[bytes], compact: bool) -> int:
    records, _ = records_from_events(events)
    rows += (record_row(record, compact) for record in records)
    return len(records)


def _note(event: NetEvent) -> tuple[Direction, str, str] | None:
    """The words of a connection event, the net layer's own texts (errors) translated too."""
    translate = QCoreApplication.translate
    if isinstance(event, Connected):
        return Direction.INFO, event.peer, connected_words(event)
    if isinstance(event, PeerFinished):
        return Direction.INFO, event.peer, peer_finished_words(event)
    if isinstance(event, PeerClosed):
        detail = f": {net_text(event.detail)}" if event.detail else ""
        return Direction.INFO, event.peer, f"{close_reason_text(event.reason)}{detail}"
    if isinstance(event, Notice):
        return Direction.ERROR if event.error else Direction.INFO, event.peer, net_text(event.text)
    if isinstance(event, Listening):
        text = translate("EventRecords", "listening on {address}").format(address=event.address)
        return Direction.INFO, "", text
    if isinstance(event, Stopped):
        if event.reason:
            text = translate("EventRecords", "stopped: {reason}").format(
                reason=net_text(event.reason)
            )
        else:
            text = translate("EventRecords", "stopped")
        return Direction.INFO, "", text
    if isinstance(event, Failed):
        return Direction.ERROR, "", net_text(event.error)
    return None
