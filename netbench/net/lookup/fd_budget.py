"""How many sockets a scan may hold open at once without running the process out of fds.

A scan that hits the soft RLIMIT_NOFILE fails every connect after it with EMFILE, and
the rest of the app (the window's own files, the other tabs' sockets) with it. So the
pool is capped at what is left under the soft limit, minus a margin for everyone else.
"""

from __future__ import annotations

import os

FD_MARGIN = 128
FALLBACK_LIMIT = 512  # where the limit cannot be read (Windows: select() allows 512)


def soft_fd_limit() -> int:
    try:
        import resource
    except ImportError:
        return FALLBACK_LIMIT
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    return soft if soft != resource.RLIM_INFINITY else 1 << 20


def open_fd_count() -> int:
    """Open file descriptors of this process (Linux /proc, else /dev/fd, else psutil)."""
    for directory in ("/proc/self/fd", "/dev/fd"):
        try:
            return len(os.listdir(directory))
        except OSError:
            continue
    import psutil

    return int(getattr(psutil.Process(), "num_handles", psutil.Process().num_fds)())


def socket_budget(wanted: int) -> int:
    """``wanted`` or fewer: what fits under the soft limit with :data:`FD_MARGIN` spare."""
    spare = soft_fd_limit() - open_fd_count() - FD_MARGIN
    return max(1, min(wanted, spare))
