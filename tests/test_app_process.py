"""The real application in its own process: screenshots, shutdown with live sockets, Ctrl+C."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
APP_ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen")
LIVE_SOCKETS_APP = str(HERE / "apps" / "live_sockets_app.py")


def run_python(*args, env=APP_ENV):
    """Python with ``args`` in a process of its own, to its end (a minute at most)."""
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, timeout=60
    )


def test_screenshot_writes_one_png_per_tab(tmp_path):
    result = run_python("-m", "netbench", "--screenshot", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    names = sorted(p.name for p in tmp_path.glob("*.png"))
    assert names == ["client.png", "http.png", "lessons.png", "lookup.png", "server.png"]
    for path in tmp_path.glob("*.png"):
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert path.stat().st_size > 5_000


def corrupt_saved_messages(data_home: Path) -> Path:
    """A saved-messages file the app cannot read, where it looks for the user's list."""
    path = data_home / "netbench" / "snippets.json"
    path.parent.mkdir(parents=True)
    path.write_bytes(b'{"format": "netbench-snippets", "version": 1, "snippets": [{"na')
    return path


def test_screenshots_never_touch_the_users_saved_messages(tmp_path):
    """A broken list would be renamed aside by a normal start; pictures leave it alone."""
    saved = corrupt_saved_messages(tmp_path / "data")
    before = saved.read_bytes()
    env = dict(APP_ENV, XDG_DATA_HOME=str(tmp_path / "data"))
    result = run_python("-m", "netbench", "--screenshot", str(tmp_path / "shots"), env=env)
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "shots").glob("*.png"))) == 5
    assert saved.read_bytes() == before
    assert [p.name for p in saved.parent.iterdir()] == ["snippets.json"]


@pytest.mark.parametrize("mode", ["ui-loop", "io-thread"])
def test_closing_with_live_sockets_exits_cleanly_within_a_second(tmp_path, mode):
    sock = tmp_path / "s.sock"
    result = run_python(LIVE_SOCKETS_APP, mode, str(sock), "close")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines())
    closing = float(lines["CLOSING"])
    exited = float(lines["EXITED"].split()[0])
    assert exited - closing < 1.0
    assert lines["EXITED"].endswith("sockets-left False")


def test_ctrl_c_quits_promptly_and_quietly(tmp_path):
    sock = tmp_path / "s.sock"
    proc = subprocess.Popen(
        [sys.executable, LIVE_SOCKETS_APP, "ui-loop", str(sock), "wait"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=APP_ENV,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "READY"
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=5)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert err == ""
    assert "EXITED" in out
