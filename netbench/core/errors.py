"""Errors the core raises for input a user typed, so the UI can point at the culprit."""

from __future__ import annotations


class PayloadError(ValueError):
    """A payload the user typed cannot be turned into bytes.

    It carries the 0-based character position of the problem so the editor can put the
    cursor there, and a plain-English message that already names that position.
    """

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.message = message
        self.position = position

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[type[PayloadError], tuple[str, int]]:
        # The default reduce would call PayloadError(message) and lose the position.
        return (type(self), (self.message, self.position))
