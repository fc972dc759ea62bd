"""File descriptors as a budgeted resource.

Every connection holds one descriptor, and so do Qt's wake-up pipes, log files and
recordings. When a process runs out, accept() fails with EMFILE and, worse, GLib aborts the
whole process the next time it needs a pipe. So: the app raises its soft limit to the hard
limit at start (:func:`raise_fd_limit`), listeners keep their connection limit within
:func:`connection_budget`, and an accept that still finds no descriptor pauses (see
:mod:`netbench.net.acceptor`) instead of failing.
"""

from __future__ import annotations

import os

try:
    import resource
except ImportError:  # pragma: no cover - not on Windows
    resource = None  # type: ignore[assignment]

# Descriptors kept for everything that is not a connection: the window's pipes, logs,
# recordings, clients of other tabs. A quarter of the limit, at least 32, at most 1,024.
RESERVE_MIN = 32
RESERVE_MAX = 1024
UNLIMITED_BUDGET = 1_000_000


def fd_limits() -> tuple[int, int]:
    """The (soft, hard) limit on open descriptors; very large numbers when unlimited."""
    if resource is None:  # pragma: no cover
        return UNLIMITED_BUDGET, UNLIMITED_BUDGET
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    infinity = resource.RLIM_INFINITY
    return (
        UNLIMITED_BUDGET if soft == infinity else soft,
        UNLIMITED_BUDGET if hard == infinity else hard,
    )


def raise_fd_limit() -> tuple[int, int]:
    """Raise the soft limit to the hard one (no privilege needed); returns (before, after)."""
    if resource is None:  # pragma: no cover
        return UNLIMITED_BUDGET, UNLIMITED_BUDGET
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and soft >= hard:
        return soft, soft
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    except (ValueError, OSError):
        return soft, soft
    return soft, hard


def connection_budget() -> int:
    """How many connections one listener may hold and leave the app descriptors to live on."""
    soft, _hard = fd_limits()
    reserve = min(RESERVE_MAX, max(RESERVE_MIN, soft // 4))
    return max(1, min(UNLIMITED_BUDGET, soft - reserve))


def open_fd_count() -> int | None:
    """Descriptors this process has open now (None where the OS does not say)."""
    for folder in ("/proc/self/fd", "/dev/fd"):
        try:
            return len(os.listdir(folder)) - 1  # less the one listdir opened
        except OSError:
            continue
    return None
