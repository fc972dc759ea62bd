"""Unix socket paths: look before binding, and remove only the socket file we made.

asyncio's ``create_unix_server`` silently unlinks whatever is at the path, which would
steal the address from a running server; so every listener probes first, refuses a live
socket of either type and any non-socket, and removes a stale socket only when asked.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import os
import socket
import stat
from enum import StrEnum
from pathlib import Path

from netbench.core.text import QT_TRANSLATE_NOOP, Text
from netbench.net.errors import NetError


class UnixPathState(StrEnum):
    FREE = "free"
    STALE = "stale socket"
    LIVE = "live socket"
    NOT_A_SOCKET = "not a socket"


async def probe_unix_path(path: Path, timeout: float = 0.5) -> UnixPathState:
    """Tell a free path, a stale socket file, a live server (stream or datagram), a file."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return UnixPathState.FREE
    if not stat.S_ISSOCK(mode):
        return UnixPathState.NOT_A_SOCKET
    datagram = _probe_datagram(path)
    if datagram is not None:
        return datagram
    try:
        _, writer = await asyncio.wait_for(asyncio.open_unix_connection(str(path)), timeout)
    except (ConnectionRefusedError, FileNotFoundError):
        return UnixPathState.STALE
    except (TimeoutError, OSError):
        return UnixPathState.LIVE
    writer.close()
    with contextlib.suppress(OSError):
        await writer.wait_closed()
    return UnixPathState.LIVE


def _probe_datagram(path: Path) -> UnixPathState | None:
    """LIVE for a datagram server, STALE for nobody, None when a stream socket answers."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(str(path))
        except OSError as exc:
            return None if exc.errno == errno.EPROTOTYPE else UnixPathState.STALE
        return UnixPathState.LIVE


# What is at a path no listener may take, whatever it is asked.
_NEVER_CLAIMED: dict[UnixPathState, Text] = {
    UnixPathState.LIVE: QT_TRANSLATE_NOOP(
        "UnixPaths", "{path} is in use by a running server: pick another path"
    ),
    UnixPathState.NOT_A_SOCKET: QT_TRANSLATE_NOOP(
        "UnixPaths", "{path} exists and is not a socket: it is left untouched"
    ),
}


async def claim_unix_path(path: Path, remove_stale: bool) -> None:
    """Make ``path`` usable for a new server, or raise :class:`NetError` saying why not."""
    state = await probe_unix_path(path)
    if state in _NEVER_CLAIMED:
        raise NetError(_NEVER_CLAIMED[state].format(path=path), "path")
    if state is UnixPathState.STALE:
        if not remove_stale:
            raise NetError(
                QT_TRANSLATE_NOOP(
                    "UnixPaths",
                    "{path} is a stale socket file left by a server that is gone; "
                    "remove it to listen there",
                ).format(path=path),
                "path",
            )
        path.unlink()


class OwnSocketFile:
    """The socket file a listener created; removed on close only if it is still ours."""

    def __init__(self) -> None:
        self._path: Path | None = None
        self._inode: int | None = None

    def remember(self, path: Path) -> None:
        self._path = path
        self._inode = path.lstat().st_ino

    def remove(self) -> None:
        path, self._path = self._path, None
        if path is None:
            return
        with contextlib.suppress(OSError):
            if path.lstat().st_ino == self._inode:
                os.unlink(path)
