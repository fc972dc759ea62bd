"""The compact recording: JSON rows with each message's bytes as they are, for floods.

JSON Lines holds a message's bytes as hex, twice their size: a flood read at 500 MB/s
became a gigabyte of hex a second, and making and writing it held recording to a third
of the speed of not recording. A compact recording (``.nbrec``) keeps the rows and drops
the hex. Its first line says what it is::

    {"format": "netbench compact recording", "version": 1}

then rows as in JSON Lines, but with ``"raw": N`` in place of ``hex`` and ``text``: the
row's N bytes follow its newline as they are, then a newline (a note's N is 0). Replay
reads both kinds; :func:`to_json_lines` (``netbench --to-json-lines``) turns a compact
recording into JSON Lines for ``jq`` and other tools.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from netbench.core.escapes import encode_escapes

HEADER = b'{"format": "netbench compact recording", "version": 1}\n'
SUFFIX = ".nbrec"
FORMAT_NAME = "netbench compact recording"


def is_header(line: bytes) -> bool:
    """Whether ``line`` (the first of a file) says the file is a compact recording."""
    if not line.startswith(b'{"format"'):
        return False
    try:
        value = json.loads(line)
    except ValueError:
        return False
    return isinstance(value, dict) and value.get("format") == FORMAT_NAME


def format_of(path: Path) -> bool:
    """Whether recording to ``path`` writes the compact format: what a file already
    holds decides (appending keeps it one kind), else its suffix. Only a regular file is
    looked into: reading a named pipe (a live ``jq`` behind it) would wait for a writer."""
    if not path.is_file():
        return path.suffix.lower() == SUFFIX
    try:
        with path.open("rb") as existing:
            first = existing.readline(len(HEADER) + 1)
    except OSError:
        first = b""
    if first:
        return is_header(first)
    return path.suffix.lower() == SUFFIX


class CompactError(ValueError):
    """A compact recording that is damaged: ``line`` is the row's number."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def read_bytes_after(stream: BinaryIO, size: object, line: int) -> bytes:
    """The ``size`` bytes after a row, and the newline after them (CompactError if the
    size is not a count of bytes or the file does not hold them)."""
    if isinstance(size, bool) or not isinstance(size, int) or size < 0:
        raise CompactError(line)
    data = stream.read(size)
    if len(data) != size or stream.read(1) != b"\n":
        raise CompactError(line)
    return data


def _entries(source: BinaryIO) -> Iterator[tuple[dict[str, Any], bytes | None]]:
    """Each row of a compact recording, as read, with its bytes (None for a note)."""
    first = source.readline()
    if not is_header(first):
        raise CompactError(1)
    line = 1
    while raw := source.readline():
        line += 1
        try:
            value = json.loads(raw)
        except ValueError:
            raise CompactError(line) from None
        if not isinstance(value, dict):
            raise CompactError(line)
        if "raw" not in value:
            yield value, None
            continue
        yield value, read_bytes_after(source, value["raw"], line)


def to_json_lines(source: BinaryIO, target: BinaryIO) -> int:
    """Write a compact recording as JSON Lines, the rows netbench writes (``hex`` where
    ``raw`` was; ``text`` too on a row per message); return the rows written."""
    rows = 0
    for value, data in _entries(source):
        row: dict[str, Any] = {}
        for key, item in value.items():
            if key != "raw":
                row[key] = item
            elif data is not None:
                row["hex"] = data.hex()
                if "count" not in value:
                    row["text"] = encode_escapes(data, "utf-8")
        target.write(json.dumps(row, ensure_ascii=False).encode() + b"\n")
        rows += 1
    return rows
