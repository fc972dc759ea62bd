"""Frames of a fixed number of bytes."""

from __future__ import annotations

from netbench.core.framing.frames import BufferingFramer, Frame, FramerOutput, build_frames
from netbench.core.framing.spec import FramingSpec


class FixedLengthFramer(BufferingFramer):
    """Every ``fixed_length`` bytes is one frame."""

    __slots__ = ("_size",)

    def __init__(self, spec: FramingSpec) -> None:
        super().__init__(spec)
        self._size = spec.fixed_length

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
        out += build_frames(
            [chunk[i : i + size] for i in range(start, end, size)], chunk_id, chunk_id
        )
        if end < len(chunk):
            buf += memoryview(chunk)[end:]
            self._head_chunk = chunk_id
        return out

    def flush(self) -> list[FramerOutput]:
        out = self._buffered_left_over()
        self._buf.clear()
        return out
