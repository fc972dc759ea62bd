"""Keep freed memory for the next read instead of handing it back to the system.

Under a flood an IO thread makes a 256 KB bytes object per read, thousands a second, and
the window frees them a moment later. glibc's malloc returned that memory to the system
(trimming the heap, or unmapping a large block) and took it back at the next read: every
read paid for fresh pages, 14% of the IO thread's time in a profile. With the thresholds
raised, freed blocks are reused. Measured side by side, 200 clients on an IO thread:
12.4-13.0 M lines/s instead of 11.6-12.1 M, peak RSS 7 MB higher.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import platform

# mallopt parameters (malloc.h)
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
# Blocks up to this size come from the heap (reads are at most 256 KB, queued batches a
# few MB), and this much free memory at the heap's top is kept rather than trimmed.
MMAP_THRESHOLD_BYTES = 4 * 1024 * 1024
TRIM_THRESHOLD_BYTES = 128 * 1024 * 1024

_applied = False


def keep_freed_memory() -> bool:
    """Raise glibc's trim and mmap thresholds, once; False where the C library is not
    glibc (or refuses), which changes nothing else."""
    global _applied
    if _applied:
        return True
    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    mmap_set: int = mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES)
    trim_set: int = mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES)
    _applied = mmap_set == 1 and trim_set == 1
    return _applied
