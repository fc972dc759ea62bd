"""Connection pools kept per connection settings, so keep-alive works across exchanges.

Two requests with equal :class:`~netbench.core.http.model.ConnectionSettings` share a
pool, and so a kept-alive connection; a "fresh connection" request gets a pool of its own
that is closed after it. httpcore2 is imported here, on first use.
"""

from __future__ import annotations

import ssl
from typing import TYPE_CHECKING, Any

from netbench.core.http.model import ConnectionSettings, HttpVersion
from netbench.core.http.wirelog import DEFAULT_MEMORY_LIMIT
from netbench.core.text import QT_TRANSLATE_NOOP
from netbench.net.errors import NetError
from netbench.net.http.tlsinfo import client_context

if TYPE_CHECKING:
    import httpcore2


def _context(settings: ConnectionSettings) -> ssl.SSLContext:
    tls = settings.tls
    try:
        return client_context(
            tls.verify,
            str(tls.ca_file) if tls.ca_file else None,
            str(tls.client_cert) if tls.client_cert else None,
            str(tls.client_key) if tls.client_key else None,
        )
    except (OSError, ssl.SSLError) as exc:
        raise NetError(
            QT_TRANSLATE_NOOP("HttpErrors", "the TLS files do not load: {reason}").format(
                reason=str(exc)
            ),
            "tls",
        ) from exc


def make_pool(settings: ConnectionSettings, log_limit: int = DEFAULT_MEMORY_LIMIT) -> Any:
    """An httpcore2 pool (or proxy) for ``settings`` on our recording backend."""
    import httpcore2

    from netbench.net.http.backend import WireBackend

    options: dict[str, Any] = {
        "ssl_context": _context(settings),
        "http1": settings.version is not HttpVersion.HTTP2,
        "http2": settings.version is not HttpVersion.HTTP1_1,
        "network_backend": WireBackend(log_limit),
    }
    proxy = settings.proxy
    if proxy.startswith(("socks5://", "socks5h://")):
        return httpcore2.AsyncSOCKSProxy(proxy_url=proxy, **options)
    if proxy.startswith(("http://", "https://")):
        return httpcore2.AsyncHTTPProxy(proxy_url=proxy, **options)
    if proxy:
        raise NetError(
            QT_TRANSLATE_NOOP(
                "HttpErrors", "the proxy must start with http://, https:// or socks5://: {proxy}"
            ).format(proxy=proxy),
            "proxy",
        )
    return httpcore2.AsyncConnectionPool(uds=settings.unix_socket or None, **options)


class PoolManager:
    """The pools of one client, by settings; close them all with :meth:`aclose`."""

    def __init__(self, log_limit: int = DEFAULT_MEMORY_LIMIT) -> None:
        self.log_limit = log_limit
        self._pools: dict[ConnectionSettings, httpcore2.AsyncConnectionPool] = {}

    def get(self, settings: ConnectionSettings) -> Any:
        pool = self._pools.get(settings)
        if pool is None:
            pool = self._pools[settings] = make_pool(settings, self.log_limit)
        return pool

    def fresh(self, settings: ConnectionSettings) -> Any:
        return make_pool(settings, self.log_limit)

    async def aclose(self) -> None:
        pools = list(self._pools.values())
        self._pools.clear()
        for pool in pools:
            await pool.aclose()
