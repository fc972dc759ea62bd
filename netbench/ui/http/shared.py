"""What the HTTP tab's request panels share: the client, the variables and the history.

One :class:`~netbench.net.http.client.HttpClient` serves every panel, so a second request
to the same server reuses the connection the first opened, as a browser would. It is made
on the first Send: the HTTP engine's libraries load then, not when netbench starts, a
module per turn of the event loop (``ENGINE_MODULES``): at once they held the window
25-50 ms. httpcore2 loads later still, on the first request that needs it. The history
file opens on first use too.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from netbench.core.http.history import FILE_NAME, HistoryStore
from netbench.core.http.model import HttpRequest
from netbench.core.http.result import ExchangeResult
from netbench.core.http.variables import Environments
from netbench.net.engine import Engine

if TYPE_CHECKING:
    from netbench.net.http.client import HttpClient

log = logging.getLogger("netbench")

# What the HTTP client imports, in an order where each comes after what it imports; none
# takes more than ~7 ms on its own (h11 the most).
ENGINE_MODULES = (
    "h11",
    "httptools",
    "netbench.core.http.h2frames",
    "netbench.core.http.anomalies",
    "netbench.core.http.decoding",
    "netbench.core.http.redirects",
    "netbench.net.http.tlsinfo",
    "netbench.net.http.wire",
    "netbench.net.http.recorder",
    "netbench.net.http.failures",
    "netbench.net.http.bodysink",
    "netbench.net.http.timing",
    "netbench.net.http.pools",
    "netbench.net.http.h1_response",
    "netbench.net.http.h1",
    "netbench.net.http.hop",
    "netbench.net.http.client",
)


async def load_engine() -> None:
    """Import the HTTP engine a module per turn of the loop, so the window keeps ticking."""
    for name in ENGINE_MODULES:
        importlib.import_module(name)
        await asyncio.sleep(0)


class HttpShared:
    def __init__(self, engine: Engine, data_dir: Path) -> None:
        self.engine = engine
        self.data_dir = data_dir
        self.environments = Environments()
        self._client: HttpClient | None = None
        self._history: HistoryStore | None = None

    async def client(self) -> HttpClient:
        """The client, made on first use; the engine closes it when it shuts down."""
        if self._client is None:
            await load_engine()
            from netbench.net.http.client import HttpClient

            if self._client is not None:  # another panel's Send made it meanwhile
                return self._client

            client = HttpClient(sink=self.engine.emit)
            self._client = client

            async def own() -> None:
                self.engine.own(client)

            await self.engine.run(own())
        return self._client

    @property
    def history(self) -> HistoryStore | None:
        """The history store, or None if its file cannot be opened (the tab works without)."""
        if self._history is None:
            try:
                self._history = HistoryStore(self.data_dir / FILE_NAME)
            except Exception as exc:  # sqlite3.Error, OSError: history is not essential
                log.warning("HTTP history unavailable: %s", exc)
                return None
        return self._history

    def record(self, request: HttpRequest, result: ExchangeResult, started: float) -> None:
        store = self.history
        final = result.final
        if store is None:
            return
        size = (final.body.decoded_size or final.body.raw_size) if final else 0
        try:
            store.add(
                request,
                final.status if final else 0,
                result.outcome.value,
                time.monotonic() - started,
                size,
            )
        except Exception as exc:  # a full disk must not break the exchange shown
            log.warning("could not write the HTTP history: %s", exc)

    async def aclose(self) -> None:
        if self._client is not None:
            client, self._client = self._client, None

            async def close() -> None:
                self.engine.disown(client)
                await client.aclose()

            await self.engine.run(close())
        if self._history is not None:
            self._history.close()
            self._history = None
