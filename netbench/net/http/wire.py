"""A TCP, TLS or Unix connection that records every byte with the moment it met the socket.

Built on an asyncio Protocol rather than StreamReader: received chunks wait in a deque
(no copying into one growing bytearray, measured 2x faster for big bodies), and the
transport is paused above ``HIGH_WATER`` bytes and resumed below ``LOW_WATER``, so a slow
reader holds back the peer instead of filling memory.

:func:`open_tcp` resolves the name itself (so the lookup is its own, timed phase; an IP
literal skips it), then tries each address in order, keeping what happened to each.
Both the engine's httpcore2 backend and raw mode use these connections.
"""

from __future__ import annotations

import asyncio
import ipaddress
import itertools
import socket
import ssl
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from netbench.core.http.result import ConnectAttempt
from netbench.core.http.wirelog import DEFAULT_MEMORY_LIMIT, Direction, WireLog
from netbench.core.text import QT_TRANSLATE_NOOP, Text
from netbench.net.errors import NetError, describe_os_error

HIGH_WATER = 1024 * 1024
LOW_WATER = 256 * 1024
_numbers = itertools.count(1)


class AllAddressesFailedError(NetError):
    """No address of the host took the connection; ``attempts`` says what each did."""

    def __init__(self, message: str, attempts: tuple[ConnectAttempt, ...], field: str) -> None:
        super().__init__(message, field)
        self.attempts = attempts


@dataclass
class Timeline:
    """Monotonic moments of a connection's set-up (None: the phase did not happen)."""

    started: float
    resolved: float | None = None
    connected: float | None = None
    tls_done: float | None = None
    attempts: list[ConnectAttempt] = field(default_factory=list)


class WireProtocol(asyncio.Protocol):
    """Receives into a deque with watermarks, and logs every read and write."""

    def __init__(self, log: WireLog) -> None:
        self.log = log
        self.transport: asyncio.Transport | None = None
        self._chunks: deque[bytes] = deque()
        self._size = 0
        self._eof = False
        self._error: BaseException | None = None
        self._waiter: asyncio.Future[None] | None = None
        self._reading_paused = False
        self._drain: asyncio.Future[None] | None = None
        self._writing_paused = False

    # -- asyncio callbacks --------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.log.record(time.monotonic(), Direction.RECEIVED, data)
        self._chunks.append(data)
        self._size += len(data)
        if self._size > HIGH_WATER and not self._reading_paused and self.transport is not None:
            self._reading_paused = True
            self.transport.pause_reading()
        self._wake()

    def eof_received(self) -> bool:
        self._eof = True
        self._wake()
        return False

    def connection_lost(self, exc: Exception | None) -> None:
        self._eof = True
        if exc is not None and self._error is None:
            self._error = exc
        self._wake()
        self._release_drain()

    def pause_writing(self) -> None:
        self._writing_paused = True

    def resume_writing(self) -> None:
        self._writing_paused = False
        self._release_drain()

    def _wake(self) -> None:
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def _release_drain(self) -> None:
        drain = self._drain
        if drain is not None and not drain.done():
            drain.set_result(None)

    # -- what the connection's user calls ---------------------------------------------------

    @property
    def has_data_or_eof(self) -> bool:
        return bool(self._chunks) or self._eof

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        """Up to ``max_bytes`` (b"" at the end); raises TimeoutError or the transport's error."""
        while not self._chunks:
            if self._error is not None:
                raise self._error
            if self._eof:
                return b""
            self._waiter = asyncio.get_running_loop().create_future()
            async with asyncio.timeout(timeout):
                await self._waiter
        chunk = self._chunks.popleft()
        if len(chunk) > max_bytes:
            self._chunks.appendleft(chunk[max_bytes:])
            chunk = chunk[:max_bytes]
        self._size -= len(chunk)
        if self._reading_paused and self._size <= LOW_WATER and self.transport is not None:
            self._reading_paused = False
            self.transport.resume_reading()
        return chunk

    async def write(self, data: bytes, timeout: float | None = None) -> None:
        transport = self.transport
        if transport is None or transport.is_closing():
            raise self._error or ConnectionResetError("the connection is closed")
        transport.write(data)
        self.log.record(time.monotonic(), Direction.SENT, data)
        if self._writing_paused:
            self._drain = asyncio.get_running_loop().create_future()
            async with asyncio.timeout(timeout):
                await self._drain
            if self._error is not None:
                raise self._error


class WireConnection:
    """One connection: its transport, protocol, log, set-up timeline and number."""

    def __init__(self, protocol: WireProtocol, timeline: Timeline, target: str) -> None:
        self.protocol = protocol
        self.timeline = timeline
        self.target = target
        self.number = next(_numbers)
        self.hops_served = 0
        self.tls_verified = False

    @property
    def log(self) -> WireLog:
        return self.protocol.log

    @property
    def transport(self) -> asyncio.Transport:
        assert self.protocol.transport is not None
        return self.protocol.transport

    def extra(self, name: str) -> Any:
        return self.transport.get_extra_info(name)

    async def start_tls(
        self, context: ssl.SSLContext, server_hostname: str | None, timeout: float | None
    ) -> None:
        """Upgrade in place; the log goes on recording the plaintext both ways."""
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(timeout):
                transport = await loop.start_tls(
                    self.transport, self.protocol, context, server_hostname=server_hostname
                )
        except (OSError, ssl.SSLError, TimeoutError) as exc:
            self.transport.abort()
            raise NetError(describe_tls_error(exc, self.target), "tls") from exc
        assert transport is not None
        self.protocol.transport = transport
        self.timeline.tls_done = time.monotonic()
        self.tls_verified = context.verify_mode != ssl.CERT_NONE

    def close(self) -> None:
        transport = self.protocol.transport
        if transport is not None and not transport.is_closing():
            transport.close()

    def abort(self) -> None:
        transport = self.protocol.transport
        if transport is not None:
            transport.abort()


def describe_tls_error(exc: BaseException, target: str) -> Text:
    if isinstance(exc, ssl.SSLCertVerificationError):
        return QT_TRANSLATE_NOOP(
            "HttpErrors", "the certificate of {target} is not trusted: {reason}"
        ).format(target=target, reason=exc.verify_message or str(exc))
    if isinstance(exc, TimeoutError):
        return QT_TRANSLATE_NOOP("HttpErrors", "the TLS handshake with {target} timed out").format(
            target=target
        )
    return QT_TRANSLATE_NOOP(
        "HttpErrors", "the TLS handshake with {target} failed: {reason}"
    ).format(target=target, reason=getattr(exc, "reason", None) or str(exc))


def format_address(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _is_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


async def _resolve(host: str, port: int, timeline: Timeline) -> list[tuple[str, int]]:
    if _is_literal(host):
        return [(host, port)]
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise describe_os_error(exc, host) from exc
    timeline.resolved = time.monotonic()
    return [(str(info[4][0]), port) for info in infos]


async def _try_addresses(
    addresses: list[tuple[str, int]], protocol: WireProtocol, timeline: Timeline, target: str
) -> None:
    loop = asyncio.get_running_loop()
    last: NetError | None = None
    for host, port in addresses:
        address = format_address(host, port)
        began = time.monotonic()
        try:
            await loop.create_connection(lambda: protocol, host, port)
        except OSError as exc:
            last = describe_os_error(exc, address)
            timeline.attempts.append(
                ConnectAttempt(address, last.message, False, time.monotonic() - began)
            )
            continue
        timeline.connected = time.monotonic()
        timeline.attempts.append(
            ConnectAttempt(address, "connected", True, timeline.connected - began)
        )
        return
    assert last is not None
    raise AllAddressesFailedError(last.message, tuple(timeline.attempts), last.field)


async def open_tcp(
    host: str, port: int, timeout: float | None, log_limit: int = DEFAULT_MEMORY_LIMIT
) -> WireConnection:
    """Resolve ``host`` and connect to the first address that answers, within ``timeout``."""
    timeline = Timeline(started=time.monotonic())
    protocol = WireProtocol(WireLog(log_limit))
    target = format_address(host, port)
    try:
        async with asyncio.timeout(timeout):
            addresses = await _resolve(host, port, timeline)
            await _try_addresses(addresses, protocol, timeline, target)
    except TimeoutError as exc:
        if timeline.resolved is None and not _is_literal(host):
            message: str = QT_TRANSLATE_NOOP("HttpErrors", "looking up {host} timed out").format(
                host=host
            )
        else:
            message = describe_os_error(exc, target).message
        raise AllAddressesFailedError(message, tuple(timeline.attempts), "host") from exc
    return WireConnection(protocol, timeline, target)


async def open_unix(
    path: str, timeout: float | None, log_limit: int = DEFAULT_MEMORY_LIMIT
) -> WireConnection:
    timeline = Timeline(started=time.monotonic())
    protocol = WireProtocol(WireLog(log_limit))
    loop = asyncio.get_running_loop()
    began = time.monotonic()
    try:
        async with asyncio.timeout(timeout):
            await loop.create_unix_connection(lambda: protocol, path)
    except (OSError, TimeoutError) as exc:
        error = describe_os_error(exc, path)
        attempt = ConnectAttempt(path, error.message, False, time.monotonic() - began)
        raise AllAddressesFailedError(error.message, (attempt,), "path") from exc
    timeline.connected = time.monotonic()
    timeline.attempts.append(ConnectAttempt(path, "connected", True, timeline.connected - began))
    return WireConnection(protocol, timeline, path)
