"""Many non-blocking connects in flight on one OS selector, which the loop watches as one fd.

A scan's sockets are registered with a selector of their own (epoll, kqueue, /dev/poll),
and the event loop only watches that selector's descriptor. Each time it turns readable,
one callback collects every connect that finished, starts as many new ones, and
returns. So a probe costs the loop nothing of its own: no future, no task step, no timer,
no watcher. That matters most under qasync, where each of those is a Qt object or a Qt
timer event; a probe on its own watcher and timer took three Qt events, and 500 of them
in flight kept the window's timers waiting.

Timeouts are absolute, taken when a connect starts. All connects share one timeout, so
they expire in the order they started: one deque in start order and one loop timer, set
for the oldest connect still pending, are enough.

Where the platform has no such selector (Windows), :func:`selector_for` returns None and
the scan falls back to a pool of coroutines (:func:`netbench.net.lookup.scan.probe`).
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import itertools
import selectors
import socket
from collections import deque
from collections.abc import Callable, Iterator

IN_PROGRESS = frozenset({errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EAGAIN, 10035})

# Where to connect: (family, address, port).
Item = tuple[socket.AddressFamily, str, int]
# (item, socket, code, seconds): code is an errno (0: connected), TIMED_OUT, or CROSSED.
Outcome = Callable[[Item, socket.socket, int, float], None]
TIMED_OUT = -1
CROSSED = -2
# Connects finished (and as many started) per callback at most; the rest stay ready and
# come in the next one, so a callback stays well under a frame (about 2 ms at 128).
BATCH = 128


def selector_for(loop: asyncio.AbstractEventLoop) -> selectors.BaseSelector | None:
    """A selector the loop can watch as one readable descriptor, or None."""
    selector = selectors.DefaultSelector()
    if not hasattr(selector, "fileno"):
        selector.close()
        return None
    try:
        loop.add_reader(selector.fileno(), lambda: None)
        loop.remove_reader(selector.fileno())
    except (NotImplementedError, OSError):  # a proactor loop, or a loop that refuses it
        selector.close()
        return None
    return selector


class _Connect:
    __slots__ = ("crossed", "deadline", "finished", "item", "local", "sock", "started")

    def __init__(self, sock: socket.socket, item: Item, started: float, deadline: float) -> None:
        self.sock = sock
        self.item = item
        self.started = started
        self.deadline = deadline
        self.finished = False
        self.crossed = False  # connected to another of the pool's own sockets
        self.local: tuple[str, int] | None = None


class ConnectPool:
    """Connect to each of ``items`` (family, address, port), at most ``width`` at once.

    ``outcome(item, sock, code, seconds)`` is called for each while its socket is still
    open (so the caller can look at it), and the socket is closed right after.
    """

    def __init__(
        self,
        selector: selectors.BaseSelector,
        items: Iterator[Item],
        *,
        width: int,
        timeout: float,
        outcome: Outcome,
    ) -> None:
        self.selector = selector
        self.items = items
        self.width = width
        self.timeout = timeout
        self.outcome = outcome
        self.loop = asyncio.get_running_loop()
        self.pending: dict[int, _Connect] = {}  # by fd
        self.bound: dict[tuple[str, int], _Connect] = {}  # pending, by local address
        self.order: deque[_Connect] = deque()  # start order, which is deadline order
        self.timer: asyncio.TimerHandle | None = None
        self.exhausted = False
        self.done: asyncio.Future[None] = self.loop.create_future()

    async def run(self) -> None:
        """Until every port has an outcome; cancelling closes every socket still open."""
        fd: int = self.selector.fileno()  # type: ignore[attr-defined]  # see selector_for
        self.loop.add_reader(fd, self._on_ready)
        try:
            self._fill()
            await self.done
            self.done.result()
        finally:
            self.loop.remove_reader(fd)
            if self.timer is not None:
                self.timer.cancel()
            for connect in list(self.pending.values()):
                self._forget(connect)
            self.selector.close()

    def _on_ready(self) -> None:
        try:
            for key, _ in itertools.islice(self.selector.select(0), BATCH):
                connect = self.pending.get(key.fd)
                if connect is not None:
                    code = connect.sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                    self._finish(connect, self._crossing(connect) if code == 0 else code)
            self._fill()
        except Exception as exc:  # the scan fails with it, rather than hanging
            self._fail(exc)

    def _on_timer(self) -> None:
        self.timer = None
        try:
            now = self.loop.time()
            while self.order and (self.order[0].finished or self.order[0].deadline <= now):
                connect = self.order.popleft()
                if not connect.finished:
                    self._finish(connect, TIMED_OUT)
            self._fill()
        except Exception as exc:
            self._fail(exc)

    def _crossing(self, connect: _Connect) -> int:
        """0, or CROSSED when the peer is another of our connects (a "simultaneous open").

        Connect A from local port P to Q and connect B from local port Q to P, both
        waiting at once, meet each other: both complete with no listener anywhere. Both
        must be reported closed, so the one seen first marks its partner.
        """
        _, address, port = connect.item
        partner = self.bound.get((address, port))
        if partner is not None and partner is not connect:
            partner.crossed = True
            return CROSSED
        return CROSSED if connect.crossed else 0

    def _fail(self, exc: Exception) -> None:
        if not self.done.done():
            self.done.set_exception(exc)

    def _fill(self) -> None:
        """Start connects up to the width; set the timer; resolve when all are done."""
        while len(self.pending) < self.width and not self.exhausted:
            item = next(self.items, None)
            if item is None:
                self.exhausted = True
            else:
                self._start(item)
        while self.order and self.order[0].finished:
            self.order.popleft()
        if self.order and self.timer is None:
            self.timer = self.loop.call_at(self.order[0].deadline, self._on_timer)
        if self.exhausted and not self.pending and not self.done.done():
            self.done.set_result(None)

    def _start(self, item: Item) -> None:
        family, address, port = item
        started = self.loop.time()
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setblocking(False)
        connect = _Connect(sock, item, started, started + self.timeout)
        code = sock.connect_ex((address, port))
        if code not in IN_PROGRESS:
            self._finish(connect, code)
            return
        self.selector.register(sock, selectors.EVENT_WRITE)
        self.pending[sock.fileno()] = connect
        with contextlib.suppress(OSError):
            connect.local = sock.getsockname()[:2]
            self.bound[connect.local] = connect
        self.order.append(connect)

    def _finish(self, connect: _Connect, code: int) -> None:
        try:
            self.outcome(connect.item, connect.sock, code, self.loop.time() - connect.started)
        finally:
            self._forget(connect)

    def _forget(self, connect: _Connect) -> None:
        connect.finished = True
        fd = connect.sock.fileno()
        if connect.local is not None and self.bound.get(connect.local) is connect:
            del self.bound[connect.local]
        if self.pending.pop(fd, None) is not None:
            with contextlib.suppress(KeyError, ValueError, OSError):
                self.selector.unregister(connect.sock)
        connect.sock.close()
