"""What a client's socket looks like once it is up, as the system sees it, and the TLS
session and certificate when there is one.

Call :func:`read_socket_info` on the engine's loop, which owns the socket.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import socket
import ssl
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from netbench.core.text import QT_TRANSLATE_NOOP
from netbench.net.clients import AnyClient
from netbench.net.stream import format_address

# -- what the socket looks like --------------------------------------------------------------


@dataclass(frozen=True)
class TlsInfo:
    version: str
    cipher: str
    subject: str
    issuer: str
    not_before: str
    not_after: str
    fingerprint: str  # SHA-256 of the DER certificate, colon-separated hex
    verified: bool
    alpn: str = ""  # the protocol the server chose, "" when none was negotiated
    client_certificate: bool = False  # whether we presented a certificate of our own


@dataclass(frozen=True)
class SocketInfo:
    family: str
    type: str
    local: str
    peer: str
    fd: int
    options: tuple[tuple[str, str], ...]
    resolved: tuple[str, ...] = ()
    tls: TlsInfo | None = None


_OPTIONS: tuple[tuple[str, int, int, bool], ...] = (
    ("SO_REUSEADDR", socket.SOL_SOCKET, socket.SO_REUSEADDR, True),
    ("TCP_NODELAY", socket.IPPROTO_TCP, socket.TCP_NODELAY, True),
    ("SO_KEEPALIVE", socket.SOL_SOCKET, socket.SO_KEEPALIVE, True),
    ("SO_RCVBUF", socket.SOL_SOCKET, socket.SO_RCVBUF, False),
    ("SO_SNDBUF", socket.SOL_SOCKET, socket.SO_SNDBUF, False),
)


async def read_socket_info(
    client: AnyClient, resolved: list[str], client_certificate: bool = False
) -> SocketInfo | None:
    """The socket behind ``client`` as the system reports it; None once it is gone."""
    transport: Any = client.transport
    if transport is None:
        return None
    sock = transport.get_extra_info("socket")
    if sock is None:
        return None
    info = describe_socket(sock, resolved)
    if info is None or info.peer == "":
        return None
    ssl_object = transport.get_extra_info("ssl_object")
    if ssl_object is not None:
        try:
            tls = _tls_info(ssl_object, client_certificate)
        except ValueError:  # the server ended the session as the handshake finished
            return None
        info = dataclasses.replace(info, tls=tls)
    return info


def describe_socket(sock: Any, resolved: Sequence[str] = ()) -> SocketInfo | None:
    """Family, type, addresses, descriptor and options of ``sock`` (an asyncio transport's
    socket, or a listening one: its peer is then ""); None once it is closed."""
    options: list[tuple[str, str]] = []
    tcp = sock.family in (socket.AF_INET, socket.AF_INET6) and sock.type == socket.SOCK_STREAM
    for name, level, option, is_flag in _OPTIONS:
        if level == socket.IPPROTO_TCP and not tcp:
            continue
        try:
            value = sock.getsockopt(level, option)
        except OSError:
            continue
        options.append((name, _option_value(value, is_flag)))
    try:
        local = format_address(sock.getsockname())
    except OSError:
        return None
    try:
        peer = format_address(sock.getpeername())
    except OSError:
        peer = ""  # listening, or a datagram socket that talks to anyone
    if sock.fileno() < 0:
        return None
    return SocketInfo(
        family=socket.AddressFamily(sock.family).name,
        type=socket.SocketKind(sock.type).name,
        local=local or QT_TRANSLATE_NOOP("ClientInfo", "(unnamed)"),
        peer=peer,
        fd=sock.fileno(),
        options=tuple(options),
        resolved=tuple(resolved),
    )


def listener_sockets(listener: Any) -> list[tuple[str, SocketInfo]]:
    """A listener's own sockets, then each connected peer's, named for a chooser: ""
    for a listening socket, the peer's address for a peer's (call on the engine's loop)."""
    found: list[tuple[str, SocketInfo]] = []
    transport = getattr(listener, "transport", None)
    own = list(getattr(listener, "sockets", []))
    if transport is not None and transport.get_extra_info("socket") is not None:
        own.append(transport.get_extra_info("socket"))
    for sock in own:
        info = describe_socket(sock)
        if info is not None:
            found.append(("", info))
    if transport is None:
        for name, peer in dict(getattr(listener, "peers", {})).items():
            peer_transport = getattr(peer, "transport", None)
            sock = peer_transport.get_extra_info("socket") if peer_transport else None
            info = describe_socket(sock) if sock is not None else None
            if info is not None:
                found.append((name, info))
    return found


def _option_value(value: int, is_flag: bool) -> str:
    """A flag is on or off; a buffer size is in bytes."""
    if not is_flag:
        return QT_TRANSLATE_NOOP("ClientInfo", "{size} B").format(size=value)
    return (
        QT_TRANSLATE_NOOP("ClientInfo", "on") if value else QT_TRANSLATE_NOOP("ClientInfo", "off")
    )


def _tls_info(ssl_object: ssl.SSLObject, client_certificate: bool) -> TlsInfo:
    from cryptography import x509  # imported when needed: it costs ~70 ms of start-up

    cipher = ssl_object.cipher()
    der = ssl_object.getpeercert(binary_form=True)
    subject = issuer = not_before = not_after = fingerprint = ""
    if der:
        cert = x509.load_der_x509_certificate(der)
        subject = cert.subject.rfc4514_string()
        issuer = cert.issuer.rfc4514_string()
        not_before = _date(cert.not_valid_before_utc)
        not_after = _date(cert.not_valid_after_utc)
        digest = hashlib.sha256(der).hexdigest().upper()
        fingerprint = ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))
    return TlsInfo(
        version=ssl_object.version() or "",
        cipher=cipher[0] if cipher else "",
        subject=subject,
        issuer=issuer,
        not_before=not_before,
        not_after=not_after,
        fingerprint=fingerprint,
        verified=ssl_object.context.verify_mode != ssl.CERT_NONE,
        alpn=ssl_object.selected_alpn_protocol() or "",
        client_certificate=client_certificate,
    )


def _date(moment: datetime.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")
