"""Client connections: what to connect to, and opening it.

A client is a :class:`StreamPeer` (TCP, Unix stream, TLS) or a :class:`DatagramClient`
(UDP, Unix datagram). Once it is up, :mod:`netbench.net.socket_info` describes the socket.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from pathlib import Path

from netbench.core.text import QT_TRANSLATE_NOOP, Text, joined
from netbench.net.datagram import DatagramClient
from netbench.net.errors import NetError, check_port, describe_os_error
from netbench.net.event_route import EventRoute
from netbench.net.socket_kinds import SocketAddress, SocketKind
from netbench.net.stream import StreamPeer, format_address
from netbench.net.stream_client import open_stream

AnyClient = StreamPeer | DatagramClient

# OpenSSL's verify codes for the failures a person can do something about.
_UNTRUSTED_CODES = {2, 18, 19, 20, 21}
_EXPIRED_CODES = {9, 10}
_HOSTNAME_MISMATCH = 62


@dataclass(frozen=True)
class ClientConfig(SocketAddress):
    """Where to connect, then how: the timeout, TLS, and an optional local address."""

    timeout: float = 10.0
    tls_verify: bool = True
    ca_file: Path | None = None
    server_name: str = ""
    cert_file: Path | None = None  # a client certificate, for servers that ask for one
    key_file: Path | None = None  # its key, when not in the certificate file
    alpn: tuple[str, ...] = ()  # protocols offered in the handshake, e.g. ("h2", "http/1.1")
    local_host: str = ""  # bind before connecting: an address of this machine
    local_port: int = 0  # 0: the system picks

    @property
    def binds_locally(self) -> bool:
        return bool(self.local_host) or self.local_port != 0

    def target(self) -> str:
        if self.kind.uses_path:
            return str(self.path or "")
        return format_address((self.host, self.port))

    def validate(self) -> None:
        if self.kind.uses_path:
            if self.path is None:
                raise NetError(
                    QT_TRANSLATE_NOOP("ClientInfo", "enter the server's socket path"), "path"
                )
            return
        if not self.host:
            raise NetError(
                QT_TRANSLATE_NOOP("ClientInfo", "enter a host name or an address"), "host"
            )
        check_port(self.port, 1)
        if self.timeout <= 0:
            raise NetError(
                QT_TRANSLATE_NOOP("ClientInfo", "the connect timeout must be more than 0 ms"),
                "timeout",
            )
        if not 0 <= self.local_port <= 65535:
            raise NetError(
                QT_TRANSLATE_NOOP(
                    "ClientInfo", "local port {port} is out of range: use 0 to 65535"
                ).format(port=self.local_port),
                "local_port",
            )
        if self.ca_file is not None and not self.ca_file.is_file():
            raise NetError(
                QT_TRANSLATE_NOOP("ClientInfo", "the CA file {path} does not exist").format(
                    path=self.ca_file
                ),
                "ca_file",
            )
        if self.cert_file is not None and not self.cert_file.is_file():
            raise NetError(
                QT_TRANSLATE_NOOP(
                    "ClientInfo", "the certificate file {path} does not exist"
                ).format(path=self.cert_file),
                "cert_file",
            )
        if self.key_file is not None:
            if self.cert_file is None:
                raise NetError(
                    QT_TRANSLATE_NOOP("ClientInfo", "a key file needs its certificate file"),
                    "cert_file",
                )
            if not self.key_file.is_file():
                raise NetError(
                    QT_TRANSLATE_NOOP("ClientInfo", "the key file {path} does not exist").format(
                        path=self.key_file
                    ),
                    "key_file",
                )
        for protocol in self.alpn:
            if not protocol or len(protocol.encode()) > 255:
                raise NetError(
                    QT_TRANSLATE_NOOP(
                        "ClientInfo", "ALPN protocol names are 1 to 255 bytes: {name} is not"
                    ).format(name=repr(protocol)),
                    "alpn",
                )

    def local_address(self, ipv6: bool) -> tuple[str, int] | None:
        """Where to bind before connecting, or None to let the system choose.

        A bare local port binds the wildcard of the family the target resolved to.
        """
        if not self.binds_locally:
            return None
        return (self.local_host or ("::" if ipv6 else "0.0.0.0"), self.local_port)


def client_tls_context(config: ClientConfig) -> ssl.SSLContext:
    """The system's CAs (plus a custom CA file) with checks on, or no checks when insecure."""
    try:
        context = ssl.create_default_context(
            cafile=str(config.ca_file) if config.ca_file is not None else None
        )
    except (OSError, ssl.SSLError) as exc:
        raise NetError.because(
            QT_TRANSLATE_NOOP("ClientInfo", "the CA file {path} cannot be loaded: {reason}"),
            exc,
            "ca_file",
            path=config.ca_file,
        ) from exc
    if not config.tls_verify:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    if config.cert_file is not None:
        key = str(config.key_file) if config.key_file is not None else None
        try:
            context.load_cert_chain(str(config.cert_file), key)
        except ssl.SSLError as exc:
            field = "key_file" if "KEY" in (exc.reason or "") else "cert_file"
            raise NetError(
                QT_TRANSLATE_NOOP(
                    "ClientInfo", "the client certificate cannot be used: {reason}"
                ).format(reason=exc.reason or str(exc)),
                field,
            ) from exc
        except OSError as exc:
            raise NetError.because(
                QT_TRANSLATE_NOOP("ClientInfo", "the client certificate cannot be read: {reason}"),
                exc,
                "cert_file",
            ) from exc
    if config.alpn:
        context.set_alpn_protocols(list(config.alpn))
    return context


async def resolve(host: str, port: int, datagram: bool) -> list[tuple[str, str]]:
    """Every address ``host`` resolves to, in the order the system prefers (RFC 6724):
    (shown as "[::1]:9999", the bare address to connect to)."""
    loop = asyncio.get_running_loop()
    kind = socket.SOCK_DGRAM if datagram else socket.SOCK_STREAM
    try:
        infos = await loop.getaddrinfo(host, port, type=kind)
    except OSError as exc:
        raise describe_os_error(exc, host) from exc
    found: list[tuple[str, str]] = []
    for *_, address in infos:
        text = format_address(address)
        if all(text != seen for seen, _ in found):
            found.append((text, str(address[0])))
    return found


def _outcome(exc: NetError) -> str:
    """A failed attempt in a word or two, for the list of addresses tried."""
    cause = exc.__cause__
    if isinstance(cause, ConnectionRefusedError):
        return QT_TRANSLATE_NOOP("ClientInfo", "refused")
    if isinstance(cause, TimeoutError):
        return QT_TRANSLATE_NOOP("ClientInfo", "timed out")
    return exc.message


def _address_line(address: str, outcome: str) -> Text:
    """One line of the resolved-address list: "[::1]:9999 · refused"."""
    return Text("", "{address} · {outcome}", {"address": address, "outcome": outcome})


async def open_client(config: ClientConfig, route: EventRoute) -> tuple[AnyClient, list[str]]:
    """Connect as ``config`` says.

    Returns the client and the addresses the host resolved to, each with what became of
    it ("[::1]:9999 · refused", "127.0.0.1:9999 · used"). A stream connection tries them
    one by one in the system's order, within the one timeout, so a person sees why
    ``localhost`` ended up on 127.0.0.1 (or why it failed on every address).
    """
    config.validate()
    addresses: list[tuple[str, str]] = []
    if not config.kind.uses_path:
        addresses = await resolve(config.host, config.port, config.kind.is_datagram)
    local_addr = config.local_address(ipv6=bool(addresses) and addresses[0][0].startswith("["))
    if config.kind.is_datagram:
        client = await DatagramClient.open(config, route, local_addr=local_addr)
        used: list[str] = [
            _address_line(
                text,
                QT_TRANSLATE_NOOP("ClientInfo", "used")
                if i == 0
                else QT_TRANSLATE_NOOP("ClientInfo", "not used"),
            )
            for i, (text, _) in enumerate(addresses)
        ]
        return client, used
    context = client_tls_context(config) if config.kind is SocketKind.TLS else None
    server_hostname = (config.server_name or config.host) if context is not None else None

    async def attempt(host: str, timeout: float) -> StreamPeer:
        try:
            return await open_stream(
                replace(config, host=host),
                route,
                timeout=timeout,
                ssl_context=context,
                server_hostname=server_hostname,
                local_addr=local_addr,
            )
        except NetError as exc:
            raise _refine_tls_error(exc) from exc.__cause__

    if config.kind is SocketKind.UNIX:
        return await attempt("", config.timeout), []
    return await _first_that_answers(config, addresses, attempt)


async def _first_that_answers(
    config: ClientConfig,
    addresses: list[tuple[str, str]],
    attempt: Callable[[str, float], Awaitable[StreamPeer]],
) -> tuple[StreamPeer, list[str]]:
    """Try the resolved addresses in order within the one timeout; say what became of each."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + config.timeout
    outcomes: list[str] = []
    failure: NetError | None = None
    for index, (text, host) in enumerate(addresses):
        remaining = deadline - loop.time()
        if remaining <= 0:
            outcomes += [
                _address_line(later, QT_TRANSLATE_NOOP("ClientInfo", "not tried (out of time)"))
                for later, _ in addresses[index:]
            ]
            break
        try:
            peer = await attempt(host, remaining)
        except NetError as exc:
            if exc.field in ("tls", "ca_file", "server_name", "cert_file", "key_file"):
                raise  # the certificate is the same whichever address answers
            if exc.field in ("local_host", "local_port") and len(addresses) == 1:
                raise
            failure = exc
            outcomes.append(_address_line(text, _outcome(exc)))
            continue
        outcomes.append(_address_line(text, QT_TRANSLATE_NOOP("ClientInfo", "used")))
        outcomes += [
            _address_line(later, QT_TRANSLATE_NOOP("ClientInfo", "not needed"))
            for later, _ in addresses[index + 1 :]
        ]
        return peer, outcomes
    if failure is None:
        failure = NetError(
            QT_TRANSLATE_NOOP("ClientInfo", "timed out after {ms:.0f} ms").format(
                ms=config.timeout * 1000
            ),
            "host",
        )
    if len(addresses) > 1:
        raise NetError(
            QT_TRANSLATE_NOOP("ClientInfo", "{message} (tried {tried})").format(
                message=failure.message, tried=joined("; ", outcomes)
            ),
            failure.field,
        ) from failure.__cause__
    raise failure


def _refine_tls_error(exc: NetError) -> NetError:
    """Say what to do about a certificate that failed, next to the field that helps."""
    cause = exc.__cause__
    if not isinstance(cause, ssl.SSLCertVerificationError):
        return exc
    code = cause.verify_code
    if code == _HOSTNAME_MISMATCH:
        advice = QT_TRANSLATE_NOOP(
            "ClientInfo",
            "{message}; check the host, or enter the name the certificate is for as the "
            "server name",
        )
        field = "server_name"
    elif code in _UNTRUSTED_CODES:
        advice = QT_TRANSLATE_NOOP(
            "ClientInfo",
            "{message}; the certificate is not signed by a CA we trust: choose its CA file",
        )
        field = "ca_file"
    elif code in _EXPIRED_CODES:
        advice = QT_TRANSLATE_NOOP("ClientInfo", "{message}; the server must renew its certificate")
        field = "tls"
    else:
        return exc
    return NetError(advice.format(message=exc.message), field)
