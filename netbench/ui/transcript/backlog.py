"""Events waiting to be shown: counted as they arrive, shown at the view's own pace.

Painting a table costs far more than counting, so panels count every event at once and
hand the view a batch ten times a second. While recording, every message is written, so
one update takes a bounded share; and a panel that falls behind says so, which makes the
bridge hold events back until the sockets pause (nothing is dropped).
"""

from __future__ import annotations

from collections.abc import Sequence

from netbench.net.events import DataReceived, DataSent, NetEvent
from netbench.ui.transcript.records import records_from_events
from netbench.ui.transcript.view import TranscriptView

# At ten updates a second this still shows 20,000 rows/s, more than anyone reads.
ROWS_PER_UPDATE = 2_000
# Writing a message to a recording costs a few µs: bound the work of one update.
RECORDED_PER_UPDATE = 10_000
# Beyond this the window asks the engine to hold events back (readers then pause).
BACKLOG_MESSAGES = 50_000


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

    def add(self, events: Sequence[NetEvent]) -> None:
        self._messages += sum(map(_messages, events))
        self._events.extend(events)

    @property
    def is_backlogged(self) -> bool:
        return self._messages > BACKLOG_MESSAGES

    def take(self, recording: bool) -> list[NetEvent]:
        """Everything, or while recording a share of about RECORDED_PER_UPDATE messages."""
        if not recording:
            events, self._events = self._events, []
            self._messages = 0
            return events
        taken = 0
        cut = 0
        for cut, event in enumerate(self._events, start=1):  # noqa: B007 (cut is the result)
            taken += _messages(event)
            if taken >= RECORDED_PER_UPDATE:
                break
        events, self._events = self._events[:cut], self._events[cut:]
        self._messages = max(0, self._messages - taken)
        return events


def show_in_transcript(transcript: TranscriptView, events: Sequence[NetEvent]) -> None:
    """Rows for the newest messages; the rest are counted, unless a recording needs all."""
    keep = None if transcript.recorder is not None else ROWS_PER_UPDATE
    records, unshown = records_from_events(events, keep)
    transcript.append_records(records)
    if unshown.records_in or unshown.records_out:
        transcript.model.note_unshown(
            unshown.records_in, unshown.bytes_in, unshown.records_out, unshown.bytes_out
        )
