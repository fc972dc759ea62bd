"""Finding text in a transcript: a fast stand-in for the escaped cells, and hex queries.

Rendering 100,000 rows exactly as the cells show them would take seconds, so text is
matched against the decoded bytes with control characters spelled as the cells spell them
(a query like "\\r\\n" finds what is shown); hex queries are matched on the bytes
themselves, so "6869" and "68 69" both find b"hi".
"""

from __future__ import annotations

from collections.abc import Callable

from netbench.core.display import DisplayMode, hex_inline, render
from netbench.core.transcript import Record

# Controls shown by name in the visible text (see netbench.core.escapes).
_SEARCH_CONTROLS: dict[int, str] = {
    **{code: f"\\x{code:02x}" for code in [*range(0x20), 0x7F]},
    0x0A: "\\n",
    0x0D: "\\r",
    0x09: "\\t",
    0x00: "\\0",
}
# Undecodable bytes come back from "surrogateescape" as U+DC80..U+DCFF.
_SEARCH_TABLE: dict[int, str] = {
    **_SEARCH_CONTROLS,
    **{0xDC00 + byte: f"\\x{byte:02x}" for byte in range(0x80, 0x100)},
}


def hex_query(query: str) -> bytes | None:
    """The bytes a query spells in hex ("68 69"), or None when it is not hex."""
    digits = "".join(query.split())
    try:
        return bytes.fromhex(digits) if digits and len(digits) % 2 == 0 else None
    except ValueError:
        return None


def search_text(data: bytes, encoding: str) -> str:
    """``data`` as the cells show it in text mode, closely enough to search."""
    try:
        decoded = data.decode(encoding, "surrogateescape")
    except UnicodeDecodeError:
        return render(data, DisplayMode.TEXT, encoding)
    return decoded.replace("\\", "\\\\").translate(_SEARCH_TABLE)


def record_matches(
    record: Record,
    needle: str,
    wanted: bytes | None,
    mode: DisplayMode,
    encoding: str,
    note: Callable[[], str],
) -> bool:
    """Whether ``needle`` (case-folded) is in the record's peer, note or data as ``mode``
    shows it, or ``wanted`` (a hex query) is in its bytes."""
    if needle in record.peer.casefold():
        return True
    if (record.note or record.chunk_frames > 1 or record.spans_chunks) and (
        needle in note().casefold()
    ):
        return True
    if not record.data:
        return False
    if wanted is not None and wanted in record.data:
        return True
    if mode is DisplayMode.HEX:
        return needle in hex_inline(record.data)
    return needle in search_text(record.data, encoding).casefold()
