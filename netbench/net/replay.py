"""A replay sends a recording's messages again, on the engine's loop, beside the socket.

The file is read as it is sent (core/recording/reader.py), one row at a time, so its size does not
matter. Each message is due at an absolute deadline on the recording's gaps (scaled), on a
fixed grid, or at once (core/schedule.py's ReplaySchedule: a stall never turns into more
than a short burst). Like a file send it waits while the socket's send buffer is full or
the UI has many events still to show, so a fast replay goes at the pace the peer and the
window take; every message goes through the client's ``send``, so the transcript, the
counters and a recording see each one.

The UI reads :class:`ReplayRun`'s counters (plain ints, safe from another thread) to show
progress, and sets ``stop`` to end it.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from netbench.core.errors import RecordingError
from netbench.core.recording.reader import RecordingReader
from netbench.core.recording.replay_plan import ReplayChoice, ReplayTiming
from netbench.core.recording.rows import open_recording
from netbench.core.schedule import ReplaySchedule
from netbench.core.text import QT_TRANSLATE_NOOP, verbatim
from netbench.net.errors import NetError
from netbench.net.read_gate import ReadGate
from netbench.net.write_room import (
    is_closing,
    socket_has_room,
    ui_has_room,
    wait_for_room,
    why_closed,
)

# Back-to-back sends give the loop a turn this often.
SENDS_PER_TURN = 100
# The next message waits while the socket is full (net/write_room.py), or while the UI has
# this many events still to show: each message is one event, and
# the bridge takes thousands a tick, so this keeps memory bounded without slowing a replay.
MAX_QUEUED_EVENTS = 1024
# A long recorded gap is waited in steps this long, so Stop is never kept waiting longer.
STOP_CHECK = 0.1


class ReplayTarget(Protocol):
    """Where messages go: a client's connection (a stream, or a datagram socket).

    A datagram socket also counts the errors it reported (``errors_received``, with the
    ``last_error``): one of those during a replay ends it.
    """

    @property
    def transport(self) -> asyncio.BaseTransport | None: ...

    def send(self, data: bytes) -> None: ...


@dataclass
class ReplayRun:
    """One replay: what it sends, how far it got, and how it ended."""

    path: Path
    choice: ReplayChoice
    timing: ReplayTiming
    total: int  # messages the summary counted for ``choice``
    sent: int = 0
    bytes_sent: int = 0
    line: int = 0  # the line of the last message sent
    skipped: int = 0  # messages of the other direction or other peers
    notes: int = 0
    slipped: float = 0.0  # how far the replay fell behind the recording's timing
    started: float = field(default_factory=time.monotonic)
    ended: float = 0.0
    stop: bool = False
    failure: str = ""
    finished: bool = False

    @property
    def completed(self) -> bool:
        """It read the whole file and sent every chosen message."""
        return self.finished and not self.stop and not self.failure

    @property
    def elapsed(self) -> float:
        return (self.ended or time.monotonic()) - self.started


async def run_replay(target: ReplayTarget, run: ReplayRun, gate: ReadGate | None) -> None:
    """Send the chosen messages until the file ends, ``stop`` is set or a send fails.

    Never raises for what the file or the connection does: ``failure`` says it.
    """
    schedule = ReplaySchedule(start=time.monotonic())
    run.started = schedule.start
    reader: RecordingReader | None = None
    try:
        with open_recording(run.path) as stream:
            reader = RecordingReader(stream, run.choice)
            in_turn = 0
            errors = getattr(target, "errors_received", 0)
            for message in reader:
                if run.stop:
                    break
                if message is None:  # a long stretch of rows that are not sent
                    run.skipped, run.notes = reader.skipped, reader.notes
                    await asyncio.sleep(0)
                    continue
                offset = run.timing.offset(run.sent, message.offset)
                if offset is not None and schedule.wait(offset, time.monotonic()) > 0:
                    while (wait := schedule.wait(offset, time.monotonic())) > 0 and not run.stop:
                        await asyncio.sleep(min(wait, STOP_CHECK))
                    in_turn = 0
                if not (socket_has_room(target) and ui_has_room(gate, MAX_QUEUED_EVENTS)):
                    await wait_for_room(target, gate, MAX_QUEUED_EVENTS, lambda: run.stop)
                    in_turn = 0
                if run.stop:
                    break
                if is_closing(target):
                    raise NetError(await why_closed(target))
                target.send(message.data)
                if getattr(target, "errors_received", 0) != errors:
                    # A datagram socket says so afterwards (too big, a closed port).
                    raise NetError(getattr(target, "last_error", ""))
                if offset is not None:
                    schedule.mark_sent(offset, time.monotonic())
                run.sent += 1
                run.bytes_sent += len(message.data)
                run.line = message.line
                in_turn += 1
                if in_turn >= SENDS_PER_TURN:
                    in_turn = 0
                    await asyncio.sleep(0)
    except (RecordingError, NetError) as exc:
        run.failure = exc.message
    except OSError as exc:
        run.failure = QT_TRANSLATE_NOOP("Replay", "reading the file failed: {reason}").format(
            reason=verbatim(exc.strerror or str(exc))
        )
    finally:
        if reader is not None:
            run.skipped, run.notes = reader.skipped, reader.notes
        run.slipped = schedule.slipped
        run.ended = time.monotonic()
        run.finished = True
