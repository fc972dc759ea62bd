"""A response body as it arrives: the raw bytes, and decoded beside them.

Never held whole in memory: up to ``MEMORY_LIMIT`` bytes stay in memory (creating a file
costs more than a small exchange does), and past that both forms go to files, chunk by
chunk, so a 1 GB body costs no more memory than a small one. The decoded form exists when
the response was gzip, deflate or br coded. A body that does not decode keeps its raw
form and says why.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import BinaryIO

from netbench.core.http.decoding import ContentDecoder, DecodeError, can_decode
from netbench.core.http.result import BodyFiles

MEMORY_LIMIT = 256 * 1024


class _Spool:
    """Bytes in memory until ``MEMORY_LIMIT``, then in the file ``directory/name`` (its path
    is made only then: most bodies never need it, and a keep-alive request is ~0.1 ms)."""

    def __init__(self, directory: Path, name: str) -> None:
        self.directory = directory
        self.name = name
        self.path: Path | None = None
        self.size = 0
        self._parts: list[bytes] = []
        self._file: BinaryIO | None = None

    def write(self, data: bytes) -> None:
        self.size += len(data)
        if self._file is not None:
            self._file.write(data)
            return
        self._parts.append(data)
        if self.size > MEMORY_LIMIT:
            self.path = self.directory / self.name
            self._file = self.path.open("wb")
            self._file.write(b"".join(self._parts))
            self._parts = []

    def close(self) -> tuple[Path | None, bytes]:
        if self._file is None:
            return None, b"".join(self._parts)
        self._file.close()
        return self.path, b""


class BodySink:
    def __init__(self, directory: Path, stem: str, content_encoding: str, decode: bool) -> None:
        self._raw = _Spool(directory, f"{stem}.body")
        self._decoder: ContentDecoder | None = None
        self._decoded: _Spool | None = None
        self.decode_error = ""
        if decode and content_encoding and can_decode(content_encoding):
            self._decoder = ContentDecoder(content_encoding)
            self._decoded = _Spool(directory, f"{stem}.decoded")
        self.first_at: float | None = None

    @property
    def received(self) -> int:
        return self._raw.size

    def write(self, chunk: bytes) -> None:
        if self.first_at is None:
            self.first_at = time.monotonic()
        self._raw.write(chunk)
        if self._decoder is not None and self._decoded is not None:
            try:
                self._decoded.write(self._decoder.feed(chunk))
            except DecodeError as exc:
                self._stop_decoding(str(exc))

    def _stop_decoding(self, reason: str) -> None:
        self.decode_error = reason
        self._decoder = None

    def rate(self) -> float:
        if self.first_at is None:
            return 0.0
        return self.received / max(time.monotonic() - self.first_at, 1e-6)

    def close(self, complete: bool) -> BodyFiles:
        """Flush both forms; a complete body's decoder is finished (a cut one is not)."""
        if complete and self._decoder is not None and self._decoded is not None:
            try:
                self._decoded.write(self._decoder.finish())
            except DecodeError as exc:
                self._stop_decoding(str(exc))
        raw_path, raw_data = self._raw.close()
        decoded_path, decoded_data, decoded_size = None, None, self._raw.size
        if self._decoded is not None:
            decoded_path, data = self._decoded.close()
            decoded_data = data if decoded_path is None else None
            decoded_size = self._decoded.size
        return BodyFiles(
            raw=raw_path,
            decoded=decoded_path,
            raw_size=self._raw.size,
            decoded_size=decoded_size,
            decode_error=self.decode_error,
            raw_data=raw_data if raw_path is None else b"",
            decoded_data=decoded_data,
        )
