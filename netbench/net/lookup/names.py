"""Names and addresses through the system's resolver: what ``getent`` and the tutorials do.

Everything goes through the C library (so /etc/hosts, nsswitch and mDNS are honoured) in
an executor or ``loop.getaddrinfo``, never on the loop's thread. getaddrinfo cannot be
interrupted: on a timeout the call is abandoned and finishes on its worker thread.
"""

from __future__ import annotations

import asyncio
import errno
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass

from netbench.core.text import QT_TRANSLATE_NOOP, Text
from netbench.net.lookup.sockcalls import CallResult, call

DEFAULT_TIMEOUT = 10.0


@dataclass(frozen=True, slots=True)
class HostNames:
    """What this machine calls itself: its short host name, and the full name DNS or
    /etc/hosts gives it."""

    hostname: str  # socket.gethostname()
    fqdn: str  # socket.getfqdn(): may ask DNS, so it is looked up in an executor

    def to_text(self) -> str:
        return f"host name  {self.hostname}\nFQDN       {self.fqdn}"


@dataclass(frozen=True, slots=True)
class AddressInfo:
    """One row of getaddrinfo's answer; ``index`` is its place in the system's order (1-based)."""

    index: int
    family: str
    socktype: str
    protocol: str
    canonname: str
    address: str
    port: int


@dataclass(frozen=True, slots=True)
class ForwardResult:
    name: str
    infos: tuple[AddressInfo, ...]
    seconds: float
    error: Text | None = None

    @property
    def addresses(self) -> tuple[str, ...]:
        """Distinct addresses in the system's preferred order (what a connect tries first)."""
        return tuple(dict.fromkeys(info.address for info in self.infos))

    @property
    def canonical_name(self) -> str:
        return next((info.canonname for info in self.infos if info.canonname), "")

    def to_text(self) -> str:
        if self.error:
            return f"{self.name}: {self.error}"
        lines = [f"{self.name}: canonical name {self.canonical_name or '-'}"]
        lines += [
            f"{i.index:>2}. {i.address:<40} {i.family:<9} {i.socktype:<12} {i.protocol}"
            for i in self.infos
        ]
        lines.append(f"({self.seconds * 1000:.1f} ms)")
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class ReverseResult:
    address: str
    name: str
    seconds: float
    error: Text | None = None

    def to_text(self) -> str:
        return f"{self.address}: {self.error or self.name}"


def _enum_name(value: int, prefix: str, kind: Callable[[int], object]) -> str:
    try:
        return getattr(kind(value), "name", str(value))
    except ValueError:
        return f"{prefix}{value}"


async def host_names() -> HostNames:
    loop = asyncio.get_running_loop()
    fqdn = await loop.run_in_executor(None, socket.getfqdn)
    return HostNames(socket.gethostname(), fqdn)


async def forward_lookup(
    name: str, family: int = socket.AF_UNSPEC, timeout: float = DEFAULT_TIMEOUT
) -> ForwardResult:
    """Every (family, socket type) the system returns for ``name``, in its order."""
    loop = asyncio.get_running_loop()
    started = time.perf_counter()
    try:
        rows = await asyncio.wait_for(
            loop.getaddrinfo(name, None, family=family, flags=socket.AI_CANONNAME), timeout
        )
    except (OSError, TimeoutError) as exc:
        return ForwardResult(
            name, (), time.perf_counter() - started, describe_lookup_error(exc, name)
        )
    infos = tuple(
        AddressInfo(
            index=index,
            family=_enum_name(fam, "family ", socket.AddressFamily),
            socktype=_enum_name(kind, "type ", socket.SocketKind),
            protocol=_protocol_name(proto),
            canonname=canon,
            address=str(sockaddr[0]),
            port=int(sockaddr[1]),
        )
        for index, (fam, kind, proto, canon, sockaddr) in enumerate(rows, start=1)
    )
    return ForwardResult(name, infos, time.perf_counter() - started)


def _protocol_name(number: int) -> str:
    names = {socket.IPPROTO_TCP: "IPPROTO_TCP", socket.IPPROTO_UDP: "IPPROTO_UDP", 0: "0"}
    return names.get(number, f"IPPROTO {number}")


async def reverse_lookup(address: str, timeout: float = DEFAULT_TIMEOUT) -> ReverseResult:
    """The name the system gives ``address`` (getnameinfo with NI_NAMEREQD)."""
    loop = asyncio.get_running_loop()
    started = time.perf_counter()
    try:
        infos = await loop.getaddrinfo(address, 0, flags=socket.AI_NUMERICHOST)
        found = str(infos[0][4][0])
        sockaddr = (found, 0) if infos[0][0] == socket.AF_INET else (found, 0, 0, 0)
        host, _ = await asyncio.wait_for(loop.getnameinfo(sockaddr, socket.NI_NAMEREQD), timeout)
    except (OSError, TimeoutError) as exc:
        error = describe_lookup_error(exc, address)
        return ReverseResult(address, "", time.perf_counter() - started, error)
    return ReverseResult(address, host, time.perf_counter() - started)


async def tutorial_calls(name: str, timeout: float = DEFAULT_TIMEOUT) -> tuple[CallResult, ...]:
    """gethostbyname, gethostbyname_ex and gethostbyaddr on ``name``, as the REPL shows them."""
    loop = asyncio.get_running_loop()

    def run() -> tuple[CallResult, ...]:
        return (
            call(socket.gethostbyname, name),
            call(socket.gethostbyname_ex, name),
            call(socket.gethostbyaddr, name),
        )

    return await asyncio.wait_for(loop.run_in_executor(None, run), timeout)


def describe_lookup_error(exc: BaseException, name: str) -> Text:
    """A resolver failure in a person's words, the library's own words kept in brackets."""
    if isinstance(exc, TimeoutError):
        return QT_TRANSLATE_NOOP("Lookup", "no answer for {name}: the lookup timed out").format(
            name=name
        )
    code = getattr(exc, "errno", None)
    reason = getattr(exc, "strerror", None) or str(exc)
    if isinstance(exc, socket.gaierror | socket.herror):
        template = _GAI_WORDS.get(code) if isinstance(exc, socket.gaierror) else None
        if isinstance(exc, socket.herror):
            template = _HERROR_WORDS.get(code)
        if template is not None:
            return template.format(name=name, reason=reason)
    if code in (errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN):
        return QT_TRANSLATE_NOOP("Lookup", "no network to look up {name} ({reason})").format(
            name=name, reason=reason
        )
    return QT_TRANSLATE_NOOP("Lookup", "cannot look up {name}: {reason}").format(
        name=name, reason=reason
    )


_NO_SUCH_NAME = QT_TRANSLATE_NOOP("Lookup", "no such name: {name} ({reason})")
_NO_DATA = QT_TRANSLATE_NOOP("Lookup", "{name} exists, but has no data of that type ({reason})")
_TRY_AGAIN = QT_TRANSLATE_NOOP(
    "Lookup",
    "temporary failure looking up {name}: the name server did not answer or failed; "
    "try again, and check the network ({reason})",
)
_FAILED = QT_TRANSLATE_NOOP(
    "Lookup", "the name server failed for {name}: a permanent error ({reason})"
)
_GAI_WORDS: dict[int | None, Text] = {
    socket.EAI_NONAME: _NO_SUCH_NAME,
    socket.EAI_AGAIN: _TRY_AGAIN,
    socket.EAI_FAIL: _FAILED,
    socket.EAI_FAMILY: QT_TRANSLATE_NOOP(
        "Lookup", "{name}: this system does not support that address family ({reason})"
    ),
}
for _code in ("EAI_NODATA", "EAI_ADDRFAMILY"):  # glibc only
    if hasattr(socket, _code):
        _GAI_WORDS[getattr(socket, _code)] = _NO_DATA
_HERROR_WORDS: dict[int | None, Text] = {1: _NO_SUCH_NAME, 2: _TRY_AGAIN, 3: _FAILED, 4: _NO_DATA}
