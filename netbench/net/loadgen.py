"""A load generator: N concurrent connections sending M messages (or for a time) at a rate.

Each connection is a small protocol object that sends from its own callbacks: in
request/response mode the next message goes out from the callback that completed the
reply, so a round trip costs no task switch; without replies it writes until the transport
asks it to pause. Nothing goes through the event bridge: the run keeps plain counters and
publishes a :class:`LoadProgress` snapshot a few times per second (``LoadRun.latest``, and
``on_progress`` on the run's loop), which a UI on another thread can read at its own pace.

A run is started with ``await run.execute()`` on the loop that owns it (the engine's) and
ends with a :class:`LoadResult`, also when cancelled: :meth:`LoadRun.cancel` stops every
connection at once, closes every socket, and keeps what was measured so far.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import resource
import shutil
import socket
import ssl
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from netbench.core.checksum import ChecksumError
from netbench.core.framing import Frame, FramingKind, FramingSpec, make_framer
from netbench.core.latency import LatencyRecorder, LatencySummary
from netbench.core.pacing import Pacer
from netbench.core.payload import InputMode
from netbench.core.recipe import PayloadRecipe, compile_payload
from netbench.core.text import QT_TRANSLATE_NOOP, joined, message_of
from netbench.net.clients import ClientConfig, client_tls_context
from netbench.net.errors import NetError, describe_os_error
from netbench.net.read_gate import READ_BUFFER_SIZE
from netbench.net.socket_kinds import SocketKind
from netbench.net.stream import handshake_failed, timed_out, verification_failed

MAX_CONNECTIONS = 10_000
MAX_DATAGRAM = 65_507  # the largest UDP payload over IPv4
PROGRESS_INTERVAL = 0.2
CLOSE_GRACE_SECONDS = 0.5
ERRORS_KEPT = 10
OPENINGS_PER_TURN = 200
# Messages written per turn before a sender gives the loop back (other connections, the UI).
SENDS_PER_TURN = 64
_SEND_BYTES_PER_TURN = 256 * 1024


class RateScope(StrEnum):
    PER_CONNECTION = "per-connection"
    TOTAL = "total"


class RunStatus(StrEnum):
    RUNNING = "running"
    FINISHED = "finished"
    CANCELLED = "cancelled"
    FAILED = "failed"


@dataclass(frozen=True)
class LoadSettings:
    """What to run. ``duration`` > 0 runs for that long instead of ``messages`` each."""

    target: ClientConfig
    payload: bytes
    connections: int = 10
    messages: int = 100
    duration: float = 0.0
    rate: float = 0.0  # messages per second; 0 = as fast as possible
    rate_scope: RateScope = RateScope.PER_CONNECTION
    ramp_up: float = 0.0  # seconds over which the connections are opened
    wait_for_replies: bool = True
    framing: FramingSpec = field(default_factory=FramingSpec)  # what makes a reply complete
    reply_timeout: float = 2.0
    # How each message is made ({counter}, {time}, checksum); None: from ``payload``'s bytes.
    recipe: PayloadRecipe | None = None

    def message_recipe(self) -> PayloadRecipe:
        if self.recipe is not None:
            return self.recipe
        # Latin-1 keeps every byte as it is; the placeholders are ASCII.
        return compile_payload(self.payload.decode("latin-1"), InputMode.TEXT, "latin-1")

    def validate(self) -> None:
        """Raise NetError naming the setting at fault (or the target's field)."""
        self.target.validate()
        if not 1 <= self.connections <= MAX_CONNECTIONS:
            raise NetError(
                QT_TRANSLATE_NOOP(
                    "LoadTest", "connections must be from 1 to {limit:,}, not {count}"
                ).format(limit=MAX_CONNECTIONS, count=self.connections),
                "connections",
            )
        if self.duration < 0:
            raise NetError(
                QT_TRANSLATE_NOOP("LoadTest", "the duration cannot be negative"), "duration"
            )
        if self.duration == 0 and self.messages < 1:
            raise NetError(
                QT_TRANSLATE_NOOP(
                    "LoadTest", "send at least 1 message per connection, or set a duration"
                ),
                "messages",
            )
        if self.rate < 0:
            raise NetError(QT_TRANSLATE_NOOP("LoadTest", "the rate cannot be negative"), "rate")
        if self.ramp_up < 0:
            raise NetError(
                QT_TRANSLATE_NOOP("LoadTest", "the ramp-up cannot be negative"), "ramp_up"
            )
        if self.duration and self.ramp_up >= self.duration:
            raise NetError(
                QT_TRANSLATE_NOOP("LoadTest", "the ramp-up must be shorter than the duration"),
                "ramp_up",
            )
        if self.wait_for_replies and self.reply_timeout <= 0:
            raise NetError(
                QT_TRANSLATE_NOOP("LoadTest", "the reply timeout must be more than 0 ms"),
                "reply_timeout",
            )
        if not self.payload and not self.target.kind.is_datagram:
            raise NetError(
                QT_TRANSLATE_NOOP(
                    "LoadTest", "the payload is empty: a stream cannot send an empty message"
                ),
                "payload",
            )
        if self.target.kind.is_datagram and len(self.payload) > MAX_DATAGRAM:
            raise NetError(
                QT_TRANSLATE_NOOP(
                    "LoadTest", "the payload is {size:,} bytes: a datagram holds at most {limit:,}"
                ).format(size=len(self.payload), limit=MAX_DATAGRAM),
                "payload",
            )
        try:
            self.framing.validate()
        except ValueError as exc:
            raise NetError(message_of(exc), "framing") from exc

    @property
    def total_messages(self) -> int:
        """Messages the run sends when it is count-based (0 when it runs for a time)."""
        return 0 if self.duration else self.connections * self.messages

    @property
    def interval(self) -> float:
        """Seconds between two messages of one connection; 0 = as fast as possible."""
        if self.rate <= 0:
            return 0.0
        per_connection = self.rate
        if self.rate_scope is RateScope.TOTAL:
            per_connection = self.rate / self.connections
        return 1.0 / per_connection


@dataclass(frozen=True)
class LoadProgress:
    """A snapshot of a run, cheap to make and to pass between threads."""

    elapsed: float
    attempted: int
    open: int
    failed: int
    sent: int
    replies: int
    bytes_out: int
    bytes_in: int
    errors: int
    timeouts: int
    fraction: float  # of the messages (or of the duration) done, 0..1
    mean_latency_ns: float

    @property
    def send_rate(self) -> float:
        return self.sent / self.elapsed if self.elapsed > 0 else 0.0


@dataclass(frozen=True)
class FailedConnection:
    """One connection's failure, as kept for the results (the first few only)."""

    connection: int  # 1-based
    at: float  # seconds into the run
    message: str


@dataclass(frozen=True)
class LoadResult:
    settings: LoadSettings
    status: RunStatus
    attempted: int
    connected: int
    failed: int
    not_attempted: int
    peak_open: int
    sent: int
    replies: int
    unmatched_replies: int  # replies that came with no request waiting (banners, extras)
    bytes_out: int
    bytes_in: int
    elapsed: float
    timeouts: int
    late_slots: int  # rate-limited slots skipped because a sender fell behind
    latency: LatencySummary | None
    errors: tuple[tuple[str, int], ...]  # message and count, most frequent first
    first_errors: tuple[FailedConnection, ...]
    fd_limit: int | None  # connections held when "too many open files" stopped the opening
    summary: str  # one line: what happened
    error_field: str = ""  # the setting a failed run's error is about ("port", "host"...)

    @property
    def messages_per_second(self) -> float:
        return self.sent / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def replies_per_second(self) -> float:
        return self.replies / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def mb_out_per_second(self) -> float:
        return self.bytes_out / self.elapsed / 1e6 if self.elapsed > 0 else 0.0

    @property
    def mb_in_per_second(self) -> float:
        return self.bytes_in / self.elapsed / 1e6 if self.elapsed > 0 else 0.0


def open_file_limit() -> int:
    """How many file descriptors this process may open (the soft ``ulimit -n``)."""
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    return soft if soft != resource.RLIM_INFINITY else 1 << 20


# -- one connection ----------------------------------------------------------------------------


class _Connection:
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


class _StreamConnection(_Connection, asyncio.BufferedProtocol):
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
        outputs = self.framer.feed(bytes(self.buffer[:nbytes]), 0)
        frames = sum(1 for output in outputs if isinstance(output, Frame))
        if frames:
            self.on_replies(frames)
        if frames != len(outputs):
            self.run.framing_errors += len(outputs) - frames

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


class _DatagramConnection(_Connection, asyncio.DatagramProtocol):
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
            sock, self.local_path = self.run.datagram_socket(self.number)
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
        self._connections: list[_Connection] = []
        self._unsettled = settings.connections  # connections not yet finished or given up
        self._all_settled: asyncio.Future[None] | None = None
        self._batches: dict[int, bytes] = {}
        # Fire and forget writes this many messages per turn (one write for a stream).
        size = max(1, len(settings.payload))
        self.sends_per_turn = max(1, min(SENDS_PER_TURN, _SEND_BYTES_PER_TURN // size))
        self._publisher: asyncio.TimerHandle | None = None
        self._done: asyncio.Future[LoadResult] | None = None
        self._temp_dir: Path | None = None
        self._datagram_sockets = 0  # for unique Unix client paths
        self._address: Any = None
        self._first_socket: socket.socket | None = None

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

    def connection_finished(self, connection: _Connection) -> None:
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
            await self._prepare()
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

    async def _prepare(self) -> None:
        """Resolve a host name once, not once per connection."""
        target = self.settings.target
        if target.kind is SocketKind.UNIX_DGRAM:
            self._temp_dir = Path(tempfile.mkdtemp(prefix="netbench-load-"))
        if target.kind.uses_path:
            return
        kind = socket.SOCK_DGRAM if target.kind.is_datagram else socket.SOCK_STREAM
        try:
            infos = await self.loop.getaddrinfo(target.host, target.port, type=kind)
        except OSError as exc:
            raise describe_os_error(exc, target.host) from exc
        family, _, _, _, address = infos[0]
        self._address = (family, address)
        if not target.kind.is_datagram and len(infos) > 1:
            await self._pick_stream_address(infos)

    async def _pick_stream_address(self, infos: list[Any]) -> None:
        """Use the first address that accepts, as the session's own connect does.

        ``localhost`` is often ::1 first while the server listens on 127.0.0.1 only. The
        socket that got through becomes connection 1, so no connection is wasted.
        """
        timeout = self.settings.target.timeout
        for family, _, _, _, address in infos:
            sock = socket.socket(family, socket.SOCK_STREAM)
            sock.setblocking(False)
            try:
                await asyncio.wait_for(self.loop.sock_connect(sock, address), timeout)
            except (OSError, TimeoutError):
                sock.close()
                continue
            self._address = (family, address)
            self._first_socket = sock
            return

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

    async def _open(self, number: int) -> _Connection:
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

    async def _open_stream(self, number: int) -> _Connection:
        target = self.settings.target

        def factory() -> _StreamConnection:
            return _StreamConnection(self, number)

        if target.kind is SocketKind.UNIX:
            _, protocol = await self.loop.create_unix_connection(factory, str(target.path))
            return protocol
        family, address = self._address
        extra: dict[str, Any] = {}
        if target.kind is SocketKind.TLS:
            extra = {
                "ssl": self._tls_context(),
                "server_hostname": target.server_name or target.host,
            }
        connected, self._first_socket = self._first_socket, None
        sock = connected or socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.setblocking(False)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if connected is None:
                await self.loop.sock_connect(sock, address)
            _, protocol = await self.loop.create_connection(factory, sock=sock, **extra)
        except BaseException:
            sock.close()
            raise
        return protocol

    _tls: ssl.SSLContext | None = None

    def _tls_context(self) -> ssl.SSLContext:
        if self._tls is None:
            self._tls = client_tls_context(self.settings.target)
        return self._tls

    async def _open_datagram(self, number: int) -> _Connection:
        sock, local_path = self.datagram_socket(number)
        try:
            _, protocol = await self.loop.create_datagram_endpoint(
                lambda: _DatagramConnection(self, number, local_path), sock=sock
            )
        except BaseException:
            sock.close()
            raise
        return protocol

    def datagram_socket(self, number: int) -> tuple[socket.socket, Path | None]:
        """A connected datagram socket for connection ``number`` (and its own Unix path)."""
        target = self.settings.target
        local_path: Path | None = None
        if target.kind is SocketKind.UNIX_DGRAM:
            assert self._temp_dir is not None
            # A Unix datagram server can only answer a client that has an address.
            self._datagram_sockets += 1
            local_path = self._temp_dir / f"c{number}-{self._datagram_sockets}.sock"
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            address: Any = str(target.path)
        else:
            family, address = self._address
            sock = socket.socket(family, socket.SOCK_DGRAM)
        try:
            if local_path is not None:
                sock.bind(str(local_path))
            sock.connect(address)
            sock.setblocking(False)
        except BaseException:
            sock.close()
            raise
        return sock, local_path

    async def _close_all(self, abort: bool) -> None:
        """Close every socket; the ones that do not let go in time are reset."""
        if self._publisher is not None:
            self._publisher.cancel()
            self._publisher = None
        if self._first_socket is not None:  # cancelled before connection 1 took it
            self._first_socket.close()
            self._first_socket = None
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
        if self._temp_dir is not None:
            shutil.rmtree(self._temp_dir, ignore_errors=True)
            self._temp_dir = None

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
