"""Frames, framing errors, and the interface every framer has (with the raw framer)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeAlias

from netbench.core.framing.spec import FramingSpec
from netbench.core.text import QT_TRANSLATE_NOOP


@dataclass(frozen=True, slots=True)
class Frame:
    """One message, with the ids of the chunks it began and ended in.

    Framers do not make these (a flood would pay for an object per message only to unwrap
    it again): :func:`feed_outputs` builds them for callers that want messages and errors
    as one ordered list, such as tests and the fuzz pass. ``last_chunk`` counts the
    delimiter or header too, so a frame whose delimiter arrived in a later read is shown
    as split even when its content came in one piece.
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
    """Reported, then framing goes on: never buffers forever, never raises on peer data.

    ``position`` is how many messages of the same feed came before it, so the error can
    be told in its place among them.
    """

    reason: str
    discarded: int
    first_chunk: int
    last_chunk: int
    position: int = field(default=0, compare=False)


FramerOutput: TypeAlias = Frame | FramingError
_NO_ERRORS: list[FramingError] = []  # shared and never appended to: see Framer.errors


class Framer(ABC):
    """Turns chunks, in arrival order, into messages and framing errors.

    ``feed`` returns the messages a chunk completed as plain bytes, straight from
    ``bytes.split`` or slicing: a flood of small messages makes no object per message.
    Every message ends in that chunk; only the first can have begun in an earlier one,
    and ``first_chunk`` says which. ``errors`` holds the framing errors of the last feed
    (an empty list when there were none, which is the hot path).

    Chunk ids are the caller's (e.g. the index of the read in the transcript); a framer
    only copies them into its output. ``flush`` ends the stream, returns what it has to
    report, and leaves the framer empty, ready for a new stream.
    """

    __slots__ = ("errors", "first_chunk", "spec")

    def __init__(self, spec: FramingSpec) -> None:
        spec.validate()
        self.spec = spec
        self.first_chunk = 0
        self.errors: list[FramingError] = _NO_ERRORS

    @abstractmethod
    def feed(self, chunk: bytes, chunk_id: int) -> Sequence[bytes]:
        """Take the next chunk and return every message it completed."""

    @abstractmethod
    def flush(self) -> list[FramingError]:
        """End the stream: report what was left waiting for the rest of a frame."""

    @property
    @abstractmethod
    def pending(self) -> int:
        """Bytes buffered while waiting for the rest of a frame."""

    def _error(self, error: FramingError) -> None:
        if self.errors is _NO_ERRORS:
            self.errors = []
        self.errors.append(error)


def feed_outputs(framer: Framer, chunk: bytes, chunk_id: int) -> list[FramerOutput]:
    """One feed as frames and errors in stream order (for tests and tools, not floods)."""
    messages = framer.feed(chunk, chunk_id)
    frames: list[FramerOutput] = [
        Frame(data, framer.first_chunk if index == 0 else chunk_id, chunk_id)
        for index, data in enumerate(messages)
    ]
    for shift, error in enumerate(framer.errors):
        frames.insert(error.position + shift, error)
    return frames


def left_over(count: int, first_chunk: int, last_chunk: int) -> list[FramingError]:
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
    ``_last_chunk`` the chunk fed last. ``feed`` notes the chunk ids and passes every chunk
    that is not empty to ``_feed_chunk``, which each kind of framing implements.
    """

    __slots__ = ("_buf", "_head_chunk", "_last_chunk", "_max")

    def __init__(self, spec: FramingSpec) -> None:
        super().__init__(spec)
        self._max = spec.max_frame
        self._reset()

    def _reset(self) -> None:
        """Forget the stream so far: at the start, and once ``flush`` has ended it.

        A framer that keeps more state between chunks forgets that too, after this.
        """
        self._buf = bytearray()
        self._head_chunk = 0  # chunk the buffered partial frame started in
        self._last_chunk = 0

    def feed(self, chunk: bytes, chunk_id: int) -> Sequence[bytes]:
        self.first_chunk = chunk_id
        if self.errors:
            self.errors = []
        if not chunk:
            return []
        self._last_chunk = chunk_id
        return self._feed_chunk(chunk, chunk_id)

    @abstractmethod
    def _feed_chunk(self, chunk: bytes, chunk_id: int) -> Sequence[bytes]:
        """``feed`` for a chunk that is not empty: the messages it completed."""

    @property
    def pending(self) -> int:
        return len(self._buf)

    def _buffered_left_over(self) -> list[FramingError]:
        """What flush reports for the partial frame in the buffer (nothing when empty)."""
        return left_over(len(self._buf), self._head_chunk, self._last_chunk)


class RawFramer(Framer):
    """Each read is one frame: shows the chunks exactly as TCP delivered them."""

    __slots__ = ()

    def feed(self, chunk: bytes, chunk_id: int) -> list[bytes]:
        self.first_chunk = chunk_id
        return [bytes(chunk)] if chunk else []

    def flush(self) -> list[FramingError]:
        return []

    @property
    def pending(self) -> int:
        return 0


def frames_per_chunk(frames: Iterable[Frame]) -> dict[int, int]:
    """Count the frames that ended in each chunk, so the UI can mark reads holding several."""
    return dict(Counter(frame.last_chunk for frame in frames))
