"""The real app with few file descriptors: accepting pauses, says why and how many were
refused, resumes when connections close, and the app lives on (it used to abort in GLib)."""

from __future__ import annotations

import os
import queue
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from hostile_peers import HOSTILE, ROOT, child_env

FD_APP = ROOT / "tests" / "apps" / "fd_starved_app.py"
LIMIT = 128


class Lines:
    """A process's output, line by line, read by a thread (so reads can time out)."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.seen: list[str] = []
        self._queue: queue.Queue[str] = queue.Queue()
        assert proc.stdout is not None
        threading.Thread(target=self._pump, args=(proc.stdout,), daemon=True).start()

    def _pump(self, stream) -> None:
        for line in stream:
            self._queue.put(line.rstrip("\n"))

    def until(self, prefix: str, timeout: float = 20) -> list[str]:
        """Lines up to and including the first that starts with ``prefix``."""
        got = []
        while True:
            line = self._queue.get(timeout=timeout)
            self.seen.append(line)
            got.append(line)
            if line.startswith(prefix):
                return got


def low_limit() -> None:
    resource.setrlimit(resource.RLIMIT_NOFILE, (LIMIT, LIMIT))


def start(args: list[str], **options) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=dict(child_env(), QT_QPA_PLATFORM="offscreen"),
        **options,
    )


def finish(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        proc.kill()
        proc.wait()
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["ui-loop", "io-thread"])
def test_out_of_descriptors_pauses_accepting_and_the_app_lives_on(tmp_path: Path, mode):
    stop = tmp_path / "stop"
    app = start(
        [str(FD_APP), mode, str(stop), "20"],
        stderr=subprocess.PIPE,
        preexec_fn=low_limit,
    )
    peer = None
    try:
        app_out = Lines(app)
        port = app_out.until("PORT")[-1].split()[1]
        peer = start([str(HOSTILE), "hold", port, "40"])
        peer_out = Lines(peer)
        first = peer_out.until("READY", timeout=30)
        opened, refused = first.count("OPEN"), first.count("REFUSED")
        assert opened + refused == 40
        assert 5 <= opened <= 20 and refused >= 20, first
        # Connections close: descriptors come back, and so does accepting.
        assert peer.stdin is not None
        peer.stdin.write("close 10\n")
        peer.stdin.flush()
        peer_out.until("CLOSED")
        app_out.until("NOTICE accepting again")
        time.sleep(0.5)  # the other nine closes reach the app too
        peer.stdin.write("more 5\n")
        peer.stdin.flush()
        assert peer_out.until("READY", timeout=30).count("OPEN") == 5
        ticks_before = app_out.seen.count("TICK")
        app_out.until("TICK")
        app_out.until("TICK")
        assert app_out.seen.count("TICK") >= ticks_before + 2  # the window's loop lives on
        stop.touch()
        app_out.until("REFUSED")
        assert app.wait(30) == 0
        stderr = app.stderr.read() if app.stderr else ""
    finally:
        stop.touch()
        for proc in (peer, app):
            if proc is not None:
                finish(proc)
    notices = [line for line in app_out.seen if line.startswith("NOTICE")]
    assert any("out of file descriptors" in n and "accepting paused" in n for n in notices)
    assert any("accepting again" in n for n in notices), notices
    total = int(next(line for line in app_out.seen if line.startswith("REFUSED")).split()[1])
    assert total >= refused
    assert "GLib" not in stderr and "Too many open files" not in stderr, stderr
    assert os.path.exists(stop)
