"""Frames that end at a delimiter: LF, CRLF, NUL or any byte string."""

from __future__ import annotations

from netbench.core.framing.frames import (
    BufferingFramer,
    Frame,
    FramerOutput,
    FramingError,
    build_frames,
)
from netbench.core.framing.spec import FramingSpec
from netbench.core.text import QT_TRANSLATE_NOOP


class DelimiterFramer(BufferingFramer):
    """Frames end at a delimiter (LF, CRLF, NUL or any custom byte string).

    A frame whose content grows past ``max_frame`` is discarded and reported twice, so the
    user hears about it promptly and still gets the full count:

    1. as soon as it is certain the frame is too long: "frame exceeds N bytes ...", with
       ``discarded`` = N + 1 (the bytes known to be too many at that point);
    2. when the next delimiter arrives and framing resumes, with ``discarded`` = the rest
       of the oversized frame (it may be 0), or at flush if the stream ends first.

    The two ``discarded`` counts add up to the oversized frame's length (its delimiter is
    consumed but not counted). Both reports come out the same however the stream was
    chunked, and while discarding only a possible partial delimiter is kept in memory.
    """

    __slots__ = (
        "_delim",
        "_discard_first",
        "_discarded",
        "_discarding",
        "_dlen",
        "_keep",
        "_max",
        "_scan_from",
    )

    def __init__(self, spec: FramingSpec) -> None:
        super().__init__(spec)
        self._delim = bytes(spec.delimiter)
        self._dlen = len(self._delim)
        self._keep = self._dlen if spec.keep_delimiter else 0
        self._max = spec.max_frame
        self._reset()

    def _reset(self) -> None:
        self._reset_buffer()
        self._scan_from = 0  # where the next search of _buf may start
        self._discarding = False
        self._discarded = 0  # bytes of the oversized frame thrown away so far
        self._discard_first = 0

    def feed(self, chunk: bytes, chunk_id: int) -> list[FramerOutput]:
        if not chunk:
            return []
        self._last_chunk = chunk_id
        out: list[FramerOutput] = []
        if self._discarding:
            # Only a possible partial delimiter is buffered here, so joining is cheap.
            data = b"".join((self._buf, chunk)) if self._buf else chunk
            self._buf.clear()
            start = self._discard_to_delimiter(data, chunk_id, out)
        elif self._buf:
            data = chunk
            start = self._finish_buffered_frame(chunk, chunk_id, out)
        else:
            data = chunk
            start = 0
        if start >= 0:
            self._scan(data, start, chunk_id, out)
        return out

    def flush(self) -> list[FramerOutput]:
        if self._discarding:
            total = self._discarded + len(self._buf)
            rest = total - (self._max + 1)
            reason = QT_TRANSLATE_NOOP(
                "Framing",
                "stream ended while discarding an oversized frame; "
                "{rest} more bytes discarded ({total} in all)",
            ).format(rest=rest, total=total)
            out: list[FramerOutput] = [
                FramingError(reason, rest, self._discard_first, self._last_chunk)
            ]
        else:
            out = self._buffered_left_over()
        self._reset()
        return out

    def _scan(self, data: bytes, start: int, chunk_id: int, out: list[FramerOutput]) -> None:
        """Cut every complete frame out of ``data`` from ``start``; buffer the remainder.

        Every frame found here starts and ends in the current chunk: the callers have
        already finished any frame that began in an earlier one. ``bytes.split`` finds the
        same leftmost, non-overlapping delimiters a ``find`` loop would, in one C call.
        """
        pieces = (data[start:] if start else data).split(self._delim)
        tail = pieces.pop()
        if pieces:
            if max(map(len, pieces)) > self._max:
                self._scan_with_oversized(data, start, chunk_id, out)
                return
            if self._keep:
                delim = self._delim
                pieces = [piece + delim for piece in pieces]
            out += build_frames(pieces, chunk_id, chunk_id)
        self._hold_tail(data, len(data) - len(tail), chunk_id, out)

    def _scan_with_oversized(
        self, data: bytes, start: int, chunk_id: int, out: list[FramerOutput]
    ) -> None:
        """The slow path of ``_scan``, for a chunk holding a complete but too-long frame."""
        delim = self._delim
        while (end := data.find(delim, start)) >= 0:
            if end - start > self._max:
                self._report_whole_oversized(end - start, chunk_id, chunk_id, out)
            else:
                out.append(Frame(data[start : end + self._keep], chunk_id, chunk_id))
            start = end + self._dlen
        self._hold_tail(data, start, chunk_id, out)

    def _finish_buffered_frame(self, chunk: bytes, chunk_id: int, out: list[FramerOutput]) -> int:
        """Complete the frame waiting in the buffer; return where ``chunk`` continues, or -1.

        The chunk is appended rather than searched alone because the delimiter may straddle
        the two; the search resumes where the previous one stopped, so a large frame arriving
        in many chunks is scanned once, not once per chunk.
        """
        buf = self._buf
        old_len = len(buf)
        buf += chunk
        end = buf.find(self._delim, self._scan_from)
        if end < 0:
            self._check_buffer_limit(chunk_id, out)
            return -1
        if end > self._max:
            self._report_whole_oversized(end, self._head_chunk, chunk_id, out)
        else:
            out.append(Frame(bytes(buf[: end + self._keep]), self._head_chunk, chunk_id))
        buf.clear()
        self._scan_from = 0
        return end + self._dlen - old_len

    def _hold_tail(self, data: bytes, start: int, chunk_id: int, out: list[FramerOutput]) -> None:
        """Buffer the partial frame at the end of a chunk, unless it is already too long."""
        remaining = len(data) - start
        if remaining >= self._max + self._dlen:
            # Checked before copying, so a huge chunk never gets duplicated into the buffer.
            tail = self._dlen - 1
            self._start_discarding(remaining - tail, chunk_id, chunk_id, out)
            self._buf += memoryview(data)[len(data) - tail :]
            return
        if remaining:
            self._buf += memoryview(data)[start:]
            self._head_chunk = chunk_id
        self._scan_from = max(0, remaining - self._dlen + 1)

    def _check_buffer_limit(self, chunk_id: int, out: list[FramerOutput]) -> None:
        """After a fruitless search, give up on the buffered frame if it is too long.

        No delimiter starts at any searched position, so once the buffer holds
        ``max_frame + len(delimiter)`` bytes the frame cannot end within the limit.
        """
        buf = self._buf
        size = len(buf)
        tail = self._dlen - 1
        if size >= self._max + self._dlen:
            self._start_discarding(size - tail, self._head_chunk, chunk_id, out)
            del buf[: size - tail]
            self._scan_from = 0
        else:
            self._scan_from = max(0, size - tail)

    def _discard_to_delimiter(self, data: bytes, chunk_id: int, out: list[FramerOutput]) -> int:
        """Drop bytes up to the next delimiter; return where framing resumes, or -1."""
        end = data.find(self._delim)
        if end < 0:
            tail = min(self._dlen - 1, len(data))
            self._discarded += len(data) - tail
            self._buf += memoryview(data)[len(data) - tail :]
            return -1
        total = self._discarded + end
        rest = total - (self._max + 1)
        reason = _resumed(rest, total)
        out.append(FramingError(reason, rest, self._discard_first, chunk_id))
        self._discarding = False
        self._discarded = 0
        return end + self._dlen

    def _start_discarding(
        self, dropped: int, first_chunk: int, chunk_id: int, out: list[FramerOutput]
    ) -> None:
        out.append(self._limit_error(first_chunk, chunk_id))
        self._discarding = True
        self._discarded = dropped
        self._discard_first = chunk_id

    def _report_whole_oversized(
        self, length: int, first_chunk: int, chunk_id: int, out: list[FramerOutput]
    ) -> None:
        """Report a too-long frame whose delimiter is already in hand, as discarding would."""
        out.append(self._limit_error(first_chunk, chunk_id))
        rest = length - (self._max + 1)
        reason = _resumed(rest, length)
        out.append(FramingError(reason, rest, chunk_id, chunk_id))

    def _limit_error(self, first_chunk: int, chunk_id: int) -> FramingError:
        limit = self._max
        reason = QT_TRANSLATE_NOOP(
            "Framing",
            "frame exceeds {limit} bytes without a delimiter; {discarded} bytes discarded, "
            "skipping to the next delimiter",
        ).format(limit=limit, discarded=limit + 1)
        return FramingError(reason, limit + 1, first_chunk, chunk_id)


def _resumed(rest: int, total: int) -> str:
    return QT_TRANSLATE_NOOP(
        "Framing",
        "delimiter found, framing resumed; {rest} more bytes of the oversized frame "
        "discarded ({total} in all)",
    ).format(rest=rest, total=total)
