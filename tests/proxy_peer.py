"""Small proxies on loopback for the HTTP tests: an HTTP proxy (CONNECT for https, a plain
forward for http) and a SOCKS5 proxy, each on its own thread and asyncio loop.

Both can refuse (``refuse=True``): the HTTP proxy answers 403 to every request, the SOCKS5
proxy answers "connection not allowed by ruleset". ``seen`` lists what each was asked for
(the request line, or the SOCKS target as ``host:port``), so a test knows the request went
through the proxy and not straight to the server. :class:`ThreadedServer`, which they are
built on, serves other small servers of the HTTP tests too.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import ssl
import struct
import threading
from collections.abc import Awaitable, Callable
from typing import Any

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


class ThreadedServer:
    """An asyncio server on loopback port 0 (over TLS with ``tls``), served by its own loop
    on its own thread (so it answers while a test blocks the UI thread in a wait).
    ``close()`` stops it."""

    def __init__(self, handler: Handler, tls: ssl.SSLContext | None = None) -> None:
        self.loop = asyncio.new_event_loop()
        self.port = 0
        ready = threading.Event()

        async def start() -> None:
            self.server = await asyncio.start_server(handler, "127.0.0.1", 0, ssl=tls)
            self.port = self.server.sockets[0].getsockname()[1]
            ready.set()

        def run() -> None:
            self.loop.run_until_complete(start())
            self.loop.run_forever()

        self.thread = threading.Thread(target=run, name=type(self).__name__, daemon=True)
        self.thread.start()
        ready.wait(5)

    def close(self) -> None:
        """Stop serving, cancel the connections still open and wait for them to end."""

        async def stop() -> None:
            self.server.close()
            tasks = [t for t in asyncio.all_tasks(self.loop) if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            self.loop.stop()

        asyncio.run_coroutine_threadsafe(stop(), self.loop)
        self.thread.join(5)
        self.loop.close()

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


# Each handler ends quietly when cancelled at close: Python 3.11's start_server callback asks a
# cancelled handler task for its exception, which raises, and asyncio logs it as an error.
QUIET = (OSError, asyncio.IncompleteReadError, ValueError, asyncio.CancelledError)


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(OSError):
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    with contextlib.suppress(OSError):
        writer.write_eof()


async def _splice(
    client: tuple[asyncio.StreamReader, asyncio.StreamWriter], host: str, port: int, first: bytes
) -> None:
    """Connect to ``host:port``, send ``first``, then copy both ways until both ends close."""
    upstream_reader, upstream_writer = await asyncio.open_connection(host, port)
    upstream_writer.write(first)
    reader, writer = client
    try:
        await asyncio.gather(_pipe(reader, upstream_writer), _pipe(upstream_reader, writer))
    finally:
        upstream_writer.close()


def _split_target(target: str) -> tuple[str, int]:
    host, _, port = target.rpartition(":")
    return host.strip("[]"), int(port)


class Proxy(ThreadedServer):
    """What both proxies share: whether they refuse, and what they were asked for."""

    def __init__(self, refuse: bool = False) -> None:
        self.refuse = refuse
        self.seen: list[str] = []
        super().__init__(self.handle)

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        raise NotImplementedError


class HttpProxy(Proxy):
    """CONNECT host:port answers "200 Connection established" and tunnels; any other
    request (absolute-form, ``GET http://host:port/path``) is forwarded as it came."""

    ESTABLISHED = b"HTTP/1.1 200 Connection established\r\n\r\n"
    REFUSED = b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            method, target, _ = head.split(b"\r\n", 1)[0].decode("latin-1").split(" ", 2)
            self.seen.append(f"{method} {target}")
            if self.refuse:
                writer.write(self.REFUSED)
                await writer.drain()
            elif method == "CONNECT":
                writer.write(self.ESTABLISHED)
                await _splice((reader, writer), *_split_target(target), b"")
            else:
                authority = target.split("://", 1)[1].split("/", 1)[0]
                await _splice((reader, writer), *_split_target(authority), head)
        except QUIET:
            pass
        finally:
            writer.close()


class Socks5Proxy(Proxy):
    """RFC 1928 without authentication: CONNECT to an IPv4 address or a domain name."""

    ALLOWED, NOT_ALLOWED = 0x00, 0x02

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            _version, count = await reader.readexactly(2)
            await reader.readexactly(count)  # the methods offered: we take "no auth"
            writer.write(b"\x05\x00")
            _version, _command, _, kind = await reader.readexactly(4)
            if kind == 1:
                host = str(ipaddress.IPv4Address(await reader.readexactly(4)))
            else:
                (length,) = await reader.readexactly(1)
                host = (await reader.readexactly(length)).decode("ascii")
            (port,) = struct.unpack("!H", await reader.readexactly(2))
            self.seen.append(f"{host}:{port}")
            status = self.NOT_ALLOWED if self.refuse else self.ALLOWED
            writer.write(bytes([5, status, 0, 1, 0, 0, 0, 0, 0, 0]))
            await writer.drain()
            if not self.refuse:
                await _splice((reader, writer), host, port, b"")
        except QUIET:
            pass
        finally:
            writer.close()
