"""Raw mode: send a request exactly as typed, malformed or HTTP/1.0 on purpose, and read
the answer with a small h11 client of our own, to the end of the message or the close.

Nothing is added or fixed: no Host, no Content-Length, no line endings changed. h11 only
needs to know the request's method to frame the response (a HEAD response has no body),
so it is read from the first line typed and given to h11 as if it had sent it. The result is a
:class:`~netbench.core.http.result.HopResult`, with the same wire log and timings as the
engine's.
"""

from __future__ import annotations

import asyncio
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from netbench.core.http.anomalies import scan_response
from netbench.core.http.model import TlsOptions
from netbench.core.http.result import (
    NO_FINDINGS,
    BodyFiles,
    HeadFindings,
    HopResult,
    Outcome,
    Timings,
)
from netbench.core.http.wirelog import Direction
from netbench.core.text import QT_TRANSLATE_NOOP
from netbench.net.errors import NetError
from netbench.net.http.bodysink import BodySink
from netbench.net.http.tlsinfo import client_context, tls_info
from netbench.net.http.wire import WireConnection, open_tcp, open_unix

_REQUEST_LINE = re.compile(rb"([A-Z]+) \S+ HTTP/(1\.[01])")
READ_SIZE = 64 * 1024


@dataclass(frozen=True, slots=True)
class RawTarget:
    host: str = ""
    port: int = 80
    tls: bool = False
    server_name: str = ""  # SNI; empty: the host
    unix_socket: str = ""
    tls_options: TlsOptions = field(default_factory=TlsOptions)


@dataclass
class _Reading:
    status: int = 0
    reason: str = ""
    version: str = ""
    headers: tuple[tuple[str, str], ...] = ()
    body: BodySink | None = None
    first_byte: float | None = None


def _h11_client(data: bytes) -> Any:
    """An h11 client that believes it sent the request typed in ``data``: h11 only sends
    HTTP/1.1, and for an HTTP/1.0 request typed here the response's framing rules are the
    same (a body without a length ends at the close)."""
    from netbench.net.http.h1_response import h11_client  # h11 when first used

    match = _REQUEST_LINE.match(data)
    return h11_client(match.group(1) if match else b"GET", 1024 * 1024)


async def _connect(target: RawTarget, timeout: float | None) -> WireConnection:
    if target.unix_socket:
        connection = await open_unix(target.unix_socket, timeout)
    else:
        connection = await open_tcp(target.host, target.port, timeout)
    if target.tls:
        options = target.tls_options
        context = client_context(
            options.verify,
            str(options.ca_file) if options.ca_file else None,
            str(options.client_cert) if options.client_cert else None,
            str(options.client_key) if options.client_key else None,
        )
        context.set_alpn_protocols(["http/1.1"])
        await connection.start_tls(context, target.server_name or target.host, timeout)
    return connection


async def _read_response(
    connection: WireConnection,
    client: Any,
    reading: _Reading,
    directory: Path,
    timeout: float | None,
) -> None:
    import h11

    while True:
        event = client.next_event()
        if event is h11.NEED_DATA:
            data = await connection.protocol.read(READ_SIZE, timeout)
            if reading.first_byte is None and data:
                reading.first_byte = time.monotonic()
            client.receive_data(data)
            continue
        if isinstance(event, h11.Response):
            reading.status = event.status_code
            reading.reason = event.reason.decode("latin-1")
            reading.version = "HTTP/" + event.http_version.decode("ascii")
            reading.headers = tuple(
                (n.decode("latin-1"), v.decode("latin-1")) for n, v in event.headers.raw_items()
            )
            encoding = next((v for n, v in reading.headers if n.lower() == "content-encoding"), "")
            reading.body = BodySink(directory, "raw", encoding, True)
        elif isinstance(event, h11.Data) and reading.body is not None:
            reading.body.write(bytes(event.data))
        elif isinstance(event, h11.EndOfMessage | h11.ConnectionClosed):
            return


async def send_raw(
    target: RawTarget,
    data: bytes,
    directory: Path,
    connect_timeout: float | None = 10.0,
    read_timeout: float | None = 30.0,
) -> HopResult:
    """Send ``data`` as it is and read one response; the connection is closed after."""
    started = time.monotonic()
    reading = _Reading()
    connection: WireConnection | None = None
    outcome, error = Outcome.COMPLETE, ""
    try:
        connection = await _connect(target, connect_timeout)
        await connection.protocol.write(data, read_timeout)
        await _read_response(connection, _h11_client(data), reading, directory, read_timeout)
    except NetError as exc:
        outcome, error = Outcome.FAILED, exc.message
    except asyncio.CancelledError:
        outcome, error = Outcome.CANCELLED, QT_TRANSLATE_NOOP("HttpErrors", "cancelled")
        raise
    except Exception as exc:  # h11's RemoteProtocolError, OSError, TimeoutError
        outcome, error = Outcome.FAILED, _describe(exc, reading)
    finally:
        result = _result(target, data, started, connection, reading, outcome, error)
        if connection is not None:
            connection.close()
    return result


def _describe(exc: Exception, reading: _Reading) -> str:
    if isinstance(exc, TimeoutError):
        return QT_TRANSLATE_NOOP("HttpErrors", "no answer within the read timeout")
    got = reading.body.received if reading.body else 0
    if isinstance(exc, ConnectionResetError):
        return QT_TRANSLATE_NOOP(
            "HttpErrors", "the server reset the connection after {got} body bytes"
        ).format(got=got)
    return QT_TRANSLATE_NOOP("HttpErrors", "the response is not valid HTTP: {reason}").format(
        reason=str(exc)
    )


def _result(
    target: RawTarget,
    data: bytes,
    started: float,
    connection: WireConnection | None,
    reading: _Reading,
    outcome: Outcome,
    error: str,
) -> HopResult:
    ended = time.monotonic()
    wire = connection.log.slice() if connection is not None else None
    scan = scan_response(wire.head(Direction.RECEIVED)) if wire is not None else None
    line = connection.timeline if connection is not None else None
    ssl_object = connection.extra("ssl_object") if connection is not None else None
    match = _REQUEST_LINE.match(data)

    def since(moment: float | None) -> float | None:
        return None if moment is None else moment - started

    return HopResult(
        index=0,
        method=match.group(1).decode("ascii") if match else "",
        url=target.unix_socket or f"{target.host}:{target.port}",
        outcome=outcome,
        error=error,
        status=reading.status,
        reason=reading.reason,
        http_version=reading.version,
        headers=reading.headers,
        findings=HeadFindings(scan.interim, scan.anomalies) if scan else NO_FINDINGS,
        timings=Timings(
            namelookup=since(line.resolved) if line else None,
            connect=since(line.connected) if line else None,
            appconnect=since(line.tls_done) if line else None,
            pretransfer=since(wire.first_time(Direction.SENT)) if wire else None,
            posttransfer=since(wire.last_time(Direction.SENT)) if wire else None,
            starttransfer=since(reading.first_byte),
            total=ended - started,
        ),
        connection_number=connection.number if connection else 0,
        attempts=tuple(line.attempts) if line else (),
        tls=tls_info(ssl_object, connection.tls_verified) if ssl_object and connection else None,
        sent_bytes=wire.total(Direction.SENT) if wire else 0,
        received_bytes=wire.total(Direction.RECEIVED) if wire else 0,
        body=reading.body.close(outcome is Outcome.COMPLETE) if reading.body else BodyFiles(),
        wire=wire,
    )
