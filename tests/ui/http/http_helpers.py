"""Driving the HTTP tab as a person would: type a request, press Send, wait for the answer."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from typing import Any

from helpers import find


def send(win: Any, pump: Callable[..., None], url: str = "", timeout: float = 10) -> Any:
    """Types ``url`` (when given) into the first request, clicks Send and waits for the
    exchange to end; the panel comes back."""
    win.tabs.setCurrentWidget(win.http_tab)
    panel = win.http_tab.current_panel
    if url:
        find(win, "http.url").setText(url)
    before = panel.last_result
    find(win, "http.send").click()
    pump(lambda: panel.last_result is not before and not panel.is_running, timeout)
    return panel


class TricklingServer:
    """Answers one request with a head promising ``length`` bytes, then sends 64 KB every
    ``pause`` seconds until the client goes (a download too big to finish in a test)."""

    def __init__(self, length: int = 1 << 30, pause: float = 0.01) -> None:
        self.length = length
        self.pause = pause
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.closed_by_client = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        conn, _ = self.sock.accept()
        with conn:
            conn.recv(65536)
            head = f"HTTP/1.1 200 OK\r\nContent-Length: {self.length}\r\n\r\n"
            conn.sendall(head.encode())
            block = b"x" * 65536
            deadline = time.monotonic() + 20
            try:
                while time.monotonic() < deadline:
                    conn.sendall(block)
                    time.sleep(self.pause)
            except OSError:
                self.closed_by_client.set()

    def close(self) -> None:
        self.sock.close()


class SseServer:
    """An asyncio server (on its own thread and loop) that answers with text/event-stream
    and sends ``pieces`` one at a time, each after ``gates[i]`` is set: events split
    across reads, UTF-8 sequences split across chunks. The connection closes at the end."""

    def __init__(self, pieces: list[bytes]) -> None:
        import asyncio

        self.pieces = pieces
        self.gates = [threading.Event() for _ in pieces]
        self.sent = [threading.Event() for _ in pieces]
        self.loop = asyncio.new_event_loop()
        ready = threading.Event()
        self.port = 0

        async def serve() -> None:
            server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
            self.port = server.sockets[0].getsockname()[1]
            ready.set()
            async with server:
                await server.serve_forever()

        self.thread = threading.Thread(
            target=lambda: self._run(serve), name="sse-server", daemon=True
        )
        self.thread.start()
        ready.wait(5)

    def _run(self, serve: Callable[[], Any]) -> None:
        import asyncio
        import contextlib

        with contextlib.suppress(asyncio.CancelledError):
            self.loop.run_until_complete(serve())

    async def _handle(self, reader: Any, writer: Any) -> None:
        import asyncio

        await reader.readuntil(b"\r\n\r\n")
        writer.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n"
            b"Cache-Control: no-cache\r\nConnection: close\r\n\r\n"
        )
        await writer.drain()
        for gate, sent, piece in zip(self.gates, self.sent, self.pieces, strict=True):
            await asyncio.to_thread(gate.wait, 10)
            writer.write(piece)
            await writer.drain()
            sent.set()
        writer.close()

    def close(self) -> None:
        for gate in self.gates:
            gate.set()

        def stop() -> None:
            for task in __import__("asyncio").all_tasks(self.loop):
                task.cancel()

        self.loop.call_soon_threadsafe(stop)
        self.thread.join(5)
        self.loop.close()
