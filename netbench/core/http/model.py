"""What the user asks for: one HTTP request and the settings it runs with.

Plain frozen dataclasses, so a request can be stored, compared, exported (curl, Python,
``.http``) and run the same way. Header names keep the case the user typed, and disabled
rows stay in the list: the builder shows them greyed out and the engine skips them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class HttpVersion(StrEnum):
    """Which protocol to offer: 1.1 only, 2 only (prior knowledge on http://), or either."""

    HTTP1_1 = "1.1"
    HTTP2 = "2"
    AUTO = "auto"


@dataclass(frozen=True, slots=True)
class Header:
    """One row of the header table: a disabled row stays in the request, unsent."""

    name: str
    value: str
    enabled: bool = True


@dataclass(frozen=True, slots=True)
class NoBody:
    """No body: nothing follows the head (:func:`~netbench.core.http.bodies.plan_body`
    plans none)."""


@dataclass(frozen=True, slots=True)
class BytesBody:
    """A body held in memory (typed text, JSON, a URL-encoded form). ``content_type`` is
    sent as Content-Type unless it is empty or a header row already names one."""

    data: bytes
    content_type: str = ""


@dataclass(frozen=True, slots=True)
class FileBody:
    """A file sent as the body, read in chunks as it goes (never loaded whole)."""

    path: Path
    content_type: str = "application/octet-stream"


@dataclass(frozen=True, slots=True)
class FormField:
    """One part of a multipart form: a text value, or a file's content under its name."""

    name: str
    value: str = ""
    file: Path | None = None  # set: the part is this file's content
    content_type: str = ""
    enabled: bool = True


@dataclass(frozen=True, slots=True)
class MultipartBody:
    """A multipart/form-data body; disabled fields stay in the list but are not sent."""

    fields: tuple[FormField, ...]
    boundary: str = ""  # empty: one is made when the body is built


BodySource = NoBody | BytesBody | FileBody | MultipartBody


@dataclass(frozen=True, slots=True)
class TlsOptions:
    """How an https:// connection checks the server and shows itself: curl's -k, --cacert,
    --cert and --key."""

    verify: bool = True  # False is curl's -k: no chain or name check
    ca_file: Path | None = None  # None: the system's store
    client_cert: Path | None = None
    client_key: Path | None = None


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Seconds per phase; ``None`` waits for ever (the user still has Cancel)."""

    connect: float | None = 10.0  # name lookup, TCP connect and TLS handshake
    read: float | None = 30.0  # between two reads of the response
    write: float | None = 30.0
    pool: float | None = 10.0
    total: float | None = None


@dataclass(frozen=True, slots=True)
class ConnectionSettings:
    """What a pooled connection depends on: requests with equal settings share a pool."""

    version: HttpVersion = HttpVersion.AUTO
    tls: TlsOptions = field(default_factory=TlsOptions)
    unix_socket: str = ""
    proxy: str = ""  # http://host:port or socks5://host:port, empty: direct


@dataclass(frozen=True, slots=True)
class HttpRequest:
    """Everything one request is: what is sent, on what kind of connection, how long each
    phase may take, and whether redirects are followed."""

    method: str = "GET"
    url: str = ""
    headers: tuple[Header, ...] = ()
    body: BodySource = field(default_factory=NoBody)
    connection: ConnectionSettings = field(default_factory=ConnectionSettings)
    timeouts: Timeouts = field(default_factory=Timeouts)
    follow_redirects: bool = False
    max_redirects: int = 10
    fresh_connection: bool = False  # a new connection for this request, closed after it
    decode_content: bool = True  # gzip, deflate, br to a second file

    def enabled_headers(self) -> list[tuple[str, str]]:
        return [(h.name, h.value) for h in self.headers if h.enabled]
