"""Cut a received byte stream into messages ("frames").

TCP delivers a byte stream, not messages: one read may hold several messages the peer sent
separately, or only part of one (the "sticky packet" / 粘包 effect). A framer turns the chunks
as they arrived back into messages, and records which chunk each frame started and ended in,
so the workbench can show the user exactly how the network merged or split what was sent.

Framers run on the receive hot path (floods of millions of short lines per second), so they
scan with ``find`` from a start offset, slice whole frames out in one go, and only copy a
partial frame into their buffer when a chunk ends inside it.

Peer data never makes a framer raise or buffer without limit: anything malformed or larger
than ``FramingSpec.max_frame`` is reported as a ``FramingError`` and framing carries on.
"""

from __future__ import annotations

import struct
from abc import ABC, abstractmethod
from collections import Counter, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from itertools import repeat
from typing import Literal, TypeAlias

from netbench.core.text import QT_TRANSLATE_NOOP

__all__ = [
    "DelimiterFramer",
    "FixedLengthFramer",
    "Frame",
    "Framer",
    "FramerOutput",
    "FramingError",
    "FramingKind",
    "FramingSpec",
    "LengthPrefixFramer",
    "RawFramer",
    "encode_frame",
    "frames_per_chunk",
    "make_framer",
]

_PREFIX_FORMATS = {1: "B", 2: "H", 4: "I", 8: "Q"}
_DELIMITER_NAMES = {b"\n": "LF", b"\r\n": "CRLF", b"\0": "NUL", b"\r": "CR"}


class FramingKind(StrEnum):
    """How message boundaries are recognised in the stream."""

    RAW = "raw"
    DELIMITER = "delimiter"
    FIXED = "fixed"
    LENGTH_PREFIX = "length_prefix"


@dataclass(frozen=True, slots=True)
class FramingSpec:
    """Everything needed to frame a stream, as the user configured it.

    Only the fields the chosen kind uses are validated, so a settings form can keep stale
    values in the others. ``max_frame`` limits a frame's content (a delimiter or length
    header is not counted) and bounds how much a framer ever buffers.
    """

    kind: FramingKind = FramingKind.RAW
    delimiter: bytes = b"\n"
    keep_delimiter: bool = False
    fixed_length: int = 16
    prefix_size: int = 4
    byteorder: Literal["big", "little"] = "big"
    length_includes_header: bool = False
    max_frame: int = 1 << 20

    def validate(self) -> None:
        """Raise ValueError naming the first bad setting, before a framer is built on it.

        The message (``args[0]``) is a translatable :class:`~netbench.core.text.Text`.
        """
        try:
            kind = FramingKind(self.kind)
        except ValueError:
            raise ValueError(
                QT_TRANSLATE_NOOP("Framing", "unknown framing kind {kind}").format(
                    kind=repr(self.kind)
                )
            ) from None
        if self.max_frame < 1:
            raise ValueError(
                QT_TRANSLATE_NOOP(
                    "Framing", "max frame size must be at least 1 byte, got {size}"
                ).format(size=self.max_frame)
            )
        if kind is FramingKind.DELIMITER and not self.delimiter:
            raise ValueError(QT_TRANSLATE_NOOP("Framing", "delimiter must not be empty"))
        if kind is FramingKind.FIXED:
            if self.fixed_length < 1:
                raise ValueError(
                    QT_TRANSLATE_NOOP(
                        "Framing", "fixed length must be at least 1 byte, got {size}"
                    ).format(size=self.fixed_length)
                )
            if self.fixed_length > self.max_frame:
                raise ValueError(
                    QT_TRANSLATE_NOOP(
                        "Framing",
                        "fixed length ({size} bytes) must not exceed "
                        "the max frame size ({limit} bytes)",
                    ).format(size=self.fixed_length, limit=self.max_frame)
                )
        if kind is FramingKind.LENGTH_PREFIX:
            if self.prefix_size not in _PREFIX_FORMATS:
                raise ValueError(
                    QT_TRANSLATE_NOOP(
                        "Framing", "length prefix must be 1, 2, 4 or 8 bytes, got {size}"
                    ).format(size=self.prefix_size)
                )
            if self.byteorder not in ("big", "little"):
                raise ValueError(
                    QT_TRANSLATE_NOOP(
                        "Framing", "byte order must be 'big' or 'little', got {order}"
                    ).format(order=repr(self.byteorder))
                )

    def describe(self) -> str:
        """A short label for the status bar and transcripts, e.g. "CRLF-delimited"."""
        if self.kind == FramingKind.DELIMITER:
            name = _delimiter_name(self.delimiter)
            if self.keep_delimiter:
                return QT_TRANSLATE_NOOP("Framing", "{name}-delimited, delimiter kept").format(
                    name=name
                )
            return QT_TRANSLATE_NOOP("Framing", "{name}-delimited").format(name=name)
        if self.kind == FramingKind.FIXED:
            if self.fixed_length == 1:
                return QT_TRANSLATE_NOOP("Framing", "fixed {size} byte").format(size=1)
            return QT_TRANSLATE_NOOP("Framing", "fixed {size} bytes").format(size=self.fixed_length)
        if self.kind == FramingKind.LENGTH_PREFIX:
            size = self.prefix_size
            counted = self.length_includes_header
            if size == 1:
                if counted:
                    template = QT_TRANSLATE_NOOP(
                        "Framing", "{size}-byte length prefix (header counted)"
                    )
                else:
                    template = QT_TRANSLATE_NOOP(
                        "Framing", "{size}-byte length prefix (header not counted)"
                    )
            elif self.byteorder == "little":
                if counted:
                    template = QT_TRANSLATE_NOOP(
                        "Framing", "{size}-byte little-endian length prefix (header counted)"
                    )
                else:
                    template = QT_TRANSLATE_NOOP(
                        "Framing", "{size}-byte little-endian length prefix (header not counted)"
                    )
            elif counted:
                template = QT_TRANSLATE_NOOP(
                    "Framing", "{size}-byte big-endian length prefix (header counted)"
                )
            else:
                template = QT_TRANSLATE_NOOP(
                    "Framing", "{size}-byte big-endian length prefix (header not counted)"
                )
            return template.format(size=size)
        return QT_TRANSLATE_NOOP("Framing", "raw chunks")


def _delimiter_name(delimiter: bytes) -> str:
    """Name the common delimiters; show others as an escaped literal the user can recognise."""
    name = _DELIMITER_NAMES.get(delimiter)
    if name is not None:
        return name
    return '"' + repr(delimiter)[2:-1] + '"'


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"


@dataclass(frozen=True, slots=True)
class Frame:
    """One message, with the ids of the chunks it began and ended in.

    ``last_chunk`` counts the delimiter or header too, so a frame whose delimiter arrived in
    a later read is shown as split even when its content came in one piece.
    """

    data: bytes
    first_chunk: int
    last_chunk: int

    @property
    def spans_chunks(self) -> bool:
        """True when TCP split this message over several reads."""
        return self.first_chunk != self.last_chunk


@dataclass(frozen=True, slots=True)
class FramingError:
    """Reported, then framing goes on: never buffers forever, never raises on peer data."""

    reason: str
    discarded: int
    first_chunk: int
    last_chunk: int


FramerOutput: TypeAlias = Frame | FramingError

# Building frames one dataclass __init__ at a time costs more than finding them: a frozen
# dataclass sets each field through object.__setattr__. _build_frames sets the same slots
# in C-level map() loops instead, which makes flood framing about twice as fast.
_BATCH_FROM = 4  # below this many frames the plain constructor is cheaper
_new_object = object.__new__
_set_data: Callable[[Frame, bytes], None] = vars(Frame)["data"].__set__
_set_first: Callable[[Frame, int], None] = vars(Frame)["first_chunk"].__set__
_set_last: Callable[[Frame, int], None] = vars(Frame)["last_chunk"].__set__


def _build_frames(pieces: list[bytes], first_chunk: int, last_chunk: int) -> list[Frame]:
    """Wrap many payloads from one chunk as frames, exactly as ``Frame(...)`` would."""
    if len(pieces) < _BATCH_FROM:
        return [Frame(piece, first_chunk, last_chunk) for piece in pieces]
    frames: list[Frame] = list(map(_new_object, repeat(Frame, len(pieces))))
    deque(map(_set_data, frames, pieces), maxlen=0)
    deque(map(_set_first, frames, repeat(first_chunk)), maxlen=0)
    deque(map(_set_last, frames, repeat(last_chunk)), maxlen=0)
    return frames


class Framer(ABC):
    """Turns chunks, in arrival order, into frames and framing errors.

    Chunk ids are the caller's (e.g. the index of the read in the transcript); a framer
    only copies them into its output. ``flush`` ends the stream and leaves the framer
    empty, ready for a new stream.
    """

    __slots__ = ("spec",)

    def __init__(self, spec: FramingSpec) -> None:
        spec.validate()
        self.spec = spec

    @abstractmethod
    def feed(self, chunk: bytes, chunk_id: int) -> list[FramerOutput]:
        """Take the next chunk and return every frame or error it completed."""

    @abstractmethod
    def flush(self) -> list[FramerOutput]:
        """End the stream: report what was left waiting for the rest of a frame."""

    @property
    @abstractmethod
    def pending(self) -> int:
        """Bytes buffered while waiting for the rest of a frame."""


def _left_over(count: int, first_chunk: int, last_chunk: int) -> list[FramerOutput]:
    """The error flush reports for a partial frame, or nothing when there is none."""
    if count == 0:
        return []
    reason = QT_TRANSLATE_NOOP(
        "Framing", "stream ended inside a frame: {count} bytes left over"
    ).format(count=count)
    return [FramingError(reason, count, first_chunk, last_chunk)]


class RawFramer(Framer):
    """Each read is one frame: shows the chunks exactly as TCP delivered them."""

    __slots__ = ()

    def feed(self, chunk: bytes, chunk_id: int) -> list[FramerOutput]:
        if not chunk:
            return []
        return [Frame(bytes(chunk), chunk_id, chunk_id)]

    def flush(self) -> list[FramerOutput]:
        return []

    @property
    def pending(self) -> int:
        return 0


class DelimiterFramer(Framer):
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
        "_buf",
        "_delim",
        "_discard_first",
        "_discarded",
        "_discarding",
        "_dlen",
        "_head_chunk",
        "_keep",
        "_last_chunk",
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
        self._buf = bytearray()
        self._scan_from = 0  # where the next search of _buf may start
        self._head_chunk = 0  # chunk the buffered partial frame started in
        self._last_chunk = 0
        self._discarding = False
        self._discarded = 0  # bytes of the oversized frame thrown away so far
        self._discard_first = 0

    @property
    def pending(self) -> int:
        return len(self._buf)

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
            out = _left_over(len(self._buf), self._head_chunk, self._last_chunk)
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
            out += _build_frames(pieces, chunk_id, chunk_id)
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


class FixedLengthFramer(Framer):
    """Every ``fixed_length`` bytes is one frame."""

    __slots__ = ("_buf", "_head_chunk", "_last_chunk", "_size")

    def __init__(self, spec: FramingSpec) -> None:
        super().__init__(spec)
        self._size = spec.fixed_length
        self._buf = bytearray()
        self._head_chunk = 0
        self._last_chunk = 0

    @property
    def pending(self) -> int:
        return len(self._buf)

    def feed(self, chunk: bytes, chunk_id: int) -> list[FramerOutput]:
        if not chunk:
            return []
        self._last_chunk = chunk_id
        size = self._size
        buf = self._buf
        out: list[FramerOutput] = []
        start = 0
        if buf:
            start = min(size - len(buf), len(chunk))
            buf += memoryview(chunk)[:start]
            if len(buf) < size:
                return out
            out.append(Frame(bytes(buf), self._head_chunk, chunk_id))
            buf.clear()
        end = start + (len(chunk) - start) // size * size
        out += _build_frames(
            [chunk[i : i + size] for i in range(start, end, size)], chunk_id, chunk_id
        )
        if end < len(chunk):
            buf += memoryview(chunk)[end:]
            self._head_chunk = chunk_id
        return out

    def flush(self) -> list[FramerOutput]:
        out = _left_over(len(self._buf), self._head_chunk, self._last_chunk)
        self._buf.clear()
        return out


class LengthPrefixFramer(Framer):
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
        "_buf",
        "_head_chunk",
        "_header",
        "_last_chunk",
        "_lost",
        "_lost_sync",
        "_max",
        "_skip_first",
        "_skip_left",
        "_unpack_from",
    )

    def __init__(self, spec: FramingSpec) -> None:
        super().__init__(spec)
        order = ">" if spec.byteorder == "big" else "<"
        self._unpack_from = struct.Struct(order + _PREFIX_FORMATS[spec.prefix_size]).unpack_from
        self._header = spec.prefix_size
        self._adjust = spec.prefix_size if spec.length_includes_header else 0
        self._max = spec.max_frame
        self._reset()

    def _reset(self) -> None:
        self._buf = bytearray()
        self._head_chunk = 0
        self._last_chunk = 0
        self._skip_left = 0  # payload bytes of an oversized frame still to skip
        self._skip_first = 0
        self._lost_sync = False
        self._lost = 0  # bytes discarded since sync was lost

    @property
    def pending(self) -> int:
        return len(self._buf)

    def feed(self, chunk: bytes, chunk_id: int) -> list[FramerOutput]:
        if not chunk:
            return []
        self._last_chunk = chunk_id
        out: list[FramerOutput] = []
        start = self._finish_buffered_frame(chunk, chunk_id, out) if self._buf else 0
        self._scan(chunk, start, chunk_id, out)
        return out

    def flush(self) -> list[FramerOutput]:
        out: list[FramerOutput] = []
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
            out = _left_over(len(self._buf), self._head_chunk, self._last_chunk)
        self._reset()
        return out

    def _scan(self, data: bytes, start: int, chunk_id: int, out: list[FramerOutput]) -> None:
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
        pieces: list[bytes] = []
        take = pieces.append
        size = len(data)
        while size - start >= header:
            length = unpack_from(data, start)[0] - adjust
            if not 0 <= length <= max_frame:
                out += _build_frames(pieces, chunk_id, chunk_id)
                pieces.clear()
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
        out += _build_frames(pieces, chunk_id, chunk_id)
        if start < size:
            self._buf += memoryview(data)[start:]
            self._head_chunk = chunk_id

    def _finish_buffered_frame(self, chunk: bytes, chunk_id: int, out: list[FramerOutput]) -> int:
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
            out.append(Frame(bytes(buf[header:]), self._head_chunk, chunk_id))
            buf.clear()
        return start + take

    def _reject(
        self, length: int, first_chunk: int, chunk_id: int, out: list[FramerOutput]
    ) -> bool:
        """Report a header framing cannot honour; return True if skipping keeps sync."""
        header = self._header
        if length < 0:
            reason = QT_TRANSLATE_NOOP(
                "Framing",
                "length prefix declares {declared} bytes, less than its own "
                "{header}-byte header; framing cannot resynchronise, "
                "so the rest of the stream is discarded",
            ).format(declared=length + self._adjust, header=header)
            out.append(FramingError(reason, header, first_chunk, chunk_id))
            self._lost_sync = True
            self._head_chunk = chunk_id
            return False
        reason = QT_TRANSLATE_NOOP(
            "Framing",
            "length prefix declares a {length}-byte payload, over the {limit}-byte "
            "limit; skipping the frame ({total} bytes)",
        ).format(length=length, limit=self._max, total=header + length)
        out.append(FramingError(reason, header + length, first_chunk, chunk_id))
        self._skip_left = length
        self._skip_first = chunk_id
        return True

    def _skip(self, data: bytes, start: int) -> int:
        """Pass over oversized payload bytes without keeping them; return the new offset."""
        take = min(self._skip_left, len(data) - start)
        self._skip_left -= take
        return start + take


def make_framer(spec: FramingSpec) -> Framer:
    """Build the framer for ``spec``, validating it first."""
    spec.validate()
    kind = FramingKind(spec.kind)
    if kind is FramingKind.DELIMITER:
        return DelimiterFramer(spec)
    if kind is FramingKind.FIXED:
        return FixedLengthFramer(spec)
    if kind is FramingKind.LENGTH_PREFIX:
        return LengthPrefixFramer(spec)
    return RawFramer(spec)


def encode_frame(data: bytes, spec: FramingSpec) -> bytes:
    """Wrap one message the way a receiver using ``spec`` expects it.

    ``max_frame`` is deliberately not enforced, so the user can send an oversized frame to
    test a server's guard. A DELIMITER message that itself contains the delimiter is sent
    as is, and the receiver will see it as several frames.
    """
    spec.validate()
    kind = FramingKind(spec.kind)
    if kind is FramingKind.DELIMITER:
        return data + spec.delimiter
    if kind is FramingKind.FIXED:
        if len(data) != spec.fixed_length:
            raise ValueError(
                f"message is {_plural(len(data), 'byte')} but fixed framing "
                f"needs exactly {_plural(spec.fixed_length, 'byte')}"
            )
        return bytes(data)
    if kind is FramingKind.LENGTH_PREFIX:
        header = spec.prefix_size
        length = len(data) + (header if spec.length_includes_header else 0)
        limit = (1 << (8 * header)) - 1
        if length > limit:
            largest = limit - (header if spec.length_includes_header else 0)
            raise ValueError(
                f"message of {len(data)} bytes does not fit a {header}-byte length prefix "
                f"(at most {largest} bytes)"
            )
        return length.to_bytes(header, spec.byteorder) + data
    return bytes(data)


def frames_per_chunk(frames: Iterable[Frame]) -> dict[int, int]:
    """Count the frames that ended in each chunk, so the UI can mark reads holding several."""
    return dict(Counter(frame.last_chunk for frame in frames))
