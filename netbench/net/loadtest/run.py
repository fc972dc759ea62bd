"""A load test run: N concurrent connections sending M messages (or for a time) at a rate.

Nothing goes through the event bridge: the run keeps plain counters, which its connections
(:mod:`netbench.net.loadtest.connections`) update from their own callbacks, and publishes a
:class:`~netbench.net.loadtest.results.LoadProgress` snapshot a few times per second
(``LoadRun.latest``, and ``on_progress`` on the run's loop), which a UI on another thread can
read at its own pace.

A run is started with ``await run.execute()`` on the loop that owns it (the engine's) and
ends with a :class:`~netbench.net.loadtest.results.LoadResult`, also when cancelled:
:meth:`LoadRun.cancel` stops every connection at once, closes every socket, and keeps what was
measured so far.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import resource
import ssl
import time
from collections import Counter
from collections.abc import Callable

from netbench.core.checksum import ChecksumError
from netbench.core.latency import LatencyRecorder
from netbench.core.text import QT_TRANSLATE_NOOP, joined
from netbench.net.errors import NetError, describe_os_error
from netbench.net.loadtest.connections import Connection, DatagramConnection, StreamConnection
from netbench.net.loadtest.results import FailedConnection, LoadProgress, LoadResult, RunStatus
from netbench.net.loadtest.settings import LoadSettings
from netbench.net.loadtest.sockets import LoadSockets
from netbench.net.stream_client import handshake_failed, timed_out, verification_failed

PROGRESS_INTERVAL = 0.2
CLOSE_GRACE_SECONDS = 0.5
ERRORS_KEPT = 10
OPENINGS_PER_TURN = 200
# Messages written per turn before a sender gives the loop back (other connections, the UI).
SENDS_PER_TURN = 64
_SEND_BYTES_PER_TURN = 256 * 1024


def open_file_limit() -> int:
    """How many file descriptors this process may open (the soft ``ulimit -n``)."""
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    return soft if soft != resource.RLIM_INFINITY else 1 << 20


# -- the run -------------------------------------------------------------------------------


class LoadRun:
    """One load test; create anywhere, then ``await execute()`` on the loop that runs it."""

    def __init__(
        self,
        settings: LoadSettings,
        on_progress: Callable[[LoadProgress], None] | None = None,
    ) -> None:
        settings.validate()
        self.settings = settings
        self.on_progress = on_progress
        self.target_text = settings.target.target()
        self.latest = LoadProgress(0.0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0, 0.0)
        self.status = RunStatus.RUNNING
        self.stopping = False  # no more sending: cancelled, or the run is ending
        self.cancelled = False
        self.deadline = 0.0
        self.started = 0.0
        self.ended = 0.0
        self.attempted = self.connected = self.failed = self.ended_with_error = 0
        self.open = self.peak_open = self.opening = 0
        self.sent = self.replies = self.unmatched_replies = 0
        self.bytes_out = self.bytes_in = 0
        self.timeouts = self.framing_errors = 0
        self.error_count = 0
        self.errors: Counter[str] = Counter()
        self._error_fields: dict[str, str] = {}
        self.first_errors: list[FailedConnection] = []
        self.fd_limit: int | None = None
        self.latency = LatencyRecorder()
        self._counter = 0
        self._recipe = settings.message_recipe()
        self._templated = self._recipe.has_placeholders
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ramp: list[asyncio.TimerHandle] = []  # openings not due yet
        self._opening: set[asyncio.Task[None]] = set()
        self._connections: list[Connection] = []
        self._unsettled = settings.connections  # connections not yet finished or given up
        self._all_settled: asyncio.Future[None] | None = None
        self._batches: dict[int, bytes] = {}
        # Fire and forget writes this many messages per turn (one write for a stream).
        size = max(1, len(settings.payload))
        self.sends_per_turn = max(1, min(SENDS_PER_TURN, _SEND_BYTES_PER_TURN // size))
        self._publisher: asyncio.TimerHandle | None = None
        self._done: asyncio.Future[LoadResult] | None = None
        self.sockets = LoadSockets(settings.target)

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        assert self._loop is not None, "the run has not started"
        return self._loop

    # -- what the connections call ------------------------------------------------------------

    def next_message(self) -> bytes:
        if not self._templated:
            return self.settings.payload
        self._counter += 1
        try:
            return self._recipe.render(self._counter, time.time())
        except ChecksumError as exc:  # e.g. LRC over a counter that made the text odd
            self.record_error(
                0,
                QT_TRANSLATE_NOOP("LoadTest", "message {number}: {problem}").format(
                    number=self._counter, problem=exc.message
                ),
                "payload",
            )
            return self.settings.payload

    def messages(self, count: int) -> bytes:
        """``count`` messages back to back, as one byte string."""
        if self._templated:
            return b"".join(self.next_message() for _ in range(count))
        batch = self._batches.get(count)
        if batch is None:
            batch = self._batches[count] = self.settings.payload * count
        return batch

    def connection_finished(self, connection: Connection) -> None:
        """A connection is done (or failed): close it, and end the run after the last."""
        self.open -= 1
        connection.close(abort=self.cancelled)
        self._settle()

    def _settle(self, count: int = 1) -> None:
        self._unsettled -= count
        settled = self._all_settled
        if self._unsettled <= 0 and settled is not None and not settled.done():
            settled.set_result(None)

    def record_error(self, number: int, message: str, field: str = "") -> None:
        """Count an error by its words; ``number`` is the connection (0: the whole run)."""
        self.error_count += 1
        self.errors[message] += 1
        self._error_fields.setdefault(message, field)
        if len(self.first_errors) < ERRORS_KEPT:
            at = time.monotonic() - self.started if self.started else 0.0
            self.first_errors.append(FailedConnection(number, at, message))

    # -- running --------------------------------------------------------------------------

    async def execute(self) -> LoadResult:
        """Run to the end (or until cancelled) and say what happened."""
        self._loop = asyncio.get_running_loop()
        self._done = self._loop.create_future()
        self.started = time.monotonic()
        try:
            await self.sockets.prepare(self.loop)
        except NetError as exc:
            self.record_error(0, exc.message, exc.field)
            return self._finish()
        if self.settings.duration:
            self.deadline = self.started + self.settings.duration
        self._publish()
        self._all_settled = self.loop.create_future()
        if not self.cancelled:
            self._schedule_openings()
        try:
            await self._all_settled
        finally:
            self.ended = time.monotonic()
            self.stopping = True
            await self._close_all(abort=self.cancelled)
        return self._finish()

    def _schedule_openings(self) -> None:
        """Open evenly over the ramp-up (timers, not sleeping tasks, wait), or at once."""
        count = self.settings.connections
        ramp = self.settings.ramp_up
        if not ramp:
            self._open_batch(1)
            return
        for number in range(1, count + 1):
            delay = ramp * (number - 1) / count
            self._ramp.append(self.loop.call_later(delay, self._begin_opening, number))

    def _open_batch(self, first: int) -> None:
        """ "At once" is OPENINGS_PER_TURN per loop turn: 10,000 connects started in one turn
        would hold the loop (and a window sharing it) for a second."""
        last = min(first + OPENINGS_PER_TURN, self.settings.connections + 1)
        for number in range(first, last):
            self._begin_opening(number)
        if last <= self.settings.connections:
            self._ramp.append(self.loop.call_later(0, self._open_batch, last))

    def _begin_opening(self, number: int) -> None:
        if self.stopping or self.fd_limit is not None:
            self._settle()  # never tried: counted as not attempted
            return
        task = self.loop.create_task(self._open_and_start(number))
        self._opening.add(task)
        task.add_done_callback(self._opening.discard)

    async def _open_and_start(self, number: int) -> None:
        self.attempted += 1
        self.opening += 1
        try:
            connection = await self._open(number)
        except NetError as exc:
            self.failed += 1
            self.record_error(number, exc.message, exc.field)
            self._settle()
            return
        except asyncio.CancelledError:
            self._settle()  # cancelled while connecting: create_connection closed the socket
            raise
        finally:
            self.opening -= 1
        self.connected += 1
        self.open += 1
        self.peak_open = max(self.peak_open, self.open)
        self._connections.append(connection)
        if self.stopping:
            connection.finish()
            return
        connection.start()

    async def _open(self, number: int) -> Connection:
        settings = self.settings
        target = settings.target
        timeout = target.timeout
        try:
            async with asyncio.timeout(timeout):
                if target.kind.is_datagram:
                    return await self._open_datagram(number)
                return await self._open_stream(number)
        except TimeoutError as exc:
            raise NetError(timed_out(timeout, self.target_text)) from exc
        except ssl.SSLCertVerificationError as exc:
            raise NetError(verification_failed(exc, self.target_text)) from exc
        except ssl.SSLError as exc:
            raise NetError(handshake_failed(exc, self.target_text)) from exc
        except OSError as exc:
            if exc.errno in (errno.EMFILE, errno.ENFILE):
                raise self._out_of_files(exc) from exc
            raise describe_os_error(exc, self.target_text) from exc

    def _out_of_files(self, exc: OSError) -> NetError:
        if self.fd_limit is None:
            self.fd_limit = self.open + self.opening - 1  # this attempt got no socket
        if exc.errno == errno.EMFILE:
            template = QT_TRANSLATE_NOOP(
                "LoadTest",
                "too many open files: this process's limit ({limit:,} with ulimit -n) "
                "was reached with {count:,} connections open or opening",
            )
        else:
            template = QT_TRANSLATE_NOOP(
                "LoadTest",
                "too many open files: the system's limit ({limit:,} with ulimit -n) "
                "was reached with {count:,} connections open or opening",
            )
        return NetError(
            template.format(limit=open_file_limit(), count=self.fd_limit), "connections"
        )

    async def _open_stream(self, number: int) -> Connection:
        return await self.sockets.open_stream(self.loop, lambda: StreamConnection(self, number))

    async def _open_datagram(self, number: int) -> Connection:
        sock, local_path = self.sockets.datagram_socket(number)
        try:
            _, protocol = await self.loop.create_datagram_endpoint(
                lambda: DatagramConnection(self, number, local_path), sock=sock
            )
        except BaseException:
            sock.close()
            raise
        return protocol

    async def _close_all(self, abort: bool) -> None:
        """Close every socket; the ones that do not let go in time are reset."""
        if self._publisher is not None:
            self._publisher.cancel()
            self._publisher = None
        self.sockets.close_unused()  # cancelled before connection 1 took it
        for handle in self._ramp:
            handle.cancel()
        for task in list(self._opening):
            task.cancel()
        if self._opening:
            await asyncio.wait(list(self._opening), timeout=CLOSE_GRACE_SECONDS)
        connections = self._connections
        for connection in connections:
            connection.stop_timers()
            connection.close(abort)
        pending = [c.closed for c in connections if not c.closed.done()]
        if pending:
            await asyncio.wait(pending, timeout=0 if abort else CLOSE_GRACE_SECONDS)
        for connection in connections:
            if not connection.closed.done() and connection.transport is not None:
                connection.transport.abort()
        pending = [c.closed for c in connections if not c.closed.done()]
        if pending:
            await asyncio.wait(pending, timeout=CLOSE_GRACE_SECONDS)
        self.sockets.remove_files()

    def cancel(self) -> None:
        """Stop now, on the run's loop: every connection ends, the results so far are kept."""
        if self.status is not RunStatus.RUNNING or self.cancelled:
            return
        self.cancelled = True
        self.stopping = True
        for connection in self._connections:
            connection.close(abort=True)
        if self._all_settled is not None and not self._all_settled.done():
            self._all_settled.set_result(None)

    async def aclose(self) -> None:
        """Cancel and wait for the end (the engine closes what it owns this way)."""
        self.cancel()
        if self._done is not None and not self._done.done():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(self._done), 2.0)

    # -- reporting ------------------------------------------------------------------------

    def _publish(self) -> None:
        self.latest = self.snapshot()
        if self.on_progress is not None:
            self.on_progress(self.latest)
        if self.status is RunStatus.RUNNING and not self.stopping:
            self._publisher = self.loop.call_later(PROGRESS_INTERVAL, self._publish)

    def snapshot(self) -> LoadProgress:
        now = self.ended or time.monotonic()
        elapsed = now - self.started if self.started else 0.0
        settings = self.settings
        if settings.duration:
            fraction = elapsed / settings.duration
        else:
            fraction = self.sent / settings.total_messages
        return LoadProgress(
            elapsed=elapsed,
            attempted=self.attempted,
            open=self.open,
            failed=self.failed,
            sent=self.sent,
            replies=self.replies,
            bytes_out=self.bytes_out,
            bytes_in=self.bytes_in,
            errors=self.error_count,
            timeouts=self.timeouts,
            fraction=min(1.0, fraction),
            mean_latency_ns=self.latency.mean,
        )

    def _finish(self) -> LoadResult:
        if not self.ended:
            self.ended = time.monotonic()
        every_one_failed = self.failed + self.ended_with_error >= self.attempted
        if self.cancelled:
            self.status = RunStatus.CANCELLED
        elif self.connected == 0 or (self.error_count and every_one_failed):
            self.status = RunStatus.FAILED
        else:
            self.status = RunStatus.FINISHED
        if self.framing_errors:
            message = QT_TRANSLATE_NOOP(
                "LoadTest", "replies that could not be framed (too long, or malformed)"
            )
            self.errors[message] = self.framing_errors
        top_field = ""
        if self.errors:
            top_field = self._error_fields.get(self.errors.most_common(1)[0][0], "")
        result = LoadResult(
            settings=self.settings,
            status=self.status,
            attempted=self.attempted,
            connected=self.connected,
            failed=self.failed,
            not_attempted=self.settings.connections - self.attempted,
            peak_open=self.peak_open,
            sent=self.sent,
            replies=self.replies,
            unmatched_replies=self.unmatched_replies,
            bytes_out=self.bytes_out,
            bytes_in=self.bytes_in,
            elapsed=self.ended - self.started,
            timeouts=self.timeouts,
            late_slots=sum(c.pacer.skipped for c in self._connections if c.pacer is not None),
            latency=self.latency.summary(),
            errors=tuple(self.errors.most_common()),
            first_errors=tuple(self.first_errors),
            fd_limit=self.fd_limit,
            summary=self._summary(),
            error_field=top_field if self.status is RunStatus.FAILED else "",
        )
        self.latest = self.snapshot()
        if self.on_progress is not None:
            self.on_progress(self.latest)
        if self._done is not None and not self._done.done():
            self._done.set_result(result)
        return result

    def _summary(self) -> str:
        """One line: what happened (a translatable Text, its counts untranslated)."""
        attempted = self.attempted
        if self.status is RunStatus.FAILED:
            message: str
            if self.errors:
                message, _ = self.errors.most_common(1)[0]
            else:
                message = QT_TRANSLATE_NOOP("LoadTest", "no connection was opened")
            if attempted <= 1:
                return message
            return QT_TRANSLATE_NOOP(
                "LoadTest", "all {count:,} connections failed: {message}"
            ).format(count=attempted, message=message)
        parts: list[str] = [
            QT_TRANSLATE_NOOP(
                "LoadTest",
                "{sent:,} messages sent, {replies:,} replies over {connected:,} connections",
            ).format(sent=self.sent, replies=self.replies, connected=self.connected)
        ]
        if self.failed:
            parts.append(
                QT_TRANSLATE_NOOP("LoadTest", "{count:,} connections failed").format(
                    count=self.failed
                )
            )
        if self.ended_with_error:
            parts.append(
                QT_TRANSLATE_NOOP("LoadTest", "{count:,} connections ended with an error").format(
                    count=self.ended_with_error
                )
            )
        if self.timeouts:
            parts.append(
                QT_TRANSLATE_NOOP("LoadTest", "{count:,} replies timed out").format(
                    count=self.timeouts
                )
            )
        if self.fd_limit is not None:
            parts.append(
                QT_TRANSLATE_NOOP(
                    "LoadTest", "stopped opening at {count:,} connections: too many open files"
                ).format(count=self.fd_limit)
            )
        if self.cancelled:
            parts.insert(0, QT_TRANSLATE_NOOP("LoadTest", "cancelled"))
        return joined("; ", parts)
