"""How payload bytes are shown in transcripts: as text, as hex, or both.

`render` gives one line for a table cell; `render_block` gives the multi-line form used
for copying and exporting, where long text keeps its line breaks and hex is a full dump.
"""

from __future__ import annotations

import re
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

# Each escape starts with a backslash and a letter, so matching "\" plus one character from
# left to right walks the escapes without mistaking the "n" of an escaped backslash ("\\n")
# for a newline.
_ESCAPE_START = re.compile(r"\\.", re.DOTALL)


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
    offsets count from `start_offset`, so a dump can continue where another stopped.
    """
    if width < 1:
        raise ValueError(f"width must be at least 1, got {width}")
    lines = []
    for line_start in range(0, len(data), width):
        chunk = data[line_start : line_start + width]
        offset = start_offset + line_start
        lines.append(f"{offset:08x}  {_hex_dump_cells(chunk, width)}  |{_ascii_column(chunk)}|")
    return "\n".join(lines)


def _hex_dump_cells(chunk: bytes, width: int) -> str:
    """The hex part of one dump line, padded to `width` bytes, with a gap every 8 bytes."""
    cells = [f"{byte:02x}" for byte in chunk] + ["  "] * (width - len(chunk))
    groups = [
        " ".join(cells[group_start : group_start + _HEX_GROUP_SIZE])
        for group_start in range(0, width, _HEX_GROUP_SIZE)
    ]
    return "  ".join(groups)


def _ascii_column(chunk: bytes) -> str:
    return "".join(
        chr(byte) if _FIRST_PRINTABLE_ASCII <= byte <= _LAST_PRINTABLE_ASCII else "."
        for byte in chunk
    )


def render(data: bytes, mode: DisplayMode, encoding: str = DEFAULT_ENCODING) -> str:
    """The one-line form of `data` for a table cell."""
    match DisplayMode(mode):
        case DisplayMode.TEXT:
            return visible_text(data, encoding)
        case DisplayMode.HEX:
            return hex_inline(data)
        case DisplayMode.BOTH:
            if not data:
                return ""
            return visible_text(data, encoding) + _CELL_SEPARATOR + hex_inline(data)


def render_block(data: bytes, mode: DisplayMode, encoding: str = DEFAULT_ENCODING) -> str:
    """The multi-line form of `data` for copying and exporting.

    Text keeps a real line break after each \\n escape so long text reads naturally;
    removing the line breaks that follow "\\n" gives back the one-line, round-trippable form.
    """
    match DisplayMode(mode):
        case DisplayMode.TEXT:
            return _text_block(data, encoding)
        case DisplayMode.HEX:
            return hex_dump(data)
        case DisplayMode.BOTH:
            dump = hex_dump(data)
            text = _text_block(data, encoding)
            return f"{dump}\n\n{text}" if dump else text


def _text_block(data: bytes, encoding: str) -> str:
    return _ESCAPE_START.sub(_break_after_newline, visible_text(data, encoding))


def _break_after_newline(escape: re.Match[str]) -> str:
    found = escape.group()
    return found + "\n" if found == "\\n" else found
