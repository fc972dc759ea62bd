"""How a stream is cut into frames, as the user configured it: the kind and its settings."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from netbench.core.text import QT_TRANSLATE_NOOP

# The struct format of each length prefix size.
PREFIX_FORMATS = {1: "B", 2: "H", 4: "I", 8: "Q"}
_DELIMITER_NAMES = {b"\n": "LF", b"\r\n": "CRLF", b"\0": "NUL", b"\r": "CR"}


class FramingKind(StrEnum):
    """How message boundaries are recognised in the stream: not at all (each read is one
    message, as TCP delivered it), at a delimiter, every ``fixed_length`` bytes, or by a
    length header in front of each message."""

    RAW = "raw"
    DELIMITER = "delimiter"
    FIXED = "fixed"
    LENGTH_PREFIX = "length_prefix"


@dataclass(frozen=True, slots=True)
class FramingSpec:
    """Everything needed to frame a stream, as the user configured it.

    Only the fields the chosen kind uses are validated, so a settings form can keep stale
    values in the others. ``max_frame`` limits a frame's content (a delimiter or length
    header is not counted) and bounds how much a framer ever buffers.
    """

    kind: FramingKind = FramingKind.RAW
    delimiter: bytes = b"\n"
    keep_delimiter: bool = False
    fixed_length: int = 16
    prefix_size: int = 4
    byteorder: Literal["big", "little"] = "big"
    length_includes_header: bool = False
    max_frame: int = 1 << 20

    def validate(self) -> None:
        """Raise ValueError naming the first bad setting, before a framer is built on it.

        The message (``args[0]``) is a translatable :class:`~netbench.core.text.Text`.
        """
        try:
            kind = FramingKind(self.kind)
        except ValueError:
            raise ValueError(
                QT_TRANSLATE_NOOP("Framing", "unknown framing kind {kind}").format(
                    kind=repr(self.kind)
                )
            ) from None
        if self.max_frame < 1:
            raise ValueError(
                QT_TRANSLATE_NOOP(
                    "Framing", "max frame size must be at least 1 byte, got {size}"
                ).format(size=self.max_frame)
            )
        if kind is FramingKind.DELIMITER and not self.delimiter:
            raise ValueError(QT_TRANSLATE_NOOP("Framing", "delimiter must not be empty"))
        if kind is FramingKind.FIXED:
            if self.fixed_length < 1:
                raise ValueError(
                    QT_TRANSLATE_NOOP(
                        "Framing", "fixed length must be at least 1 byte, got {size}"
                    ).format(size=self.fixed_length)
                )
            if self.fixed_length > self.max_frame:
                raise ValueError(
                    QT_TRANSLATE_NOOP(
                        "Framing",
                        "fixed length ({size} bytes) must not exceed "
                        "the max frame size ({limit} bytes)",
                    ).format(size=self.fixed_length, limit=self.max_frame)
                )
        if kind is FramingKind.LENGTH_PREFIX:
            if self.prefix_size not in PREFIX_FORMATS:
                raise ValueError(
                    QT_TRANSLATE_NOOP(
                        "Framing", "length prefix must be 1, 2, 4 or 8 bytes, got {size}"
                    ).format(size=self.prefix_size)
                )
            if self.byteorder not in ("big", "little"):
                raise ValueError(
                    QT_TRANSLATE_NOOP(
                        "Framing", "byte order must be 'big' or 'little', got {order}"
                    ).format(order=repr(self.byteorder))
                )

    def describe(self) -> str:
        """A short label for the status bar and transcripts, e.g. "CRLF-delimited"."""
        if self.kind == FramingKind.DELIMITER:
            name = _delimiter_name(self.delimiter)
            if self.keep_delimiter:
                return QT_TRANSLATE_NOOP("Framing", "{name}-delimited, delimiter kept").format(
                    name=name
                )
            return QT_TRANSLATE_NOOP("Framing", "{name}-delimited").format(name=name)
        if self.kind == FramingKind.FIXED:
            if self.fixed_length == 1:
                return QT_TRANSLATE_NOOP("Framing", "fixed {size} byte").format(size=1)
            return QT_TRANSLATE_NOOP("Framing", "fixed {size} bytes").format(size=self.fixed_length)
        if self.kind == FramingKind.LENGTH_PREFIX:
            size = self.prefix_size
            counted = self.length_includes_header
            if size == 1:
                if counted:
                    template = QT_TRANSLATE_NOOP(
                        "Framing", "{size}-byte length prefix (header counted)"
                    )
                else:
                    template = QT_TRANSLATE_NOOP(
                        "Framing", "{size}-byte length prefix (header not counted)"
                    )
            elif self.byteorder == "little":
                if counted:
                    template = QT_TRANSLATE_NOOP(
                        "Framing", "{size}-byte little-endian length prefix (header counted)"
                    )
                else:
                    template = QT_TRANSLATE_NOOP(
                        "Framing", "{size}-byte little-endian length prefix (header not counted)"
                    )
            elif counted:
                template = QT_TRANSLATE_NOOP(
                    "Framing", "{size}-byte big-endian length prefix (header counted)"
                )
            else:
                template = QT_TRANSLATE_NOOP(
                    "Framing", "{size}-byte big-endian length prefix (header not counted)"
                )
            return template.format(size=size)
        return QT_TRANSLATE_NOOP("Framing", "raw chunks")


def _delimiter_name(delimiter: bytes) -> str:
    """Name the common delimiters; show others as an escaped literal the user can recognise."""
    name = _DELIMITER_NAMES.get(delimiter)
    if name is not None:
        return name
    return '"' + repr(delimiter)[2:-1] + '"'
