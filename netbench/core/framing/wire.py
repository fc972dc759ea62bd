"""A framing spec on the wire: the framer for what arrives, the encoding of what is sent."""

from __future__ import annotations

from netbench.core.framing.delimiter import DelimiterFramer
from netbench.core.framing.fixed_length import FixedLengthFramer
from netbench.core.framing.frames import Framer, RawFramer
from netbench.core.framing.length_prefix import LengthPrefixFramer
from netbench.core.framing.spec import FramingKind, FramingSpec
from netbench.core.text import plural


def make_framer(spec: FramingSpec) -> Framer:
    """Build the framer for ``spec``, validating it first."""
    spec.validate()
    kind = FramingKind(spec.kind)
    if kind is FramingKind.DELIMITER:
        return DelimiterFramer(spec)
    if kind is FramingKind.FIXED:
        return FixedLengthFramer(spec)
    if kind is FramingKind.LENGTH_PREFIX:
        return LengthPrefixFramer(spec)
    return RawFramer(spec)


def encode_frame(data: bytes, spec: FramingSpec) -> bytes:
    """Wrap one message the way a receiver using ``spec`` expects it.

    ``max_frame`` is deliberately not enforced, so the user can send an oversized frame to
    test a server's guard. A DELIMITER message that itself contains the delimiter is sent
    as is, and the receiver will see it as several frames.
    """
    spec.validate()
    kind = FramingKind(spec.kind)
    if kind is FramingKind.DELIMITER:
        return data + spec.delimiter
    if kind is FramingKind.FIXED:
        if len(data) != spec.fixed_length:
            raise ValueError(
                f"message is {plural(len(data), 'byte')} but fixed framing "
                f"needs exactly {plural(spec.fixed_length, 'byte')}"
            )
        return bytes(data)
    if kind is FramingKind.LENGTH_PREFIX:
        header = spec.prefix_size
        length = len(data) + (header if spec.length_includes_header else 0)
        limit = (1 << (8 * header)) - 1
        if length > limit:
            largest = limit - (header if spec.length_includes_header else 0)
            raise ValueError(
                f"message of {len(data)} bytes does not fit a {header}-byte length prefix "
                f"(at most {largest} bytes)"
            )
        return length.to_bytes(header, spec.byteorder) + data
    return bytes(data)
