"""Socket errors in a person's words: what happened, where, and what to do next."""

from __future__ import annotations

import errno
import socket


class NetError(Exception):
    """An error to show next to the control named by ``field`` (e.g. "port", "path")."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def describe_os_error(exc: BaseException, target: str) -> NetError:
    """Turn an exception from bind/connect on ``target`` into a :class:`NetError`."""
    if isinstance(exc, NetError):
        return exc
    if isinstance(exc, socket.gaierror):
        return NetError(f"name not found: {target} ({exc.strerror})", "host")
    if isinstance(exc, ConnectionRefusedError):
        return NetError(f"connection refused by {target}: nothing is listening there", "port")
    if isinstance(exc, TimeoutError):
        return NetError(f"timed out connecting to {target}", "host")
    code = getattr(exc, "errno", None)
    text = getattr(exc, "strerror", None) or str(exc)
    if code == errno.EADDRINUSE:
        return NetError(f"{target} is already in use by another socket", "port")
    if code == errno.EACCES:
        return NetError(
            f"permission denied for {target}: ports below 1024 and protected paths need "
            "privileges; pick a port of 1024 or more",
            "port",
        )
    if code == errno.EADDRNOTAVAIL:
        return NetError(f"{target} is not an address of this machine", "host")
    if code in (errno.ENETUNREACH, errno.EHOSTUNREACH):
        return NetError(f"{target} is unreachable: {text}", "host")
    if code == errno.ECONNRESET:
        return NetError(f"connection reset by {target}", "host")
    if "path too long" in str(exc):
        return NetError(f"the Unix socket path is too long: {target}", "path")
    return NetError(f"{target}: {text}")


def describe_bind_error(exc: OSError, local: tuple[str, int]) -> NetError:
    """A client's local bind failed: say so next to the local address or port."""
    host, port = local
    code = getattr(exc, "errno", None)
    where = f"{host} port {port}" if port else host
    if code == errno.EADDRINUSE:
        return NetError(f"local port {port} is already in use by another socket", "local_port")
    if code == errno.EACCES:
        return NetError(
            f"permission denied binding {where}: pick a port of 1024 or more", "local_port"
        )
    if code == errno.EADDRNOTAVAIL:
        return NetError(f"{host} is not an address of this machine", "local_host")
    if "no matching local address" in str(exc):
        return NetError(
            f"{host} cannot reach the target: its family (IPv4 or IPv6) differs", "local_host"
        )
    text = getattr(exc, "strerror", None) or str(exc)
    return NetError(f"cannot bind {where}: {text}", "local_host")


def who_listens_on(port: int) -> str | None:
    """The process holding ``port``, as "name (pid N)", when the system lets us see it."""
    import psutil

    try:
        connections = psutil.net_connections(kind="inet")
    except (psutil.Error, OSError):
        return None
    for conn in connections:
        if conn.laddr and conn.laddr.port == port and conn.status == psutil.CONN_LISTEN:
            if conn.pid is None:
                return None
            try:
                return f"{psutil.Process(conn.pid).name()} (pid {conn.pid})"
            except psutil.Error:
                return f"pid {conn.pid}"
    return None
