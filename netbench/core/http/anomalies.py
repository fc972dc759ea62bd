"""What a lenient parser hides, found in the recorded bytes of a response's head.

h11 (and so the engine) accepts bare LF line endings and obsolete folded header lines, and
skips 1xx interim responses before the final one: the user never sees them unless
something reads the bytes that actually arrived. This module scans those bytes (the heads
only: from the start of the response to the blank line of the final one) for:

- 1xx interim responses (100 Continue, 103 Early Hints), returned with their headers (on
  HTTP/2 too, from the decoded frames: httpcore2 drops them as h11 does);
- bare LF line endings; obsolete line folding;
- Content-Length together with Transfer-Encoding (request smuggling's favourite);
- Content-Length repeated, or with conflicting values.

It never decides how the exchange itself is parsed; that stays h11's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from http import HTTPStatus

from netbench.core.http.h2frames import interim_blocks
from netbench.core.http.result import Anomaly, Interim
from netbench.core.http.wirelog import WireLog
from netbench.core.text import QT_TRANSLATE_NOOP

_STATUS_LINE = re.compile(rb"HTTP/(\d)\.(\d) (\d{3})(?: ([^\r\n]*))?")
_HEAD_END = re.compile(rb"\r?\n\r?\n")


@dataclass(frozen=True, slots=True)
class HeadScan:
    interim: tuple[Interim, ...]
    anomalies: tuple[Anomaly, ...]
    final_head_end: int  # offset just past the final head's blank line, -1: not complete


def split_heads(data: bytes) -> list[tuple[int, bytes]]:
    """Each response head in ``data`` with its offset, up to and including the first
    non-1xx one (what follows it is body, not heads)."""
    heads: list[tuple[int, bytes]] = []
    offset = 0
    while offset < len(data):
        end = _HEAD_END.search(data, offset)
        head = data[offset : end.end()] if end else data[offset:]
        heads.append((offset, head))
        match = _STATUS_LINE.match(head)
        if end is None or match is None or not match.group(3).startswith(b"1"):
            break
        offset = end.end()
    return heads


def _lines(head: bytes) -> list[tuple[int, bytes]]:
    """(offset, line) for each line of ``head`` without its ending, up to the blank one."""
    lines: list[tuple[int, bytes]] = []
    position = 0
    while position < len(head):
        newline = head.find(b"\n", position)
        if newline < 0:
            break
        line = head[position:newline].removesuffix(b"\r")
        if not line:
            break
        lines.append((position, line))
        position = newline + 1
    return lines


def _bare_lf(head: bytes, base: int) -> list[Anomaly]:
    for index, byte in enumerate(head):
        if byte == 0x0A and (index == 0 or head[index - 1] != 0x0D):
            return [
                Anomaly(
                    "bare-lf",
                    QT_TRANSLATE_NOOP(
                        "HttpAnomalies",
                        "a line ends in a bare LF instead of CRLF (at byte {offset})",
                    ).format(offset=base + index),
                    base + index,
                )
            ]
    return []


def _header_fields(
    lines: list[tuple[int, bytes]], base: int
) -> tuple[list[tuple[int, bytes, bytes]], list[Anomaly]]:
    """Header (offset, name, value) triples, joining folded lines, and a fold anomaly."""
    fields: list[tuple[int, bytes, bytes]] = []
    anomalies: list[Anomaly] = []
    for offset, line in lines[1:]:
        if line[:1] in (b" ", b"\t"):
            if not anomalies:
                anomalies.append(
                    Anomaly(
                        "obs-fold",
                        QT_TRANSLATE_NOOP(
                            "HttpAnomalies",
                            "a header is folded over two lines (obsolete, at byte {offset})",
                        ).format(offset=base + offset),
                        base + offset,
                    )
                )
            if fields:
                start, name, value = fields[-1]
                fields[-1] = (start, name, value + b" " + line.strip())
            continue
        name, _, value = line.partition(b":")
        fields.append((offset, name.strip().lower(), value.strip()))
    return fields, anomalies


def _framing(fields: list[tuple[int, bytes, bytes]], base: int) -> list[Anomaly]:
    lengths = [(o, v) for o, n, v in fields if n == b"content-length"]
    encodings = [o for o, n, _ in fields if n == b"transfer-encoding"]
    found: list[Anomaly] = []
    if lengths and encodings:
        found.append(
            Anomaly(
                "cl-and-te",
                QT_TRANSLATE_NOOP(
                    "HttpAnomalies",
                    "Content-Length and Transfer-Encoding are both present: the length must be"
                    " ignored, and proxies may disagree on where the body ends",
                ),
                base + encodings[0],
            )
        )
    values = {p.strip() for _, v in lengths for p in v.split(b",")}
    if len(values) > 1:
        found.append(
            Anomaly(
                "cl-conflict",
                QT_TRANSLATE_NOOP(
                    "HttpAnomalies", "Content-Length has conflicting values: {values}"
                ).format(values=", ".join(sorted(v.decode("latin-1") for v in values))),
                base + lengths[1][0] if len(lengths) > 1 else base + lengths[0][0],
            )
        )
    elif len(lengths) > 1 or any(b"," in v for _, v in lengths):
        found.append(
            Anomaly(
                "cl-duplicate",
                QT_TRANSLATE_NOOP("HttpAnomalies", "Content-Length is repeated"),
                base + lengths[-1][0],
            )
        )
    return found


def _interim(head: bytes, base: int, lines: list[tuple[int, bytes]]) -> tuple[Interim, Anomaly]:
    match = _STATUS_LINE.match(head)
    assert match is not None
    status = int(match.group(3))
    reason = (match.group(4) or b"").decode("latin-1")
    headers = []
    for _, line in lines[1:]:
        name, _, value = line.partition(b":")
        headers.append((name.decode("latin-1"), value.strip().decode("latin-1")))
    return Interim(status, reason, tuple(headers)), _interim_anomaly(status, reason, base)


def _interim_anomaly(status: int, reason: str, offset: int) -> Anomaly:
    return Anomaly(
        "interim",
        QT_TRANSLATE_NOOP(
            "HttpAnomalies", "an interim response {status} {reason} came before the final one"
        ).format(status=status, reason=reason),
        offset,
    )


def scan_h2_interim(
    log: WireLog, stream_id: int
) -> tuple[tuple[Interim, ...], tuple[Anomaly, ...]]:
    """The 1xx responses received on HTTP/2 stream ``stream_id`` before its final one.

    HTTP/2 has no reason phrases: the one named is the status's standard phrase. The
    header blocks are decoded from the connection's first frame (HPACK), up to this
    stream's final response (see :func:`~netbench.core.http.h2frames.interim_blocks`).
    """
    found = [
        Interim(status, _phrase(status), headers)
        for status, headers in interim_blocks(log, stream_id)
    ]
    return tuple(found), tuple(_interim_anomaly(i.status, i.reason, -1) for i in found)


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _plain_head_end(data: bytes) -> int:
    """Where a head with nothing to report ends, or -1 when the full scan must look.

    Most responses are plain: CRLF only, no folding, not 1xx, at most one Content-Length
    (without a comma) and not with Transfer-Encoding. A few C-level searches prove that
    far cheaper than the line-by-line scan (it runs once for every request).
    """
    end = data.find(b"\r\n\r\n")
    if end < 0 or data[9:10] == b"1" or not data.startswith(b"HTTP/"):
        return -1
    head = data[: end + 2]
    if head.count(b"\n") != head.count(b"\r\n") or b"\n " in head or b"\n\t" in head:
        return -1
    lower = head.lower()
    lengths = lower.count(b"content-length")
    if lengths > 1 or (lengths and b"transfer-encoding" in lower):
        return -1
    if lengths:
        start = lower.find(b"content-length")
        if b"," in lower[start : lower.find(b"\r\n", start)]:
            return -1
    return end + 4


def scan_response(data: bytes) -> HeadScan:
    """Scan the first bytes received for a request (at least the whole head, ideally)."""
    plain_end = _plain_head_end(data)
    if plain_end >= 0:
        return HeadScan((), (), plain_end)
    interim: list[Interim] = []
    anomalies: list[Anomaly] = []
    final_end = -1
    for base, head in split_heads(data):
        lines = _lines(head)
        anomalies.extend(_bare_lf(head, base))
        match = _STATUS_LINE.match(head)
        if match and match.group(3).startswith(b"1") and _HEAD_END.search(head):
            found, anomaly = _interim(head, base, lines)
            interim.append(found)
            anomalies.append(anomaly)
            continue
        fields, folds = _header_fields(lines, base)
        anomalies.extend(folds)
        anomalies.extend(_framing(fields, base))
        if _HEAD_END.search(head):
            final_end = base + len(head)
    unique = {(a.code, a.offset): a for a in anomalies}
    return HeadScan(tuple(interim), tuple(unique.values()), final_end)
