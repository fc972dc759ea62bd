"""``netbench --self-test`` in its own process: the table, the verdict and the exit code."""

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

ROWS = [
    "TCP round trip",
    "UDP round trip",
    "TLS round trip",
    "Unix round trip",
    "resolve localhost",
    "HTTP exchange",
    "DNS query",
    "Qt platform",
    "main window",
    "icon",
    "fonts",
    "translations",
]


def headless_env() -> dict[str, str]:
    """No display at all: the self-test has to pick the offscreen platform by itself."""
    env = dict(os.environ)
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(name, None)
    return env


def run_python(code: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=headless_env(),
        timeout=timeout,
    )


def rows_of(stdout: str) -> dict[str, list[str]]:
    """check name -> [result, time, detail] for each table row."""
    rows = {}
    for line in stdout.splitlines():
        for name in ROWS:
            if line.startswith(name + "  "):
                rest = line[len(name) :].split(None, 3)
                rows[name] = [rest[0], f"{rest[1]} {rest[2]}", rest[3] if len(rest) > 3 else ""]
    return rows


def test_self_test_passes_with_a_row_per_check_and_exits_0():
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "netbench", "--self-test"],
        capture_output=True,
        text=True,
        env=headless_env(),
        timeout=60,
    )
    took = time.monotonic() - started
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].startswith("netbench ") and "self-test (from source" in lines[0]
    assert lines[1].split() == ["check", "result", "time", "detail"]
    rows = rows_of(result.stdout)
    assert list(rows) == ROWS
    assert {name: row[0] for name, row in rows.items()} == dict.fromkeys(ROWS, "pass")
    assert all(row[1].endswith(" ms") for row in rows.values())
    assert "bytes echoed by 127.0.0.1:" in rows["TCP round trip"][2]
    assert "echo.sock" in rows["Unix round trip"][2]
    assert "over TLSv1.3 by 127.0.0.1:" in rows["TLS round trip"][2]
    assert "offscreen platform" in rows["Qt platform"][2]
    assert ": 200, " in rows["HTTP exchange"][2]  # the bundled page, through the HTTP engine
    assert "A 192.0.2.53 from 127.0.0.1:" in rows["DNS query"][2]
    assert lines[-1].startswith("self-test passed: 12 of 12 checks in ")
    assert took < 20


def test_columns_line_up():
    result = run_python("import netbench.selftest as s; raise SystemExit(s.run())")
    lines = result.stdout.splitlines()
    header = lines[1]
    rows = [line for line in lines if any(line.startswith(name + "  ") for name in ROWS)]
    assert len(rows) == len(ROWS)
    # name | result | time (right-aligned) | detail, at the same columns on every line
    assert header[20:26] == "result" and header[32:36] == "time" and header[38:] == "detail"
    for line in rows:
        assert line[20:26].strip() in {"pass", "FAIL", "skip"}, line
        assert line[28:36].endswith(" ms") and line[36:38] == "  " and line[38] != " ", line


def test_the_window_check_never_touches_the_users_saved_messages(tmp_path):
    """The self-test builds the real window, but with a list of its own, not the user's."""
    saved = Path(tmp_path, "netbench", "snippets.json")
    saved.parent.mkdir()
    saved.write_bytes(b"not a saved-messages file")
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import netbench.selftest as s; s.NET_CHECKS.clear(); raise SystemExit(s.run())",
        ],
        capture_output=True,
        text=True,
        env=dict(headless_env(), XDG_DATA_HOME=str(tmp_path)),
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert rows_of(result.stdout)["main window"][0] == "pass"
    assert saved.read_bytes() == b"not a saved-messages file"
    assert [p.name for p in saved.parent.iterdir()] == ["snippets.json"]


def test_a_failing_check_is_reported_and_exits_1():
    result = run_python(
        """
        import netbench.selftest as s

        async def broken():
            raise s.CheckError("broken on purpose")

        s.NET_CHECKS[0] = ("TCP round trip", broken)
        raise SystemExit(s.run())
        """
    )
    assert result.returncode == 1, result.stdout + result.stderr
    rows = rows_of(result.stdout)
    assert rows["TCP round trip"][0] == "FAIL"
    assert rows["TCP round trip"][2] == "broken on purpose"
    assert rows["UDP round trip"][0] == "pass"
    assert result.stdout.splitlines()[-1].startswith("self-test FAILED: TCP round trip (1 of 12")


def test_an_unexpected_error_is_a_failure_with_its_message():
    result = run_python(
        """
        import netbench.selftest as s

        def broken():
            raise OSError(24, "Too many open files")

        s.QtChecks.icon = lambda self: broken()
        raise SystemExit(s.run())
        """
    )
    assert result.returncode == 1
    assert rows_of(result.stdout)["icon"][0] == "FAIL"
    assert "OSError: [Errno 24] Too many open files" in rows_of(result.stdout)["icon"][2]


def test_a_hung_check_is_ended_by_the_watchdog_within_seconds():
    started = time.monotonic()
    result = run_python(
        """
        import time
        import netbench.selftest as s

        async def hangs():
            time.sleep(60)  # blocks the loop: no asyncio timeout can fire

        s.CHECK_SECONDS = 0.5
        s.NET_CHECKS[4] = ("resolve localhost", hangs)
        raise SystemExit(s.run())
        """
    )
    assert result.returncode == 1
    assert time.monotonic() - started < 15
    row = rows_of(result.stdout)["resolve localhost"]
    assert row[0] == "FAIL" and row[2].startswith("hung: no answer after")
    assert result.stdout.splitlines()[-1].startswith("self-test FAILED: resolve localhost")
