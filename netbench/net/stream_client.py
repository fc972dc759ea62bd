"""Opening a TCP, TLS or Unix stream client, and the words for why a connect failed."""

from __future__ import annotations

import asyncio
import ssl
from typing import Any

from netbench.core.framing.spec import FramingSpec
from netbench.core.text import QT_TRANSLATE_NOOP
from netbench.net.errors import NetError, check_port, describe_bind_error, describe_os_error
from netbench.net.event_route import EventRoute
from netbench.net.socket_kinds import SocketAddress
from netbench.net.stream import PeerPolicy, PeerSetup, StreamPeer, format_address


async def open_stream(
    where: SocketAddress,
    route: EventRoute,
    *,
    framing: FramingSpec | None = None,
    timeout: float = 10.0,
    ssl_context: ssl.SSLContext | None = None,
    server_hostname: str | None = None,
    local_addr: tuple[str, int] | None = None,
) -> StreamPeer:
    """Connect a client to ``where`` (a Unix kind's path, any other's host and port);
    errors come back as :class:`NetError` in the user's words.

    With ``ssl_context`` the connection is TLS; ``server_hostname`` is the name sent (SNI)
    and checked against the certificate (the host by default). ``local_addr`` binds the
    socket first (TCP only), for servers that care which port a client comes from.
    """
    where.check_family(datagram=False)
    loop = asyncio.get_running_loop()
    spec = framing or FramingSpec()
    label = route.named(f"{where.kind} client")
    host, port, path = where.host, where.port, where.path
    target = str(path) if where.kind.uses_path else format_address((host, port))

    # A client keeps its side open after the server's FIN: the user may still send.
    policy = PeerPolicy(framing=spec, keep_half_open=True)

    def factory() -> StreamPeer:
        return StreamPeer(PeerSetup(label, route.sink, route.gate, policy), target)

    extra: dict[str, Any] = {}
    if ssl_context is not None:
        extra = {"ssl": ssl_context, "server_hostname": server_hostname}

    try:
        if where.kind.uses_path:
            if path is None:
                raise NetError(
                    QT_TRANSLATE_NOOP("Stream", "a Unix client needs a socket path"), "path"
                )
            connecting = loop.create_unix_connection(factory, str(path), **extra)
        else:
            check_port(port, 1)
            if local_addr is not None:
                extra["local_addr"] = local_addr
            connecting = loop.create_connection(factory, host, port, **extra)
        _, peer = await asyncio.wait_for(connecting, timeout)
    except TimeoutError as exc:
        raise NetError(timed_out(timeout, target)) from exc
    except ssl.SSLCertVerificationError as exc:
        raise NetError(verification_failed(exc, target), "tls") from exc
    except ssl.SSLError as exc:
        raise NetError(handshake_failed(exc, target), "tls") from exc
    except OSError as exc:
        if local_addr is not None and _is_bind_error(exc):
            raise describe_bind_error(exc, local_addr) from exc
        raise describe_os_error(exc, target) from exc
    return peer


def timed_out(timeout: float, target: str) -> str:
    return QT_TRANSLATE_NOOP("Stream", "timed out after {ms:.0f} ms connecting to {target}").format(
        ms=timeout * 1000, target=target
    )


def verification_failed(exc: ssl.SSLCertVerificationError, target: str) -> str:
    """The certificate check failed; OpenSSL's reason (its own words) is kept."""
    reason = exc.verify_message or exc.reason or str(exc)
    return QT_TRANSLATE_NOOP("Stream", "TLS verification failed for {target}: {reason}").format(
        target=target, reason=reason
    )


def handshake_failed(exc: ssl.SSLError, target: str) -> str:
    reason = exc.reason or str(exc)
    return QT_TRANSLATE_NOOP("Stream", "the TLS handshake with {target} failed: {reason}").format(
        target=target, reason=reason
    )


def _is_bind_error(exc: OSError) -> bool:
    """asyncio says "while attempting to bind" when the local address is at fault."""
    text = str(exc)
    return "bind" in text or "local address" in text
