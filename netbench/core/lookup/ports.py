"""Port specs as people type them: ``22,80,443``, ``8000-8100``, ``http,ssh,8000-8100``.

The result is a sorted tuple without repeats, so a scan's order and its report do not
depend on how the spec was written; :func:`format_ports` writes it back compactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from netbench.core.lookup.address_errors import AddressError, at
from netbench.core.lookup.services import ServiceTable, load_services
from netbench.core.text import QT_TRANSLATE_NOOP

_ITEM = re.compile(r"[^,\s]+")


def parse_ports(
    spec: str, table: ServiceTable | None = None, protocol: str = "tcp"
) -> tuple[int, ...]:
    """Every port ``spec`` names (1-65535), sorted; :class:`AddressError` with a position."""
    ports: set[int] = set()
    for match in _ITEM.finditer(spec):
        ports.update(_item(match.group(), match.start(), table, protocol))
    if not ports:
        raise AddressError(
            QT_TRANSLATE_NOOP("Lookup", "type ports, such as 22,80,8000-8100 or http,ssh"), 0
        )
    return tuple(sorted(ports))


def _item(item: str, start: int, table: ServiceTable | None, protocol: str) -> range:
    if not item[0].isdigit():  # a service name, which may itself hold dashes (kerberos-adm)
        port = _service(item, start, table, protocol)
        return range(port, port + 1)
    low_text, dash, high_text = item.partition("-")
    low = _number(low_text, start)
    if not dash:
        return range(low, low + 1)
    high = _number(high_text, start + len(low_text) + 1)
    if low > high:
        raise AddressError(
            QT_TRANSLATE_NOOP("Lookup", "the range {item} {where} runs backwards").format(
                item=item, where=at(start)
            ),
            start,
        )
    return range(low, high + 1)


def _number(text: str, position: int) -> int:
    if text.isdigit() and 1 <= int(text) <= 65535:
        return int(text)
    raise AddressError(
        QT_TRANSLATE_NOOP("Lookup", "{text} {where} is not a port from 1 to 65535").format(
            text=text or '""', where=at(position)
        ),
        position,
    )


def _service(name: str, position: int, table: ServiceTable | None, protocol: str) -> int:
    port = (table or load_services()).port_of(name, protocol)
    if port is None:
        raise AddressError(
            QT_TRANSLATE_NOOP(
                "Lookup", "{name} {where} is neither a port number nor a {protocol} service"
            ).format(name=name, where=at(position), protocol=protocol),
            position,
        )
    if port == 0:
        raise AddressError(
            QT_TRANSLATE_NOOP(
                "Lookup", "{name} {where} is port 0, which cannot be contacted"
            ).format(name=name, where=at(position)),
            position,
        )
    return port


def format_ports(ports: Iterable[int]) -> str:
    """``[22, 80, 81, 82]`` -> ``"22,80-82"``."""
    parts: list[str] = []
    run: list[int] = []
    for port in sorted(set(ports)):
        if run and port == run[-1] + 1:
            run.append(port)
            continue
        if run:
            parts.append(_run_text(run))
        run = [port]
    if run:
        parts.append(_run_text(run))
    return ",".join(parts)


def _run_text(run: list[int]) -> str:
    return str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}"
