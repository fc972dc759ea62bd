"""Helpers for the reliability tests: hostile peers in processes of their own."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import psutil

HOSTILE = Path(__file__).with_name("hostile.py")
ROOT = Path(__file__).resolve().parents[2]


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


async def start_hostile(*args: object) -> asyncio.subprocess.Process:
    """A hostile peer (tests/reliability/hostile.py) in a process of its own."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        str(HOSTILE),
        *map(str, args),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        env=child_env(),
    )


def rss_mb() -> float:
    return psutil.Process().memory_info().rss / 1e6


def port_of(address: str) -> int:
    return int(address.split(", ")[0].rsplit(":", 1)[1])
