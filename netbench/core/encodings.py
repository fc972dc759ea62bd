"""The text encodings a payload can be typed and shown in.

The list is deliberately short: every entry must be a stateless codec whose bytes for a
string are the concatenation of the bytes for each character. The escape codec relies on
that to show any byte string in a form that turns back into exactly the same bytes, which
rules out codecs with a BOM or shift states (plain "utf-16", ISO-2022-*).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from functools import lru_cache

from netbench.core.text import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class TextEncoding:
    """A supported encoding: the name Python's codecs know it by and the name users read."""

    codec: str
    label: str


SUPPORTED_ENCODINGS: tuple[TextEncoding, ...] = (
    TextEncoding("utf-8", "UTF-8"),
    TextEncoding("gbk", "GBK"),
    TextEncoding("gb18030", "GB18030"),
    TextEncoding("big5", "Big5"),
    TextEncoding("latin-1", "Latin-1 (ISO-8859-1)"),
    TextEncoding("ascii", "ASCII"),
    TextEncoding("utf-16-le", "UTF-16LE"),
    TextEncoding("utf-16-be", "UTF-16BE"),
)

DEFAULT_ENCODING = "utf-8"


def _loose_key(name: str) -> str:
    """Spelling-insensitive key, so "utf16le", "UTF-16LE" and "utf_16_le" all meet."""
    return "".join(char for char in name.casefold() if char.isalnum())


def _python_codec_name(name: str) -> str | None:
    """Python's canonical name for a codec alias, or None when Python does not know it."""
    try:
        return codecs.lookup(name).name
    except (LookupError, ValueError):  # ValueError: names with NUL characters
        return None


_BY_LOOSE_KEY: dict[str, TextEncoding] = {}
for _encoding in SUPPORTED_ENCODINGS:
    _BY_LOOSE_KEY[_loose_key(_encoding.label)] = _encoding
    _BY_LOOSE_KEY[_loose_key(_encoding.codec)] = _encoding

_BY_PYTHON_NAME: dict[str, TextEncoding] = {
    codecs.lookup(encoding.codec).name: encoding for encoding in SUPPORTED_ENCODINGS
}


@lru_cache(maxsize=64)
def find_encoding(name: str) -> TextEncoding:
    """The supported encoding `name` refers to, by label, codec name or any Python alias.

    Raises ValueError for names Python does not know and for codecs that are known but
    not supported (for example "utf-16" with its BOM).
    """
    by_spelling = _BY_LOOSE_KEY.get(_loose_key(name))
    if by_spelling is not None:
        return by_spelling
    python_name = _python_codec_name(name.strip())
    if python_name is None:
        raise ValueError(
            QT_TRANSLATE_NOOP("Encodings", "unknown encoding {name}").format(name=repr(name))
        )
    by_alias = _BY_PYTHON_NAME.get(python_name)
    if by_alias is None:
        raise ValueError(
            QT_TRANSLATE_NOOP("Encodings", "encoding {name} is not supported").format(
                name=repr(name)
            )
        )
    return by_alias


def normalize_encoding(name: str) -> str:
    """The canonical codec name for `name`, so callers can compare and store one spelling."""
    return find_encoding(name).codec
