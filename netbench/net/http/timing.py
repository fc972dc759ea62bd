"""curl -w timings of a hop, from its recorder and its connection's log.

Every figure is measured from the hop's start. Set-up phases come from the connection's
timeline when this hop opened it; on a reused connection they did not happen (None, and
``reused`` says why). The first byte is the first byte received in the hop's part of the
log; on HTTP/2 it is the first HEADERS frame on the hop's stream, since the server's
SETTINGS and other streams' frames arrive on the same connection.
"""

from __future__ import annotations

from netbench.core.http.h2frames import first_headers
from netbench.core.http.result import Timings
from netbench.core.http.wirelog import Direction
from netbench.net.http.recorder import HopRecorder


def _since(start: float, moment: float | None) -> float | None:
    return None if moment is None else max(moment - start, 0.0)


def first_byte_at(recorder: HopRecorder, end_index: int) -> float | None:
    connection = recorder.connection
    if connection is None:
        return None
    if recorder.stream_id:
        frame = first_headers(connection.log, recorder.stream_id)
        return frame.at if frame is not None else None
    return connection.log.first_time(Direction.RECEIVED, recorder.log_start, end_index)


def hop_timings(recorder: HopRecorder, ended: float, end_index: int, redirect: float) -> Timings:
    start = recorder.started
    connection = recorder.connection
    namelookup = connect = appconnect = None
    if connection is not None and recorder.new_connection:
        line = connection.timeline
        namelookup = _since(start, line.resolved)
        connect = _since(start, line.connected)
        appconnect = _since(start, line.tls_done)
    marks = recorder.marks
    sending = marks.get("send_request_headers.started")
    sent = marks.get("send_request_body.complete")
    first_byte = first_byte_at(recorder, end_index)
    return Timings(  # positional, and _since inlined: this runs for every request
        namelookup,
        connect,
        appconnect,
        None if sending is None else max(sending - start, 0.0),
        None if sent is None else max(sent - start, 0.0),
        None if first_byte is None else max(first_byte - start, 0.0),
        ended - start,
        redirect,
        recorder.reused,
    )
