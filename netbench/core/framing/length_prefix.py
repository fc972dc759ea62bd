"""Frames that start with their length: an unsigned 1, 2, 4 or 8-byte header."""

from __future__ import annotations

import struct

from netbench.core.framing.frames import BufferingFramer, FramingError
from netbench.core.framing.spec import PREFIX_FORMATS, FramingSpec
from netbench.core.text import QT_TRANSLATE_NOOP


class LengthPrefixFramer(BufferingFramer):
    """Each frame is an unsigned length header followed by that many payload bytes.

    A declared payload longer than ``max_frame`` is reported at once (``discarded`` is the
    whole frame, header included, as declared) and its payload is skipped by counting, never
    buffered, so framing stays in sync. If the stream ends mid-skip, flush says how many of
    the declared bytes never arrived.

    With ``length_includes_header`` a declared length shorter than the header itself cannot
    be skipped past: the stream can no longer be resynchronised. That is reported once
    (``discarded`` = the bad header) and every later byte is discarded, counted, and
    reported at flush.
    """

    __slots__ = (
        "_adjust",
        "_header",
        "_lost",
        "_lost_sync",
        "_skip_first",
        "_skip_left",
        "_unpack_from",
    )

    def __init__(self, spec: FramingSpec) -> None:
        super().__init__(spec)
        order = ">" if spec.byteorder == "big" else "<"
        self._unpack_from = struct.Struct(order + PREFIX_FORMATS[spec.prefix_size]).unpack_from
        self._header = spec.prefix_size
        self._adjust = spec.prefix_size if spec.length_includes_header else 0

    def _reset(self) -> None:
        super()._reset()
        self._skip_left = 0  # payload bytes of an oversized frame still to skip
        self._skip_first = 0
        self._lost_sync = False
        self._lost = 0  # bytes discarded since sync was lost

    def _feed_chunk(self, chunk: bytes, chunk_id: int) -> list[bytes]:
        out: list[bytes] = []
        start = self._finish_buffered_frame(chunk, chunk_id, out) if self._buf else 0
        self._scan(chunk, start, chunk_id, out)
        return out

    def flush(self) -> list[FramingError]:
        out: list[FramingError] = []
        if self._lost_sync:
            if self._lost:
                reason = QT_TRANSLATE_NOOP(
                    "Framing", "{count} bytes discarded after framing lost sync"
                ).format(count=self._lost)
                out.append(FramingError(reason, self._lost, self._head_chunk, self._last_chunk))
        elif self._skip_left:
            reason = QT_TRANSLATE_NOOP(
                "Framing",
                "stream ended while skipping an oversized frame; "
                "{count} of its bytes never arrived",
            ).format(count=self._skip_left)
            out.append(FramingError(reason, 0, self._skip_first, self._last_chunk))
        else:
            out = self._buffered_left_over()
        self._reset()
        return out

    def _scan(self, data: bytes, start: int, chunk_id: int, out: list[bytes]) -> None:
        """Cut every complete frame out of ``data`` from ``start``; buffer the remainder."""
        if self._lost_sync:
            self._lost += len(data) - start
            return
        if self._skip_left:
            start = self._skip(data, start)
            if self._skip_left:
                return
        unpack_from = self._unpack_from
        header = self._header
        adjust = self._adjust
        max_frame = self._max
        take = out.append
        size = len(data)
        while size - start >= header:
            length = unpack_from(data, start)[0] - adjust
            if not 0 <= length <= max_frame:
                if not self._reject(length, chunk_id, chunk_id, out):
                    self._lost += size - start - header
                    return
                start = self._skip(data, start + header)
                if self._skip_left:
                    return
                continue
            end = start + header + length
            if end > size:
                break
            take(data[start + header : end])
            start = end
        if start < size:
            self._buf += memoryview(data)[start:]
            self._head_chunk = chunk_id

    def _finish_buffered_frame(self, chunk: bytes, chunk_id: int, out: list[bytes]) -> int:
        """Top the buffered partial frame up from ``chunk``; return where ``chunk`` continues.

        Only the bytes the frame still needs are copied, since its header says how many.
        """
        buf = self._buf
        header = self._header
        start = 0
        if len(buf) < header:
            start = min(header - len(buf), len(chunk))
            buf += memoryview(chunk)[:start]
            if len(buf) < header:
                return start
            length: int = self._unpack_from(buf)[0] - self._adjust
            if not 0 <= length <= self._max:
                self._reject(length, self._head_chunk, chunk_id, out)
                buf.clear()
                return start
        length = self._unpack_from(buf)[0] - self._adjust
        need = header + length - len(buf)
        take = min(need, len(chunk) - start)
        buf += memoryview(chunk)[start : start + take]
        if take == need:
            out.append(bytes(buf[header:]))
            self.first_chunk = self._head_chunk
            buf.clear()
        return start + take

    def _reject(self, length: int, first_chunk: int, chunk_id: int, out: list[bytes]) -> bool:
        """Report a header framing cannot honour; return True if skipping keeps sync."""
        header = self._header
        if length < 0:
            reason = QT_TRANSLATE_NOOP(
                "Framing",
                "length prefix declares {declared} bytes, less than its own "
                "{header}-byte header; framing cannot resynchronise, "
                "so the rest of the stream is discarded",
            ).format(declared=length + self._adjust, header=header)
            self._error(FramingError(reason, header, first_chunk, chunk_id, len(out)))
            self._lost_sync = True
            self._head_chunk = chunk_id
            return False
        reason = QT_TRANSLATE_NOOP(
            "Framing",
            "length prefix declares a {length}-byte payload, over the {limit}-byte "
            "limit; skipping the frame ({total} bytes)",
        ).format(length=length, limit=self._max, total=header + length)
        self._error(FramingError(reason, header + length, first_chunk, chunk_id, len(out)))
        self._skip_left = length
        self._skip_first = chunk_id
        return True

    def _skip(self, data: bytes, start: int) -> int:
        """Pass over oversized payload bytes without keeping them; return the new offset."""
        take = min(self._skip_left, len(data) - start)
        self._skip_left -= take
        return start + take
