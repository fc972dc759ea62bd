"""A real nginx on loopback for the HTTP tests: plain, TLS with HTTP/2, and a Unix socket.

nginx cannot take port 0, so free ports are found by binding and releasing them, and the
start is retried on a collision. Everything it writes (config, logs, pid, temp dirs) is
under the test's directory; it runs in the foreground (``daemon off``) as one process.

Served: ``/static/`` files (``small.txt``, ``large.bin`` of ``LARGE_SIZE`` bytes,
``text.txt`` compressible, gzip on), ``/chunked`` (a chunked response through gzip),
``/redirect/N`` (a chain of N 302s to ``/static/small.txt``), ``/r301``, ``/r307``,
``/r308`` (one redirect each), ``/echo-type`` (the method, Content-Type and Content-Length
it got), ``/cookie`` (sets a cookie, then 302 to ``/echo-cookie``),
``/echo-cookie`` (the Cookie header it got, in the body), ``/status/404``.
``/chunked`` is chunked when asked for gzip (nginx drops the length when it compresses).
Files a test writes under ``www/static`` are served with the type of their extension
(``.txt``, ``.json``, ``.png``, ``.jpg``, ``.gif``, ``.svg``).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

NGINX = "/usr/sbin/nginx"
LARGE_SIZE = 8 * 1024 * 1024
SMALL_BODY = b"hello from nginx\n"

CONFIG = """
daemon off;
master_process off;
worker_processes 1;
error_log {root}/error.log warn;
pid {root}/nginx.pid;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {root}/tmp/body;
    proxy_temp_path {root}/tmp/proxy;
    fastcgi_temp_path {root}/tmp/fastcgi;
    uwsgi_temp_path {root}/tmp/uwsgi;
    scgi_temp_path {root}/tmp/scgi;
    default_type application/octet-stream;
    types {{
        text/plain txt; application/json json;
        image/png png; image/jpeg jpg; image/gif gif; image/svg+xml svg;
    }}
    keepalive_requests 100000;
    gzip on;
    gzip_types text/plain application/json;
    gzip_min_length 100;
    server {{
        listen 127.0.0.1:{http_port};
        listen 127.0.0.1:{tls_port} ssl http2;
        listen unix:{root}/nginx.sock;
        server_name localhost;
        ssl_certificate {cert};
        ssl_certificate_key {cert};
        ssl_protocols TLSv1.2 TLSv1.3;
        root {root}/www;
        location /static/ {{ }}
        location = /chunked {{
            default_type text/plain;
            return 200 "{chunked_text}";
        }}
        location ~ ^/redirect/(\\d+)$ {{
            set $n $1;
            if ($n = 1) {{ return 302 /static/small.txt; }}
            if ($n = 2) {{ return 302 /redirect/1; }}
            if ($n = 3) {{ return 302 /redirect/2; }}
            return 302 /redirect/3;
        }}
        location = /r301 {{ return 301 /echo-method; }}
        location = /r307 {{ return 307 /echo-method; }}
        location = /r308 {{ return 308 /echo-method; }}
        location = /echo-method {{
            default_type text/plain;
            return 200 "$request_method $content_length";
        }}
        location = /echo-type {{
            default_type text/plain;
            return 200 "$request_method $content_type $content_length";
        }}
        location = /loop {{ return 302 /loop; }}
        location = /cookie {{
            add_header Set-Cookie "session=abc123; Path=/";
            return 302 /echo-cookie;
        }}
        location = /echo-cookie {{ default_type text/plain; return 200 "cookie=$http_cookie"; }}
        location = /status/404 {{ return 404; }}
    }}
}}
"""


@dataclass
class Nginx:
    root: Path
    http_port: int
    tls_port: int
    process: subprocess.Popen[bytes]
    ca_file: Path

    @property
    def http(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def https(self) -> str:
        return f"https://localhost:{self.tls_port}"

    @property
    def unix_socket(self) -> str:
        return str(self.root / "nginx.sock")

    @property
    def www(self) -> Path:
        return self.root / "www"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _write_files(root: Path) -> None:
    www = root / "www" / "static"
    www.mkdir(parents=True, exist_ok=True)
    for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (root / "tmp" / name).mkdir(parents=True, exist_ok=True)
    (www / "small.txt").write_bytes(SMALL_BODY)
    (www / "text.txt").write_text(
        "".join(f"line {i} of a compressible text\n" for i in range(5000))
    )
    block = os.urandom(1024 * 1024)
    with (www / "large.bin").open("wb") as large:
        for _ in range(LARGE_SIZE // len(block)):
            large.write(block)


def _up(port: int, process: subprocess.Popen[bytes], timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.02)
    return False


def start_nginx(root: Path, cert_pem: Path, ca_file: Path, attempts: int = 5) -> Nginx:
    """Start nginx under ``root`` with ``cert_pem`` (key and chain in one PEM file)."""
    _write_files(root)
    chunked_text = "x" * 300
    for _ in range(attempts):
        http_port, tls_port = _free_port(), _free_port()
        (root / "nginx.sock").unlink(missing_ok=True)
        config = CONFIG.format(
            root=root,
            http_port=http_port,
            tls_port=tls_port,
            cert=cert_pem,
            chunked_text=chunked_text,
        )
        (root / "nginx.conf").write_text(config)
        process = subprocess.Popen(
            [NGINX, "-p", str(root), "-c", str(root / "nginx.conf"), "-e", str(root / "error.log")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if _up(http_port, process) and _up(tls_port, process):
            return Nginx(root, http_port, tls_port, process, ca_file)
        process.kill()
        process.wait()
    log = (root / "error.log").read_text() if (root / "error.log").exists() else ""
    raise RuntimeError(f"nginx did not start: {log[-2000:]}")


def have_nginx() -> bool:
    return shutil.which(NGINX) is not None or os.path.exists(NGINX)
