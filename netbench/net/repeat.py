"""A repeat runs on the engine's loop, beside the socket it writes to.

There its sleeps are the loop's own (epoll timeouts, accurate to well under a ms), and a
busy window does not make it late: with networking on an IO thread the rate holds while
the UI paints a flood. What is due goes out in one batch per loop turn, rendered from the
payload recipe with ``{counter}`` numbered from ``first_counter``.

The UI reads :class:`RepeatRun`'s counters (plain ints, safe from another thread) to show
progress, and cancels the task (or sets ``stop``) to end it.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

from netbench.core.checksum import ChecksumError
from netbench.core.recipe import PayloadRecipe
from netbench.core.schedule import RepeatSchedule
from netbench.net.datagram import DatagramClient
from netbench.net.errors import NetError
from netbench.net.events import EventSink, Notice
from netbench.net.stream import StreamPeer

# Back-to-back sends (interval 0) give the loop a turn this often.
SENDS_PER_TURN = 100


@dataclass
class RepeatRun:
    schedule: RepeatSchedule
    recipe: PayloadRecipe
    first_counter: int
    stop: bool = False
    failure: str = ""
    finished: bool = False

    @property
    def last_counter(self) -> int:
        """The ``{counter}`` of the last message sent (first_counter - 1 before any)."""
        return self.first_counter + self.schedule.sent - 1


async def run_repeat(client: StreamPeer | DatagramClient, run: RepeatRun, sink: EventSink) -> None:
    """Send on the schedule until it is finished, stopped, or the connection fails."""
    schedule = run.schedule
    try:
        while not schedule.finished and not run.stop:
            wait = schedule.wait(time.monotonic())
            if wait > 0:
                await asyncio.sleep(wait)
                continue  # a timer that fired early just waits again
            sent_before = schedule.sent
            try:
                while (
                    not schedule.finished
                    and schedule.sent - sent_before < SENDS_PER_TURN
                    and schedule.wait(now := time.monotonic()) == 0
                ):
                    data = run.recipe.render(run.first_counter + schedule.sent, time.time())
                    client.send(data)
                    schedule.mark_sent(now)
            except ChecksumError as exc:
                run.failure = exc.message
                return
            except NetError as exc:
                run.failure = exc.message
                sink(Notice(source=client.source, text=exc.message))
                return
            await asyncio.sleep(0)
    finally:
        run.finished = True
