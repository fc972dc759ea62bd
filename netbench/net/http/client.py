"""The HTTP engine's entry point: runs requests hop by hop, with redirects and cookies.

Use from the UI (``engine`` is the app's :class:`~netbench.net.engine.Engine`)::

    client = HttpClient(sink=engine.emit, directory=work_dir)
    run = client.prepare(request, source="http-1")
    result = await engine.run(run.execute())      # an ExchangeResult
    run.cancel()                                  # from any thread, while it runs
    await engine.run(client.aclose())             # on closing the tab

Each hop of a redirect chain is its own exchange with its own bytes and timings. Cancel
ends the run with ``Outcome.CANCELLED`` and keeps what had arrived (the body file so far,
the wire log); the connection it was on is closed, the pool stays usable.
"""

from __future__ import annotations

import asyncio
import itertools
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netbench.core.http.model import HttpRequest
from netbench.core.http.redirects import REDIRECT_STATUSES, next_request
from netbench.core.http.result import ExchangeResult, HopResult, Outcome
from netbench.core.http.wirelog import DEFAULT_MEMORY_LIMIT
from netbench.core.text import QT_TRANSLATE_NOOP
from netbench.net.errors import NetError
from netbench.net.events import EventSink
from netbench.net.http.hop import HopContext, run_hop
from netbench.net.http.pools import PoolManager

if TYPE_CHECKING:
    from netbench.core.http.cookies import Jar

_runs = itertools.count(1)


class HttpClient:
    """Pools by connection settings (keep-alive across runs) and where bodies are written."""

    def __init__(
        self,
        sink: EventSink | None = None,
        directory: Path | None = None,
        log_limit: int = DEFAULT_MEMORY_LIMIT,
    ) -> None:
        self.sink = sink
        self._temp: tempfile.TemporaryDirectory[str] | None = None
        if directory is None:
            self._temp = tempfile.TemporaryDirectory(prefix="netbench-http-")
            directory = Path(self._temp.name)
        self.directory = directory
        self.pools = PoolManager(log_limit)

    def prepare(self, request: HttpRequest, source: str = "http") -> HttpRun:
        return HttpRun(self, request, source)

    async def send(self, request: HttpRequest, source: str = "http") -> ExchangeResult:
        return await self.prepare(request, source).execute()

    async def aclose(self) -> None:
        await self.pools.aclose()
        if self._temp is not None:
            self._temp.cleanup()


class HttpRun:
    """One run of a request (all its hops); :meth:`cancel` may be called from any thread."""

    def __init__(self, client: HttpClient, request: HttpRequest, source: str) -> None:
        self.client = client
        self.request = request
        self.source = source
        self.hops: list[HopResult] = []
        self.stem = f"run{next(_runs)}"
        self._task: asyncio.Task[Any] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._cancel_requested = False

    def cancel(self) -> None:
        self._cancel_requested = True
        if self._loop is not None and self._task is not None:
            self._loop.call_soon_threadsafe(self._task.cancel)

    async def execute(self) -> ExchangeResult:
        self._loop = asyncio.get_running_loop()
        self._task = asyncio.current_task()
        if self._cancel_requested:
            return self._finish(Outcome.CANCELLED, QT_TRANSLATE_NOOP("HttpErrors", "cancelled"))
        total = self.request.timeouts.total
        try:
            if total is None:  # the default: no timer to make and cancel for every request
                await self._hops()
            else:
                async with asyncio.timeout(total):
                    await self._hops()
        except asyncio.CancelledError:
            if not self._cancel_requested or self._task is None:
                raise
            self._task.uncancel()
            return self._finish(Outcome.CANCELLED, QT_TRANSLATE_NOOP("HttpErrors", "cancelled"))
        except TimeoutError:
            message = QT_TRANSLATE_NOOP(
                "HttpErrors", "the whole exchange took longer than {seconds} s"
            ).format(seconds=self.request.timeouts.total)
            return self._finish(Outcome.FAILED, message)
        except NetError as exc:
            return self._finish(Outcome.FAILED, exc.message)
        final = self.hops[-1]
        return self._finish(final.outcome, final.error)

    def _finish(self, outcome: Outcome, error: str) -> ExchangeResult:
        return ExchangeResult(tuple(self.hops), outcome, error)

    async def _hops(self) -> None:
        request = self.request
        jar: Jar | None = None  # made at the first redirect followed: most runs have none
        started = time.monotonic()
        for index in range(request.max_redirects + 1):
            context = HopContext(
                self.source, self.client.sink, self.client.directory, f"{self.stem}-hop{index}"
            )
            context.redirect_time = time.monotonic() - started if index else 0.0
            cookie = jar.header_for(request.url) if jar is not None and len(jar) else None
            if cookie:
                context.extra_headers.append(("Cookie", cookie))
            hop = await self._one(request, index, context)
            if hop.outcome is not Outcome.COMPLETE or not request.follow_redirects:
                return
            location = hop.header("location")
            if hop.status not in REDIRECT_STATUSES or location is None:
                return
            if jar is None:
                from netbench.core.http.cookies import Jar  # urllib.request with it: ~20 ms

                jar = Jar()
            jar.store(request.url, list(hop.headers))
            request = next_request(request, hop.status, location)
        raise NetError(
            QT_TRANSLATE_NOOP("HttpErrors", "more than {count} redirects: stopped").format(
                count=request.max_redirects
            ),
            "redirects",
        )

    async def _one(self, request: HttpRequest, index: int, context: HopContext) -> HopResult:
        settings = request.connection
        fresh = request.fresh_connection
        pools = self.client.pools
        pool = pools.fresh(settings, request.url) if fresh else pools.get(settings, request.url)
        try:
            hop = await run_hop(pool, request, index, context)
        finally:
            if context.last is not None:
                self.hops.append(context.last)
            if fresh:
                await asyncio.shield(pool.aclose())
        return hop
