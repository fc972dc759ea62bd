"""Running a lesson's Python program as a separate process, on the engine's loop.

The Lessons tab's "Run this client" runs the tutorial's own code with the same Python
netbench runs on (``sys.executable``), against the server netbench just started, so the
learner sees a real second process talk to it. Nothing here blocks: the process is
awaited on the engine's loop, its output read whole when it ends (or is killed after
`timeout` seconds).
"""

from __future__ import annotations

import asyncio
import sys
from dataclasses import dataclass
from pathlib import Path

from netbench.core.text import QT_TRANSLATE_NOOP, Text

MAX_OUTPUT = 256 * 1024  # a runaway program's output is cut here


@dataclass(frozen=True, slots=True)
class ProgramResult:
    output: str  # stdout and stderr, interleaved as written
    returncode: int | None  # None: it did not start, or was killed
    problem: Text | None = None  # why it did not start or finish


def can_run_python() -> bool:
    """False in a frozen bundle, where ``sys.executable`` is netbench itself."""
    return not getattr(sys, "frozen", False) and bool(sys.executable)


async def run_python(
    code: str,
    args: tuple[str, ...] = (),
    stdin: str = "",
    timeout: float = 20.0,
    cwd: Path | None = None,
) -> ProgramResult:
    """Run `code` with ``python -u -c``, typing `stdin` into it; never raises OSError."""
    if not can_run_python():
        return ProgramResult(
            "", None, QT_TRANSLATE_NOOP("Programs", "this build of netbench has no Python")
        )
    try:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-u",
            "-c",
            code,
            *args,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            cwd=cwd,
        )
    except OSError as exc:
        problem = QT_TRANSLATE_NOOP("Programs", "Python did not start: {error}")
        return ProgramResult("", None, problem.format(error=exc.strerror or str(exc)))
    try:
        out, _ = await asyncio.wait_for(process.communicate(stdin.encode()), timeout)
    except TimeoutError:
        process.kill()
        out = b""
        if process.stdout is not None:
            out = await process.stdout.read(MAX_OUTPUT)
        await process.wait()
        problem = QT_TRANSLATE_NOOP("Programs", "stopped after {seconds} s")
        return ProgramResult(_text(out), None, problem.format(seconds=round(timeout)))
    return ProgramResult(_text(out), process.returncode)


def _text(out: bytes) -> str:
    return out[:MAX_OUTPUT].decode("utf-8", errors="replace")
