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

from netbench.core.rates import TrafficCounts
from netbench.net.events import DataReceived, DataSent, DataSentUnshown, NetEvent
from netbench.ui.transcript.records import Unshown, recording_rows, records_from_events
from netbench.ui.transcript.view import TranscriptView

# At ten updates a second this still shows 20,000 rows/s, more than anyone reads.
ROWS_PER_UPDATE = 2_000
# A recording writes a row per read (about 1 µs a KB); bound the work of one update.
RECORDED_BYTES_PER_UPDATE = 2 * 1024 * 1024
# Beyond these the window asks the engine to hold events back (readers then pause), and
# the panel takes its backlog at once rather than at the view's pace.
BACKLOG_BYTES = 8 * 1024 * 1024
BACKLOG_EVENTS = 20_000


def tally(events: Sequence[NetEvent]) -> TrafficCounts:
    """One pass over a batch: what it carries each way."""
    counts = TrafficCounts()
    for event in events:
        messages, nbytes = _messages_and_bytes(event)
        if isinstance(event, DataReceived):
            counts.count_in(messages, nbytes)
        else:
            counts.count_out(messages, nbytes)
    return counts


def _messages_and_bytes(event: NetEvent) -> tuple[int, int]:
    """What a data event carries (bytes read, for a read); nothing for the others."""
    if isinstance(event, DataReceived):
        return len(event.messages), event.nbytes
    if isinstance(event, DataSentUnshown):
        return 1, event.nbytes
    return (1, len(event.data)) if isinstance(event, DataSent) else (0, 0)


class EventBacklog:
    def __init__(self) -> None:
        self._events: list[NetEvent] = []
        self._messages = 0
        self._bytes = 0

    def __bool__(self) -> bool:
        return bool(self._events)

    def add(self, events: Sequence[NetEvent]) -> TrafficCounts:
        """Keeps ``events`` for the next update; returns their tally for the counters."""
        counts = tally(events)
        self._messages += counts.messages
        self._bytes += counts.bytes_in + counts.bytes_out
        self._events.extend(events)
        return counts

    @property
    def is_backlogged(self) -> bool:
        return self._bytes > BACKLOG_BYTES or len(self._events) > BACKLOG_EVENTS

    def more_than_one_update(self, recording: bool) -> bool:
        """Whether what waits needs several updates (only a recording takes shares)."""
        return recording and self._bytes > RECORDED_BYTES_PER_UPDATE

    def take(self, recording: bool) -> tuple[list[NetEvent], int]:
        """Everything, or while recording a share of about RECORDED_BYTES_PER_UPDATE
        bytes; with the number of messages taken."""
        if not recording:
            events, self._events = self._events, []
            taken, self._messages, self._bytes = self._messages, 0, 0
            return events, taken
        taken = taken_bytes = cut = 0
        for cut, event in enumerate(self._events, start=1):
            messages, nbytes = _messages_and_bytes(event)
            taken += messages
            taken_bytes += nbytes
            if taken_bytes >= RECORDED_BYTES_PER_UPDATE or cut >= BACKLOG_EVENTS // 4:
                break
        events, self._events = self._events[:cut], self._events[cut:]
        self._messages = max(0, self._messages - taken)
        self._bytes = max(0, self._bytes - taken_bytes)
        return events, taken


def record_in_transcript(transcript: TranscriptView, events: Sequence[NetEvent]) -> None:
    """Every message of ``events`` to the recording, if one runs (a row per read)."""
    recorder = transcript.recorder
    if recorder is not None:
        transcript.record_rows(*recording_rows(events, recorder.compact))


class ShownLater:
    """Events waiting for the view's next update, cut to the newest messages as they come.

    Updates taken in a hurry (a backlog, a recording writing every read) count and record
    at once but leave the table alone: rows are made at the view's own pace, for the
    newest :data:`ROWS_PER_UPDATE` messages. Older messages are counted here as they fall
    out of that window, so what waits stays small however long the hurry lasts; notes
    (connections, errors) always stay, in order.
    """

    def __init__(self) -> None:
        self._events: list[NetEvent] = []
        self._messages = 0
        self._unshown = Unshown()

    def __bool__(self) -> bool:
        return bool(self._events) or bool(self._unshown.records_in or self._unshown.records_out)

    def add(self, events: Sequence[NetEvent], messages: int) -> None:
        self._events.extend(events)
        self._messages += messages
        if self._messages > 2 * ROWS_PER_UPDATE:
            self._cut_to_newest()

    def _cut_to_newest(self) -> None:
        """Count the data events older than the newest ROWS_PER_UPDATE messages."""
        newest = 0
        cut = len(self._events)
        while cut > 0 and newest < ROWS_PER_UPDATE:
            cut -= 1
            newest += _messages_and_bytes(self._events[cut])[0]
        count_whole = self._unshown.count_whole
        kept = [event for event in self._events[:cut] if not count_whole(event)]
        self._events = kept + self._events[cut:]
        self._messages = newest

    def show(self, transcript: TranscriptView) -> None:
        """Rows for the newest messages; the rest counted."""
        records, unshown = records_from_events(self._events, ROWS_PER_UPDATE, self._messages)
        unshown.add(self._unshown)
        self._events, self._messages, self._unshown = [], 0, Unshown()
        transcript.show_records(records)
        if unshown.records_in or unshown.records_out:
            transcript.model.note_unshown(
                unshown.records_in, unshown.bytes_in, unshown.records_out, unshown.bytes_out
            )
