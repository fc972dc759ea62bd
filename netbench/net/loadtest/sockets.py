"""The sockets of a load test: the target's address resolved once, a socket per connection."""

from __future__ import annotations

import asyncio
import shutil
import socket
import ssl
import tempfile
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from netbench.net.clients import ClientConfig, client_tls_context
from netbench.net.errors import describe_os_error
from netbench.net.socket_kinds import SocketKind

P = TypeVar("P", bound=asyncio.BaseProtocol)


class LoadSockets:
    """Opens the connections of one run to its target, without asking the resolver each time."""

    def __init__(self, target: ClientConfig) -> None:
        self.target = target
        self._temp_dir: Path | None = None
        self._datagram_sockets = 0  # for unique Unix client paths
        self._address: Any = None
        self._first_socket: socket.socket | None = None

    async def prepare(self, loop: asyncio.AbstractEventLoop) -> None:
        """Resolve a host name once, not once per connection."""
        target = self.target
        if target.kind is SocketKind.UNIX_DGRAM:
            self._temp_dir = Path(tempfile.mkdtemp(prefix="netbench-load-"))
        if target.kind.uses_path:
            return
        kind = socket.SOCK_DGRAM if target.kind.is_datagram else socket.SOCK_STREAM
        try:
            infos = await loop.getaddrinfo(target.host, target.port, type=kind)
        except OSError as exc:
            raise describe_os_error(exc, target.host) from exc
        family, _, _, _, address = infos[0]
        self._address = (family, address)
        if not target.kind.is_datagram and len(infos) > 1:
            await self._pick_stream_address(loop, infos)

    async def _pick_stream_address(self, loop: asyncio.AbstractEventLoop, infos: list[Any]) -> None:
        """Use the first address that accepts, as the session's own connect does.

        ``localhost`` is often ::1 first while the server listens on 127.0.0.1 only. The
        socket that got through becomes connection 1, so no connection is wasted.
        """
        timeout = self.target.timeout
        for family, _, _, _, address in infos:
            sock = socket.socket(family, socket.SOCK_STREAM)
            sock.setblocking(False)
            try:
                await asyncio.wait_for(loop.sock_connect(sock, address), timeout)
            except (OSError, TimeoutError):
                sock.close()
                continue
            self._address = (family, address)
            self._first_socket = sock
            return

    async def open_stream(self, loop: asyncio.AbstractEventLoop, factory: Callable[[], P]) -> P:
        """Connect a stream (TCP, TLS or Unix) to the target; ``factory`` makes its protocol."""
        target = self.target
        if target.kind is SocketKind.UNIX:
            _, protocol = await loop.create_unix_connection(factory, str(target.path))
            return protocol
        family, address = self._address
        extra: dict[str, Any] = {}
        if target.kind is SocketKind.TLS:
            extra = {
                "ssl": self._tls_context,
                "server_hostname": target.server_name or target.host,
            }
        connected, self._first_socket = self._first_socket, None
        sock = connected or socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.setblocking(False)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if connected is None:
                await loop.sock_connect(sock, address)
            _, protocol = await loop.create_connection(factory, sock=sock, **extra)
        except BaseException:
            sock.close()
            raise
        return protocol

    @cached_property
    def _tls_context(self) -> ssl.SSLContext:
        """One context for every connection of the run, made when the first one needs it."""
        return client_tls_context(self.target)

    def datagram_socket(self, number: int) -> tuple[socket.socket, Path | None]:
        """A connected datagram socket for connection ``number`` (and its own Unix path)."""
        target = self.target
        local_path: Path | None = None
        if target.kind is SocketKind.UNIX_DGRAM:
            assert self._temp_dir is not None
            # A Unix datagram server can only answer a client that has an address.
            self._datagram_sockets += 1
            local_path = self._temp_dir / f"c{number}-{self._datagram_sockets}.sock"
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            address: Any = str(target.path)
        else:
            family, address = self._address
            sock = socket.socket(family, socket.SOCK_DGRAM)
        try:
            if local_path is not None:
                sock.bind(str(local_path))
            sock.connect(address)
            sock.setblocking(False)
        except BaseException:
            sock.close()
            raise
        return sock, local_path

    def close_unused(self) -> None:
        """Close the socket that found the address if no connection took it (a cancel)."""
        if self._first_socket is not None:
            self._first_socket.close()
            self._first_socket = None

    def remove_files(self) -> None:
        """Remove the Unix client paths, once their sockets are closed."""
        if self._temp_dir is not None:
            shutil.rmtree(self._temp_dir, ignore_errors=True)
            self._temp_dir = None
