"""How fast does the Lookup tab scan loopback ports, and is every verdict right?

Twenty listening sockets are opened on 127.0.0.1, then ports 1-1,024 and 1-65,535 are
scanned by:

- plain asyncio: one task per port, ``gather`` over a semaphore (the baseline);
- our scanner (``netbench.net.lookup.scan``, a bounded pool of workers) on plain asyncio;
- ``nmap -sT -Pn -n``, when it is installed.

A blocking connect to every port, before and after, is the truth: a port where the two
disagree (another program opened or closed it meanwhile) is left out, and any other
difference is a false result (there must be none). Then 1,000 DNS queries go to the
loopback test server (``tests/dns_server.py``, on a thread of this process), one at a
time and 50 at a time; the target is 2 s for the 1,000.

    python benchmarks/bench_port_scan.py [--repeat 3] [--concurrency 500]

Measured on the project's 2-core machine (shared, so the figures move by ±30% from run to
run), median of 3 runs:

    scanner                             ports  seconds  ports/s  open false
    plain asyncio, gather + semaphore   1,024     0.07   15,056    20     0
    netbench scanner, plain asyncio     1,024     0.06   16,554    20     0
    nmap -sT                            1,024     0.04   24,713    20     0
    plain asyncio, gather + semaphore  65,535     7.69    8,524    21     1
    netbench scanner, plain asyncio    65,535     3.83   17,121    21     0
    nmap -sT                           65,535     2.16   30,318    21     0
      (1 ports changed during the run and were left out)
    1,000 DNS queries (UDP, test server), 1 at a time: 0.84 s, 1,184/s
    1,000 DNS queries (UDP, test server), 50 at a time: 0.76 s, 1,319/s

On 65,535 ports the task-per-port baseline is half as fast: 65,535 tasks wait on the
semaphore, and every wake-up walks them. It also had one false result in three runs,
not investigated (a port another program used between the blocking checks would look
the same); the worker pool had none. The 21st open port is another program's listener.
The DNS figures include the server, which shares this process's GIL on its own thread.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from dns_server import DnsTestServer  # noqa: E402

from netbench.core.lookup.scan_report import PortState  # noqa: E402
from netbench.net.lookup.dns import Server, query  # noqa: E402
from netbench.net.lookup.scan import is_self_connection, scan_ports  # noqa: E402

HOST = "127.0.0.1"
LISTENERS = 20
BASE = 20000  # the 1,024-port scan covers BASE..BASE+1023, out of the ephemeral range


def blocking_open(ports: Iterable[int]) -> set[int]:
    """The truth: ports where a blocking connect completes (and not with itself)."""
    found = set()
    for port in ports:
        with socket.socket() as sock:
            sock.settimeout(1)
            if sock.connect_ex((HOST, port)) == 0 and not is_self_connection(sock):
                found.add(port)
    return found


async def plain_scan(ports: list[int], concurrency: int) -> set[int]:
    """The baseline: a task per port, gathered, a semaphore for the concurrency."""
    loop = asyncio.get_running_loop()
    gate = asyncio.Semaphore(concurrency)

    async def one(port: int) -> int | None:
        async with gate:
            sock = socket.socket()
            sock.setblocking(False)
            try:
                await asyncio.wait_for(loop.sock_connect(sock, (HOST, port)), 1.0)
                return None if is_self_connection(sock) else port
            except (OSError, TimeoutError):
                return None
            finally:
                sock.close()

    return {p for p in await asyncio.gather(*(one(p) for p in ports)) if p is not None}


async def our_scan(ports: list[int], concurrency: int) -> set[int]:
    report = await scan_ports(HOST, ports, concurrency=concurrency, timeout=1.0)
    assert len(report.results) == len(ports)
    return {r.port for r in report.results if r.state is PortState.OPEN}


def nmap_scan(ports: list[int]) -> set[int]:
    spec = f"{ports[0]}-{ports[-1]}"
    out = subprocess.run(
        ["nmap", "-sT", "-Pn", "-n", "-p", spec, "-oG", "-", HOST],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {int(p) for p in re.findall(r"(\d+)/open/tcp", out)}


def timed(run: Callable[[], set[int]]) -> tuple[float, set[int]]:
    started = time.perf_counter()
    found = run()
    return time.perf_counter() - started, found


async def dns_queries(port: int, count: int, concurrency: int) -> float:
    server = Server(HOST, port)
    gate = asyncio.Semaphore(concurrency)

    async def one(index: int) -> None:
        async with gate:
            result = await query("www.test" if index % 2 else "mx.test", "A", server)
            assert result.response is not None, result.error

    started = time.perf_counter()
    await asyncio.gather(*(one(i) for i in range(count)))
    return time.perf_counter() - started


def scan_once(ports: list[int], concurrency: int) -> list[tuple[str, Callable[[], set[int]]]]:
    scanners: list[tuple[str, Callable[[], set[int]]]] = [
        ("plain asyncio, gather + semaphore", lambda: asyncio.run(plain_scan(ports, concurrency))),
        ("netbench scanner, plain asyncio", lambda: asyncio.run(our_scan(ports, concurrency))),
    ]
    if shutil.which("nmap"):
        scanners.append(("nmap -sT", lambda: nmap_scan(ports)))
    return scanners


def scan_table(sizes: list[int], repeat: int, concurrency: int) -> None:
    print(f"{'scanner':34} {'ports':>6} {'seconds':>8} {'ports/s':>8} {'open':>5} {'false':>5}")
    for size in sizes:
        first = BASE if size <= 65535 - BASE else 1
        ports = list(range(first, min(65535, first + size - 1) + 1))
        before = blocking_open(ports)
        rows: dict[str, list[tuple[float, set[int]]]] = {}
        for _ in range(repeat):
            for title, run in scan_once(ports, concurrency):
                rows.setdefault(title, []).append(timed(run))
        unstable = before ^ blocking_open(ports)
        for title, runs in rows.items():
            seconds = statistics.median(s for s, _ in runs)
            false = max(len((found ^ before) - unstable) for _, found in runs)
            cells = f"{len(ports):>6,} {seconds:>8.2f} {len(ports) / seconds:>8,.0f}"
            print(f"{title:34} {cells} {len(runs[-1][1]):>5} {false:>5}")
        if unstable:
            print(f"  ({len(unstable)} ports changed during the run and were left out)")


def listen_spread() -> list[socket.socket]:
    """LISTENERS listening sockets, 50 ports apart from BASE (a taken port is skipped)."""
    socks: list[socket.socket] = []
    port = BASE
    while len(socks) < LISTENERS:
        sock = socket.socket()
        try:
            sock.bind((HOST, port))
        except OSError:
            sock.close()
        else:
            sock.listen(128)
            socks.append(sock)
        port += 50
    return socks


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=500)
    parser.add_argument("--sizes", default="1024,65535")
    parser.add_argument("--queries", type=int, default=1000)
    args = parser.parse_args()
    listeners = listen_spread()
    try:
        scan_table([int(s) for s in args.sizes.split(",")], args.repeat, args.concurrency)
    finally:
        for sock in listeners:
            sock.close()
    with DnsTestServer() as server:
        for concurrency in (1, 50):
            times = [
                asyncio.run(dns_queries(server.port, args.queries, concurrency))
                for _ in range(args.repeat)
            ]
            seconds = statistics.median(times)
            print(
                f"{args.queries:,} DNS queries (UDP, test server), {concurrency} at a time: "
                f"{seconds:.2f} s, {args.queries / seconds:,.0f}/s"
            )


if __name__ == "__main__":
    main()
