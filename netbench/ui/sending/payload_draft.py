"""What the user typed in a payload editor, and how it is re-written in another notation.

A draft is kept by the send history and by saved messages, so it stores the typing (text,
notation, encoding, line ending, checksum), never the bytes: restoring it gives back the
same notation. Re-writing a valid payload from one notation to another (text, text with
escapes, hex) keeps its bytes; that logic needs no widget, so it lives here, apart from the
editor.
"""

from __future__ import annotations

from dataclasses import dataclass

from netbench.core.checksum import NO_CHECKSUM, ChecksumSpec
from netbench.core.encodings import DEFAULT_ENCODING
from netbench.core.errors import PayloadError
from netbench.core.escapes import encode_escapes
from netbench.core.payload import InputMode, LineEnding, parse_payload, to_hex

# Characters that survive a round trip through the text box unchanged in plain-text mode.
# A carriage return would become a line break, and other controls are invisible, so bytes
# containing them are only ever shown with escapes or as hex.
_PLAIN_TEXT_CONTROLS = frozenset("\n\t")


@dataclass(frozen=True)
class PayloadDraft:
    """Everything needed to put a payload back in the editor exactly as it was typed.

    Kept for the send history and for saved messages, so it stores what the user typed
    (not the bytes): restoring it gives back the same notation, encoding, line ending and
    checksum.
    """

    text: str
    mode: InputMode = InputMode.TEXT
    encoding: str = DEFAULT_ENCODING
    line_ending: LineEnding = LineEnding.NONE
    checksum: ChecksumSpec = NO_CHECKSUM


def as_plain_text(data: bytes, encoding: str) -> str | None:
    """`data` as text that plain-text mode turns back into exactly `data`, if there is one."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if not all(char.isprintable() or char in _PLAIN_TEXT_CONTROLS for char in text):
        return None
    return text if text.encode(encoding) == data else None


def convert_notation(text: str, old: InputMode, new: InputMode, encoding: str) -> str | None:
    """`text` re-written from `old` to `new` notation with the same bytes, if possible.

    None leaves the text as is: when it is invalid, or when the bytes cannot be typed
    as plain text (carriage returns, other controls, bytes the encoding cannot decode).
    """
    if old is new:
        return None
    try:
        body = parse_payload(text, old, encoding, LineEnding.NONE)
    except PayloadError:
        return None
    match new:
        case InputMode.HEX:
            return to_hex(body)
        case InputMode.ESCAPES:
            return encode_escapes(body, encoding)
        case InputMode.TEXT:
            return as_plain_text(body, encoding)
