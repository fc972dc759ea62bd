"""Turning what the user typed in the send box into the bytes that go on the wire.

`parse_payload` is the single entry point for the UI; every failure is a PayloadError that
names the 0-based character position, so the editor can put the cursor on the culprit.
"""

from __future__ import annotations

import builtins
from enum import StrEnum

from netbench.core.encodings import DEFAULT_ENCODING, normalize_encoding
from netbench.core.errors import PayloadError
from netbench.core.escapes import decode_escapes, encode_text
from netbench.core.text import QT_TRANSLATE_NOOP


class InputMode(StrEnum):
    """How the send box is read."""

    TEXT = "text"  # literal text, encoded; backslashes are just backslashes
    ESCAPES = "escapes"  # text with \n, \xNN, \uNNNN ... escapes
    HEX = "hex"  # hex digits, e.g. "48 65 6c" or "0x48,0x65"


class LineEnding(StrEnum):
    """What is appended to each message, for line-based protocols."""

    NONE = "none"
    LF = "lf"
    CR = "cr"
    CRLF = "crlf"

    @property
    def text(self) -> str:
        """The line ending as characters, to be encoded like the text it ends."""
        return _LINE_ENDING_TEXT[self]

    @property
    def bytes(self) -> builtins.bytes:
        """The line ending as single bytes, as appended after hex input."""
        return _LINE_ENDING_TEXT[self].encode("ascii")


_LINE_ENDING_TEXT: dict[LineEnding, str] = {
    LineEnding.NONE: "",
    LineEnding.LF: "\n",
    LineEnding.CR: "\r",
    LineEnding.CRLF: "\r\n",
}

_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
_HEX_PREFIXES = ("0x", "0X")


def parse_payload(
    text: str,
    mode: InputMode,
    encoding: str = DEFAULT_ENCODING,
    line_ending: LineEnding = LineEnding.NONE,
) -> bytes:
    """The bytes to send for `text` read in `mode`, with the line ending appended.

    In the text modes the line ending is encoded like the text (two bytes per character
    in UTF-16); after hex input it is appended as plain single bytes, since hex input has
    no encoding.
    """
    codec = normalize_encoding(encoding)
    line_ending = LineEnding(line_ending)
    match InputMode(mode):
        case InputMode.HEX:
            return parse_hex(text) + line_ending.bytes
        case InputMode.ESCAPES:
            body = decode_escapes(text, codec)
        case InputMode.TEXT:
            body = encode_text(text, codec)
    return body + line_ending.text.encode(codec)


def parse_hex(text: str) -> bytes:
    """Read hex digits as bytes.

    Groups of digits may be separated by whitespace or commas and may start with 0x, so
    "48 65 6c", "48656c", "0x48,0x65" and "0x4865" all work. A byte never spans two
    groups, so every group must have an even number of digits.
    """
    output = bytearray()
    position = 0
    while position < len(text):
        if _is_hex_separator(text[position]):
            position += 1
        else:
            position = _parse_hex_group(text, position, output)
    return bytes(output)


def _is_hex_separator(char: str) -> bool:
    return char.isspace() or char == ","


def _parse_hex_group(text: str, start: int, output: bytearray) -> int:
    """Append the bytes of the digit group at `start`; return where the group ends."""
    digits_start = start + 2 if text.startswith(_HEX_PREFIXES, start) else start
    end = digits_start
    while end < len(text) and not _is_hex_separator(text[end]):
        if text[end] not in _HEX_DIGITS:
            raise PayloadError(
                QT_TRANSLATE_NOOP(
                    "Payload", "{character} at position {position} is not a hex digit"
                ).format(character=repr(text[end]), position=end),
                end,
            )
        end += 1
    digit_count = end - digits_start
    if digit_count == 0:
        raise PayloadError(
            QT_TRANSLATE_NOOP(
                "Payload", "{prefix} at position {position} is not followed by hex digits"
            ).format(prefix=repr(text[start : start + 2]), position=start),
            start,
        )
    if digit_count % 2:
        raise PayloadError(
            QT_TRANSLATE_NOOP(
                "Payload",
                "odd number of hex digits: the digit at position {position} has no partner",
            ).format(position=end - 1),
            end - 1,
        )
    output += bytes.fromhex(text[digits_start:end])
    return end


def to_hex(data: bytes, sep: str = " ") -> str:
    """Lower-case hex digits, two per byte, with `sep` between bytes."""
    if len(sep) == 1:
        return data.hex(sep)
    return sep.join(f"{byte:02x}" for byte in data)
