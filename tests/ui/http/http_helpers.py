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
