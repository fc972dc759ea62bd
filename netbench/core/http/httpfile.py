"""``.http`` files (JetBrains HTTP Client, VS Code REST Client): read and write.

A file holds ``@name = value`` variables and requests separated by ``###`` lines (the
text after ``###`` names the request). A request is its request line (``METHOD URL
[HTTP/1.1]``, or just a URL for GET), headers, a blank line and the body; a body of the
form ``< ./path`` is that file, relative to the ``.http`` file. ``{{name}}`` stays as
written: variables are resolved when the request runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from netbench.core.errors import MessageError
from netbench.core.http.model import BytesBody, FileBody, Header, HttpRequest, NoBody
from netbench.core.text import QT_TRANSLATE_NOOP

_VARIABLE = re.compile(r"@([A-Za-z0-9_.\-]+)\s*=\s*(.*)")
_REQUEST_LINE = re.compile(r"([A-Z]+)\s+(\S+)(?:\s+HTTP/[\d.]+)?\s*$")
_NAME = re.compile(r"(?:#|//)\s*@name\s+(.+)")


class HttpFileError(MessageError, ValueError):
    """A .http file that cannot be read, at ``line`` (1-based)."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True, slots=True)
class HttpFileEntry:
    name: str
    request: HttpRequest


@dataclass(frozen=True, slots=True)
class HttpFile:
    variables: tuple[tuple[str, str], ...]
    entries: tuple[HttpFileEntry, ...]


def _blocks(text: str) -> list[tuple[int, str, list[str]]]:
    """(first line number, name after ###, lines) for each block."""
    blocks: list[tuple[int, str, list[str]]] = [(1, "", [])]
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("###"):
            blocks.append((number + 1, line[3:].strip(), []))
        else:
            blocks[-1][2].append(line)
    return blocks


def _entry(
    start: int, name: str, lines: list[str], base: Path, variables: list[tuple[str, str]]
) -> HttpFileEntry | None:
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        variable = _VARIABLE.fullmatch(line)
        named = _NAME.fullmatch(line)
        if named:
            name = named.group(1).strip()
        elif variable:
            variables.append((variable.group(1), variable.group(2).strip()))
        elif line and not line.startswith(("#", "//")):
            break
        index += 1
    if index == len(lines):
        return None
    request_line = lines[index].strip()
    match = _REQUEST_LINE.fullmatch(request_line)
    if match:
        method, url = match.group(1), match.group(2)
    elif " " not in request_line:
        method, url = "GET", request_line
    else:
        raise HttpFileError(
            QT_TRANSLATE_NOOP("HttpFile", "line {line} is not a request line: {text}").format(
                line=start + index, text=request_line
            ),
            start + index,
        )
    headers, body_lines = _headers_and_body(lines[index + 1 :])
    return HttpFileEntry(name, HttpRequest(method, url, tuple(headers), _body(body_lines, base)))


def _headers_and_body(lines: list[str]) -> tuple[list[Header], list[str]]:
    headers: list[Header] = []
    for index, line in enumerate(lines):
        if not line.strip():
            return headers, lines[index + 1 :]
        name, _, value = line.partition(":")
        headers.append(Header(name.strip(), value.strip()))
    return headers, []


def _body(lines: list[str], base: Path) -> BytesBody | FileBody | NoBody:
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    if not lines:
        return NoBody()
    if len(lines) == 1 and lines[0].startswith("< "):
        return FileBody(base / lines[0][2:].strip(), "")
    return BytesBody("\n".join(lines).encode("utf-8"))


def parse_http_file(text: str, base: Path = Path()) -> HttpFile:
    variables: list[tuple[str, str]] = []
    entries = []
    for start, name, lines in _blocks(text):
        entry = _entry(start, name, lines, base, variables)
        if entry is not None:
            entries.append(entry)
    return HttpFile(tuple(variables), tuple(entries))


def _write_entry(entry: HttpFileEntry, base: Path) -> list[str]:
    request = entry.request
    lines = [f"### {entry.name}".rstrip(), f"{request.method} {request.url}"]
    lines += [f"{h.name}: {h.value}" for h in request.headers if h.enabled]
    body = request.body
    if isinstance(body, BytesBody) and body.data:
        lines += ["", body.data.decode("utf-8")]
    elif isinstance(body, FileBody):
        path = body.path.relative_to(base) if body.path.is_relative_to(base) else body.path
        lines += ["", f"< ./{path}" if not path.is_absolute() else f"< {path}"]
    return lines


def write_http_file(document: HttpFile, base: Path = Path()) -> str:
    """The file's text; disabled headers are left out (the format has no such thing)."""
    lines = [f"@{name} = {value}" for name, value in document.variables]
    for entry in document.entries:
        if lines:
            lines.append("")
        lines += _write_entry(entry, base)
    return "\n".join(lines) + "\n"
