"""Every exchange the HTTP tab ran, in a small SQLite file: find it again, run it again.

The store keeps the request as it was sent (so "load" gives back exactly that request) and a
summary of the response (status, outcome, time, size). It is bounded: past ``limit``
entries the oldest go, so months of use never grow the file without end. WAL mode lets a
second window read while one writes.

Secrets stay in the user's own file but never leave it unmasked: :func:`masked` hides the
values of Authorization, Proxy-Authorization, Cookie and Set-Cookie headers, and
:meth:`HistoryStore.export_jsonl` writes only masked requests.
"""

from __future__ import annotations

import base64
import json
import sqlite3
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from netbench.core.http.model import (
    BodySource,
    BytesBody,
    ConnectionSettings,
    FileBody,
    FormField,
    Header,
    HttpRequest,
    HttpVersion,
    MultipartBody,
    NoBody,
    Timeouts,
    TlsOptions,
)

DEFAULT_LIMIT = 1000
FILE_NAME = "http-history.sqlite3"
SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})
MASK = "•••"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS exchanges (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at REAL NOT NULL,
    method TEXT NOT NULL,
    url TEXT NOT NULL,
    status INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    seconds REAL NOT NULL,
    size INTEGER NOT NULL,
    request TEXT NOT NULL
)
"""


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    id: int
    at: float  # time.time() when it ran
    method: str
    url: str
    status: int  # 0: no response
    outcome: str
    seconds: float
    size: int  # body bytes received
    request: HttpRequest


def _path_or_none(value: str | None) -> Path | None:
    return Path(value) if value else None


def _body_to_dict(body: BodySource) -> dict[str, Any]:
    if isinstance(body, BytesBody):
        data = base64.b64encode(body.data).decode("ascii")
        return {"kind": "bytes", "data": data, "content_type": body.content_type}
    if isinstance(body, FileBody):
        return {"kind": "file", "path": str(body.path), "content_type": body.content_type}
    if isinstance(body, MultipartBody):
        fields = [
            {
                "name": f.name,
                "value": f.value,
                "file": str(f.file) if f.file else None,
                "content_type": f.content_type,
                "enabled": f.enabled,
            }
            for f in body.fields
        ]
        return {"kind": "multipart", "fields": fields, "boundary": body.boundary}
    return {"kind": "none"}


def _body_from_dict(data: dict[str, Any]) -> BodySource:
    kind = data.get("kind")
    if kind == "bytes":
        return BytesBody(base64.b64decode(data["data"]), data.get("content_type", ""))
    if kind == "file":
        return FileBody(Path(data["path"]), data.get("content_type", ""))
    if kind == "multipart":
        fields = tuple(
            FormField(
                f["name"],
                f.get("value", ""),
                _path_or_none(f.get("file")),
                f.get("content_type", ""),
                f.get("enabled", True),
            )
            for f in data.get("fields", [])
        )
        return MultipartBody(fields, data.get("boundary", ""))
    return NoBody()


def request_to_dict(request: HttpRequest) -> dict[str, Any]:
    """A JSON-able form of ``request`` (bodies in base64, paths as strings)."""
    tls = request.connection.tls
    timeouts = request.timeouts
    return {
        "method": request.method,
        "url": request.url,
        "headers": [[h.name, h.value, h.enabled] for h in request.headers],
        "body": _body_to_dict(request.body),
        "version": request.connection.version.value,
        "tls": {
            "verify": tls.verify,
            "ca_file": str(tls.ca_file) if tls.ca_file else None,
            "client_cert": str(tls.client_cert) if tls.client_cert else None,
            "client_key": str(tls.client_key) if tls.client_key else None,
        },
        "unix_socket": request.connection.unix_socket,
        "proxy": request.connection.proxy,
        "timeouts": [
            timeouts.connect,
            timeouts.read,
            timeouts.write,
            timeouts.pool,
            timeouts.total,
        ],
        "follow_redirects": request.follow_redirects,
        "max_redirects": request.max_redirects,
        "fresh_connection": request.fresh_connection,
    }


def request_from_dict(data: dict[str, Any]) -> HttpRequest:
    tls = data.get("tls", {})
    settings = ConnectionSettings(
        HttpVersion(data.get("version", "auto")),
        TlsOptions(
            tls.get("verify", True),
            _path_or_none(tls.get("ca_file")),
            _path_or_none(tls.get("client_cert")),
            _path_or_none(tls.get("client_key")),
        ),
        data.get("unix_socket", ""),
        data.get("proxy", ""),
    )
    timeouts = Timeouts(*data["timeouts"]) if "timeouts" in data else Timeouts()
    return HttpRequest(
        data.get("method", "GET"),
        data.get("url", ""),
        tuple(Header(n, v, bool(e)) for n, v, e in data.get("headers", [])),
        _body_from_dict(data.get("body", {})),
        settings,
        timeouts,
        bool(data.get("follow_redirects", False)),
        int(data.get("max_redirects", 10)),
        bool(data.get("fresh_connection", False)),
    )


def masked(request: HttpRequest) -> HttpRequest:
    """``request`` with the values of credential headers replaced by a mask."""
    headers = tuple(
        replace(h, value=MASK) if h.name.lower() in SECRET_HEADERS else h for h in request.headers
    )
    return replace(request, headers=headers)


class HistoryStore:
    """The history file; every call is short and commits at once."""

    def __init__(self, path: Path, limit: int = DEFAULT_LIMIT) -> None:
        self.path = path
        self.limit = limit
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path))
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(_SCHEMA)
        self._db.commit()

    def add(
        self,
        request: HttpRequest,
        status: int,
        outcome: str,
        seconds: float,
        size: int,
    ) -> int:
        cursor = self._db.execute(
            "INSERT INTO exchanges (at, method, url, status, outcome, seconds, size, request)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                time.time(),
                request.method,
                request.url,
                status,
                outcome,
                seconds,
                size,
                json.dumps(request_to_dict(request)),
            ),
        )
        self._db.execute(
            "DELETE FROM exchanges WHERE id <= (SELECT MAX(id) FROM exchanges) - ?",
            (self.limit,),
        )
        self._db.commit()
        return int(cursor.lastrowid or 0)

    def entries(self, limit: int | None = None) -> list[HistoryEntry]:
        """Newest first."""
        rows = self._db.execute(
            "SELECT id, at, method, url, status, outcome, seconds, size, request"
            " FROM exchanges ORDER BY id DESC LIMIT ?",
            (limit if limit is not None else self.limit,),
        ).fetchall()
        return [
            HistoryEntry(
                int(row[0]),
                float(row[1]),
                str(row[2]),
                str(row[3]),
                int(row[4]),
                str(row[5]),
                float(row[6]),
                int(row[7]),
                request_from_dict(json.loads(row[8])),
            )
            for row in rows
        ]

    def __len__(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM exchanges").fetchone()[0])

    def clear(self) -> None:
        self._db.execute("DELETE FROM exchanges")
        self._db.commit()

    def export_jsonl(self, path: Path) -> int:
        """Writes every entry, oldest first, with secrets masked; returns how many."""
        entries = list(reversed(self.entries()))
        with path.open("w", encoding="utf-8") as out:
            for entry in entries:
                record = {
                    "at": entry.at,
                    "status": entry.status,
                    "outcome": entry.outcome,
                    "seconds": entry.seconds,
                    "size": entry.size,
                    "request": request_to_dict(masked(entry.request)),
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return len(entries)

    def close(self) -> None:
        self._db.close()
