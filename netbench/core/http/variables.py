"""``{{name}}`` variables in URLs, headers and bodies, with named environments.

An environment ("local", "staging") is a set of values; the global values apply in every
environment unless it sets its own. A name no environment knows is an error that says
which name and where it is, so the user can jump to it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from netbench.core.errors import MessageError
from netbench.core.text import QT_TRANSLATE_NOOP

_VARIABLE = re.compile(r"\{\{\s*([A-Za-z0-9_.\-]+)\s*\}\}")


class VariableError(MessageError, KeyError):
    """A ``{{name}}`` with no value, at ``position`` in the text."""

    def __init__(self, message: str, name: str, position: int) -> None:
        super().__init__(message)
        self.name = name
        self.position = position


def names_in(text: str) -> list[str]:
    return [m.group(1) for m in _VARIABLE.finditer(text)]


def substitute(text: str, values: Mapping[str, str]) -> str:
    """``text`` with every ``{{name}}`` replaced; an unknown name raises VariableError."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise VariableError(
                QT_TRANSLATE_NOOP(
                    "HttpVariables", "unknown variable {name} at position {position}"
                ).format(name=name, position=match.start() + 1),
                name,
                match.start(),
            )
        return values[name]

    return _VARIABLE.sub(replace, text)


@dataclass
class Environments:
    shared: dict[str, str] = field(default_factory=dict)
    named: dict[str, dict[str, str]] = field(default_factory=dict)

    def values(self, environment: str = "") -> dict[str, str]:
        return {**self.shared, **self.named.get(environment, {})}

    def resolve(self, text: str, environment: str = "") -> str:
        return substitute(text, self.values(environment))
