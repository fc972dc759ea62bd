"""Socket errors in a person's words: what happened, where, and what to do next.

Every message is a :class:`~netbench.core.text.Text`: English for logs and tests, and
translatable by the UI (the operating system's own words inside stay as they are).
"""

from __future__ import annotations

import errno
import ipaddress
import re
import socket

from netbench.core.errors import MessageError
from netbench.core.text import QT_TRANSLATE_NOOP, Text


class NetError(MessageError):
    """An error to show next to the control named by ``field`` (e.g. "port", "path").

    ``message`` is the English sentence; when it was made from a marked template (a
    :class:`~netbench.core.text.Text`), the UI shows it in the user's language.
    """

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field

    @classmethod
    def because(
        cls, template: Text, exc: BaseException, field: str = "", **values: object
    ) -> NetError:
        """``template`` filled with ``values`` and, as ``{reason}``, what ``exc`` says: the
        words of the system or the library, shown as they came."""
        return cls(template.format(reason=str(exc), **values), field)


def check_port(port: int, lowest: int) -> None:
    """Raise NetError on the port field unless ``lowest <= port <= 65535``.

    A listener may ask for port 0 (the system then picks a free one), so its ``lowest`` is
    0; a client must name the port it connects to, so its ``lowest`` is 1.
    """
    if not lowest <= port <= 65535:
        template = QT_TRANSLATE_NOOP("NetErrors", "port {port} is out of range: use {low} to 65535")
        raise NetError(template.format(port=port, low=lowest), "port")


def _os_text(exc: BaseException) -> str:
    """The system's own words for ``exc`` (strerror), untranslated."""
    return getattr(exc, "strerror", None) or str(exc)


_ZONED = re.compile(r"\[?([0-9A-Fa-f:.]+)%([^\]\s]+)\]?")


def zone_id_misuse(target: str) -> NetError | None:
    """An IPv6 address with a zone id (``::1%lo``) that is not link-local: the system says
    "name not found", which does not tell what is wrong."""
    match = _ZONED.match(target)
    if match is None:
        return None
    address, zone = match.groups()
    try:
        parsed = ipaddress.IPv6Address(address)
    except ValueError:
        return None
    if parsed.is_link_local:
        return None
    return NetError(
        QT_TRANSLATE_NOOP(
            "NetErrors",
            "a zone id (%{zone}) needs a link-local address (fe80::…); {address} is not "
            "one: write it without %{zone}",
        ).format(zone=zone, address=address),
        "host",
    )


# What a bind or connect error number means for ``target``, and the field it belongs to.
_TARGET_ERRORS: dict[int, tuple[Text, str]] = {
    errno.EADDRINUSE: (
        QT_TRANSLATE_NOOP("NetErrors", "{target} is already in use by another socket"),
        "port",
    ),
    errno.EACCES: (
        QT_TRANSLATE_NOOP(
            "NetErrors",
            "permission denied for {target}: ports below 1024 and protected paths need "
            "privileges; pick a port of 1024 or more",
        ),
        "port",
    ),
    errno.EADDRNOTAVAIL: (
        QT_TRANSLATE_NOOP("NetErrors", "{target} is not an address of this machine"),
        "host",
    ),
    errno.ECONNRESET: (QT_TRANSLATE_NOOP("NetErrors", "connection reset by {target}"), "host"),
}


def describe_os_error(exc: BaseException, target: str) -> NetError:
    """Turn an exception from bind/connect on ``target`` into a :class:`NetError`."""
    if isinstance(exc, NetError):
        return exc
    if isinstance(exc, socket.gaierror):
        zone = zone_id_misuse(target)
        if zone is not None:
            return zone
        return NetError(
            QT_TRANSLATE_NOOP("NetErrors", "name not found: {target} ({reason})").format(
                target=target, reason=exc.strerror
            ),
            "host",
        )
    if isinstance(exc, ConnectionRefusedError):
        return NetError(
            QT_TRANSLATE_NOOP(
                "NetErrors", "connection refused by {target}: nothing is listening there"
            ).format(target=target),
            "port",
        )
    if isinstance(exc, TimeoutError):
        return NetError(
            QT_TRANSLATE_NOOP("NetErrors", "timed out connecting to {target}").format(
                target=target
            ),
            "host",
        )
    code = getattr(exc, "errno", None)
    if code in _TARGET_ERRORS:
        template, field = _TARGET_ERRORS[code]
        return NetError(template.format(target=target), field)
    text = _os_text(exc)
    if code in (errno.ENETUNREACH, errno.EHOSTUNREACH):
        return NetError(
            QT_TRANSLATE_NOOP("NetErrors", "{target} is unreachable: {reason}").format(
                target=target, reason=text
            ),
            "host",
        )
    if "path too long" in str(exc):
        return NetError(
            QT_TRANSLATE_NOOP("NetErrors", "the Unix socket path is too long: {target}").format(
                target=target
            ),
            "path",
        )
    return NetError(
        QT_TRANSLATE_NOOP("NetErrors", "{target}: {reason}").format(target=target, reason=text)
    )


# What a client's local bind error number means, in words that may name the local
# ``host``, ``port`` or both (``where``), and the field it belongs to.
_BIND_ERRORS: dict[int, tuple[Text, str]] = {
    errno.EADDRINUSE: (
        QT_TRANSLATE_NOOP("NetErrors", "local port {port} is already in use by another socket"),
        "local_port",
    ),
    errno.EACCES: (
        QT_TRANSLATE_NOOP(
            "NetErrors", "permission denied binding {where}: pick a port of 1024 or more"
        ),
        "local_port",
    ),
    errno.EADDRNOTAVAIL: (
        QT_TRANSLATE_NOOP("NetErrors", "{host} is not an address of this machine"),
        "local_host",
    ),
}


def describe_bind_error(exc: OSError, local: tuple[str, int]) -> NetError:
    """A client's local bind failed: say so next to the local address or port."""
    host, port = local
    code = getattr(exc, "errno", None)
    where: str
    if port:
        where = QT_TRANSLATE_NOOP("NetErrors", "{host} port {port}").format(host=host, port=port)
    else:
        where = host
    if code in _BIND_ERRORS:
        template, field = _BIND_ERRORS[code]
        return NetError(template.format(host=host, port=port, where=where), field)
    if "no matching local address" in str(exc):
        return NetError(
            QT_TRANSLATE_NOOP(
                "NetErrors", "{host} cannot reach the target: its family (IPv4 or IPv6) differs"
            ).format(host=host),
            "local_host",
        )
    return NetError(
        QT_TRANSLATE_NOOP("NetErrors", "cannot bind {where}: {reason}").format(
            where=where, reason=_os_text(exc)
        ),
        "local_host",
    )
