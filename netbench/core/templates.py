"""The placeholders a sent message may contain: ``{counter}`` and ``{time}``.

``{counter}`` is the sender's own send number (1 for its first send), ``{time}`` the local
wall-clock time with milliseconds. Only these two words are placeholders; every other brace
is just a brace, so JSON and the like are sent as typed. To send a placeholder literally,
double its braces: ``{{counter}}`` is sent as ``{counter}``. The text is read left to
right: in ``{{{counter}}}`` the first brace is plain, then ``{{counter}}`` is an escape, then
a plain ``}``, so it is sent as ``{{counter}}``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import StrEnum


class Placeholder(StrEnum):
    COUNTER = "counter"
    TIME = "time"

    @property
    def token(self) -> str:
        """The placeholder as typed: ``{counter}``."""
        return "{" + self.value + "}"


@dataclass(frozen=True)
class TemplatePiece:
    """A run of literal text or one placeholder, and where it starts in the typed text."""

    start: int
    text: str = ""
    placeholder: Placeholder | None = None


def format_time(wall: float) -> str:
    """Local wall-clock time with milliseconds, as ``{time}`` shows it: 14:03:07.250."""
    local = time.localtime(wall)
    return time.strftime("%H:%M:%S", local) + f".{int(wall % 1 * 1000):03d}"


def split_template(text: str) -> tuple[TemplatePiece, ...]:
    """`text` as literal runs and placeholders, with ``{{word}}`` unescaped to ``{word}``.

    Every piece keeps its start in `text`; an unescaped ``{word}`` is a literal piece of
    its own, so a position inside any literal piece maps straight back to the typed text
    and an error found while parsing a run can point at the right character.
    """
    pieces: list[TemplatePiece] = []
    run_start = position = 0
    while (brace := text.find("{", position)) >= 0:
        piece = _piece_at(text, brace)
        if piece is None:
            position = brace + 1
            continue
        if run_start < brace:
            pieces.append(TemplatePiece(run_start, text=text[run_start:brace]))
        pieces.append(piece)
        position = run_start = brace + _typed_length(piece)
    if run_start < len(text):
        pieces.append(TemplatePiece(run_start, text=text[run_start:]))
    return tuple(pieces)


def _piece_at(text: str, brace: int) -> TemplatePiece | None:
    """The placeholder or escaped placeholder starting at `brace`, if there is one."""
    for placeholder in Placeholder:
        if text.startswith("{" + placeholder.token + "}", brace):
            return TemplatePiece(brace, text=placeholder.token)
        if text.startswith(placeholder.token, brace):
            return TemplatePiece(brace, placeholder=placeholder)
    return None


def _typed_length(piece: TemplatePiece) -> int:
    """How many characters of the typed text `piece` stands for."""
    if piece.placeholder is not None:
        return len(piece.placeholder.token)
    return len(piece.text) + 2  # an escaped placeholder lost a brace on each side


def has_placeholders(text: str) -> bool:
    return any(piece.placeholder is not None for piece in split_template(text))


def placeholder_text(placeholder: Placeholder, counter: int, wall: float) -> str:
    """What `placeholder` stands for in send number `counter` made at time `wall`."""
    match placeholder:
        case Placeholder.COUNTER:
            return str(counter)
        case Placeholder.TIME:
            return format_time(wall)


def fill_text(text: str, counter: int, wall: float) -> str:
    """`text` with its placeholders filled in and escaped placeholders unescaped."""
    return "".join(
        piece.text
        if piece.placeholder is None
        else placeholder_text(piece.placeholder, counter, wall)
        for piece in split_template(text)
    )
