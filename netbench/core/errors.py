"""Errors the core raises for input a user typed, so the UI can point at the culprit."""

from __future__ import annotations


class MessageError(Exception):
    """An error a person reads: ``message`` as it was made (a :class:`~netbench.core.text.Text`
    stays one, for the UI to translate), and ``str()`` gives it as it is, where a KeyError
    would quote it. Subclasses add where the culprit is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class PositionedError(MessageError, ValueError):
    """Input the user typed is wrong at one place.

    ``position`` is the 0-based index of the culprit in what was typed (-1 when no one
    place is wrong), so an editor can put the cursor there; ``message`` already says it in
    words, counting characters from 1 as a person does.
    """

    def __init__(self, message: str, position: int = -1) -> None:
        super().__init__(message)
        self.position = position

    def __reduce__(self) -> tuple[type[PositionedError], tuple[str, int]]:
        # The default reduce would call the class with the message alone and lose the position.
        return (type(self), (self.message, self.position))


class PayloadError(PositionedError):
    """A payload the user typed cannot be turned into bytes."""


class SnippetError(MessageError, ValueError):
    """A saved-messages file (or one entry in it) cannot be read.

    The message is complete on its own and names the entry (1-based, as a person counts
    them, with its name when it has one) and the field, so an import that fails can say
    exactly what to fix. `entry` and `field` carry the same facts for code.
    """

    def __init__(self, message: str, entry: int | None = None, field: str | None = None) -> None:
        super().__init__(message)
        self.entry = entry
        self.field = field

    def __reduce__(self) -> tuple[type[SnippetError], tuple[str, int | None, str | None]]:
        return (type(self), (self.message, self.entry, self.field))


class RecordingError(MessageError, ValueError):
    """A recording (JSON Lines written by netbench) cannot be replayed as it is.

    The message is complete on its own: it names the file or the line (1-based, as an
    editor counts them) and what is wrong there. ``line`` carries the same number for code
    (None when the problem is the file as a whole: missing, a folder, empty).
    """

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line

    def __reduce__(self) -> tuple[type[RecordingError], tuple[str, int | None]]:
        return (type(self), (self.message, self.line))
