"""Reading a recording row that holds a huge message without long pauses.

A 31 MB message is a row of some 100 MB: ``json.loads`` on it, then ``bytes.fromhex``, each
hold the interpreter for a quarter of a second or more, which a window waiting on the same
interpreter shows as a hitch even when the reading runs on another thread. So a big row is
taken apart in short steps: its ``hex`` and ``text`` values are found with ``bytes.find``
and cut out, the small rest goes to ``json.loads``, and the hex digits are decoded a
megabyte at a time. Each step is short, so the interpreter changes threads between them.

Rows written another way (other spacing, escapes in the hex) return None here, and the
caller reads them the ordinary way.
"""

from __future__ import annotations

import json
from typing import Any

BIG_ROW_BYTES = 1 << 20
HEX_STEP = 1 << 20  # hex digits decoded at a time (an even number)
_HEX_KEY = b'"hex": "'
_TEXT_KEY = b'"text": "'


def _is_escaped(raw: bytes, quote: int) -> bool:
    """Whether the ``"`` at ``quote`` is escaped (an odd run of backslashes before it)."""
    count = 0
    while quote - count - 1 >= 0 and raw[quote - count - 1] == 0x5C:
        count += 1
    return count % 2 == 1


def _string_at(raw: bytes, key: bytes) -> tuple[int, int] | None:
    """Where the value of the top-level string ``key`` starts and ends (its quotes
    excluded), or None. A key inside another string cannot match: its quote would be
    escaped there."""
    start = raw.find(key)
    while start >= 0 and _is_escaped(raw, start):
        start = raw.find(key, start + 1)
    if start < 0:
        return None
    begin = start + len(key)
    end = raw.find(b'"', begin)
    while end >= 0 and _is_escaped(raw, end):
        end = raw.find(b'"', end + 1)
    return None if end < 0 else (begin, end)


def split_big_row(raw: bytes) -> tuple[dict[str, Any], bytes] | None:
    """A big row's fields (with ``hex`` and ``text`` emptied) and its hex digits, or None
    when the row is not written the way netbench writes it. Raises ValueError (json's)
    when what remains is not JSON."""
    hex_span = _string_at(raw, _HEX_KEY)
    if hex_span is None:
        return None
    spans = [hex_span]
    text_span = _string_at(raw, _TEXT_KEY)
    if text_span is not None:
        spans.append(text_span)
    spans.sort()
    pieces, cursor = [], 0
    for begin, end in spans:
        if begin < cursor:
            return None  # overlapping: not our layout
        pieces.append(raw[cursor:begin])
        cursor = end
    pieces.append(raw[cursor:])
    value = json.loads(b"".join(pieces))
    if not isinstance(value, dict):
        return None
    digits = raw[hex_span[0] : hex_span[1]]
    if b"\\" in digits:
        return None
    return value, digits


def decode_hex_in_steps(digits: bytes) -> bytes:
    """``bytes.fromhex`` a megabyte of digits at a time (ValueError as it gives)."""
    if b" " in digits:  # spaced pairs could straddle a step: decode whole
        return bytes.fromhex(digits.decode("ascii"))
    parts = [
        bytes.fromhex(digits[i : i + HEX_STEP].decode("ascii"))
        for i in range(0, len(digits), HEX_STEP)
    ]
    return b"".join(parts)
