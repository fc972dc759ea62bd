"""Events waiting to be shown: counted as they arrive, shown at the view's own pace.

Painting a table costs far more than counting, so panels count every event at once and
hand the view a batch ten times a second. While recording, every message is written, so
one update takes a bounded share; and a panel that falls behind says so, which makes the
bridge hold events back until the sockets pause (nothing is dropped).

Each batch is counted here once, on arrival: the panel's counters take the same tally, and
the rows made later know how many messages they hold without counting them again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from netbench.net.events import DataReceived, DataSent, DataSentUnshown, NetEvent
from netbench.ui.transcript.records import records_from_events
from netbench.ui.transcript.view import TranscriptView

# At ten updates a second this still shows 20,000 rows/s, more than anyone reads.
ROWS_PER_UPDATE = 2_000
# Writing a message to a recording costs a few µs: bound the work of one update.
RECORDED_PER_UPDATE = 10_000
# Beyond this the window asks the engine to hold events back (readers then pause).
BACKLOG_MESSAGES = 50_000


@dataclass(slots=True)
class Tally:
    """Messages and bytes of a batch, each way."""

    messages_in: int = 0
    bytes_in: int = 0
    messages_out: int = 0
    bytes_out: int = 0

    @property
    def messages(self) -> int:
        return self.messages_in + self.messages_out


def tally(events: Sequence[NetEvent]) -> Tally:
    """One pass over a batch: what it carries each way."""
    counts = Tally()
    for event in events:
        if isinstance(event, DataReceived):
            counts.messages_in += len(event.messages)
            counts.bytes_in += event.nbytes
        elif isinstance(event, DataSentUnshown):
            counts.messages_out += 1
            counts.bytes_out += event.nbytes
        elif isinstance(event, DataSent):
            counts.messages_out += 1
            counts.bytes_out += len(event.data)
    return counts


def _messages(event: NetEvent) -> int:
    if isinstance(event, DataReceived):
        return len(event.messages)
    return 1 if isinstance(event, DataSent) else 0


class EventBacklog:
    def __init__(self) -> None:
        self._events: list[NetEvent] = []
        self._messages = 0

    def __bool__(self) -> bool:
        return bool(self._events)

    def add(self, events: Sequence[NetEvent]) -> Tally:
        """Keeps ``events`` for the next update; returns their tally for the counters."""
        counts = tally(events)
        self._messages += counts.messages
        self._events.extend(events)
        return counts

    @property
    def is_backlogged(self) -> bool:
        return self._messages > BACKLOG_MESSAGES

    def take(self, recording: bool) -> tuple[list[NetEvent], int]:
        """Everything, or while recording a share of about RECORDED_PER_UPDATE messages;
        with the number of messages taken."""
        if not recording:
            events, self._events = self._events, []
            taken, self._messages = self._messages, 0
            return events, taken
        taken = 0
        cut = 0
        for cut, event in enumerate(self._events, start=1):  # noqa: B007 (cut is the result)
            taken += _messages(event)
            if taken >= RECORDED_PER_UPDATE:
                break
        events, self._events = self._events[:cut], self._events[cut:]
        self._messages = max(0, self._messages - taken)
        return events, taken


def show_in_transcript(
    transcript: TranscriptView, events: Sequence[NetEvent], messages: int
) -> None:
    """Rows for the newest messages; the rest are counted, unless a recording needs all.
    ``messages`` is how many messages ``events`` hold (the backlog counted them)."""
    keep = None if transcript.recorder is not None else ROWS_PER_UPDATE
    records, unshown = records_from_events(events, keep, messages)
    transcript.append_records(records)
    if unshown.records_in or unshown.records_out:
        transcript.model.note_unshown(
            unshown.records_in, unshown.bytes_in, unshown.records_out, unshown.bytes_out
        )
