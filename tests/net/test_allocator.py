"""Freed memory kept for the next read: applied once on glibc, harmless elsewhere."""

import platform

from netbench.net.allocator import keep_freed_memory


def test_thresholds_are_raised_on_glibc_and_nothing_breaks_elsewhere():
    glibc = platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"
    assert keep_freed_memory() is glibc
    assert keep_freed_memory() is glibc  # again: no harm
    big = [bytes(256 * 1024) for _ in range(64)]  # reads' worth of blocks, freed and reused
    del big
    assert bytes(256 * 1024) == b"\0" * (256 * 1024)
