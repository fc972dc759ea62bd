"""httpcore2's network backend on our recording connections (see :mod:`.wire`).

This module imports httpcore2 at its top, so it is itself imported only when the first
request runs (:mod:`.pools` does that), never at application start-up.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterable
from typing import Any

import httpcore2

from netbench.core.http.wirelog import DEFAULT_MEMORY_LIMIT
from netbench.net.errors import NetError
from netbench.net.http.recorder import attach_to_current, note_failed_connect
from netbench.net.http.wire import WireConnection, open_tcp, open_unix


class WireConnectError(httpcore2.ConnectError):
    """A connect or TLS set-up that failed, carrying our own message (``net_error``, a
    translatable text). httpcore2's pool re-raises ``from None``, which drops
    ``__cause__``: the message must travel on the exception itself."""

    def __init__(self, error: NetError) -> None:
        super().__init__(error.message)
        self.net_error = error


class WireStream(httpcore2.AsyncNetworkStream):
    """One connection as httpcore2 sees it; every read and write lands in its log."""

    def __init__(self, connection: WireConnection) -> None:
        self.connection = connection
        self._protocol = connection.protocol

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        attach_to_current(self.connection)
        try:
            return await self._protocol.read(max_bytes, timeout)
        except TimeoutError as exc:
            raise httpcore2.ReadTimeout(str(exc) or "read timed out") from exc
        except OSError as exc:
            raise httpcore2.ReadError(str(exc)) from exc

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        attach_to_current(self.connection)
        try:
            await self._protocol.write(buffer, timeout)
        except TimeoutError as exc:
            raise httpcore2.WriteTimeout(str(exc) or "write timed out") from exc
        except OSError as exc:
            raise httpcore2.WriteError(str(exc)) from exc

    async def aclose(self) -> None:
        self.connection.close()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore2.AsyncNetworkStream:
        try:
            await self.connection.start_tls(ssl_context, server_hostname, timeout)
        except NetError as exc:
            raise WireConnectError(exc) from exc
        return self

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable":
            # An idle kept-alive connection that became readable was closed by the server.
            return self._protocol.has_data_or_eof
        if info == "ssl_object":
            return self.connection.extra("ssl_object")
        if info == "client_addr":
            return self.connection.extra("sockname")
        if info == "server_addr":
            return self.connection.extra("peername")
        if info == "socket":
            return self.connection.extra("socket")
        return None


class WireBackend(httpcore2.AsyncNetworkBackend):
    def __init__(self, log_limit: int = DEFAULT_MEMORY_LIMIT) -> None:
        self.log_limit = log_limit

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore2.AsyncNetworkStream:
        try:
            connection = await open_tcp(host, port, timeout, self.log_limit)
        except NetError as exc:
            note_failed_connect(getattr(exc, "attempts", ()))
            raise WireConnectError(exc) from exc
        attach_to_current(connection, new=True)
        return WireStream(connection)

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore2.AsyncNetworkStream:
        try:
            connection = await open_unix(path, timeout, self.log_limit)
        except NetError as exc:
            note_failed_connect(getattr(exc, "attempts", ()))
            raise WireConnectError(exc) from exc
        attach_to_current(connection, new=True)
        return WireStream(connection)

    async def sleep(self, seconds: float) -> None:
        import asyncio

        await asyncio.sleep(seconds)
