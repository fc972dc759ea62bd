"""A long message shown a slice at a time: where to cut, and each slice's text and hex.

A window that renders a 64 MB message in one go freezes for seconds and holds gigabytes of
laid-out text. The message inspector renders it in slices between events instead, so these
helpers promise what makes that safe: slices cover every byte exactly once, a text slice
never cuts a character in two (each slice's text reads back to exactly its bytes), hex
slices start on a dump line, and no displayed line grows long enough to make a text
layout crawl (measured: one 700,000-character line takes 7 s to lay out; the same text in
lines of 1,024 characters, 11 ms).
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass

from netbench.core.display import hex_dump, text_block
from netbench.core.encodings import normalize_encoding

HEX_LINE_BYTES = 16
# A displayed text line is broken after this many characters (at an escape's edge).
DISPLAY_LINE_CHARS = 1_024
# A byte shows as at most four characters (\xNN), so pieces of width // 4 bytes always fit.
_CHARS_PER_BYTE = 4
# The longest character of any supported encoding (UTF-8, GB18030, UTF-16 pairs).
_MAX_CHARACTER_BYTES = 4


def byte_slices(size: int, step: int, start: int = 0) -> Iterator[tuple[int, int]]:
    """``(start, end)`` pairs that cover ``start..size`` in order, each at most ``step`` long."""
    if step < 1:
        raise ValueError(f"step must be at least 1, got {step}")
    for first in range(max(0, start), size, step):
        yield first, min(size, first + step)


def hex_slice_end(size: int, start: int, step: int) -> int:
    """Where a hex slice from ``start`` ends: a whole number of dump lines, or the end."""
    lines = max(1, step // HEX_LINE_BYTES)
    return min(size, start + lines * HEX_LINE_BYTES)


def text_slice_end(data: bytes, start: int, end: int, encoding: str) -> int:
    """Where a text slice from ``start`` wanting to end at ``end`` may end.

    Bytes that begin a character the cut would break are left for the next slice. A slice
    never comes out empty: when the wanted end falls inside the first character, the slice
    takes that whole character (or the bytes up to the end, where they never complete one).
    """
    size = len(data)
    end = min(size, end)
    if end >= size:
        return size
    if end <= start:
        end = start + 1
    codec = normalize_encoding(encoding)
    pending = _pending_bytes(data[start:end], codec)
    if pending < end - start:
        return end - pending
    for longer in range(end + 1, min(size, start + _MAX_CHARACTER_BYTES) + 1):
        if _pending_bytes(data[start:longer], codec) == 0:
            return longer
    return max(end, min(size, start + _MAX_CHARACTER_BYTES))


def _pending_bytes(head: bytes, codec: str) -> int:
    """Bytes at the end of ``head`` that an incremental decoder holds back (a cut character)."""
    decoder = codecs.getincrementaldecoder(codec)(errors="ignore")
    decoder.decode(head, final=False)
    return len(decoder.getstate()[0])


def text_slices(data: bytes, encoding: str, step: int, start: int = 0) -> Iterator[tuple[int, int]]:
    """Slices of about ``step`` bytes from ``start`` to the end, never cutting a character."""
    if step < 1:
        raise ValueError(f"step must be at least 1, got {step}")
    position = start
    while position < len(data):
        end = text_slice_end(data, position, position + step, encoding)
        yield position, end
        position = end


@dataclass
class TextLines:
    """Turns text slices into display text, carrying the open line from slice to slice.

    The text is :func:`~netbench.core.display.text_block`'s (escapes, a line break after
    each \\n). A line that would run past ``width`` characters (16 or more) is broken
    between two pieces of the message, so an escape is never cut; the breaks are for the
    eye only (copying the message gives its text without them).
    """

    encoding: str
    width: int = DISPLAY_LINE_CHARS
    column: int = 0

    def render(self, data: bytes) -> str:
        """The display text of ``data``, a slice that starts and ends on a character edge."""
        text = text_block(data, self.encoding)
        lines = text.split("\n")
        if self.column + len(lines[0]) <= self.width and max(map(len, lines)) <= self.width:
            self._advance(text)
            return text
        pieces = []
        piece_bytes = max(_MAX_CHARACTER_BYTES, self.width // _CHARS_PER_BYTE)
        for first, end in text_slices(data, self.encoding, piece_bytes):
            piece = text_block(data[first:end], self.encoding)
            head = piece.split("\n", 1)[0]
            if self.column and self.column + len(head) > self.width:
                pieces.append("\n")
                self.column = 0
            pieces.append(piece)
            self._advance(piece)
        return "".join(pieces)

    def _advance(self, text: str) -> None:
        last_break = text.rfind("\n")
        self.column = len(text) - last_break - 1 if last_break >= 0 else self.column + len(text)


def hex_lines(data: bytes, start: int, end: int) -> str:
    """The dump lines of ``data[start:end]``, with their offsets in the whole message."""
    return hex_dump(data[start:end], HEX_LINE_BYTES, start)
