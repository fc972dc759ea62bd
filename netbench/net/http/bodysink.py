"""A response body written to disk as it arrives: the raw bytes, and decoded beside them.

Never held whole in memory: each chunk goes to the raw file, and through the content
decoder to the decoded file when the response was gzip, deflate or br coded. A body that
does not decode keeps its raw file and says why.
"""

from __future__ import annotations

import time
from pathlib import Path

from netbench.core.http.decoding import ContentDecoder, DecodeError, can_decode
from netbench.core.http.result import BodyFiles


class BodySink:
    def __init__(self, directory: Path, stem: str, content_encoding: str, decode: bool) -> None:
        self.raw_path = directory / f"{stem}.body"
        self._raw = self.raw_path.open("wb")
        self._decoder: ContentDecoder | None = None
        self._decoded = None
        self.decoded_path: Path | None = None
        self.decode_error = ""
        if decode and content_encoding and can_decode(content_encoding):
            self._decoder = ContentDecoder(content_encoding)
            self.decoded_path = directory / f"{stem}.decoded"
            self._decoded = self.decoded_path.open("wb")
        self.received = 0
        self.decoded = 0
        self.first_at: float | None = None

    def write(self, chunk: bytes) -> None:
        if self.first_at is None:
            self.first_at = time.monotonic()
        self._raw.write(chunk)
        self.received += len(chunk)
        if self._decoder is not None and self._decoded is not None:
            try:
                out = self._decoder.feed(chunk)
            except DecodeError as exc:
                self._stop_decoding(str(exc))
                return
            self._decoded.write(out)
            self.decoded += len(out)

    def _stop_decoding(self, reason: str) -> None:
        self.decode_error = reason
        self._decoder = None

    def rate(self) -> float:
        if self.first_at is None:
            return 0.0
        return self.received / max(time.monotonic() - self.first_at, 1e-6)

    def close(self, complete: bool) -> BodyFiles:
        """Flush both files; a complete body's decoder is finished (a cut one is not)."""
        if complete and self._decoder is not None and self._decoded is not None:
            try:
                out = self._decoder.finish()
                self._decoded.write(out)
                self.decoded += len(out)
            except DecodeError as exc:
                self._stop_decoding(str(exc))
        self._raw.close()
        if self._decoded is not None:
            self._decoded.close()
        return BodyFiles(
            raw=self.raw_path,
            decoded=self.decoded_path,
            raw_size=self.received,
            decoded_size=self.decoded if self.decoded_path else self.received,
            decode_error=self.decode_error,
        )
