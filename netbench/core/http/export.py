"""A request as code to take away: httpx2 (Python), or the exact bytes over a raw socket.

The raw-socket form is the one tutorials teach (``socket.create_connection`` and
``sendall``), and shows that HTTP/1.1 is only bytes: it sends what :func:`request_bytes`
builds, which is what the engine sends for an HTTP/1.1 request (Host first, the headers
as typed, then Content-Length), with ``Connection: close`` so reading to the end works.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from netbench.core.http.bodies import plan_body
from netbench.core.http.model import FileBody, HttpRequest, HttpVersion, MultipartBody, TlsOptions


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


def _tls_lines(tls: TlsOptions) -> list[str]:
    """Lines making ``context``, the request's TLS settings as code: its CA file, its client
    certificate, or no checks at all (curl's -k). Empty for the default (the system store):
    the copies then say nothing about TLS."""
    if tls.verify and tls.ca_file is None and tls.client_cert is None:
        return []
    cafile = f"cafile={str(tls.ca_file)!r}" if tls.verify and tls.ca_file else ""
    lines = [f"context = ssl.create_default_context({cafile})"]
    if not tls.verify:
        lines += ["context.check_hostname = False", "context.verify_mode = ssl.CERT_NONE"]
    if tls.client_cert is not None:
        key = f", {str(tls.client_key)!r}" if tls.client_key else ""
        lines.append(f"context.load_cert_chain({str(tls.client_cert)!r}{key})")
    return lines


def to_raw_socket_python(request: HttpRequest) -> str:
    """The request's exact HTTP/1.1 bytes over a socket: TCP (TLS with the request's own
    settings for https://) or the request's Unix socket. A proxy is not spoken to."""
    host, _, port, _, tls = _target(request.url)
    data = request_bytes(request)
    unix_socket = request.connection.unix_socket
    lines = ["import socket"]
    lines += ["import ssl"] if tls else []
    lines += ["", "request = ("]
    lines += [f"    {line!r}" for line in data.splitlines(keepends=True)] or ["    b''"]
    lines += [")", ""]
    if unix_socket:
        lines += ["sock = socket.socket(socket.AF_UNIX)", f"sock.connect({unix_socket!r})"]
    else:
        lines.append(f"sock = socket.create_connection(({host!r}, {port}))")
    if tls:
        lines += _tls_lines(request.connection.tls) or ["context = ssl.create_default_context()"]
        lines.append(f"sock = context.wrap_socket(sock, server_hostname={host!r})")
    lines += [
        "with sock:",
        "    sock.sendall(request)",
        "    response = b''",
        "    while chunk := sock.recv(65536):",
        "        response += chunk",
        "print(response.decode('latin-1'))",
    ]
    return "\n".join(lines) + "\n"


def _httpx2_body(request: HttpRequest, headers: list[tuple[str, str]]) -> list[str]:
    """The body arguments; a Content-Type the engine would add is added to ``headers``."""
    body = request.body
    if isinstance(body, MultipartBody):  # httpx2 makes the boundary and the Content-Type
        data = {f.name: f.value for f in body.fields if f.enabled and f.file is None}
        files = {
            f.name: f"open({str(f.file)!r}, 'rb')" for f in body.fields if f.enabled and f.file
        }
        args = [f"data={data!r}"]
        if files:
            args.append("files={" + ", ".join(f"{k!r}: {v}" for k, v in files.items()) + "}")
        return args
    plan = plan_body(body)
    if plan is None:
        return []
    if plan.content_type and not any(n.lower() == "content-type" for n, _ in headers):
        headers.append(("Content-Type", plan.content_type))
    if isinstance(body, FileBody):
        return [f"content=Path({str(body.path)!r}).read_bytes()"]
    return [f"content={plan.read_all()!r}"]


def _httpx2_options(request: HttpRequest, lines: list[str]) -> list[str]:
    """The client's (or its transport's) arguments: TLS, HTTP version, proxy."""
    settings = request.connection
    options = []
    tls_lines = _tls_lines(settings.tls)
    if tls_lines:
        lines[1:1] = ["import ssl"]
        lines += tls_lines
        options.append("verify=context")
    if settings.version is HttpVersion.HTTP2:  # Auto stays HTTP/1.1: h2 may not be there
        options.append("http1=False, http2=True")  # needs httpx2[http2]
    if settings.proxy:
        options.append(f"proxy={settings.proxy!r}")
    return options


def to_httpx2_python(request: HttpRequest) -> str:
    lines = ["import httpx2", ""]
    headers = request.enabled_headers()
    body_args = _httpx2_body(request, headers)
    if isinstance(request.body, FileBody):
        lines.insert(1, "from pathlib import Path")
    args = [repr(request.method), repr(request.url)]
    if headers:
        args.append(f"headers={headers!r}")
    args += body_args
    if request.follow_redirects:
        args.append("follow_redirects=True")
    options = _httpx2_options(request, lines)
    if request.connection.unix_socket:
        transport = ", ".join([f"uds={request.connection.unix_socket!r}", *options])
        lines.append(f"transport = httpx2.HTTPTransport({transport})")
        options = ["transport=transport"]
    lines.append(f"with httpx2.Client({', '.join(options)}) as client:")
    lines.append(f"    response = client.request({', '.join(args)})")
    lines += ["print(response.status_code, response.reason_phrase)", "print(response.text)"]
    return "\n".join(lines) + "\n"
