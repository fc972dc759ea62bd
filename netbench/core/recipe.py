"""What to send, compiled once; the bytes of each send made from it on demand.

A `PayloadRecipe` is the editor's input (text, notation, encoding, line ending, checksum)
parsed ahead of time into literal bytes and placeholder slots. The Server and Client
senders ask it for "send number N at wall time T" and get the finished message: the
templates filled in first, then the checksum computed over the filled bytes, so every
repeated message carries a checksum that matches what it actually says.

Templates are filled in the text modes only. In hex mode a brace is not a hex digit, and
the bytes are sent exactly as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from netbench.core.checksum import NO_CHECKSUM, ChecksumSpec, Placement
from netbench.core.encodings import DEFAULT_ENCODING, normalize_encoding
from netbench.core.errors import PayloadError
from netbench.core.length_header import LengthHeader
from netbench.core.payload import InputMode, LineEnding, parse_payload
from netbench.core.templates import Placeholder, placeholder_text, split_template
from netbench.core.text import Text


@dataclass(frozen=True)
class RenderedPayload:
    """One message in its parts: ``head + body + checksum + tail`` is what is sent.

    ``body`` is what the checksum covers (from its ``skip``-th byte on); ``tail`` is the
    line ending when the checksum goes before it, else empty; ``head`` is a length header
    of all that follows it, when one was asked for.
    """

    body: bytes
    checksum: bytes
    tail: bytes
    head: bytes = b""

    @property
    def data(self) -> bytes:
        return self.head + self.body + self.checksum + self.tail


@dataclass(frozen=True)
class PayloadRecipe:
    """The parsed payload: literal byte runs and placeholders, a line ending, a checksum."""

    pieces: tuple[bytes | Placeholder, ...]
    encoding: str = DEFAULT_ENCODING
    line_ending: bytes = b""
    checksum: ChecksumSpec = NO_CHECKSUM
    length_header: LengthHeader | None = None

    @property
    def has_placeholders(self) -> bool:
        """Whether sends differ from one another (so each is rendered on its own)."""
        return any(isinstance(piece, Placeholder) for piece in self.pieces)

    def render_parts(self, counter: int, wall: float) -> RenderedPayload:
        """Send number `counter` made at `wall`, split as the preview shows it.

        Raises ChecksumError when the checksum cannot cover the filled bytes, or the
        length header cannot hold their length.
        """
        filled = b"".join(
            piece
            if isinstance(piece, bytes)
            else placeholder_text(piece, counter, wall).encode(self.encoding)
            for piece in self.pieces
        )
        if self.checksum.placement is Placement.AFTER_LINE_ENDING:
            body, tail = filled + self.line_ending, b""
        else:
            body, tail = filled, self.line_ending
        checksum = self.checksum.compute(body)
        if self.length_header is None:
            return RenderedPayload(body, checksum, tail)
        length = len(body) + len(checksum) + len(tail)
        return RenderedPayload(body, checksum, tail, self.length_header.header_for(length))

    def render(self, counter: int, wall: float) -> bytes:
        """The bytes of send number `counter` made at `wall`; may raise ChecksumError."""
        return self.render_parts(counter, wall).data


def compile_payload(
    text: str,
    mode: InputMode,
    encoding: str = DEFAULT_ENCODING,
    line_ending: LineEnding = LineEnding.NONE,
    checksum: ChecksumSpec = NO_CHECKSUM,
    length_header: LengthHeader | None = None,
) -> PayloadRecipe:
    """Parse what the user typed into a recipe; a PayloadError points into `text`.

    Each literal run is parsed on its own, so an escape cannot reach into a placeholder:
    ``\\x{counter}`` is an incomplete ``\\x`` escape, not a hex byte made of the counter.
    """
    codec = normalize_encoding(encoding)
    mode = InputMode(mode)
    line_ending = LineEnding(line_ending)
    if mode is InputMode.HEX:
        return PayloadRecipe(
            (parse_payload(text, mode, codec),), codec, line_ending.bytes, checksum, length_header
        )
    pieces: list[bytes | Placeholder] = []
    for piece in split_template(text):
        if piece.placeholder is not None:
            pieces.append(piece.placeholder)
            continue
        try:
            pieces.append(parse_payload(piece.text, mode, codec))
        except PayloadError as error:
            raise _shifted(error, piece.text, piece.start) from None
    return PayloadRecipe(
        tuple(pieces), codec, line_ending.text.encode(codec), checksum, length_header
    )


def _shifted(error: PayloadError, run: str, start: int) -> PayloadError:
    """`error` from parsing `run` alone, re-told with positions in the whole text."""
    if start == 0:
        return error
    position = start + error.position
    message = error.message
    if isinstance(message, Text) and message.params.get("position") == error.position:
        return PayloadError(message.format(position=position), position)
    message = re.sub(rf"\bposition {error.position}\b", f"position {position}", message, count=1)
    return PayloadError(message, position)
