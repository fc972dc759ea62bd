"""An attribute that is another object's, read each time it is asked for and never stored:
``bytes_in = Delegated[int]("meter.bytes_in")``.

Panels and models show what one of their parts knows (a meter's counts, a ring's totals,
the view options' choice) under a name of their own, so callers need not know which part
holds it. Written out, each was a property of three lines that differed only in names; one
descriptor says the same once, and the dotted path says where the value lives.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Generic, TypeVar, overload

T = TypeVar("T")


class Delegated(Generic[T]):
    """The value at ``path`` (dotted, from the instance), read-only like a property.

    ``T`` is the value's type, given where it is declared (``Delegated[int](...)``), so type
    checkers see the attribute as a ``T``.
    """

    def __init__(self, path: str, doc: str = "") -> None:
        self.path = path
        self.read = attrgetter(path)
        self.__doc__ = doc or f"The same as ``{path}``."

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> Delegated[T]: ...

    @overload
    def __get__(self, obj: object, owner: type | None = None) -> T: ...

    def __get__(self, obj: object | None, owner: type | None = None) -> T | Delegated[T]:
        if obj is None:  # looked up on the class: the descriptor itself, as with property
            return self
        value: T = self.read(obj)
        return value

    def __set__(self, obj: object, value: object) -> None:
        raise AttributeError(f"read-only: it is {self.path}")
