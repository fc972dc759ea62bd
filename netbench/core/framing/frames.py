"""Frames, framing errors, and the interface every framer has (with the raw framer)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import Counter, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import repeat
from typing import TypeAlias

from netbench.core.framing.spec import FramingSpec
from netbench.core.text import QT_TRANSLATE_NOOP


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
# dataclass sets each field through object.__setattr__. build_frames sets the same slots
# in C-level map() loops instead, which makes flood framing about twice as fast.
_BATCH_FROM = 4  # below this many frames the plain constructor is cheaper
_new_object = object.__new__
_set_data: Callable[[Frame, bytes], None] = vars(Frame)["data"].__set__
_set_first: Callable[[Frame, int], None] = vars(Frame)["first_chunk"].__set__
_set_last: Callable[[Frame, int], None] = vars(Frame)["last_chunk"].__set__


def build_frames(pieces: list[bytes], first_chunk: int, last_chunk: int) -> list[Frame]:
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


def left_over(count: int, first_chunk: int, last_chunk: int) -> list[FramerOutput]:
    """The error flush reports for a partial frame, or nothing when there is none."""
    if count == 0:
        return []
    reason = QT_TRANSLATE_NOOP(
        "Framing", "stream ended inside a frame: {count} bytes left over"
    ).format(count=count)
    return [FramingError(reason, count, first_chunk, last_chunk)]


class BufferingFramer(Framer):
    """A framer that holds the start of a frame until the rest of it arrives.

    ``_buf`` is that partial frame, ``_head_chunk`` the chunk it started in and
    ``_last_chunk`` the chunk fed last.
    """

    __slots__ = ("_buf", "_head_chunk", "_last_chunk")

    def __init__(self, spec: FramingSpec) -> None:
        super().__init__(spec)
        self._reset_buffer()

    def _reset_buffer(self) -> None:
        self._buf = bytearray()
        self._head_chunk = 0  # chunk the buffered partial frame started in
        self._last_chunk = 0

    @property
    def pending(self) -> int:
        return len(self._buf)

    def _buffered_left_over(self) -> list[FramerOutput]:
        """What flush reports for the partial frame in the buffer (nothing when empty)."""
        return left_over(len(self._buf), self._head_chunk, self._last_chunk)


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


def frames_per_chunk(frames: Iterable[Frame]) -> dict[int, int]:
    """Count the frames that ended in each chunk, so the UI can mark reads holding several."""
    return dict(Counter(frame.last_chunk for frame in frames))
