"""One port scan or TCP ping as the UI drives it: progress handed across threads, and a
cancel that still gives the partial report.

With networking on an IO thread, the scan's progress callback runs there. It only appends
to a deque (``append`` and ``popleft`` are atomic), which the page drains on a UI timer
about ten times a second: no Qt object is touched off the UI thread and no event floods
the bridge. Cancel asks the engine's loop to cancel the task running the scan; the scan
closes every socket before that task ends, and :meth:`ScanRun.execute` then returns what
was found so far. The engine owns the run while it lasts, so closing the window stops it
in either engine mode.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from typing import Any

from netbench.core.lookup.ping_report import PingReport, PingSample
from netbench.core.lookup.scan_report import PortResult, ScanProgress, ScanReport
from netbench.net.engine import Engine
from netbench.net.lookup.scan import PortScan
from netbench.net.lookup.tcp_ping import tcp_ping


class ScanRun:
    def __init__(
        self,
        engine: Engine,
        host: str | tuple[str, ...],
        ports: tuple[int, ...],
        concurrency: int,
        timeout: float,
    ) -> None:
        self.engine = engine
        self.batches: deque[tuple[PortResult, ...]] = deque()
        self.latest: ScanProgress | None = None
        self.cancel_requested = False
        self._inner: asyncio.Task[ScanReport] | None = None
        self.scan = PortScan(
            host, ports, concurrency=concurrency, timeout=timeout, on_progress=self.on_progress
        )

    def on_progress(self, progress: ScanProgress) -> None:
        """Any thread: keep the batch for the UI's next tick."""
        self.latest = progress
        self.batches.append(progress.latest)

    def drain(self) -> list[PortResult]:
        """UI thread: the results that came since the last call."""
        found: list[PortResult] = []
        while self.batches:
            found += self.batches.popleft()
        return found

    async def execute(self) -> ScanReport:
        """On the engine's loop: the scan's report, partial when cancelled by :meth:`cancel`."""
        if self.cancel_requested:
            return self.scan.report()
        self._inner = asyncio.get_running_loop().create_task(self.scan.run())
        self.engine.own(self)
        try:
            return await self._inner
        except asyncio.CancelledError:
            if self.cancel_requested and self._inner.done():
                return self.scan.report()
            raise
        finally:
            self.engine.disown(self)

    def request_cancel(self) -> None:
        """Any thread: stop the scan soon."""
        self.cancel_requested = True
        self.engine.call(self._cancel_inner)

    def _cancel_inner(self) -> None:
        if self._inner is not None:
            self._inner.cancel()

    async def aclose(self) -> None:
        """The engine shuts down: cancel and wait until every socket is closed."""
        self.cancel_requested = True
        inner = self._inner
        if inner is not None and not inner.done():
            inner.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await inner


class PingRun:
    """A TCP ping whose samples reach the UI like a scan's batches."""

    def __init__(self, host: str, port: int, count: int, interval: float, timeout: float) -> None:
        self.samples: deque[PingSample] = deque()
        self.args: dict[str, Any] = {
            "count": count,
            "interval": interval,
            "timeout": timeout,
            "on_sample": self.samples.append,
        }
        self.host = host
        self.port = port

    async def execute(self) -> PingReport:
        return await tcp_ping(self.host, self.port, **self.args)
