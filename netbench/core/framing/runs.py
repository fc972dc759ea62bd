"""The messages of one read, kept as the bytes they arrived in and cut only when read.

A flood of short lines is millions of messages a second. Cutting each read into one bytes
object per message (``bytes.split``) was most of the receiving thread's work, and most of
those messages are only ever counted: the window shows the newest few thousand per update.
A :class:`DelimitedRun` keeps the read's complete lines as one bytes object with their
count (``bytes.count``, in C, no allocation) and cuts them when someone asks, and then only
the ones asked for: the tail the transcript shows, or all of them for an automatic reply.

It is a ``Sequence[bytes]``, so code that indexes, slices or iterates the messages of a
read works the same on it and on a plain list. :func:`payload_size` gives the bytes of
the messages without cutting them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import repeat
from operator import add
from typing import overload


class DelimitedRun(Sequence[bytes]):
    """``count`` messages: ``head`` (a message that began in an earlier read, or none),
    then the lines of ``body``, each followed by ``delimiter`` in ``body``.

    With ``keep`` the messages include their delimiter, as the framer was asked to.
    """

    __slots__ = ("_count", "body", "delimiter", "head", "keep")

    def __init__(
        self, head: bytes | None, body: bytes, delimiter: bytes, keep: bool, lines: int
    ) -> None:
        self.head = head
        self.body = body
        self.delimiter = delimiter
        self.keep = keep
        self._count = lines + (head is not None)

    def __len__(self) -> int:
        return self._count

    def __repr__(self) -> str:
        return f"DelimitedRun({list(self)!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, DelimitedRun | list | tuple):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # compares like a list

    @property
    def payload_size(self) -> int:
        """Bytes of all the messages, without cutting them."""
        lines = self._count - (self.head is not None)
        size = len(self.body) - (0 if self.keep else lines * len(self.delimiter))
        return size + (len(self.head) if self.head is not None else 0)

    def _lines(self, last: int | None = None) -> list[bytes]:
        """The body's lines, or only its ``last`` ones (cut from the right)."""
        delimiter = self.body and self.delimiter
        inner = self.body[: -len(delimiter)] if delimiter else b""
        lines = self._count - (self.head is not None)
        if lines == 0:
            return []
        if last is None or last >= lines:
            pieces = inner.split(self.delimiter)
        else:
            pieces = inner.rsplit(self.delimiter, last)[1:] if last > 0 else []
        if self.keep:
            pieces = list(map(add, pieces, repeat(self.delimiter)))
        return pieces

    def tail(self, count: int) -> list[bytes]:
        """The last ``count`` messages, cutting no others."""
        if count <= 0:
            return []
        if count >= self._count:
            return list(self)
        return self._lines(count)

    def __iter__(self) -> Iterator[bytes]:
        if self.head is not None:
            yield self.head
        yield from self._lines()

    @overload
    def __getitem__(self, index: int) -> bytes: ...

    @overload
    def __getitem__(self, index: slice) -> list[bytes]: ...

    def __getitem__(self, index: int | slice) -> bytes | list[bytes]:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._count)
            if step == 1 and stop == self._count:
                return self.tail(stop - start)
            return list(self)[index]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError("message index out of range")
        return self.tail(self._count - index)[0]


def payload_size(messages: Sequence[bytes]) -> int:
    """Bytes of ``messages`` (a run's without cutting it)."""
    if isinstance(messages, DelimitedRun):
        return messages.payload_size
    return sum(map(len, messages))
