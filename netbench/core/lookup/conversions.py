"""One address in every form a lesson shows: dotted, integer, hex, binary, packed bytes.

The numbers come from ``ipaddress`` (``int()``, ``.packed``); this module only formats
them and reads them back, so a round trip through any form is the same address.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass

from netbench.core.lookup.address_errors import AddressError
from netbench.core.lookup.special_ranges import Address
from netbench.core.text import QT_TRANSLATE_NOOP


@dataclass(frozen=True, slots=True)
class AddressForms:
    address: Address
    text: str  # dotted quad or compressed IPv6
    exploded: str
    integer: int
    hex: str  # 0x7f000001
    binary: str  # 8-bit groups for IPv4, 16-bit for IPv6, dot or colon separated
    packed: bytes
    packed_repr: str  # b'\x7f\x00\x00\x01', as Python prints it
    ipv4_mapped: str | None  # ::ffff:127.0.0.1 for IPv4; the IPv4 inside for a mapped IPv6
    reverse_pointer: str

    def to_text(self) -> str:
        rows = [
            ("address", self.text),
            ("exploded", self.exploded),
            ("integer", str(self.integer)),
            ("hex", self.hex),
            ("binary", self.binary),
            ("packed", self.packed_repr),
            ("IPv4-mapped", self.ipv4_mapped or "-"),
            ("reverse", self.reverse_pointer),
        ]
        return "\n".join(f"{name:12} {value}" for name, value in rows)


def forms_of(address: Address) -> AddressForms:
    bits = address.max_prefixlen
    width = 8 if address.version == 4 else 16
    raw = f"{int(address):0{bits}b}"
    groups = [raw[i : i + width] for i in range(0, bits, width)]
    if isinstance(address, ipaddress.IPv4Address):
        mapped: str | None = str(ipaddress.IPv6Address(f"::ffff:{address}"))
    else:
        inner = address.ipv4_mapped
        mapped = str(inner) if inner is not None else None
    return AddressForms(
        address=address,
        text=str(address),
        exploded=address.exploded,
        integer=int(address),
        hex=f"0x{int(address):0{bits // 4}x}",
        binary=("." if address.version == 4 else ":").join(groups),
        packed=address.packed,
        packed_repr=repr(address.packed),
        ipv4_mapped=mapped,
        reverse_pointer=address.reverse_pointer,
    )


def parse_form(text: str, version: int = 4) -> Address:
    """Read an address written in any of :func:`forms_of`'s forms back.

    Dotted or IPv6 text, a decimal integer, ``0x`` hex, or binary (``0b`` or only 0s and 1s
    of the full width, groups separated by ``.``, ``:``, spaces or ``_``). ``version``
    decides what a bare number is.
    """
    value = text.strip()
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        pass
    bits = 32 if version == 4 else 128
    digits = value.lower().replace("_", "")
    if set(digits) <= set("01.: "):
        digits = re.sub(r"[.: ]", "", digits)
    try:
        if digits.startswith("0x"):
            number = int(digits, 16)
        elif digits.startswith("0b") or (len(digits) == bits and set(digits) <= {"0", "1"}):
            number = int(digits, 2)
        else:
            number = int(digits, 10)
        return ipaddress.IPv4Address(number) if version == 4 else ipaddress.IPv6Address(number)
    except ValueError:
        raise AddressError(
            QT_TRANSLATE_NOOP(
                "Lookup",
                "{text} is not an IPv{version} address, integer (0 to {top}), 0x hex or "
                "{bits}-bit binary number",
            ).format(text=value, version=version, top=f"{2**bits - 1:,}", bits=bits)
        ) from None
