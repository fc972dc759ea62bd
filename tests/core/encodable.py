"""The encodings netbench offers, and what of a text each of them can encode."""

from __future__ import annotations

from netbench.core.encodings import SUPPORTED_ENCODINGS

CODECS = [encoding.codec for encoding in SUPPORTED_ENCODINGS]


def first_unencodable(text: str, codec: str) -> int | None:
    """Where Python's own encoder gives up on `text`, or None if it encodes."""
    try:
        text.encode(codec)
    except UnicodeEncodeError as error:
        return error.start
    return None


def encodes(text: str, codec: str) -> bool:
    """Whether all of `text` can be encoded with `codec`."""
    return first_unencodable(text, codec) is None
