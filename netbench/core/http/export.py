"""A request as code to take away: httpx2 (Python), or the exact bytes over a raw socket.

The raw-socket form is the one tutorials teach (``socket.create_connection`` and
``sendall``), and shows that HTTP/1.1 is only bytes: it sends what :func:`request_bytes`
builds, which is what the engine sends for an HTTP/1.1 request (Host first, the headers
as typed, then Content-Length), with ``Connection: close`` so reading to the end works.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from netbench.core.http.bodies import plan_body
from netbench.core.http.model import FileBody, HttpRequest, MultipartBody, NoBody


def _target(url: str) -> tuple[str, str, int, str, bool]:
    parts = urlsplit(url)
    tls = parts.scheme == "https"
    port = parts.port or (443 if tls else 80)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return parts.hostname or "", parts.netloc, port, path, tls


def request_bytes(request: HttpRequest, close: bool = True) -> bytes:
    """The HTTP/1.1 request as bytes (a file body is read here: for exports only)."""
    _, netloc, _, path, _ = _target(request.url)
    headers = request.enabled_headers()
    names = {n.lower() for n, _ in headers}
    lines = [f"{request.method} {path} HTTP/1.1"]
    if "host" not in names:
        lines.append(f"Host: {netloc}")
    lines += [f"{n}: {v}" for n, v in headers]
    plan = plan_body(request.body)
    if plan is not None:
        if plan.content_type and "content-type" not in names:
            lines.append(f"Content-Type: {plan.content_type}")
        if "content-length" not in names:
            lines.append(f"Content-Length: {plan.length}")
    if close and "connection" not in names:
        lines.append("Connection: close")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")  # as the engine sends it
    return head + (plan.read_all() if plan is not None else b"")


def to_raw_socket_python(request: HttpRequest) -> str:
    host, _, port, _, tls = _target(request.url)
    data = request_bytes(request)
    lines = ["import socket"]
    lines += ["import ssl"] if tls else []
    lines += ["", "request = ("]
    lines += [f"    {line!r}" for line in data.splitlines(keepends=True)] or ["    b''"]
    lines += [")", "", f"sock = socket.create_connection(({host!r}, {port}))"]
    if tls:
        lines.append(
            f"sock = ssl.create_default_context().wrap_socket(sock, server_hostname={host!r})"
        )
    lines += [
        "with sock:",
        "    sock.sendall(request)",
        "    response = b''",
        "    while chunk := sock.recv(65536):",
        "        response += chunk",
        "print(response.decode('latin-1'))",
    ]
    return "\n".join(lines) + "\n"


def to_httpx2_python(request: HttpRequest) -> str:
    lines = ["import httpx2", ""]
    args = [repr(request.method), repr(request.url)]
    headers = request.enabled_headers()
    if headers:
        args.append(f"headers={headers!r}")
    body = request.body
    if isinstance(body, FileBody):
        lines.insert(1, "from pathlib import Path")
        args.append(f"content=Path({str(body.path)!r}).read_bytes()")
    elif isinstance(body, MultipartBody):
        data = {f.name: f.value for f in body.fields if f.enabled and f.file is None}
        files = {
            f.name: f"open({str(f.file)!r}, 'rb')" for f in body.fields if f.enabled and f.file
        }
        args.append(f"data={data!r}")
        if files:
            args.append("files={" + ", ".join(f"{k!r}: {v}" for k, v in files.items()) + "}")
    elif not isinstance(body, NoBody):
        plan = plan_body(body)
        assert plan is not None
        args.append(f"content={plan.read_all()!r}")
    if request.follow_redirects:
        args.append("follow_redirects=True")
    client_args = [] if request.connection.tls.verify else ["verify=False"]
    lines.append(f"with httpx2.Client({', '.join(client_args)}) as client:")
    lines.append(f"    response = client.request({', '.join(args)})")
    lines += ["print(response.status_code, response.reason_phrase)", "print(response.text)"]
    return "\n".join(lines) + "\n"
