"""One load-test connection: a protocol object that sends from its own callbacks.

In request/response mode the next message goes out from the callback that completed the
reply, so a round trip costs no task switch; without replies it writes until the transport
asks it to pause. The counters it keeps are the run's (:class:`~.run.LoadRun`).
"""

from __future__ import annotations

import asyncio
import socket
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netbench.core.framing.spec import FramingKind
from netbench.core.framing.wire import make_framer
from netbench.core.pacing import Pacer
from netbench.core.text import QT_TRANSLATE_NOOP
from netbench.net.errors import describe_os_error
from netbench.net.read_gate import READ_BUFFER_SIZE

if TYPE_CHECKING:
    from netbench.net.loadtest.run import LoadRun


class Connection:
    """The sending and counting shared by stream and datagram connections."""

    def __init__(self, run: LoadRun, number: int) -> None:
        self.run = run
        self.number = number
        self.loop = run.loop
        self.transport: Any = None
        self.done = False  # finished sending and receiving, or failed
        self.closed: asyncio.Future[None] = self.loop.create_future()
        self.sent = 0
        self.waiting_since = 0  # perf_counter_ns of the request awaiting its reply; 0: none
        self.paused = False
        self.scheduled: asyncio.TimerHandle | asyncio.Handle | None = None
        self.reply_timer: asyncio.TimerHandle | None = None
        self.pacer: Pacer | None = None

    # -- sending --------------------------------------------------------------------------

    def start(self) -> None:
        settings = self.run.settings
        if settings.interval:
            self.pacer = Pacer(interval=settings.interval, start=time.monotonic())
        self.next_step()

    def done_sending(self) -> bool:
        run = self.run
        if run.stopping:
            return True
        if run.deadline:
            return time.monotonic() >= run.deadline
        return self.sent >= run.settings.messages

    def next_step(self) -> None:
        self.scheduled = None
        if self.done or self.transport is None:
            return
        if self.run.settings.wait_for_replies:
            self.request()
        else:
            self.pump()

    def request(self) -> None:
        """Request/response: send one message now (or at its slot) and wait for the reply."""
        if self.done_sending():
            self.finish()
            return
        if self.waiting_since:
            return  # one request at a time
        if self.pacer is not None and not self.pacer.take(time.monotonic(), limit=1):
            self.schedule_at_next_slot()
            return
        self.waiting_since = time.perf_counter_ns()
        self.write(self.run.next_message())
        if self.reply_timer is None:
            self.reply_timer = self.loop.call_later(
                self.run.settings.reply_timeout, self.check_reply_timeout
            )

    def pump(self) -> None:
        """Fire and forget: write what is due, until the transport asks us to pause."""
        if self.transport.is_closing():
            return  # connection_lost() says why
        if self.done_sending():
            self.finish_when_written()
            return
        run = self.run
        due = run.sends_per_turn
        if self.pacer is not None:
            due = self.pacer.take(time.monotonic(), limit=due)
        if not run.deadline:
            due = min(due, run.settings.messages - self.sent)
        if due:
            self.write_many(due)
        if self.paused or self.done:
            return  # resume_writing() goes on, or the write failed
        if self.done_sending():
            self.finish_when_written()
        elif self.pacer is not None and self.pacer.wait(time.monotonic()) > 0:
            self.schedule_at_next_slot()
        else:
            self.scheduled = self.loop.call_soon(self.next_step)

    def schedule_at_next_slot(self) -> None:
        assert self.pacer is not None
        now = time.monotonic()
        wait = self.pacer.wait(now)
        if self.run.deadline:
            wait = min(wait, max(0.0, self.run.deadline - now))
        self.scheduled = self.loop.call_later(wait, self.next_step)

    def write(self, data: bytes) -> None:
        raise NotImplementedError

    def write_many(self, count: int) -> None:
        raise NotImplementedError

    def finish_when_written(self) -> None:
        """Fire and forget is done once the kernel has taken every byte."""
        transport = self.transport
        if transport is not None and transport.get_write_buffer_size() > 0:
            self.scheduled = self.loop.call_later(0.005, self.finish_when_written)
            return
        self.finish()

    def pause_writing(self) -> None:
        self.paused = True

    def resume_writing(self) -> None:
        self.paused = False
        if self.run.settings.wait_for_replies:
            return
        if self.scheduled is None and not self.done:
            self.scheduled = self.loop.call_soon(self.next_step)

    # -- replies --------------------------------------------------------------------------

    def on_replies(self, count: int) -> None:
        run = self.run
        run.replies += count
        if not self.waiting_since:
            run.unmatched_replies += count
            return
        run.latency.add(time.perf_counter_ns() - self.waiting_since)
        self.waiting_since = 0
        if count > 1:
            run.unmatched_replies += count - 1
        if run.settings.wait_for_replies and not self.done:
            self.request()

    def check_reply_timeout(self) -> None:
        """One timer per connection, re-armed lazily: no timer per message."""
        self.reply_timer = None
        if not self.waiting_since or self.done:
            return
        timeout_ns = int(self.run.settings.reply_timeout * 1e9)
        waited = time.perf_counter_ns() - self.waiting_since
        if waited < timeout_ns:
            self.reply_timer = self.loop.call_later(
                (timeout_ns - waited) / 1e9, self.check_reply_timeout
            )
            return
        self.run.timeouts += 1
        self.waiting_since = 0
        self.on_reply_timeout()

    def on_reply_timeout(self) -> None:
        raise NotImplementedError

    # -- the end --------------------------------------------------------------------------

    def finish(self) -> None:
        self.stop_timers()
        if not self.done:
            self.done = True
            self.run.connection_finished(self)

    def fail(self, message: str, field: str = "") -> None:
        if self.done:
            return
        self.run.ended_with_error += 1
        self.run.record_error(self.number, message, field)
        if self.transport is not None:
            self.transport.abort()
        self.finish()

    def stop_timers(self) -> None:
        if self.scheduled is not None:
            self.scheduled.cancel()
            self.scheduled = None
        if self.reply_timer is not None:
            self.reply_timer.cancel()
            self.reply_timer = None

    def close(self, abort: bool) -> None:
        self.stop_timers()
        transport = self.transport
        if transport is None or transport.is_closing():
            return
        if abort:
            transport.abort()
        else:
            transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self.stop_timers()
        if not self.done:
            if self.run.stopping:
                self.finish()  # we closed it: the run is ending or cancelled
            elif exc is None:
                self.fail(
                    QT_TRANSLATE_NOOP("LoadTest", "{target} closed the connection").format(
                        target=self.run.target_text
                    )
                )
            else:
                error = describe_os_error(exc, self.run.target_text)
                self.fail(error.message, error.field)
        if not self.closed.done():
            self.closed.set_result(None)


class StreamConnection(Connection, asyncio.BufferedProtocol):
    """A TCP, TLS or Unix stream connection; replies are counted by the run's framing."""

    def __init__(self, run: LoadRun, number: int) -> None:
        super().__init__(run, number)
        self.framer = make_framer(run.settings.framing)
        self.raw = run.settings.framing.kind is FramingKind.RAW
        self.buffer = memoryview(bytearray(READ_BUFFER_SIZE))

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport

    def get_buffer(self, sizehint: int) -> memoryview:
        return self.buffer

    def buffer_updated(self, nbytes: int) -> None:
        self.run.bytes_in += nbytes
        if self.raw:
            self.on_replies(1)
            return
        frames = len(self.framer.feed(bytes(self.buffer[:nbytes]), 0))
        if frames:
            self.on_replies(frames)
        if self.framer.errors:
            self.run.framing_errors += len(self.framer.errors)

    def eof_received(self) -> bool:
        if not self.done:
            self.fail(
                QT_TRANSLATE_NOOP(
                    "LoadTest", "{target} finished sending (FIN) before the run ended"
                ).format(target=self.run.target_text)
            )
        return False

    def write(self, data: bytes) -> None:
        self.transport.write(data)
        self.sent += 1
        self.run.sent += 1
        self.run.bytes_out += len(data)

    def write_many(self, count: int) -> None:
        """Messages back to back in one write: the stream merges them anyway."""
        data = self.run.messages(count)
        self.transport.write(data)
        self.sent += count
        self.run.sent += count
        self.run.bytes_out += len(data)

    def on_reply_timeout(self) -> None:
        # A late reply would be taken for the next one's: this connection cannot go on.
        timeout = self.run.settings.reply_timeout * 1000
        self.fail(QT_TRANSLATE_NOOP("LoadTest", "no reply within {ms:.0f} ms").format(ms=timeout))


class DatagramConnection(Connection, asyncio.DatagramProtocol):
    """A connected UDP or Unix datagram socket; each datagram back is one reply."""

    def __init__(self, run: LoadRun, number: int, local_path: Path | None) -> None:
        super().__init__(run, number)
        self.local_path = local_path
        # Sockets given up after a reply timeout: their connection_lost() is not ours to act on.
        self.retired = 0
        self.renewal: asyncio.Task[None] | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport

    def datagram_received(self, data: bytes, addr: Any) -> None:
        self.run.bytes_in += len(data)
        self.on_replies(1)

    def error_received(self, exc: Exception) -> None:
        if isinstance(exc, ConnectionRefusedError):
            self.fail(
                QT_TRANSLATE_NOOP(
                    "LoadTest",
                    "{target} refused the datagram: nothing is listening there "
                    "(ICMP port unreachable)",
                ).format(target=self.run.target_text),
                "path" if self.run.settings.target.kind.uses_path else "port",
            )
        else:
            error = describe_os_error(exc, self.run.target_text)
            self.fail(error.message, error.field)

    def write(self, data: bytes) -> None:
        try:
            self.transport.sendto(data)
        except OSError as exc:
            error = describe_os_error(exc, self.run.target_text)
            self.fail(error.message, error.field)
            return
        self.sent += 1
        self.run.sent += 1
        self.run.bytes_out += len(data)

    def write_many(self, count: int) -> None:
        for _ in range(count):
            self.write(self.run.next_message())
            if self.done or self.paused:
                return

    def on_reply_timeout(self) -> None:
        """Datagrams get lost: count it and go on with the next message, from a new socket.

        The lost reply may still come, late; on the same socket it would be taken for the
        next message's reply (a wrong latency, then an "unmatched" reply). A new local port
        (or path) keeps it out: the kernel drops it at the closed one.
        """
        if self.run.settings.wait_for_replies:
            self.renewal = self.loop.create_task(self.renew_socket())

    async def renew_socket(self) -> None:
        old, self.transport = self.transport, None  # next_step() waits for the new one
        self.retired += 1
        old.close()
        if self.local_path is not None:
            self.local_path.unlink(missing_ok=True)
        sock: socket.socket | None = None
        try:
            sock, self.local_path = self.run.sockets.datagram_socket(self.number)
            await self.loop.create_datagram_endpoint(lambda: self, sock=sock)
        except OSError as exc:
            if sock is not None:
                sock.close()
            error = describe_os_error(exc, self.run.target_text)
            self.fail(error.message, error.field)
            if not self.closed.done():  # no transport is left to say so
                self.closed.set_result(None)
            return
        if self.run.stopping or self.done:
            self.transport.close()
            return
        self.request()

    def connection_lost(self, exc: Exception | None) -> None:
        if self.retired:
            self.retired -= 1
            return
        super().connection_lost(exc)
