"""Why an address or network the user typed is not one, and where in the text."""

from __future__ import annotations

from netbench.core.errors import PositionedError
from netbench.core.text import QT_TRANSLATE_NOOP, Text


class AddressError(PositionedError):
    """Input that is not an address, network, port spec or count the calculator can use."""


def at(position: int) -> Text:
    """ "at character N" for a 0-based ``position``."""
    return QT_TRANSLATE_NOOP("Lookup", "at character {n}").format(n=position + 1)
