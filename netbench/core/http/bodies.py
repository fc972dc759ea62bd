"""Request bodies: what the builder's body tab makes, and how it goes on the wire.

A :class:`BodyPlan` says the Content-Type, the exact length (computed in advance, also for
multipart with files, so the request never needs chunked encoding) and yields the bytes in
chunks: a file is read as it is sent, never loaded whole.
"""

from __future__ import annotations

import base64
import json
import mimetypes
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from netbench.core.errors import PositionedError
from netbench.core.http.model import BodySource, BytesBody, FileBody, FormField, MultipartBody
from netbench.core.text import QT_TRANSLATE_NOOP

CHUNK = 64 * 1024


class BodyError(PositionedError):
    """A body that cannot be built; ``position`` is where in the text (-1: nowhere)."""


@dataclass(frozen=True, slots=True)
class BodyPlan:
    content_type: str
    length: int
    chunks: Callable[[], Iterator[bytes]]

    def read_all(self) -> bytes:
        """The whole body (for exports and tests: the engine streams it instead)."""
        return b"".join(self.chunks())


def _file_chunks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as source:
        while chunk := source.read(CHUNK):
            yield chunk


def _bytes_plan(data: bytes, content_type: str) -> BodyPlan:
    return BodyPlan(content_type, len(data), lambda: iter([data] if data else []))


def text_body(text: str, content_type: str = "text/plain; charset=utf-8") -> BytesBody:
    return BytesBody(text.encode("utf-8"), content_type)


def json_body(text: str, pretty: bool = False) -> BytesBody:
    """Validate ``text`` as JSON (the error says line, column and offset); optionally
    re-indent it."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BodyError(
            QT_TRANSLATE_NOOP(
                "HttpBodies", "not valid JSON at line {line}, column {column}: {reason}"
            ).format(line=exc.lineno, column=exc.colno, reason=exc.msg),
            exc.pos,
        ) from exc
    if pretty:
        text = json.dumps(value, indent=2, ensure_ascii=False) + "\n"
    return BytesBody(text.encode("utf-8"), "application/json")


def form_body(fields: list[tuple[str, str]]) -> BytesBody:
    return BytesBody(urlencode(fields).encode("ascii"), "application/x-www-form-urlencoded")


def _part_head(boundary: str, form_field: FormField) -> bytes:
    name = form_field.name.replace('"', "%22")
    disposition = f'Content-Disposition: form-data; name="{name}"'
    lines = [f"--{boundary}"]
    if form_field.file is not None:
        filename = form_field.file.name.replace('"', "%22")
        content_type = (
            form_field.content_type
            or mimetypes.guess_type(form_field.file.name)[0]
            or "application/octet-stream"
        )
        lines += [f'{disposition}; filename="{filename}"', f"Content-Type: {content_type}"]
    else:
        lines.append(disposition)
        if form_field.content_type:
            lines.append(f"Content-Type: {form_field.content_type}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")


def _multipart_plan(body: MultipartBody) -> BodyPlan:
    boundary = body.boundary or "netbench-" + secrets.token_hex(12)
    fields = [f for f in body.fields if f.enabled]
    length = 0
    for form_field in fields:
        length += len(_part_head(boundary, form_field)) + 2
        if form_field.file is not None:
            length += form_field.file.stat().st_size
        else:
            length += len(form_field.value.encode("utf-8"))
    closing = f"--{boundary}--\r\n".encode("ascii")
    length += len(closing)

    def chunks() -> Iterator[bytes]:
        for form_field in fields:
            yield _part_head(boundary, form_field)
            if form_field.file is not None:
                yield from _file_chunks(form_field.file)
            else:
                yield form_field.value.encode("utf-8")
            yield b"\r\n"
        yield closing

    return BodyPlan(f"multipart/form-data; boundary={boundary}", length, chunks)


def plan_body(source: BodySource) -> BodyPlan | None:
    """How ``source`` goes on the wire; None for no body. A missing file raises OSError."""
    if isinstance(source, BytesBody):
        return _bytes_plan(source.data, source.content_type)
    if isinstance(source, FileBody):
        size = source.path.stat().st_size
        path = source.path
        return BodyPlan(source.content_type, size, lambda: _file_chunks(path))
    if isinstance(source, MultipartBody):
        return _multipart_plan(source)
    return None


def basic_auth(user: str, password: str) -> tuple[str, str]:
    token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    return ("Authorization", f"Basic {token}")


def bearer_auth(token: str) -> tuple[str, str]:
    return ("Authorization", f"Bearer {token}")
