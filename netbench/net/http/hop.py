"""One request and its response on a pool: the bytes, the body on disk, the timings.

Whatever happens (a complete response, a failure, Cancel) the hop ends with a
:class:`~netbench.core.http.result.HopResult` holding what did arrive: the result is built
in a ``finally`` and handed to ``on_done`` even while a cancellation goes on up.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from netbench.core.http.anomalies import scan_h2_interim, scan_response
from netbench.core.http.bodies import BodyPlan, plan_body
from netbench.core.http.headers import media_type
from netbench.core.http.model import HttpRequest
from netbench.core.http.result import Anomaly, BodyFiles, HopResult, Interim, Outcome
from netbench.core.http.sse import SseParser
from netbench.core.http.wirelog import Direction
from netbench.core.text import QT_TRANSLATE_NOOP
from netbench.net.events import EventSink
from netbench.net.http.bodysink import BodySink
from netbench.net.http.events import HttpHopDone, HttpPhase, HttpProgress, HttpSse, Phase
from netbench.net.http.failures import Progress, describe_failure, is_proxy_refusal
from netbench.net.http.recorder import HopRecorder, current_hop
from netbench.net.http.timing import hop_timings
from netbench.net.http.tlsinfo import tls_info

PROGRESS_INTERVAL = 0.1
HEAD_SCAN_LIMIT = 1024 * 1024


@dataclass
class HopContext:
    """What the hops of one run share."""

    source: str
    sink: EventSink | None
    directory: Path
    stem: str  # body files are named after it
    extra_headers: list[tuple[str, str]] = field(default_factory=list)
    redirect_time: float = 0.0
    last: HopResult | None = None  # the hop's result, even when a cancellation went on

    def emit(self, event: Any) -> None:
        if self.sink is not None:
            self.sink(event)


@dataclass
class _State:
    outcome: Outcome = Outcome.COMPLETE
    error: str = ""
    status: int = 0
    reason: str = ""
    version: str = ""
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: BodySink | None = None
    request_headers: list[tuple[str, str]] = field(default_factory=list)
    served_by: str = ""


def _target(url: str) -> str:
    parts = urlsplit(url)
    return parts.netloc or url


async def _content(plan: BodyPlan) -> AsyncIterator[bytes]:
    for chunk in plan.chunks():
        yield chunk


def _headers(
    request: HttpRequest, plan: BodyPlan | None, extra: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    headers = request.enabled_headers()
    names = {name.lower() for name, _ in headers}
    if plan is not None:
        if "content-type" not in names and plan.content_type:
            headers.append(("Content-Type", plan.content_type))
        if "content-length" not in names and "transfer-encoding" not in names:
            headers.append(("Content-Length", str(plan.length)))
    headers += [(n, v) for n, v in extra if n.lower() not in names]
    return headers


def _extensions(request: HttpRequest, recorder: HopRecorder) -> dict[str, Any]:
    t = request.timeouts
    timeouts = {"connect": t.connect, "read": t.read, "write": t.write, "pool": t.pool}
    return {"timeout": timeouts, "trace": recorder.trace}


async def _exchange(
    pool: Any, request: HttpRequest, index: int, state: _State, ctx: HopContext
) -> None:
    plan = plan_body(request.body)
    state.request_headers = _headers(request, plan, ctx.extra_headers)
    recorder = current_hop.get()
    assert recorder is not None
    state.served_by = getattr(pool, "served_by", "httpcore2")
    ctx.emit(HttpPhase(source=ctx.source, hop=index, phase=Phase.CONNECTING))
    async with pool.stream(
        request.method,
        request.url,
        headers=[(n.encode(), v.encode()) for n, v in state.request_headers],  # UTF-8 as typed
        content=_content(plan) if plan is not None else None,
        extensions=_extensions(request, recorder),
    ) as response:
        state.status = response.status
        state.headers = [(n.decode("latin-1"), v.decode("latin-1")) for n, v in response.headers]
        extensions = response.extensions
        state.version = extensions.get("http_version", b"").decode("ascii", "replace")
        state.reason = extensions.get("reason_phrase", b"").decode("latin-1")
        ctx.emit(HttpPhase(source=ctx.source, hop=index, phase=Phase.RECEIVING))
        encoding = _first(state.headers, "content-encoding") or ""
        state.body = BodySink(ctx.directory, ctx.stem, encoding, request.decode_content)
        chunks = response.aiter_stream()
        if ctx.sink is not None and _is_event_stream(state.headers, encoding):
            chunks = _events_live(chunks, index, ctx)
        await _receive(chunks, state.body, index, _expected(state), ctx)


def _is_event_stream(headers: list[tuple[str, str]], encoding: str) -> bool:
    content_type = media_type(_first(headers, "content-type") or "")
    return content_type == "text/event-stream" and encoding.lower() in ("", "identity")


async def _events_live(
    chunks: AsyncIterator[bytes], index: int, ctx: HopContext
) -> AsyncIterator[bytes]:
    """Pass the chunks on, and emit the events each one completes as it arrives."""
    parser = SseParser()
    async for chunk in chunks:
        events = parser.feed(chunk)
        if events:
            ctx.emit(HttpSse(source=ctx.source, hop=index, events=tuple(events)))
        yield chunk


async def _receive(
    chunks: AsyncIterator[bytes], body: BodySink, index: int, expected: int, ctx: HopContext
) -> None:
    last = 0.0
    async for chunk in chunks:
        body.write(chunk)
        now = time.monotonic()
        if now - last >= PROGRESS_INTERVAL:
            last = now
            ctx.emit(
                HttpProgress(
                    source=ctx.source,
                    hop=index,
                    received=body.received,
                    expected=expected,
                    rate=body.rate(),
                )
            )
    ctx.emit(
        HttpProgress(
            source=ctx.source,
            hop=index,
            received=body.received,
            expected=expected,
            rate=body.rate(),
        )
    )


def _first(headers: list[tuple[str, str]], name: str) -> str | None:
    return next((v for n, v in headers if n.lower() == name), None)


def _expected(state: _State) -> int:
    value = _first(state.headers, "content-length")
    return int(value) if value is not None and value.strip().isdigit() else -1


async def run_hop(pool: Any, request: HttpRequest, index: int, ctx: HopContext) -> HopResult:
    """Run one hop; its result is returned, and also emitted as :class:`HttpHopDone`."""
    recorder = HopRecorder()
    token = current_hop.set(recorder)
    state = _State()
    result: HopResult | None = None
    try:
        await _exchange(pool, request, index, state, ctx)
    except asyncio.CancelledError:
        state.outcome = Outcome.CANCELLED
        state.error = QT_TRANSLATE_NOOP("HttpErrors", "cancelled")
        raise
    except Exception as exc:
        state.outcome = Outcome.FAILED
        state.error = describe_failure(exc, _progress(request, state))
        if is_proxy_refusal(exc):
            recorder.tunnel_done()  # what the log holds was the proxy's answer
    finally:
        current_hop.reset(token)
        result = ctx.last = _result(request, index, recorder, state, ctx)
        ctx.emit(HttpHopDone(source=ctx.source, hop=result))
    return result


def _progress(request: HttpRequest, state: _State) -> Progress:
    chunked = "chunked" in (_first(state.headers, "transfer-encoding") or "").lower()
    return Progress(
        target=_target(request.url),
        headers_received=bool(state.status),
        body_bytes=state.body.received if state.body else 0,
        expected=_expected(state),
        chunked=chunked,
        read_timeout=request.timeouts.read,
        proxy=request.connection.proxy,
    )


def _scan(recorder: HopRecorder, end: int) -> tuple[tuple[Interim, ...], tuple[Anomaly, ...]]:
    connection = recorder.connection
    if connection is None:
        return (), ()
    if recorder.stream_id:
        return scan_h2_interim(connection.log, recorder.stream_id)
    start = max(recorder.log_start, connection.log.tunnel_end)  # a proxy's answer is no head
    head = connection.log.slice(start, end).head(Direction.RECEIVED, HEAD_SCAN_LIMIT)
    scan = scan_response(head)
    return scan.interim, scan.anomalies


def _result(
    request: HttpRequest, index: int, recorder: HopRecorder, state: _State, ctx: HopContext
) -> HopResult:
    ended = time.monotonic()
    connection = recorder.connection
    end = len(connection.log) if connection is not None else 0
    wire = connection.log.slice(recorder.log_start, end) if connection is not None else None
    interim, anomalies = _scan(recorder, end)
    ssl_object = connection.extra("ssl_object") if connection is not None else None
    attempts = recorder.failed_attempts
    if connection is not None and recorder.new_connection:
        attempts = tuple(connection.timeline.attempts)
    body = state.body.close(state.outcome is Outcome.COMPLETE) if state.body else None
    return HopResult(
        index=index,
        method=request.method,
        url=request.url,
        outcome=state.outcome,
        error=state.error,
        status=state.status,
        reason=state.reason,
        http_version=state.version,
        request_headers=tuple(state.request_headers),
        headers=tuple(state.headers),
        interim=interim,
        timings=hop_timings(recorder, ended, end, ctx.redirect_time),
        connection_number=connection.number if connection is not None else 0,
        reused=recorder.reused,
        attempts=attempts,
        local_address=_address(connection.extra("sockname")) if connection else "",
        remote_address=_address(connection.extra("peername")) if connection else "",
        tls=tls_info(ssl_object, connection.tls_verified) if ssl_object and connection else None,
        sent_bytes=wire.total(Direction.SENT) if wire else 0,
        received_bytes=wire.total(Direction.RECEIVED) if wire else 0,
        body=body if body is not None else BodyFiles(),
        wire=wire,
        stream_id=recorder.stream_id,
        anomalies=anomalies,
        served_by=state.served_by,
    )


def _address(value: Any) -> str:
    if isinstance(value, tuple) and len(value) >= 2:
        host, port = value[0], value[1]
        return f"[{host}]:{port}" if ":" in str(host) else f"{host}:{port}"
    return str(value) if value else ""
