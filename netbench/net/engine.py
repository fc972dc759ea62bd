"""Where net coroutines run: on the UI's loop (the default) or on a dedicated IO thread.

UI code awaits :meth:`Engine.run` the same way in both modes. Net objects report through
:meth:`Engine.emit` into a thread-safe :class:`EventQueue` that the UI drains on its own tick,
so the way events reach the screen does not depend on the mode either.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import math
import threading
import time
from collections import deque
from collections.abc import Callable, Coroutine, Iterable
from enum import StrEnum
from typing import Any, Protocol, TypeVar

from netbench.net.allocator import keep_freed_memory
from netbench.net.event_route import EventRoute
from netbench.net.events import DataReceived, NetEvent
from netbench.net.read_gate import (
    DEFAULT_BYTES_PER_TICK,
    DEFAULT_MAX_QUEUED_EVENTS,
    IO_THREAD_READ_SIZE,
    LARGE_READ_SIZE,
    ReadGate,
)

log = logging.getLogger(__name__)

T = TypeVar("T")
FULL_COLLECTION_SECONDS = 30.0
NO_AUTOMATIC_FULL_COLLECTION = 1 << 30  # generation 2's threshold while the engine runs
DEFAULT_FULL_THRESHOLD = 10  # CPython's own


async def cancel_and_wait(tasks: Iterable[asyncio.Task[Any]]) -> None:
    """Cancel ``tasks`` and return once every one has stopped, so nothing they own outlives
    the caller. What they raise while stopping is theirs to report, not the caller's."""
    stopping = list(tasks)  # a task's done callback may remove it from ``tasks``
    for task in stopping:
        task.cancel()
    await asyncio.gather(*stopping, return_exceptions=True)


class EngineMode(StrEnum):
    UI_LOOP = "ui-loop"
    IO_THREAD = "io-thread"


class AsyncCloseable(Protocol):
    async def aclose(self) -> None: ...


class EventQueue:
    """FIFO between net code (any thread) and the UI; deque append/popleft are atomic.

    The bytes of the reads waiting here are two counters, each written by one side only
    (the producer adds, the consumer takes), so no update is lost between threads.
    """

    def __init__(self) -> None:
        self._items: deque[NetEvent] = deque()
        self.total = 0
        self._bytes_put = 0
        self._bytes_taken = 0

    def __len__(self) -> int:
        return len(self._items)

    def queued_bytes(self) -> int:
        """Bytes read and not yet taken by the UI: what the queue holds in memory."""
        return self._bytes_put - self._bytes_taken

    def put(self, event: NetEvent) -> None:
        if type(event) is DataReceived:
            self._bytes_put += event.nbytes
        self._items.append(event)
        self.total += 1

    def drain(self, limit: int, max_bytes: int | None = None) -> list[NetEvent]:
        """The oldest ``limit`` events at most, and with ``max_bytes`` only as many reads
        as reach that many bytes (the rest waits here, where the queue's ceiling holds
        the readers back, rather than in a consumer that is behind)."""
        items = self._items
        count = min(limit, len(items))
        most = math.inf if max_bytes is None else max_bytes
        batch: list[NetEvent] = []
        taken = 0
        while count and taken < most:
            event = items.popleft()
            if type(event) is DataReceived:
                taken += event.nbytes
            batch.append(event)
            count -= 1
        self._bytes_taken += taken
        return batch


class Engine:
    """Runs net coroutines, owns what they open, and closes it all on shutdown."""

    def __init__(
        self,
        mode: EngineMode = EngineMode.UI_LOOP,
        *,
        bytes_per_tick: int = DEFAULT_BYTES_PER_TICK,
        max_queued_events: int = DEFAULT_MAX_QUEUED_EVENTS,
    ) -> None:
        self.mode = mode
        self.queue = EventQueue()
        # On the UI's loop reads take a byte budget per UI tick, or they starve Qt's timers;
        # an IO thread reads as fast as the window takes events, up to the queue's ceiling.
        ui_loop = mode is EngineMode.UI_LOOP
        self.gate = ReadGate(
            bytes_per_tick if ui_loop else None,
            max_queued_events,
            queue_length=self.queue.__len__,
            read_size=LARGE_READ_SIZE if ui_loop else IO_THREAD_READ_SIZE,
            queued_bytes=self.queue.queued_bytes,
        )
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self._closeables: set[AsyncCloseable] = set()
        self._closed = False
        self._gc_was_enabled = False
        self._last_full_collection = time.monotonic()
        young, middle, full = gc.get_threshold()  # the collector's own, restored at shutdown
        if full == NO_AUTOMATIC_FULL_COLLECTION:  # another engine on the UI loop holds it
            full = DEFAULT_FULL_THRESHOLD
        self._thresholds = (young, middle, full)

    # -- life cycle -------------------------------------------------------------------------

    def start(self, ui_loop: asyncio.AbstractEventLoop) -> None:
        """Bind to the UI's loop, or start the IO thread with a loop of its own."""
        if self._loop is not None:
            raise RuntimeError("the engine is already started")
        if self.mode is EngineMode.UI_LOOP:
            self._loop = ui_loop
            self._hold_back_full_collections()
            return
        self._keep_garbage_collection_here()
        keep_freed_memory()  # an IO thread's reads reuse freed blocks (see allocator)
        loop = asyncio.new_event_loop()
        ready = threading.Event()

        def run_io_loop() -> None:
            asyncio.set_event_loop(loop)
            loop.call_soon(ready.set)
            loop.run_forever()

        self._thread = threading.Thread(target=run_io_loop, name="netbench-io", daemon=True)
        self._thread.start()
        ready.wait()
        self._loop = loop

    def _keep_garbage_collection_here(self) -> None:
        """Collect garbage on the owner's thread only, while the IO thread runs.

        The cyclic collector runs in whichever thread happens to allocate. On the IO thread
        it could free a GUI object caught in a reference cycle, and GUI toolkits must
        destroy their objects on their own thread ("Timers cannot be stopped from another
        thread", then a crash). So automatic collection is off, and :meth:`tick`, which the
        owner calls on its thread, collects by the same generation thresholds instead.
        """
        self._gc_was_enabled = gc.isenabled()
        gc.disable()

    def _hold_back_full_collections(self) -> None:
        """On the UI loop, the automatic collector keeps the young generations; the full
        collection is left to :meth:`tick`, as with an IO thread (see :meth:`_collect_if_due`).

        Under a flood the automatic one ran a full collection every ~2 s, each 22-32 ms of
        the window's time (the transcript's 100,000 rows are walked every time): most of the
        heartbeat's worst beats on the UI loop.
        """
        young, middle, _ = self._thresholds
        gc.set_threshold(young, middle, NO_AUTOMATIC_FULL_COLLECTION)

    def _collect_full_if_due(self) -> bool:
        """The full collection, which walks every object and can take tens of ms under a
        flood, when the generation thresholds call for it, at most every
        FULL_COLLECTION_SECONDS (the automatic one also holds it back, by its own rule)."""
        now = time.monotonic()
        due = gc.get_count()[2] > self._thresholds[2]
        if due and now - self._last_full_collection > FULL_COLLECTION_SECONDS:
            self._last_full_collection = now
            gc.collect(2)
            return True
        return False

    def _collect_if_due(self) -> None:
        """With an IO thread: the young generations as often as the automatic collector
        would collect them, and the full collection as :meth:`_collect_full_if_due`."""
        if self._collect_full_if_due():
            return
        counts = gc.get_count()
        if counts[0] > self._thresholds[0]:
            gc.collect(1 if counts[1] > self._thresholds[1] else 0)

    @staticmethod
    def settle_garbage() -> None:
        """Once the window is built: collect, then set what is left aside for good.

        Everything made at start-up (the window, its tabs, their modules) lives as long
        as the app; frozen, it is no longer walked by each full collection, which under a
        flood of 10,000 connections otherwise cost tens of ms of the UI thread at a time.
        """
        gc.collect()
        gc.freeze()

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        if self._loop is None:
            raise RuntimeError("the engine is not started")
        return self._loop

    @property
    def is_started(self) -> bool:
        return self._loop is not None and not self._closed

    async def shutdown(self, timeout: float = 1.0) -> None:
        """Close every socket and cancel every task the engine owns, within ``timeout``."""
        if self._loop is None or self._closed:
            return
        self._closed = True
        try:
            await asyncio.wait_for(self._await_on_engine(self._close_all()), timeout)
        except TimeoutError:
            log.warning("engine shutdown took longer than %.1f s", timeout)
        finally:
            if self._thread is not None:
                await self._stop_io_thread(timeout)
            else:
                gc.set_threshold(*self._thresholds)

    async def _stop_io_thread(self, timeout: float) -> None:
        """Stop the IO loop and wait for its thread without blocking the caller's loop.

        Polling keeps this off executors: qasync's own executor makes ``close()`` wait.
        """
        assert self._thread is not None and self._loop is not None
        loop = self._loop
        loop.call_soon_threadsafe(loop.stop)
        deadline = time.monotonic() + timeout
        while self._thread.is_alive() and time.monotonic() < deadline:
            await asyncio.sleep(0.002)
        if self._thread.is_alive():
            log.warning("the IO thread did not stop within %.1f s", timeout)
            return
        loop.close()
        if self._gc_was_enabled:
            gc.enable()

    async def _close_all(self) -> None:
        closeables = list(self._closeables)
        self._closeables.clear()
        results = await asyncio.gather(*(c.aclose() for c in closeables), return_exceptions=True)
        for result in results:
            if isinstance(result, BaseException) and not isinstance(result, asyncio.CancelledError):
                log.warning("closing on shutdown failed: %r", result)
        await cancel_and_wait(self._tasks)

    # -- running work ---------------------------------------------------------------------

    def _on_engine_thread(self) -> bool:
        try:
            return asyncio.get_running_loop() is self._loop
        except RuntimeError:
            return False

    async def _await_on_engine(self, coro: Coroutine[Any, Any, T]) -> T:
        if self._on_engine_thread():
            return await coro
        future = asyncio.run_coroutine_threadsafe(coro, self.loop)
        return await asyncio.wrap_future(future)

    async def run(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run ``coro`` on the engine's loop and await its result from the caller's loop."""
        if self._closed:
            coro.close()
            raise RuntimeError("the engine is shut down")
        return await self._await_on_engine(coro)

    def spawn(self, coro: Coroutine[Any, Any, Any], name: str | None = None) -> None:
        """Start long-running work the engine cancels on shutdown; errors go to the log."""
        if self._closed:
            coro.close()
            raise RuntimeError("the engine is shut down")

        def create() -> None:
            task = self.loop.create_task(coro, name=name)
            self._tasks.add(task)
            task.add_done_callback(self._task_done)

        self.call(create)

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            self.loop.call_exception_handler(
                {"message": "engine task failed", "exception": task.exception(), "task": task}
            )

    def call(self, fn: Callable[..., object], *args: object) -> None:
        """Call ``fn`` soon on the engine's loop, from any thread."""
        if self._on_engine_thread():
            self.loop.call_soon(fn, *args)
        else:
            self.loop.call_soon_threadsafe(fn, *args)

    # -- resources and events -------------------------------------------------------------

    def own(self, closeable: AsyncCloseable) -> None:
        """Close ``closeable`` on shutdown (call on the engine's loop)."""
        self._closeables.add(closeable)

    def disown(self, closeable: AsyncCloseable) -> None:
        """Its owner closed it already: shutdown need not (call on the engine's loop)."""
        self._closeables.discard(closeable)

    def emit(self, event: NetEvent) -> None:
        """The sink every net object reports to; safe from any thread, the UI drains it."""
        self.queue.put(event)

    def route(self, source: str = "") -> EventRoute:
        """How a socket opened for the window reports: events as ``source`` into this
        engine's queue, reads within its budget."""
        return EventRoute(self.emit, source, self.gate)

    def tick(self) -> None:
        """The owner's heartbeat, on its thread: refill the read budget, resume parked
        readers, and (with an IO thread) collect garbage here rather than there."""
        if self._loop is None or self._closed:
            return
        if self.mode is EngineMode.UI_LOOP:
            self.gate.on_tick()
            self._collect_full_if_due()
            return
        if self.gate.has_parked:
            self._loop.call_soon_threadsafe(self.gate.on_tick)
        self._collect_if_due()
