"""Writing a file so that it is either the old version or the new one, never half of each.

The new content goes to a temporary file in the same directory, is flushed to the disk,
and then takes the old file's name in one step (`os.replace`). A crash, a full disk or an
error while writing leaves the old file as it was and no temporary file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from datetime import datetime
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically, creating its directory if needed.

    Raises OSError when the file cannot be written; the old file is then untouched.
    """
    directory = path.parent
    directory.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_directory(directory)


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable, where the system allows opening a directory."""
    flags = getattr(os, "O_DIRECTORY", None)
    if flags is None:  # Windows: the rename is journaled by NTFS
        return
    with contextlib.suppress(OSError):
        handle = os.open(directory, os.O_RDONLY | flags)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def set_aside(path: Path, now: datetime, label: str = "corrupt") -> Path:
    """Rename `path` to ``<name>.<label>-<time>`` next to it and return the new path.

    Used for a file that cannot be read: it is kept for the user to inspect or repair,
    and never overwritten by a fresh one. Raises OSError when it cannot be renamed.
    """
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{label}-{stamp}")
    number = 2
    while target.exists():
        target = path.with_name(f"{path.name}.{label}-{stamp}-{number}")
        number += 1
    os.replace(path, target)
    return target
