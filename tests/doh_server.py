"""A small DNS-over-HTTPS endpoint (RFC 8484) for tests: HTTP/1.1 via h11 over TLS, on a
thread of its own, answering from a :class:`dns_server.DnsTestServer`'s zone.

``POST /dns-query`` with ``Content-Type: application/dns-message`` gets the zone's answer
(200, same media type); another path is 404, another method 405, another type 415. Every
request is kept in ``requests`` (method, path, headers, body) for the test to look at.
One request per connection (``Connection: close``).
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
import threading
from dataclasses import dataclass, field
from typing import Any

import h11
from dns_server import DnsTestServer

MEDIA_TYPE = "application/dns-message"


@dataclass
class DohRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class DohTestServer:
    dns: DnsTestServer
    tls: ssl.SSLContext
    host: str = "127.0.0.1"
    port: int = 0
    requests: list[DohRequest] = field(default_factory=list)

    def __enter__(self) -> DohTestServer:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.server = asyncio.run_coroutine_threadsafe(self.start(), self.loop).result(10)
        self.port = self.server.sockets[0].getsockname()[1]
        return self

    def __exit__(self, *exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self.stop(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()

    async def start(self) -> asyncio.Server:
        return await asyncio.start_server(self.serve, self.host, 0, ssl=self.tls)

    async def stop(self) -> None:
        self.server.close()
        await self.server.wait_closed()

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError, ssl.SSLError, h11.RemoteProtocolError):
            connection = h11.Connection(h11.SERVER)
            request = await self.read_request(connection, reader)
            if request is not None:
                self.requests.append(request)
                status, body = self.respond(request)
                writer.write(self.response_bytes(connection, status, body))
                await writer.drain()
        writer.close()
        with contextlib.suppress(ConnectionError, ssl.SSLError):
            await writer.wait_closed()

    async def read_request(
        self, connection: h11.Connection, reader: asyncio.StreamReader
    ) -> DohRequest | None:
        head: Any = None
        body = b""
        while True:
            event = connection.next_event()
            if event is h11.NEED_DATA:
                connection.receive_data(await reader.read(65536))
            elif isinstance(event, h11.Request):
                head = event
            elif isinstance(event, h11.Data):
                body += event.data
            elif isinstance(event, h11.EndOfMessage):
                headers = {k.decode().lower(): v.decode() for k, v in head.headers}
                return DohRequest(head.method.decode(), head.target.decode(), headers, body)
            elif isinstance(event, h11.ConnectionClosed):
                return None

    def respond(self, request: DohRequest) -> tuple[int, bytes]:
        if request.path != "/dns-query":
            return 404, b"no such path"
        if request.method != "POST":
            return 405, b"POST only here"
        if request.headers.get("content-type") != MEDIA_TYPE:
            return 415, b"application/dns-message only"
        answer = self.dns.respond_wire(request.body, "https", 65535)
        return (200, answer) if answer is not None else (400, b"not a DNS message")

    def response_bytes(self, connection: h11.Connection, status: int, body: bytes) -> bytes:
        kind = MEDIA_TYPE if status == 200 else "text/plain"
        headers = [
            ("Content-Type", kind),
            ("Content-Length", str(len(body))),
            ("Connection", "close"),
        ]
        parts = [
            connection.send(h11.Response(status_code=status, headers=headers)),
            connection.send(h11.Data(data=body)),
            connection.send(h11.EndOfMessage()),
        ]
        return b"".join(part or b"" for part in parts)
