"""The socket module's own answers, exactly as Python prints them, for the lessons.

The tutorials call ``socket.inet_aton('127.1')`` or ``socket.getservbyname('mysql')`` and
show the REPL's output; the tab shows the same calls with their ``repr`` beside our
friendlier rendering. These calls are quick (no network: getservby* read
/etc/services), so they run directly.
"""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Callable
from dataclasses import dataclass

from netbench.core.lookup.addresses import NetworkReport
from netbench.core.lookup.addresses import calculate as calculate_strictly


@dataclass(frozen=True, slots=True)
class CallResult:
    """``call`` as typed at the REPL, and what it printed: ``result`` or ``error``."""

    call: str
    result: str = ""
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error

    def to_text(self) -> str:
        return f">>> {self.call}\n{self.result if self.ok else self.error}"


def call(fn: Callable[..., object], *args: object, shown: str = "") -> CallResult:
    """Call ``socket.<fn>(*args)`` and keep the repr of what came back or was raised."""
    text = shown or ", ".join(repr(arg) for arg in args)
    expression = f"socket.{fn.__name__}({text})"
    try:
        return CallResult(expression, result=repr(fn(*args)))
    except OSError as exc:
        return CallResult(expression, error=repr(exc))


def address_calls(text: str) -> tuple[CallResult, ...]:
    """inet_aton / inet_ntoa / inet_pton / inet_ntop on ``text``, as the lessons show them."""
    calls = [call(socket.inet_aton, text)]
    with contextlib.suppress(OSError):
        calls.append(call(socket.inet_ntoa, socket.inet_aton(text)))
    family = socket.AF_INET6 if ":" in text else socket.AF_INET
    name = "socket.AF_INET6" if family == socket.AF_INET6 else "socket.AF_INET"
    calls.append(call(socket.inet_pton, family, text, shown=f"{name}, {text!r}"))
    try:
        packed = socket.inet_pton(family, text)
    except OSError:
        return tuple(calls)
    calls.append(call(socket.inet_ntop, family, packed, shown=f"{name}, {packed!r}"))
    return tuple(calls)


def service_calls(name_or_port: str, protocol: str = "tcp") -> tuple[CallResult, ...]:
    """getservbyname('mysql') or getservbyport(3306), with and without the protocol."""
    text = name_or_port.strip()
    if text.isdigit():
        return (
            call(socket.getservbyport, int(text)),
            call(socket.getservbyport, int(text), protocol),
        )
    return (call(socket.getservbyname, text), call(socket.getservbyname, text, protocol))


def inet_aton_meaning(text: str) -> str | None:
    """What the C library reads ``text`` as (``127.1`` -> ``127.0.0.1``), or None.

    ``inet_aton`` is what ``getaddrinfo`` uses for numeric IPv4 hosts, so this is what a
    connect to ``text`` would really reach.
    """
    try:
        return socket.inet_ntoa(socket.inet_aton(text))
    except (OSError, ValueError):
        return None


def calculate(text: str) -> NetworkReport:
    """The address calculator, reading lenient IPv4 forms as the C library does."""
    return calculate_strictly(text, reinterpret=inet_aton_meaning)
