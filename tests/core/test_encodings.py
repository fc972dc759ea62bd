"""The supported encodings and how user-typed names map onto them."""

from __future__ import annotations

import dataclasses

import pytest
from encodable import CODECS, encodes

from netbench.core.encodings import (
    DEFAULT_ENCODING,
    SUPPORTED_ENCODINGS,
    TextEncoding,
    find_encoding,
    normalize_encoding,
)


def test_the_supported_codecs_are_the_promised_ones() -> None:
    assert CODECS == [
        "utf-8",
        "gbk",
        "gb18030",
        "big5",
        "latin-1",
        "ascii",
        "utf-16-le",
        "utf-16-be",
    ]
    assert DEFAULT_ENCODING in CODECS


def test_labels_are_unique_and_readable() -> None:
    labels = [encoding.label for encoding in SUPPORTED_ENCODINGS]
    assert len(set(labels)) == len(labels)
    assert find_encoding("latin-1").label == "Latin-1 (ISO-8859-1)"
    assert find_encoding("utf-16-be").label == "UTF-16BE"


def test_text_encoding_is_immutable() -> None:
    encoding = SUPPORTED_ENCODINGS[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        encoding.codec = "ascii"  # type: ignore[misc]
    assert encoding == TextEncoding("utf-8", "UTF-8")


@pytest.mark.parametrize("codec", CODECS)
def test_every_codec_is_stateless(codec: str) -> None:
    """The escape codec relies on a string's bytes being the concatenation of its characters'."""
    text = "Hi \\ 你好 ÿ\n\0"
    encodable = "".join(char for char in text if encodes(char, codec))
    assert encodable.encode(codec) == b"".join(char.encode(codec) for char in encodable)


@pytest.mark.parametrize(
    ("name", "codec"),
    [
        ("UTF-8", "utf-8"),
        ("utf8", "utf-8"),
        ("UTF_8", "utf-8"),
        (" utf-8 ", "utf-8"),
        ("GBK", "gbk"),
        ("cp936", "gbk"),
        ("936", "gbk"),
        ("GB18030", "gb18030"),
        ("Big5", "big5"),
        ("big5-tw", "big5"),
        ("Latin-1 (ISO-8859-1)", "latin-1"),
        ("latin1", "latin-1"),
        ("ISO-8859-1", "latin-1"),
        ("iso8859_1", "latin-1"),
        ("ASCII", "ascii"),
        ("us-ascii", "ascii"),
        ("UTF-16LE", "utf-16-le"),
        ("utf16le", "utf-16-le"),
        ("utf_16_le", "utf-16-le"),
        ("UTF-16BE", "utf-16-be"),
    ],
)
def test_normalize_accepts_labels_codec_names_and_aliases(name: str, codec: str) -> None:
    assert normalize_encoding(name) == codec


@pytest.mark.parametrize("codec", CODECS)
def test_normalize_is_idempotent(codec: str) -> None:
    assert normalize_encoding(normalize_encoding(codec)) == codec


@pytest.mark.parametrize("name", ["", "klingon", "utf-16", "utf-32", "gb2312", "cp950", "a\0b"])
def test_normalize_rejects_unknown_and_unsupported_names(name: str) -> None:
    with pytest.raises(ValueError, match="encoding"):
        normalize_encoding(name)
