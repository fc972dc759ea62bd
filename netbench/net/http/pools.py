"""Connection pools kept per connection settings, so keep-alive works across exchanges.

Two requests with equal :class:`~netbench.core.http.model.ConnectionSettings` share a
pool, and so a kept-alive connection; a "fresh connection" request gets a pool of its own
that is closed after it. What is HTTP/1.1 for certain goes to the h11 path's pool
(:mod:`.h1`); the rest (HTTP/2, Auto over TLS, proxies) to httpcore2's, which is imported
here on its first use, so a session of plain HTTP never loads it.
"""

from __future__ import annotations

import ssl
from typing import Any

from netbench.core.http.model import ConnectionSettings, HttpVersion
from netbench.core.http.wirelog import DEFAULT_MEMORY_LIMIT
from netbench.core.text import QT_TRANSLATE_NOOP
from netbench.net.errors import NetError
from netbench.net.http.tlsinfo import client_context


def tls_context(settings: ConnectionSettings) -> ssl.SSLContext:
    """The client context ``settings`` ask for; a TLS file that does not load is said."""
    tls = settings.tls
    try:
        return client_context(
            tls.verify,
            str(tls.ca_file) if tls.ca_file else None,
            str(tls.client_cert) if tls.client_cert else None,
            str(tls.client_key) if tls.client_key else None,
        )
    except (OSError, ssl.SSLError) as exc:
        raise NetError.because(
            QT_TRANSLATE_NOOP("HttpErrors", "the TLS files do not load: {reason}"), exc, "tls"
        ) from exc


def make_pool(settings: ConnectionSettings, log_limit: int = DEFAULT_MEMORY_LIMIT) -> Any:
    """An httpcore2 pool (or proxy) for ``settings`` on our recording backend."""
    import httpcore2

    from netbench.net.http.backend import WireBackend

    options: dict[str, Any] = {
        "ssl_context": tls_context(settings),
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


def make_h1_pool(settings: ConnectionSettings, log_limit: int = DEFAULT_MEMORY_LIMIT) -> Any:
    """The h11 path's pool (HTTP/1.1 without httpcore2) for ``settings``."""
    from netbench.net.http.h1 import H1Pool

    return H1Pool(settings, log_limit)


def uses_h1(settings: ConnectionSettings, url: str) -> bool:
    """Whether ``url`` with ``settings`` is HTTP/1.1 for certain, and so goes the h11 path."""
    if settings.proxy:
        return False
    if url.startswith("http://") or settings.unix_socket:
        return settings.version is not HttpVersion.HTTP2
    return url.startswith("https://") and settings.version is HttpVersion.HTTP1_1


class PoolManager:
    """The pools of one client, by settings and path; close them all with :meth:`aclose`."""

    def __init__(self, log_limit: int = DEFAULT_MEMORY_LIMIT) -> None:
        self.log_limit = log_limit
        self._pools: dict[tuple[ConnectionSettings, bool], Any] = {}
        self._last: tuple[ConnectionSettings, str, Any] | None = None

    def get(self, settings: ConnectionSettings, url: str) -> Any:
        last = self._last
        if last is not None and last[0] is settings and last[1] is url:
            return last[2]  # the same request again: no hashing of its settings
        key = (settings, uses_h1(settings, url))
        pool = self._pools.get(key)
        if pool is None:
            pool = self._pools[key] = self.fresh(settings, url)
        self._last = (settings, url, pool)
        return pool

    def fresh(self, settings: ConnectionSettings, url: str) -> Any:
        if uses_h1(settings, url):
            return make_h1_pool(settings, self.log_limit)
        return make_pool(settings, self.log_limit)

    async def aclose(self) -> None:
        pools = list(self._pools.values())
        self._pools.clear()
        self._last = None
        for pool in pools:
            await pool.aclose()
