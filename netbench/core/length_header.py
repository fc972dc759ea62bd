"""A length header put in front of each message sent: the sender's half of length-prefix
framing (``struct.pack('!I', len(body)) + body``), in the sizes and byte orders the framing
choices offer, so a message sent with it is read back whole by a length-prefix framer.

The Client and Server send rows add it to what the editor sends, and a server framing by
length prefix frames its automatic replies back the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from netbench.core.checksum import ChecksumError
from netbench.core.framing.spec import PREFIX_FORMATS, FramingKind, FramingSpec
from netbench.core.text import QT_TRANSLATE_NOOP

HEADER_SIZES = tuple(PREFIX_FORMATS)  # 1, 2, 4, 8 bytes, as the framing offers


class LengthHeaderError(ChecksumError):
    """The message is too long for its header. Raised where a checksum that cannot be
    computed is, once the templates are filled: the send cannot be finished as asked."""


@dataclass(frozen=True, slots=True)
class LengthHeader:
    """An unsigned header of ``size`` bytes holding the length of what follows it."""

    size: int = 4
    byteorder: Literal["big", "little"] = "big"

    def __post_init__(self) -> None:
        if self.size not in HEADER_SIZES:
            raise ValueError(f"a length header is 1, 2, 4 or 8 bytes, not {self.size}")
        if self.byteorder not in ("big", "little"):
            raise ValueError(f"byte order is big or little, not {self.byteorder!r}")

    @property
    def largest(self) -> int:
        """The longest message the header can announce."""
        return (1 << (8 * self.size)) - 1

    def header_for(self, length: int) -> bytes:
        """The header of a message of ``length`` bytes; LengthHeaderError when too long."""
        if length > self.largest:
            raise LengthHeaderError(
                QT_TRANSLATE_NOOP(
                    "LengthHeader",
                    "{length} bytes do not fit a {size}-byte length header (at most {largest})",
                ).format(length=length, size=self.size, largest=self.largest)
            )
        return length.to_bytes(self.size, self.byteorder)

    def wrap(self, data: bytes) -> bytes:
        return self.header_for(len(data)) + data

    @classmethod
    def of_framing(cls, spec: FramingSpec) -> LengthHeader | None:
        """The header that frames a message for a receiver using ``spec``; None unless it
        frames by a length prefix that counts only the body."""
        if spec.kind is not FramingKind.LENGTH_PREFIX or spec.length_includes_header:
            return None
        return cls(spec.prefix_size, spec.byteorder)

    def framing(self) -> FramingSpec:
        """The receiver's side: length-prefix framing that reads these messages back."""
        return FramingSpec(
            kind=FramingKind.LENGTH_PREFIX, prefix_size=self.size, byteorder=self.byteorder
        )
