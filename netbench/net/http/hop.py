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
from netbench.core.http.result import (
    NO_FINDINGS,
    Anomaly,
    BodyFiles,
    HeadFindings,
    HopResult,
    Interim,
    Outcome,
)
from netbench.core.http.sse import SseParser
from netbench.core.http.wirelog import Direction
from netbench.core.text import QT_TRANSLATE_NOOP
from netbench.net.events import EventSink
from netbench.net.http.bodysink import BodySink
from netbench.net.http.events import HttpHopDone, HttpPhase, HttpProgress, HttpSse, Phase
from netbench.net.http.failures import Progress, describe_failure, is_proxy_refusal
from netbench.net.http.h1 import H1Pool
from netbench.net.http.recorder import HopRecorder, current_hop
from netbench.net.http.timing import hop_timings

PROGRESS_INTERVAL = 0.1
HEAD_SCAN_LIMIT = 1024 * 1024


@dataclass(slots=True)
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


class _State:
    """What the hop has so far; filled in as it goes, read by :func:`_result` at the end."""

    __slots__ = (
        "body",
        "error",
        "headers",
        "outcome",
        "reason",
        "request_headers",
        "served_by",
        "status",
        "version",
    )

    def __init__(self) -> None:
        self.outcome = Outcome.COMPLETE
        self.error = ""
        self.status = 0
        self.reason = ""
        self.version = ""
        self.headers: list[tuple[str, str]] = []
        self.body: BodySink | None = None
        self.request_headers: list[tuple[str, str]] = []
        self.served_by = ""


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
    if plan is None and not extra:
        return headers
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
    if ctx.sink is not None:
        ctx.sink(HttpPhase(source=ctx.source, hop=index, phase=Phase.CONNECTING))
    headers = [(n.encode(), v.encode()) for n, v in state.request_headers]  # UTF-8 as typed
    content = _content(plan) if plan is not None else None
    if isinstance(pool, H1Pool):
        state.served_by = pool.served_by
        response = await pool.open(
            request.method, request.url, headers, content, request.timeouts, recorder
        )
        try:
            await _take(response, request, index, state, ctx)
        except BaseException:
            pool.done(response, False)
            raise
        pool.done(response, True)
        return
    state.served_by = "httpcore2"
    async with pool.stream(
        request.method,
        request.url,
        headers=headers,
        content=content,
        extensions=_extensions(request, recorder),
    ) as response:
        await _take(response, request, index, state, ctx)


async def _take(
    response: Any, request: HttpRequest, index: int, state: _State, ctx: HopContext
) -> None:
    """Read the response (either path's) into the hop's state, its body into a sink."""
    state.status = response.status
    state.headers = [(n.decode("latin-1"), v.decode("latin-1")) for n, v in response.headers]
    extensions = response.extensions
    state.version = extensions.get("http_version", b"").decode("ascii", "replace")
    state.reason = extensions.get("reason_phrase", b"").decode("latin-1")
    encoding = _first(state.headers, "content-encoding") or ""
    state.body = BodySink(ctx.directory, ctx.stem, encoding, request.decode_content)
    chunks = response.aiter_stream()
    if ctx.sink is None:  # nobody shows progress: just the body
        async for chunk in chunks:
            state.body.write(chunk)
        return
    ctx.sink(HttpPhase(source=ctx.source, hop=index, phase=Phase.RECEIVING))
    if _is_event_stream(state.headers, encoding):
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
    """Write the body as it comes, saying how far it got at most every PROGRESS_INTERVAL
    and once more at its end."""

    def progress() -> None:
        ctx.emit(
            HttpProgress(
                source=ctx.source,
                hop=index,
                received=body.received,
                expected=expected,
                rate=body.rate(),
            )
        )

    last = 0.0
    async for chunk in chunks:
        body.write(chunk)
        now = time.monotonic()
        if now - last >= PROGRESS_INTERVAL:
            last = now
            progress()
    progress()


def _first(headers: list[tuple[str, str]], name: str) -> str | None:
    for header, value in headers:  # a loop, not a generator: it runs for every request
        if header.lower() == name:
            return value
    return None


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
        if ctx.sink is not None:
            ctx.sink(HttpHopDone(source=ctx.source, hop=result))
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


def _findings(recorder: HopRecorder, end: int) -> HeadFindings:
    """The scan of the hop's response head, run when first read (see :class:`HeadFindings`)."""
    connection = recorder.connection
    if connection is None:
        return NO_FINDINGS
    log = connection.log
    stream_id = recorder.stream_id
    if stream_id:
        return HeadFindings.later(lambda: scan_h2_interim(log, stream_id))
    start = max(recorder.log_start, log.tunnel_end)  # a proxy's answer is no head

    def scan() -> tuple[tuple[Interim, ...], tuple[Anomaly, ...]]:
        found = scan_response(log.slice(start, end).head(Direction.RECEIVED, HEAD_SCAN_LIMIT))
        return found.interim, found.anomalies

    return HeadFindings.later(scan)


def _result(
    request: HttpRequest, index: int, recorder: HopRecorder, state: _State, ctx: HopContext
) -> HopResult:
    ended = time.monotonic()
    connection = recorder.connection
    attempts = recorder.failed_attempts
    body = state.body.close(state.outcome is Outcome.COMPLETE) if state.body else BodyFiles()
    if connection is None:
        end = 0
        wire, local, remote, tls, sent, received, number = None, "", "", None, 0, 0, 0
    else:
        log = connection.log
        end = len(log)
        wire = log.slice(recorder.log_start, end)
        local, remote = connection.addresses()
        tls = connection.tls()
        sent = log.sent - recorder.sent_before
        received = log.received - recorder.received_before
        number = connection.number
        if recorder.new_connection:
            attempts = tuple(connection.timeline.attempts)
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
        findings=_findings(recorder, end),
        timings=hop_timings(recorder, ended, end, ctx.redirect_time),
        connection_number=number,
        reused=recorder.reused,
        attempts=attempts,
        local_address=local,
        remote_address=remote,
        tls=tls,
        sent_bytes=sent,
        received_bytes=received,
        body=body,
        wire=wire,
        stream_id=recorder.stream_id,
        served_by=state.served_by,
    )
