"""Listening sockets and the accept loop of a stream listener, which survives running out of
file descriptors.

asyncio's own server, on EMFILE, logs "socket.accept() out of system resource" to the loop's
exception handler and retries a second later; waiting clients hang in the kernel's backlog
and nobody is told why. Here, when accept() finds no descriptor:

- accepting pauses (the listening sockets leave the loop);
- the clients already waiting are refused at once, each with an orderly close, by way of a
  descriptor kept in reserve for exactly this (so they do not hang), and counted;
- the listener says so in words (:attr:`Acceptor.refused` says how many);
- accepting resumes once a descriptor is free again: retried every :data:`RETRY_SECONDS`,
  and at once when one of the listener's connections closes (:meth:`Acceptor.nudge`).
"""

from __future__ import annotations

import asyncio
import errno
import os
import socket
from collections.abc import Callable

from netbench.core.text import QT_TRANSLATE_NOOP, Text
from netbench.net.fd_budget import fd_limits

OUT_OF_DESCRIPTORS = frozenset({errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM})
# Errors that concern one connection only: the next accept may well succeed.
ONE_CONNECTION = frozenset({errno.ECONNABORTED, errno.EPROTO, errno.EPERM, errno.EAGAIN})
RETRY_SECONDS = 0.5
ACCEPTS_PER_WAKE = 32


def bind_tcp(
    host: str, port: int, backlog: int, reuse_address: bool, receive_buffer: int | None = None
) -> list[socket.socket]:
    """Listening sockets for every address ``host`` names (as ``create_server`` makes)."""
    infos = socket.getaddrinfo(
        host or None, port, socket.AF_UNSPEC, socket.SOCK_STREAM, 0, socket.AI_PASSIVE
    )
    sockets: list[socket.socket] = []
    try:
        for family, kind, proto, _name, address in dict.fromkeys(infos):
            sock = socket.socket(family, kind, proto)
            sockets.append(sock)
            if receive_buffer:  # accepted connections inherit it
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
            if reuse_address:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6 and hasattr(socket, "IPPROTO_IPV6"):
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            sock.bind(address)
            sock.listen(backlog)
            sock.setblocking(False)
    except BaseException:
        for sock in sockets:
            sock.close()
        raise
    return sockets


def bind_unix(path: str, backlog: int, receive_buffer: int | None = None) -> list[socket.socket]:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        if receive_buffer:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
        sock.bind(path)
        sock.listen(backlog)
        sock.setblocking(False)
    except BaseException:
        sock.close()
        raise
    return [sock]


def _open_reserve() -> int | None:
    try:
        return os.open(os.devnull, os.O_RDONLY)
    except OSError:
        return None


class Acceptor:
    """Accepts connections on ``sockets`` and hands each to ``accepted``; reports in words
    through ``report`` when it pauses and resumes."""

    def __init__(
        self,
        sockets: list[socket.socket],
        accepted: Callable[[socket.socket], None],
        report: Callable[[Text], None],
    ) -> None:
        self.sockets = sockets
        self._accepted = accepted
        self._report = report
        self._loop = asyncio.get_running_loop()
        self._reserve = _open_reserve()
        self._retry: asyncio.TimerHandle | None = None
        self.serving = False
        self.paused = False
        self.refused = 0  # connections refused for want of a descriptor, in all
        self._refused_at_pause = 0

    def start(self) -> None:
        self.serving = True
        self._watch()

    def _watch(self) -> None:
        for sock in self.sockets:
            self._loop.add_reader(sock.fileno(), self._on_readable, sock)

    def _unwatch(self) -> None:
        for sock in self.sockets:
            if sock.fileno() >= 0:
                self._loop.remove_reader(sock.fileno())

    def _on_readable(self, sock: socket.socket) -> None:
        for _ in range(ACCEPTS_PER_WAKE):
            if self.paused or not self.serving:
                return
            try:
                conn, _address = sock.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:
                if exc.errno in OUT_OF_DESCRIPTORS:
                    self._out_of_descriptors(sock, exc)
                    return
                if exc.errno in ONE_CONNECTION:
                    continue
                self._report(
                    QT_TRANSLATE_NOOP("Acceptor", "accepting a connection failed: {reason}").format(
                        reason=exc.strerror or str(exc)
                    )
                )
                return
            conn.setblocking(False)
            self._accepted(conn)

    def _out_of_descriptors(self, sock: socket.socket, exc: OSError) -> None:
        self._unwatch()
        self.paused = True
        self._refused_at_pause = self.refused
        self._refuse_waiting(sock)
        self._report(
            QT_TRANSLATE_NOOP(
                "Acceptor",
                "out of file descriptors ({reason}; this process may open {limit}): "
                "accepting paused, {refused} waiting connection(s) refused; accepting "
                "resumes when connections close",
            ).format(
                reason=exc.strerror or str(exc),
                limit=fd_limits()[0],
                refused=self.refused - self._refused_at_pause,
            )
        )
        self._retry = self._loop.call_later(RETRY_SECONDS, self._try_again)

    def _refuse_waiting(self, sock: socket.socket) -> None:
        """Close the clients waiting in the backlog, using the reserve descriptor to take
        each (so they hear an orderly close instead of hanging)."""
        while self._reserve is not None:
            os.close(self._reserve)
            self._reserve = None
            try:
                conn, _address = sock.accept()
            except OSError:
                conn = None
            if conn is not None:
                conn.close()
                self.refused += 1
            self._reserve = _open_reserve()
            if conn is None:
                return

    def _try_again(self) -> None:
        self._retry = None
        if not self.serving:
            return
        if self._reserve is None:
            self._reserve = _open_reserve()
        probe = _open_reserve()
        if probe is None:
            before = self.refused
            for sock in self.sockets:
                self._refuse_waiting(sock)
            if self.refused > before:
                self._report(
                    QT_TRANSLATE_NOOP(
                        "Acceptor",
                        "still out of file descriptors: {refused} connection(s) refused so far",
                    ).format(refused=self.refused - self._refused_at_pause)
                )
            self._retry = self._loop.call_later(RETRY_SECONDS, self._try_again)
            return
        os.close(probe)
        self._resumed()
        self._watch()
        for sock in self.sockets:
            self._on_readable(sock)

    def _resumed(self) -> None:
        self.paused = False
        self._report(
            QT_TRANSLATE_NOOP(
                "Acceptor",
                "accepting again: {refused} connection(s) were refused while file "
                "descriptors ran out",
            ).format(refused=self.refused - self._refused_at_pause)
        )

    def nudge(self) -> None:
        """A descriptor was freed: if paused, try again now."""
        if self.paused and self._retry is not None:
            self._retry.cancel()
            self._retry = None
            self._loop.call_soon(self._try_again)

    def stop(self) -> None:
        if self._retry is not None:
            self._retry.cancel()
            self._retry = None
        if self.serving:
            self._unwatch()
        self.serving = False
        for sock in self.sockets:
            sock.close()
        if self._reserve is not None:
            os.close(self._reserve)
            self._reserve = None
