"""Text with backslash escapes, used both to type payloads and to show received bytes.

The two directions are exact inverses: `encode_escapes` shows any byte string as text that
`decode_escapes` turns back into the very same bytes, in every supported encoding. A user
can copy a received message, change one character and send it again without losing a byte.

Escapes understood by `decode_escapes`:

- ``\\n \\r \\t \\0 \\a \\b \\f \\v \\e \\\\`` stand for a *character* and are encoded like
  the text around them, so ``\\n`` is one byte in UTF-8 and two in UTF-16.
- ``\\xNN`` (exactly two hex digits) is one raw byte, inserted as-is.
- ``\\uNNNN`` and ``\\UNNNNNNNN`` are Unicode code points, encoded with the encoding; a
  ``\\uD83D\\uDE00`` surrogate pair is joined into one code point, as in JSON.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator

from netbench.core.encodings import normalize_encoding
from netbench.core.errors import PayloadError
from netbench.core.text import QT_TRANSLATE_NOOP

# Escape letter -> the character it stands for.
_CHARACTER_ESCAPES: dict[str, str] = {
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
    "e": "\x1b",
    "\\": "\\",
}

# Escape letter -> how many hex digits follow it.
_HEX_ESCAPE_DIGITS: dict[str, int] = {"x": 2, "u": 4, "U": 8}
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")

# Only the everyday controls are shown by name; the rest get numeric escapes, which are
# unambiguous and match what people see in hex dumps.
_SHOWN_BY_NAME: dict[str, str] = {
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\0": "\\0",
    "\\": "\\\\",
}

_RAW_BYTE_ESCAPES: tuple[str, ...] = tuple(f"\\x{byte:02x}" for byte in range(256))

# The longest character in any supported encoding: UTF-8, GB18030 and UTF-16 pairs.
_MAX_CHARACTER_BYTES = 4
# Bytes handed to Python's decoder at a time while building a display.
_DECODE_WINDOW = 4096

_HIGH_SURROGATES = range(0xD800, 0xDC00)
_LOW_SURROGATES = range(0xDC00, 0xE000)
_LAST_CODE_POINT = 0x10FFFF

# Undecodable bytes are decoded to lone surrogates U+DC00..U+DCFF (one per byte, like
# "surrogateescape" but also for bytes below 0x80, which UTF-16 needs). No supported codec
# produces lone surrogates from valid input, and every piece shown is checked against the
# original bytes anyway, so a marker can never make the display lie.
_MARK_UNDECODABLE = "netbench.mark-undecodable"
_MARKER_BASE = 0xDC00


def _mark_undecodable(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: turn each undecodable byte into its marker and carry on."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    undecodable = error.object[error.start : error.end]
    return "".join(chr(_MARKER_BASE + byte) for byte in undecodable), error.end


codecs.register_error(_MARK_UNDECODABLE, _mark_undecodable)


# --- text -> bytes -------------------------------------------------------------------------


def encode_text(text: str, encoding: str) -> bytes:
    """Encode literal text, naming the first character the encoding cannot represent."""
    return _encode_at(text, normalize_encoding(encoding), 0)


def decode_escapes(text: str, encoding: str) -> bytes:
    """Turn text with backslash escapes into bytes, encoding everything else with `encoding`.

    Raises PayloadError, with the 0-based position in `text`, for an unknown or truncated
    escape and for a character the encoding cannot represent.
    """
    codec = normalize_encoding(encoding)
    output = bytearray()
    position = 0
    while position < len(text):
        backslash = text.find("\\", position)
        if backslash == -1:
            backslash = len(text)
        output += _encode_at(text[position:backslash], codec, position)
        if backslash == len(text):
            break
        position = _decode_escape(text, backslash, codec, output)
    return bytes(output)


def _encode_at(run: str, codec: str, offset: int) -> bytes:
    """Encode `run`, which starts at `offset` in the user's text, for precise error positions."""
    try:
        return run.encode(codec)
    except UnicodeEncodeError as error:
        position = offset + error.start
        culprit = run[error.start]
        raise PayloadError(
            QT_TRANSLATE_NOOP(
                "Escapes", "{character} cannot be encoded as {codec} at position {position}"
            ).format(character=repr(culprit), codec=codec, position=position),
            position,
        ) from None


def _decode_escape(text: str, start: int, codec: str, output: bytearray) -> int:
    """Append the bytes of the escape whose backslash is at `start`; return where it ends."""
    if start + 1 == len(text):
        raise PayloadError(
            QT_TRANSLATE_NOOP(
                "Escapes",
                "lone backslash at position {position} ends the text (write \\\\ for a backslash)",
            ).format(position=start),
            start,
        )
    letter = text[start + 1]
    if letter in _CHARACTER_ESCAPES:
        output += _encode_at(_CHARACTER_ESCAPES[letter], codec, start)
        return start + 2
    if letter == "x":
        output.append(_read_hex_digits(text, start))
        return start + 4
    if letter in _HEX_ESCAPE_DIGITS:
        code_point, end = _read_code_point(text, start)
        output += _encode_at(chr(code_point), codec, start)
        return end
    raise PayloadError(
        QT_TRANSLATE_NOOP("Escapes", "unknown escape {escape} at position {position}").format(
            escape=_describe_escape(letter), position=start
        ),
        start,
    )


def _describe_escape(letter: str) -> str:
    """How to name an unknown escape in a message, even when its letter is invisible."""
    if letter.isprintable():
        return "\\" + letter
    return QT_TRANSLATE_NOOP("Escapes", "(backslash followed by {letter})").format(
        letter=repr(letter)
    )


def _read_hex_digits(text: str, start: int) -> int:
    """The value of the hex digits of the \\x, \\u or \\U escape at `start`."""
    letter = text[start + 1]
    count = _HEX_ESCAPE_DIGITS[letter]
    digits = text[start + 2 : start + 2 + count]
    if len(digits) < count or not _HEX_DIGITS.issuperset(digits):
        if count == 2:
            template = QT_TRANSLATE_NOOP(
                "Escapes", "\\{letter} at position {position} needs exactly two hex digits"
            )
        elif count == 4:
            template = QT_TRANSLATE_NOOP(
                "Escapes", "\\{letter} at position {position} needs exactly four hex digits"
            )
        else:
            template = QT_TRANSLATE_NOOP(
                "Escapes", "\\{letter} at position {position} needs exactly eight hex digits"
            )
        raise PayloadError(template.format(letter=letter, position=start), start)
    return int(digits, 16)


def _read_code_point(text: str, start: int) -> tuple[int, int]:
    """The code point of the \\u or \\U escape at `start` and where the escape ends.

    A high surrogate directly followed by a low one is joined, as JSON and JavaScript
    write characters outside the BMP.
    """
    code_point = _read_hex_digits(text, start)
    end = start + 2 + _HEX_ESCAPE_DIGITS[text[start + 1]]
    if code_point > _LAST_CODE_POINT:
        raise PayloadError(
            QT_TRANSLATE_NOOP(
                "Escapes",
                "\\U{code_point:08x} at position {position} is beyond U+10FFFF, "
                "the last Unicode code point",
            ).format(code_point=code_point, position=start),
            start,
        )
    low = _low_surrogate_at(text, end) if code_point in _HIGH_SURROGATES else None
    if low is None:
        return code_point, end
    joined = 0x10000 + ((code_point - 0xD800) << 10) + (low - 0xDC00)
    return joined, end + 6


def _low_surrogate_at(text: str, position: int) -> int | None:
    """The low surrogate written as \\uDCxx at `position`, if there is one."""
    digits = text[position + 2 : position + 6]
    if text[position : position + 2] != "\\u" or len(digits) < 4:
        return None
    if not _HEX_DIGITS.issuperset(digits):
        return None
    value = int(digits, 16)
    return value if value in _LOW_SURROGATES else None


# --- bytes -> text -------------------------------------------------------------------------


def encode_escapes(data: bytes, encoding: str) -> str:
    """Show `data` as readable text that `decode_escapes` turns back into exactly `data`.

    Printable characters appear as themselves, controls and invisible characters as
    escapes, and bytes that do not decode (or would not re-encode to themselves) as \\xNN.
    """
    codec = normalize_encoding(encoding)
    # In UTF-8 and ASCII only bytes from 0x80 up can fail to decode, and Python's own
    # "surrogateescape" marks them just as _MARK_UNDECODABLE would, without a call per byte.
    handler = "surrogateescape" if codec in _SELF_INVERSE_CODECS else _MARK_UNDECODABLE
    decoded = data.decode(codec, handler)
    if decoded.isprintable() and "\\" not in decoded and decoded.encode(codec) == data:
        return decoded
    if codec in _SELF_INVERSE_CODECS:
        # Lines with CR/LF, tabs or NULs are the common case: valid text plus a few ASCII
        # controls. Escape those with one translate instead of the general walk.
        try:
            shown = data.decode(codec).translate(_ASCII_CONTROL_ESCAPES)
        except UnicodeDecodeError:
            shown = ""
        if shown and shown.isprintable():
            return shown
        # Binary data (a file, random bytes): one pass of the decoder and one translate,
        # about ten times faster than the general walk, with the same result.
        return decoded.translate(_SELF_INVERSE_SHOWN)
    return "".join(_shown_pieces(data, codec))


class _ShownCharacters(dict[int, str]):
    """``str.translate`` table for UTF-8 and ASCII: every character as encode_escapes shows it.

    In these codecs every decoded character re-encodes to exactly its bytes, and every byte
    that does not decode comes out of the decoder as its own marker, so each character can
    be shown on its own. Filled as characters are met.
    """

    def __missing__(self, code_point: int) -> str:
        if _MARKER_BASE <= code_point <= _MARKER_BASE + 0xFF:
            shown = _RAW_BYTE_ESCAPES[code_point - _MARKER_BASE]
        else:
            char = chr(code_point)
            shown = _show_character(char, char.encode("utf-8"))
        self[code_point] = shown
        return shown


_SELF_INVERSE_SHOWN = _ShownCharacters()


# Codecs where decoding valid bytes and encoding the text again gives the same bytes, so
# escaping only the ASCII controls keeps the round trip exact.
_SELF_INVERSE_CODECS = frozenset({"utf-8", "ascii"})
_ASCII_CONTROL_ESCAPES = {
    **{code: f"\\x{code:02x}" for code in range(0x20)},
    0x7F: "\\x7f",
    ord("\\"): "\\\\",
    ord("\n"): "\\n",
    ord("\r"): "\\r",
    ord("\t"): "\\t",
    0: "\\0",
}


def escapes_by_walk(data: bytes, codec: str) -> str:
    """What :func:`encode_escapes` shows, made by the general walk alone, without its fast
    paths. For tests, which check that the fast paths show exactly the same."""
    return "".join(_shown_pieces(data, codec))


def _shown_pieces(data: bytes, codec: str) -> Iterator[str]:
    """Pieces of the display, each checked to stand for exactly the bytes under the cursor.

    Python's decoder does the bulk of the work a window at a time. Where its view and the
    bytes disagree (a character that re-encodes differently), one slow step decodes a
    single character by hand and the decoder starts afresh behind it.
    """
    cursor = 0
    while cursor < len(data):
        window_start = cursor
        for size, piece in _window_pieces(data, window_start, codec):
            yield piece
            cursor += size
        if cursor == window_start:
            size, piece = _piece_at(data, cursor, codec)
            yield piece
            cursor += size


def _window_pieces(data: bytes, start: int, codec: str) -> Iterator[tuple[int, str]]:
    """Verified pieces from one window of bytes, up to the first disagreement."""
    window_end = min(len(data), start + _DECODE_WINDOW)
    # A character starting this close to the cut may decode differently with the bytes
    # behind the cut, so it is left for the next window.
    trusted_end = len(data) if window_end == len(data) else window_end - _MAX_CHARACTER_BYTES
    cursor = start
    for char in data[start:window_end].decode(codec, _MARK_UNDECODABLE):
        if cursor >= trusted_end:
            return
        size, piece = _verified_piece(char, data, cursor, codec)
        if piece is None:
            return
        yield size, piece
        cursor += size


def _verified_piece(char: str, data: bytes, cursor: int, codec: str) -> tuple[int, str | None]:
    """How `char` is shown and how many bytes it covers, or None if it is not data[cursor:]."""
    code_point = ord(char)
    if _MARKER_BASE <= code_point <= _MARKER_BASE + 0xFF:
        byte = code_point - _MARKER_BASE
        if cursor < len(data) and data[cursor] == byte:
            return 1, _RAW_BYTE_ESCAPES[byte]
        return 0, None
    encoded = _encoded_or_none(char, codec)
    if encoded is None or not data.startswith(encoded, cursor):
        return 0, None
    return len(encoded), _show_character(char, encoded)


def _piece_at(data: bytes, position: int, codec: str) -> tuple[int, str]:
    """Slow but self-synchronising: show the one character (or raw bytes) at `position`."""
    size, char = _character_at(data, position, codec)
    if char is not None:
        return size, _show_character(char, data[position : position + size])
    if size == 0:
        undecodable_step = len(" ".encode(codec))  # a whole code unit: 2 bytes in UTF-16
        size = min(undecodable_step, len(data) - position)
    return size, _raw_bytes(data[position : position + size])


def _character_at(data: bytes, position: int, codec: str) -> tuple[int, str | None]:
    """The shortest character at `position` and its size.

    Size 0 means nothing decodes there; a size with None means a character decodes but
    would re-encode differently, so those bytes must be shown raw.
    """
    for size in range(1, _MAX_CHARACTER_BYTES + 1):
        chunk = data[position : position + size]
        if len(chunk) < size:
            break
        try:
            decoded = chunk.decode(codec)
        except UnicodeDecodeError:
            continue
        if len(decoded) != 1:
            break
        if _encoded_or_none(decoded, codec) == chunk:
            return size, decoded
        return size, None
    return 0, None


def _encoded_or_none(char: str, codec: str) -> bytes | None:
    try:
        return char.encode(codec)
    except UnicodeEncodeError:
        return None


def _show_character(char: str, encoded: bytes) -> str:
    """A decoded character as shown: itself if printable, else an escape for `encoded`."""
    named = _SHOWN_BY_NAME.get(char)
    if named is not None:
        return named
    if char.isprintable():
        return char
    if len(encoded) == 1:
        return _raw_bytes(encoded)
    code_point = ord(char)
    if code_point <= 0xFFFF:
        return f"\\u{code_point:04x}"
    return f"\\U{code_point:08x}"


def _raw_bytes(chunk: bytes) -> str:
    return "".join(_RAW_BYTE_ESCAPES[byte] for byte in chunk)
