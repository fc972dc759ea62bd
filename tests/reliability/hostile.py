"""Hostile peers, each run in a process of its own: ``python hostile.py MODE PORT [ARGS]``.

Modes (all on 127.0.0.1):

- ``churn PORT COUNT fin|rst``: connect and close COUNT times, with FIN or with RST; prints
  ``DONE``.
- ``hold PORT COUNT``: open COUNT connections, send ``ping\\n`` on each, and print one line
  per connection: ``OPEN`` (it answered) or ``REFUSED`` (closed on us); then waits for a line
  on stdin: ``close N`` closes N of the open ones, ``more N`` opens N more and reports them,
  ``quit`` ends.
- ``nonreader PORT SECONDS``: send as fast as the socket takes, never read; prints how many
  bytes it sent every 0.5 s as ``SENT n``.
- ``pipelined PORT COUNT PATH``: COUNT pipelined GETs of PATH in one packet, never read;
  waits on stdin, then prints ``READ n`` once the server closes or is quiet for 2 s.
- ``slowloris PORT SECONDS COUNT``: COUNT connections, each sending one header byte every
  0.1 s for SECONDS; prints ``OPEN n`` once connected and ``CLOSED n`` (how many the server
  hung up on) at the end.
- ``lines PORT LINE...``: send each line (with LF), print each reply line as ``GOT text``
  (or ``NONE`` after 5 s of silence).
- ``udpflood PORT RATE SECONDS``: RATE datagrams a second; prints ``SENT n``.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import sys
import time


def connect(port: int) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    return sock


def churn(port: int, count: int, how: str) -> None:
    for _ in range(count):
        sock = connect(port)
        if how == "rst":
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.close()
    print("DONE", flush=True)


def _answered(sock: socket.socket) -> bool:
    try:
        sock.sendall(b"ping\n")
        return sock.recv(16) == b"ping\n"
    except OSError:
        return False


def hold(port: int, count: int) -> None:
    opened: list[socket.socket] = []

    def open_some(n: int) -> None:
        """Connect all first (the kernel completes them), then see which get served."""
        socks = []
        for _ in range(n):
            try:
                socks.append(connect(port))
            except OSError:
                print("REFUSED", flush=True)
        for sock in socks:
            if _answered(sock):
                opened.append(sock)
                print("OPEN", flush=True)
            else:
                sock.close()
                print("REFUSED", flush=True)

    open_some(count)
    print("READY", flush=True)
    for line in sys.stdin:
        verb, _, n = line.strip().partition(" ")
        if verb == "close":
            for _ in range(int(n)):
                opened.pop().close()
            print("CLOSED", flush=True)
        elif verb == "more":
            open_some(int(n))
            print("READY", flush=True)
        else:
            break


def nonreader(port: int, seconds: float) -> None:
    sock = connect(port)
    sock.setblocking(False)
    sent = 0
    block = b"x" * 65536 + b"\n"
    end = time.monotonic() + seconds
    report = time.monotonic()
    while time.monotonic() < end:
        try:
            sent += sock.send(block)
        except BlockingIOError:
            time.sleep(0.01)
        except OSError:
            break
        if time.monotonic() >= report:
            print("SENT", sent, flush=True)
            report += 0.5
    print("SENT", sent, flush=True)
    print("DONE", flush=True)
    sys.stdin.readline()


def pipelined(port: int, count: int, path: str) -> None:
    sock = connect(port)
    request = f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode()
    sock.sendall(request * count)
    print("SENT", flush=True)
    sys.stdin.readline()
    sock.settimeout(2)  # done once the server has been quiet this long
    total = 0
    try:
        while chunk := sock.recv(1 << 20):
            total += len(chunk)
    except TimeoutError:
        pass
    print("READ", total, flush=True)


def slowloris(port: int, seconds: float, count: int) -> None:
    socks = [connect(port) for _ in range(count)]
    print("OPEN", count, flush=True)
    header = b"GET / HTTP/1.1\r\nHost: x\r\n" + b"X-a: b\r\n" * 100_000
    end = time.monotonic() + seconds
    closed = 0
    for byte in header:
        if time.monotonic() > end or not socks:
            break
        for sock in list(socks):
            try:
                sock.send(bytes([byte]))
            except OSError:
                socks.remove(sock)
                closed += 1
        time.sleep(0.1)
    print("CLOSED", closed, flush=True)


def lines(port: int, texts: list[str]) -> None:
    sock = connect(port)
    reader = sock.makefile("rb")
    for text in texts:
        sock.sendall(text.encode() + b"\n")
        try:
            print("GOT", reader.readline().decode().rstrip("\n"), flush=True)
        except TimeoutError:
            print("NONE", flush=True)
    sock.close()


def udpflood(port: int, rate: int, seconds: float) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    payload = b"u" * 64
    sent = 0
    start = time.monotonic()
    while (elapsed := time.monotonic() - start) < seconds:
        due = int(elapsed * rate)
        while sent < due:
            with contextlib.suppress(OSError):
                sock.sendto(payload, ("127.0.0.1", port))
            sent += 1
        time.sleep(0.001)
    print("SENT", sent, flush=True)


def main(argv: list[str]) -> None:
    mode, port = argv[0], int(argv[1])
    rest = argv[2:]
    if mode == "churn":
        churn(port, int(rest[0]), rest[1])
    elif mode == "hold":
        hold(port, int(rest[0]))
    elif mode == "nonreader":
        nonreader(port, float(rest[0]))
    elif mode == "pipelined":
        pipelined(port, int(rest[0]), rest[1])
    elif mode == "slowloris":
        slowloris(port, float(rest[0]), int(rest[1]))
    elif mode == "lines":
        lines(port, rest)
    elif mode == "udpflood":
        udpflood(port, int(rest[0]), float(rest[1]))
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
