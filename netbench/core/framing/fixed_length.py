"""Frames of a fixed number of bytes."""

from __future__ import annotations

import struct
from operator import itemgetter

from netbench.core.framing.frames import BufferingFramer, FramingError
from netbench.core.framing.spec import FramingSpec

_first = itemgetter(0)


class FixedLengthFramer(BufferingFramer):
    """Every ``fixed_length`` bytes is one frame."""

    __slots__ = ("_iter_unpack", "_size")

    def __init__(self, spec: FramingSpec) -> None:
        super().__init__(spec)
        self._size = spec.fixed_length
        # Cutting a run of whole frames with struct, in C, makes no object per frame
        # beyond the frame's own bytes (and a 1-tuple that itemgetter unwraps).
        self._iter_unpack = struct.Struct(f"{spec.fixed_length}s").iter_unpack

    def _feed_chunk(self, chunk: bytes, chunk_id: int) -> list[bytes]:
        size = self._size
        buf = self._buf
        out: list[bytes] = []
        start = 0
        if buf:
            start = min(size - len(buf), len(chunk))
            buf += memoryview(chunk)[:start]
            if len(buf) < size:
                return out
            out.append(bytes(buf))
            self.first_chunk = self._head_chunk
            buf.clear()
        end = start + (len(chunk) - start) // size * size
        if end > start:
            out += map(_first, self._iter_unpack(memoryview(chunk)[start:end]))
        if end < len(chunk):
            buf += memoryview(chunk)[end:]
            self._head_chunk = chunk_id
        return out

    def flush(self) -> list[FramingError]:
        out = self._buffered_left_over()
        self._reset()
        return out
