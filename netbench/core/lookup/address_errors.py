"""Why an address or network the user typed is not one, and where in the text."""

from __future__ import annotations

from netbench.core.text import QT_TRANSLATE_NOOP, Text


class AddressError(ValueError):
    """Input that is not an address, network, port spec or count the calculator can use.

    ``position`` is the 0-based index of the culprit in what was typed (-1 when no one
    place is wrong) so an editor can put the cursor there; ``message`` already says it
    in words, counting characters from 1 as a person does.
    """

    def __init__(self, message: str, position: int = -1) -> None:
        super().__init__(message)
        self.message = message
        self.position = position

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[type[AddressError], tuple[str, int]]:
        return (type(self), (self.message, self.position))


def at(position: int) -> Text:
    """ "at character N" for a 0-based ``position``."""
    return QT_TRANSLATE_NOOP("Lookup", "at character {n}").format(n=position + 1)
