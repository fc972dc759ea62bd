"""What the static site serves from its folder: files, folder listings, content types.

Nothing outside the site folder is ever served. A path with a ``..`` segment, a backslash,
a NUL or a drive-like segment is refused before it touches the file system, and the path
that remains is resolved (following symbolic links) and must still lie inside the
resolved site folder. Refusals are 403 rather than 404: the folder is the user's own, and
"Forbidden: the path leaves the site folder" teaches more than a bare "Not Found".

Small files (up to ``INLINE_FILE_BYTES``) are read whole; larger ones, up to
``MAX_FILE_BYTES``, are streamed from the open file a chunk at a time as the connection takes
them, so thirty pipelined requests for a large file never hold thirty copies in memory.
Anything bigger gets 500 with a page that says why (413 would wrongly blame the request).
"""

from __future__ import annotations

import html
import mimetypes
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePath
from typing import BinaryIO
from urllib.parse import quote

from netbench.core.replies.http_request import HttpError

MAX_FILE_BYTES = 64 * 1024 * 1024 * 1024
INLINE_FILE_BYTES = 64 * 1024
STREAM_CHUNK_BYTES = 64 * 1024
MAX_LISTING_ENTRIES = 1000

# Python's built-in table (not the system's mime.types, so every machine answers alike),
# brought up to date where browsers care.
_TYPE_OVERRIDES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".webp": "image/webp",
    ".md": "text/markdown",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ico": "image/x-icon",
}
_COMPRESSED_TYPES = {"gzip": "application/gzip", "bzip2": "application/x-bzip2"}
_TEXT_APPLICATION_TYPES = frozenset({"application/json", "application/xml"})


@dataclass(frozen=True, slots=True)
class StaticSite:
    """The folder to serve and the file a folder request gets.

    Checked on construction so the UI can say what is wrong before the server starts.
    """

    root: Path
    index: str = "index.html"

    def __post_init__(self) -> None:
        root = Path(self.root)
        object.__setattr__(self, "root", root)
        if not root.is_dir():
            raise ValueError(f"the site folder {str(root)!r} does not exist or is not a folder")
        index = self.index
        if not index or PurePath(index).name != index or index in (".", ".."):
            raise ValueError(f"the index file must be a plain file name, got {index!r}")


def locate(root: Path, url_path: str) -> Path:
    """The file system path for `url_path`, refused with 403 if it could leave `root`."""
    if "\0" in url_path:
        raise HttpError(403, "The path contains a NUL character.")
    if "\\" in url_path:
        raise HttpError(403, "The path contains a backslash, which is not a path separator here.")
    parts: list[str] = []
    for segment in url_path.split("/"):
        if segment in ("", "."):
            continue
        if segment == "..":
            raise HttpError(
                403, "The path goes up a folder with '..'; only the site folder is served."
            )
        pure = PurePath(segment)
        if pure.anchor or pure.name != segment:
            raise HttpError(403, f"The path segment {segment!r} is not a plain name.")
        parts.append(segment)
    resolved = inside(root, root.joinpath(*parts))
    if resolved is None:
        raise HttpError(403, "The path leads outside the site folder.")
    return resolved


def inside(root: Path, path: Path) -> Path | None:
    """`path` with every symbolic link followed, if that is still inside `root`."""
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symbolic link loop (Python 3.11)
        return None
    return resolved if resolved.is_relative_to(root) else None


def stat_path(path: Path, url_path: str) -> os.stat_result:
    try:
        return path.stat()
    except PermissionError:
        raise HttpError(403, f"{url_path} cannot be read (permission denied).") from None
    except OSError:
        raise HttpError(404, f"There is no {url_path} on this server.") from None


@dataclass(frozen=True, slots=True)
class SiteFile:
    """A file about to be served: its bytes when small (``data``), else an open file that
    :meth:`chunks` streams (and closes); :meth:`discard` closes it unread."""

    size: int
    modified: float
    data: bytes | None
    file: BinaryIO | None

    def chunks(self) -> FileChunks:
        """The file's bytes, a chunk at a time (closing the file at the end, or on close)."""
        assert self.file is not None
        return FileChunks(self.file, self.size)

    def discard(self) -> None:
        if self.file is not None:
            self.file.close()


class FileChunks:
    """An open file read a chunk at a time up to the size it had when opened; closed at
    the end or by :meth:`close`, whichever comes first."""

    def __init__(self, file: BinaryIO, size: int) -> None:
        self._file = file
        self._left = size

    def __iter__(self) -> Iterator[bytes]:
        return self

    def __next__(self) -> bytes:
        if self._left <= 0 or self._file.closed:
            self.close()
            raise StopIteration
        try:
            chunk = self._file.read(min(STREAM_CHUNK_BYTES, self._left))
        except BaseException:
            self.close()
            raise
        if not chunk:
            self.close()
            # Shorter than the Content-Length sent: the driver must end the connection,
            # or the client waits for bytes that never come.
            raise EOFError("the file shrank while it was being sent")
        self._left -= len(chunk)
        return chunk

    def close(self) -> None:
        self._file.close()


def open_file(path: Path, url_path: str) -> SiteFile:
    """The file, opened once: small ones read whole, larger ones left open to stream.

    Opened without blocking and checked on the open descriptor, so a FIFO or device that
    appeared in the folder cannot stall the server, and the size checked is the size read.
    """
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except PermissionError:
        raise HttpError(403, f"{url_path} cannot be read (permission denied).") from None
    except OSError:
        raise HttpError(404, f"There is no {url_path} on this server.") from None
    file = os.fdopen(fd, "rb")
    try:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise HttpError(404, f"{url_path} is not a regular file.")
        if info.st_size > MAX_FILE_BYTES:
            raise HttpError(
                500,
                f"{url_path} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, "
                "the most this responder serves.",
            )
        modified = float(int(info.st_mtime))
        if info.st_size > INLINE_FILE_BYTES:
            return SiteFile(info.st_size, modified, None, file)
        try:
            data = file.read(INLINE_FILE_BYTES + 1)
        except OSError as error:
            raise HttpError(500, f"{url_path} could not be read: {error.strerror}.") from None
    except BaseException:
        file.close()
        raise
    file.close()
    return SiteFile(len(data), modified, data, None)


def read_file(path: Path, url_path: str) -> tuple[bytes, float]:
    """The whole file and its modification time (small files; tests)."""
    opened = open_file(path, url_path)
    if opened.data is not None:
        return opened.data, opened.modified
    return b"".join(opened.chunks()), opened.modified


def listing(url_path: str, folder: Path, root: Path) -> bytes:
    """A plain index of a folder without an index file, like ``python -m http.server``.

    Entries that lead outside the site folder are left out, so the page never links to
    something that would be refused.
    """
    entries: list[tuple[bool, str]] = []
    truncated = False
    try:
        with os.scandir(folder) as scan:
            for entry in scan:
                if len(entries) == MAX_LISTING_ENTRIES:
                    truncated = True
                    break
                target = inside(root, Path(entry.path))
                if target is None or not _encodable(entry.name):
                    continue
                entries.append((target.is_dir(), entry.name))
    except OSError:
        raise HttpError(403, f"The folder {url_path} cannot be listed.") from None
    entries.sort(key=lambda item: (not item[0], item[1].casefold(), item[1]))
    items = []
    if url_path != "/":
        items.append('<li><a href="../">../</a></li>')
    for is_dir, name in entries:
        slash = "/" if is_dir else ""
        href = html.escape(quote(name) + slash)
        items.append(f'<li><a href="{href}">{html.escape(name)}{slash}</a></li>')
    if truncated:
        items.append(f"<li>… only the first {MAX_LISTING_ENTRIES} entries are shown</li>")
    title = f"Index of {html.escape(url_path)}"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n</head>\n<body>\n<h1>{title}</h1>\n"
        "<p>This folder has no index file, so netbench lists what it holds.</p>\n"
        "<ul>\n" + "\n".join(items) + "\n</ul>\n</body>\n</html>\n"
    ).encode()


def _encodable(name: str) -> bool:
    """False for file names that are not valid UTF-8 on disk: no URL can reach them."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# --- content types ---------------------------------------------------------------------------


@cache
def _mime_types() -> mimetypes.MimeTypes:
    return mimetypes.MimeTypes()


def content_type(name: str) -> str:
    """The Content-Type for a file name, with ``charset=utf-8`` for text.

    Text files are assumed to be UTF-8: a browser guessing the charset shows Chinese
    pages as mojibake.
    """
    suffix = PurePath(name).suffix.lower()
    kind = _TYPE_OVERRIDES.get(suffix)
    if kind is None:
        guessed, encoding = _mime_types().guess_type(name, strict=False)
        if encoding is not None:
            # A .tar.gz is a gzip file on the wire: there is no Content-Encoding here.
            guessed = _COMPRESSED_TYPES.get(encoding)
        kind = guessed or "application/octet-stream"
    if kind.startswith("text/") or kind in _TEXT_APPLICATION_TYPES:
        return f"{kind}; charset=utf-8"
    return kind
