"""How payload bytes are shown in transcripts: as text, as hex, or both.

`render` gives one line for a table cell; `render_block` gives the multi-line form used
for copying and exporting, where long text keeps its line breaks and hex is a full dump.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from netbench.core.encodings import DEFAULT_ENCODING
from netbench.core.escapes import encode_escapes
from netbench.core.payload import to_hex
from netbench.core.text import QT_TRANSLATE_NOOP, Text


class DisplayMode(StrEnum):
    """Which view of the bytes a transcript shows."""

    TEXT = "text"
    HEX = "hex"
    BOTH = "both"


_HEX_GROUP_SIZE = 8  # bytes between the wider gaps of a hex dump line
_CELL_SEPARATOR = "  |  "
_FIRST_PRINTABLE_ASCII = 0x20
_LAST_PRINTABLE_ASCII = 0x7E
# The translate table of a dump's ASCII column: printable ASCII as itself, the rest as ".".
_ASCII_COLUMN = bytes(
    byte if _FIRST_PRINTABLE_ASCII <= byte <= _LAST_PRINTABLE_ASCII else ord(".")
    for byte in range(256)
)

_ESCAPED_BACKSLASH = "\\\\"
_NEWLINE_ESCAPE = "\\n"


def visible_text(data: bytes, encoding: str = DEFAULT_ENCODING) -> str:
    """One line of text in which every control character and undecodable byte is visible."""
    return encode_escapes(data, encoding)


def hex_inline(data: bytes, limit: int | None = None) -> str:
    """Hex bytes on one line, cut after `limit` bytes with a note of how many were left out."""
    if limit is not None and limit < 0:
        raise ValueError(f"limit must not be negative, got {limit}")
    if limit is None or len(data) <= limit:
        return to_hex(data)
    left_out = len(data) - limit
    shown = to_hex(data[:limit])
    if left_out == 1:
        note = QT_TRANSLATE_NOOP("Display", "… (+{count} byte)")
    else:
        note = QT_TRANSLATE_NOOP("Display", "… (+{count} bytes)")
    if shown:
        return Text("", "{hex} {note}", {"hex": shown, "note": note.format(count=left_out)})
    return note.format(count=left_out)


def hex_dump(data: bytes, width: int = 16, start_offset: int = 0) -> str:
    """A classic hex dump: offset, hex bytes in groups of eight, and an ASCII column.

    The last line is padded so its ASCII column lines up with the lines above. The
    offsets count from `start_offset`, so a dump can continue where another stopped
    (:func:`parse_hex_dump` reads it back). Built from one ``bytes.hex`` and one
    ``translate``, sliced per line: the message inspector dumps megabytes with it.
    """
    if width < 1:
        raise ValueError(f"width must be at least 1, got {width}")
    if not data:
        return ""
    hexed = data.hex(" ")
    shown = data.translate(_ASCII_COLUMN).decode("ascii")
    cells_width = _cells_width(width)
    lines = []
    for line_start in range(0, len(data), width):
        line_end = min(len(data), line_start + width)
        groups = [
            hexed[3 * first : 3 * min(line_end, first + _HEX_GROUP_SIZE) - 1]
            for first in range(line_start, line_end, _HEX_GROUP_SIZE)
        ]
        cells = "  ".join(groups)
        column = shown[line_start:line_end]
        lines.append(f"{start_offset + line_start:08x}  {cells:<{cells_width}}  |{column}|")
    return "\n".join(lines)


def _cells_width(width: int) -> int:
    """Characters of a full line's hex cells: "xx " per byte, one more space per group gap."""
    return 3 * width - 1 + (width - 1) // _HEX_GROUP_SIZE


def parse_hex_dump(dump: str, width: int = 16) -> tuple[int, bytes]:
    """The start offset and the bytes of a dump made by :func:`hex_dump`.

    Every line is checked: its offset must follow on from the line before, it must hold
    one to ``width`` whole bytes, and its ASCII column must show them. Raises ValueError
    naming the first line that does not hold.
    """
    if not dump:
        return 0, b""
    cells_width = _cells_width(width)
    start = -1
    data = bytearray()
    for number, line in enumerate(dump.split("\n"), start=1):
        offset_text, _, rest = line.partition("  ")
        cells, bar, column = (
            rest[:cells_width],
            rest[cells_width : cells_width + 3],
            rest[cells_width + 3 :],
        )
        try:
            offset = int(offset_text, 16)
            chunk = bytes.fromhex(cells)
        except ValueError:
            raise ValueError(f"line {number} is not a hex dump line: {line!r}") from None
        if start < 0:
            start = offset
        if (
            bar != "  |"
            or offset != start + len(data)
            or not 0 < len(chunk) <= width
            or column != chunk.translate(_ASCII_COLUMN).decode("ascii") + "|"
        ):
            raise ValueError(f"line {number} does not follow on: {line!r}")
        data += chunk
    return start, bytes(data)


def text_block(data: bytes, encoding: str = DEFAULT_ENCODING) -> str:
    """The visible text of `data` with a real line break after each \\n escape.

    In the visible text every backslash starts an escape, and an escaped backslash is two
    of them: splitting at those pairs leaves pieces in which every "\\n" is a newline
    escape. Two C-speed passes instead of a regex callback per escape.
    """
    shown = visible_text(data, encoding)
    if "\\n" not in shown:
        return shown
    return _ESCAPED_BACKSLASH.join(
        piece.replace(_NEWLINE_ESCAPE, _NEWLINE_ESCAPE + "\n")
        for piece in shown.split(_ESCAPED_BACKSLASH)
    )


@dataclass(frozen=True, slots=True)
class _Forms:
    """How one place shows bytes in each mode: a table cell on one line, or a block to copy.

    ``both`` is the template BOTH fills with the two forms; empty bytes show nothing.
    """

    text: Callable[[bytes, str], str]
    hex: Callable[[bytes], str]
    both: str

    def show(self, data: bytes, mode: DisplayMode, encoding: str) -> str:
        match DisplayMode(mode):
            case DisplayMode.TEXT:
                return self.text(data, encoding)
            case DisplayMode.HEX:
                return self.hex(data)
            case DisplayMode.BOTH:
                if not data:
                    return ""
                return self.both.format(hex=self.hex(data), text=self.text(data, encoding))


_CELL = _Forms(visible_text, hex_inline, "{text}" + _CELL_SEPARATOR + "{hex}")
_BLOCK = _Forms(text_block, hex_dump, "{hex}\n\n{text}")


def render(data: bytes, mode: DisplayMode, encoding: str = DEFAULT_ENCODING) -> str:
    """The one-line form of `data` for a table cell."""
    return _CELL.show(data, mode, encoding)


def render_block(data: bytes, mode: DisplayMode, encoding: str = DEFAULT_ENCODING) -> str:
    """The multi-line form of `data` for copying and exporting.

    Text keeps a real line break after each \\n escape so long text reads naturally;
    removing the line breaks that follow "\\n" gives back the one-line, round-trippable form.
    """
    return _BLOCK.show(data, mode, encoding)
