"""Peers on loopback for the tests: the tools they need, free ports, listening sockets, reads."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

# CI installs every peer program and names ::1 localhost: there a missing one is a failure.
CI = bool(os.environ.get("CI"))


def missing(tool: str) -> bool:
    """True where ``tool`` is not installed and may be skipped (anywhere but CI)."""
    return not shutil.which(tool) and not CI


def need(tool: str) -> None:
    """Skip the test where ``tool`` is not installed; CI installs it, so there it runs."""
    if missing(tool):
        pytest.skip(f"{tool} not installed (CI installs it)")


def needs(tool: str) -> pytest.MarkDecorator:
    """The mark of :func:`need`, for a test that cannot start without ``tool``."""
    return pytest.mark.skipif(missing(tool), reason=f"{tool} not installed (CI installs it)")


def need_localhost_on_both_families() -> None:
    """Skip unless localhost is ::1 first, then 127.0.0.1, as on Debian (CI must have it)."""
    infos = socket.getaddrinfo("localhost", 80, type=socket.SOCK_STREAM)
    if [info[4][0] for info in infos][:2] != ["::1", "127.0.0.1"]:
        if CI:
            pytest.fail("CI's hosts file must name ::1 localhost as Debian's does")
        pytest.skip("localhost does not resolve to ::1 and then 127.0.0.1 here")


def kernel_lists_bound_sockets() -> bool:
    """sock_diag lists bound-only TCP sockets from Linux 6.8 on."""
    if not hasattr(socket, "AF_NETLINK"):
        return False
    major, minor = (int(part) for part in os.uname().release.split(".")[:2])
    return (major, minor) >= (6, 8)


def free_port(kind: socket.SocketKind = socket.SOCK_STREAM) -> int:
    """A loopback port nothing listens on (for a moment): a refused connection or a new peer."""
    with socket.socket(socket.AF_INET, kind) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextlib.contextmanager
def running(command: list[str], **options: Any) -> Iterator[subprocess.Popen[bytes]]:
    """A peer program (its output discarded) that runs for the ``with`` block, then is killed."""
    proc = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **options
    )
    try:
        yield proc
    finally:
        proc.kill()
        proc.wait()


def wait_for_port(port: int, timeout: float = 5.0) -> None:
    """Block until a peer program accepts connections on ``port``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise TimeoutError(port)


async def wait_for(predicate: Callable[[], Any], timeout: float = 5.0) -> None:
    """On the running asyncio loop, wait until ``predicate`` holds."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError("condition not met")
        await asyncio.sleep(0.005)


class Server:
    """A blocking TCP (or Unix) server that hands each accepted socket to the test."""

    def __init__(
        self, family: socket.AddressFamily = socket.AF_INET, address: Any = ("127.0.0.1", 0)
    ) -> None:
        self.sock = socket.socket(family, socket.SOCK_STREAM)
        self.sock.bind(address)
        self.sock.listen(8)
        self.sock.settimeout(10)
        self.port: int = self.sock.getsockname()[1] if family != socket.AF_UNIX else 0

    def accept(self) -> socket.socket:
        conn, _ = self.sock.accept()
        conn.settimeout(10)
        return conn

    def close(self) -> None:
        self.sock.close()


def recv_until(conn: socket.socket, expected: bytes) -> bytes:
    """Everything read until ``expected`` is among it, or the peer finished sending."""
    got = b""
    while expected not in got:
        chunk = conn.recv(4096)
        if not chunk:
            break
        got += chunk
    return got


def recv_exactly(conn: socket.socket, size: int) -> bytes:
    """``size`` bytes, and not one more, or fewer where the peer finished sending first."""
    got = b""
    while len(got) < size:
        chunk = conn.recv(size - len(got))
        if not chunk:
            break
        got += chunk
    return got
