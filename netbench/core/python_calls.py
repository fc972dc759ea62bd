"""What the user did, as the Python socket calls that do the same: ``socket()``,
``setsockopt()``, ``bind()``, ``listen()``, ``accept()``, ``recv()``, ``sendall()``,
``shutdown()``, ``close()``, written as the tutorials write them (``from socket import *``).

The text is a program that runs: a server's calls accept, read and answer as the
listener did, a client's connect, send and read as the session did. What each call gave
back is said in a comment beside it (``b''`` means the peer sent FIN). A long session is
cut after :data:`MAX_CALLS` calls, and the rest are counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_CALLS = 400
SHOWN_BYTES = 256  # bytes written out in a send; a longer message is padded with zeros
COMMENT_BYTES = 40  # bytes quoted in a comment
RECV_SIZE = 1024  # the tutorials' recv(1024)
DATAGRAM_SIZE = 65535

FAMILIES = {"ipv4": "AF_INET", "ipv6": "AF_INET6", "unix": "AF_UNIX"}


def family_of(kind: str, host: str) -> str:
    """``AF_UNIX`` for a path, ``AF_INET6`` for an IPv6 host, else ``AF_INET``."""
    if kind.startswith("unix"):
        return "AF_UNIX"
    return "AF_INET6" if ":" in host else "AF_INET"


def type_of(kind: str) -> str:
    return "SOCK_DGRAM" if kind in ("udp", "unix-dgram") else "SOCK_STREAM"


def address_literal(host: str, port: int | None = None, path: str = "") -> str:
    """``('127.0.0.1', 9999)`` or ``'/tmp/sock'``, as Python writes them."""
    if port is None:
        return repr(path)
    return repr((host, port))


def endpoint_literal(text: str) -> str:
    """A peer as the transcript names it (``127.0.0.1:40000``, ``[::1]:80``, a path)."""
    host, sep, port = text.rpartition(":")
    if sep and port.isdigit() and not text.startswith("/"):
        return repr((host.strip("[]"), int(port)))
    return repr(text)


def bytes_literal(data: bytes) -> str:
    """``b'hello'``; a long message's first bytes, then zeros to its length."""
    if len(data) <= SHOWN_BYTES:
        return repr(data)
    head = data[:32]
    return f"{head!r} + bytes({len(data) - len(head)})"


def quoted(data: bytes) -> str:
    """What a comment quotes of ``data``: its first bytes and its size."""
    text = repr(data[:COMMENT_BYTES]) + ("…" if len(data) > COMMENT_BYTES else "")
    return f"{text} ({len(data)} bytes)"


@dataclass
class PythonScript:
    """Calls in order, each with what it gave back; :meth:`program` is the text to run."""

    imports: list[str] = field(default_factory=lambda: ["from socket import *"])
    calls: list[tuple[str, str]] = field(default_factory=list)
    more: int = 0  # calls past MAX_CALLS, counted, not written

    def add(self, code: str, note: str = "") -> None:
        if len(self.calls) >= MAX_CALLS:
            self.more += 1
            return
        self.calls.append((code, note))

    def need_import(self, line: str) -> None:
        if line not in self.imports:
            self.imports.append(line)

    def __len__(self) -> int:
        return len(self.calls) + self.more

    @property
    def is_full(self) -> bool:
        """Further calls are only counted."""
        return len(self.calls) >= MAX_CALLS

    def program(self) -> str:
        width = min(max((len(code) for code, note in self.calls if note), default=0), 48)
        lines = [*self.imports, ""]
        for code, note in self.calls:
            lines.append(f"{code:<{width}}  # {note}" if note else code)
        if self.more:
            lines.append(f"# … and {self.more} more calls")
        return "\n".join(lines) + "\n"


# -- the calls, by what the user did --------------------------------------------------------


def open_listener(
    script: PythonScript,
    kind: str,
    host: str,
    port: int,
    path: str,
    *,
    backlog: int,
    reuse_address: bool,
    remove_stale: bool,
    bound: str,
) -> None:
    """socket, setsockopt, bind and (for a stream) listen: what Start did."""
    script.add(f"s = socket({family_of(kind, host)}, {type_of(kind)})")
    if kind.startswith("unix"):
        if remove_stale:
            script.need_import("import os")
            script.add(f"if os.path.exists({path!r}):")
            script.add(f"    os.unlink({path!r})", "a socket file left by an old server")
        script.add(f"s.bind({path!r})")
    else:
        if reuse_address:
            script.add("s.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)", "reuse a port in TIME_WAIT")
        note = f"the system picked {bound}" if port == 0 and bound else ""
        script.add(f"s.bind({address_literal(host, port)})", note)
    if type_of(kind) == "SOCK_STREAM":
        script.add(f"s.listen({backlog})", "clients may wait in a queue this long")
        if kind == "tls":
            script.add(
                "# TLS: ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER).wrap_socket(c, server_side=True)"
            )


def open_client(
    script: PythonScript,
    kind: str,
    host: str,
    port: int,
    path: str,
    *,
    local_host: str = "",
    local_port: int = 0,
    local: str = "",
) -> None:
    """socket, bind (when asked) and connect: what Connect did."""
    script.add(f"s = socket({family_of(kind, host)}, {type_of(kind)})")
    if local_host or local_port:
        script.add(f"s.bind({address_literal(local_host, local_port)})")
    elif kind == "unix-dgram" and local:
        script.add(f"s.bind({local!r})", "a path of our own, so the server can answer")
    target = address_literal(host, None if kind.startswith("unix") else port, path)
    if kind == "tls":
        script.need_import("import ssl")
        script.add(f"s = ssl.create_default_context().wrap_socket(s, server_hostname={host!r})")
    note = f"from {local}" if local and not kind.startswith("unix") else ""
    script.add(f"s.connect({target})", note)
