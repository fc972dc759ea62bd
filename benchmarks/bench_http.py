"""What does the HTTP engine cost next to curl, and does a big body stay out of memory?

A local nginx (``tests/nginx_peer.py``, the one the tests use) serves both parts; each
scenario runs in its own process, so its RSS is its own.

1. Keep-alive: N sequential GETs of a 17-byte file on one connection:
   - curl, one process, the N URLs in a config file (``%{num_connects}`` summed: 1);
   - h11 on a blocking socket (the protocol work alone, no asyncio);
   - h11 on asyncio over the engine's recording connection (every byte logged): the
     floor for an HTTP/1.1 path that would not go through httpcore2;
   - httpcore2 with its default (anyio) backend;
   - our engine (:class:`~netbench.net.http.client.HttpClient`) on plain asyncio, with
     its wire log, body, timings and anomaly scan for every request;
   - the floor again and the engine on the qasync loop the window runs (no window; the
     loop's own cost: a Qt timer for each ready callback).
2. Download: one response of ``--size-mb`` streamed to disk, by curl (``-o``), by our
   engine (body file plus the wire log, which spills past 8 MB to a second file), and by
   the real window's HTTP tab offscreen in both engine modes, with a 10 ms heartbeat's
   lateness: MB/s, the process's peak RSS, heartbeat p99 and worst.
3. A 100 MB JSON body through the window until its Pretty view is filled: seconds, RSS,
   heartbeat.

    python benchmarks/bench_http.py [--requests 1000] [--size-mb 1024] [--repeat 3]
    python benchmarks/bench_http.py --only curl,h11-asyncio,engine,h11-qasync,engine-qasync

Keep-alive, 1,000 requests, median of 7, on the project's quiet 2-core machine (load 0.6),
after the fast path's responses went to llhttp (httptools) with h11 taking over only where
llhttp is stricter (``netbench/net/http/h1_response.py``), and a request's bytes made by
h11 once for a request sent again and again:

    scenario                            req/s  ms/req  x curl  connections
    curl -K (one process)              13,568   0.074    1.00            1
    h11, blocking socket                6,153   0.163    2.20            1
    h11, asyncio + wire log             5,250   0.190    2.58            1
    httpcore2, default backend          3,051   0.328    4.45            1
    netbench engine, asyncio            5,812   0.172    2.33            1
    h11 + wire log, qasync loop         5,199   0.192    2.61            1
    netbench engine, qasync loop        5,633   0.178    2.41            1

Another run that hour gave 2.12x and 2.24x (curl 0.081 ms); with 5,000 requests, 1.65x and
1.68x. The engine, with its wire log, result and timings, now costs less than h11 alone on
the same connection: h11 spent ~35 us taking apart each small response and ~9 us making
each request, llhttp ~2 us. Each scenario runs in a fresh process, so its first request's
imports count too.

Before llhttp, after the qasync loop's changes (one Qt timer per turn for ``call_soon``, a
socket's notifier kept, a ready socket's callback and what it wakes run in the same turn),
median of 5, load 0.7:

    scenario                            req/s  ms/req  x curl  connections
    curl -K (one process)              15,255   0.066    1.00            1
    h11, blocking socket                6,715   0.149    2.27            1
    h11, asyncio + wire log             5,919   0.169    2.58            1
    httpcore2, default backend          3,486   0.287    4.38            1
    netbench engine, asyncio            4,694   0.213    3.25            1
    h11 + wire log, qasync loop         5,670   0.176    2.69            1
    netbench engine, qasync loop        4,707   0.212    3.24            1

Under qasync the floor was 0.231 ms and the engine 0.261 before those changes (3.1x in that
run, 3.6-4.1x in others): each ready socket and each woken task was a Qt timer of its own.
Then both loops cost the same, and the engine cost 35-45 us a request above the floor it
ran on (it was ~0.12 ms: 0.287 against 0.169 on asyncio, 4.0x curl), which missed the 3x
goal by about 15 us a request.

An earlier run, before the loop's changes (load 0.7 to 0.9, others' jobs running):

    scenario                            req/s  ms/req  x curl  connections
    curl -K (one process)              12,004   0.083    1.00            1
    h11, blocking socket                6,210   0.161    1.93            1
    h11, asyncio + wire log             5,296   0.189    2.27            1
    httpcore2, default backend          3,109   0.322    3.86            1
    netbench engine, asyncio            4,442   0.225    2.70            1
    h11 + wire log, qasync loop         4,333   0.231    2.77            1
    netbench engine, qasync loop        3,825   0.261    3.14            1

Where the engine's time went, py-spy over 20,000 requests (sampled time per request;
sampling slows Python, so only the shares compare):

    share of samples                        before       after      h11 floor
    sockets, select, the loop's own work    35% 119 us   47% 107 us   54%  99 us
    h11 (parsing, state machine)            23%  77 us   26%  59 us   34%  62 us
    engine: run, hop, pool                  25%  86 us   14%  32 us        -
    engine: result, timings, body sink       7%  22 us    5%  11 us        -
    recording connection (wire log)          7%  23 us    5%  11 us    5%   9 us

What went: the anomaly scan (now when a view first reads it: ``HeadFindings``), events
made with no one listening, a read timeout's loop timer per request (one deadline per
connection instead), a cookie jar per run, an async context manager, an extensions dict
and an h11 request event per request, frozen result records (``object.__setattr__`` per
field), TLS and address look-ups per hop (once per connection), walks of the wire log for
byte counts and the first byte's time.

Download and JSON, the first run above (1 GB; 100 MB JSON; median of 3):

    scenario                             MB/s  peak RSS MB  hb p99 ms  hb max
    curl -o FILE                         1602            -          -       -
    netbench engine to disk               334           39          -       -
    HTTP tab, qasync loop                 287          147        3.6     174
    HTTP tab, IO thread                   532          149        3.6     102

    100 MB JSON body to the Pretty view
    scenario                          seconds  peak RSS MB  hb p99 ms  hb max
    HTTP tab, qasync loop                0.67          152        9.7      12
    HTTP tab, IO thread                  0.57          152       13.0      13

The JSON row was 1.2-1.6 s with heartbeat p99 43-66 ms: colouring every line as it went
in (two thirds of each 16 KB slice's 8-13 ms), a minified body's 64 KB line laid out
again for each slice (up to 36 ms), and importing the engine on the first Send (25-50 ms
at once). The download's worst beat comes when the response is shown: the Text and
Pretty views first lay out 16 KB of random bytes, and Qt looks up fonts for their many
scripts (20-35 ms each; ~80 ms in all before these changes too). The download writes the
body and the wire log's spill file (1 GB each); the window rows are ``http_tab.py``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(HERE)]

PATH = "/static/small.txt"
JSON_SIZE = 100 * 1000 * 1000


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3  # KiB on Linux


# -- keep-alive scenarios (each in its own process) -------------------------------------------


def run_curl(base: str, count: int) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".curl", delete=False) as config:
        for _ in range(count):
            config.write(f'url = "{base}{PATH}"\noutput = "/dev/null"\n')
    started = time.monotonic()
    out = subprocess.run(
        ["curl", "-s", "-K", config.name, "-w", "%{num_connects}\n"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    seconds = time.monotonic() - started
    os.unlink(config.name)
    return {"seconds": seconds, "connections": sum(int(x) for x in out.split())}


def run_h11(base: str, count: int) -> dict[str, Any]:
    import h11

    host, port = base.removeprefix("http://").split(":")
    started = time.monotonic()
    with socket.create_connection((host, int(port))) as sock:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        connection = h11.Connection(h11.CLIENT)
        for _ in range(count):
            request = h11.Request(method="GET", target=PATH, headers=[("Host", host)])
            sock.sendall(connection.send(request) + connection.send(h11.EndOfMessage()))
            while True:
                event = connection.next_event()
                if event is h11.NEED_DATA:
                    connection.receive_data(sock.recv(65536))
                elif isinstance(event, h11.EndOfMessage):
                    break
            connection.start_next_cycle()
    return {"seconds": time.monotonic() - started, "connections": 1}


async def run_httpcore2(base: str, count: int) -> dict[str, Any]:
    import httpcore2

    started = time.monotonic()
    async with httpcore2.AsyncConnectionPool() as pool:
        for _ in range(count):
            response = await pool.request("GET", base + PATH)
            assert response.status == 200
    return {"seconds": time.monotonic() - started, "connections": 1}


async def run_engine(base: str, count: int) -> dict[str, Any]:
    from netbench.core.http.model import HttpRequest
    from netbench.net.http.client import HttpClient

    client = HttpClient()
    request = HttpRequest(url=base + PATH)
    numbers = set()
    started = time.monotonic()
    for _ in range(count):
        result = await client.send(request)
        assert result.final is not None and result.final.status == 200, result.error
        numbers.add(result.final.connection_number)
    seconds = time.monotonic() - started
    await client.aclose()
    return {"seconds": seconds, "connections": len(numbers)}


async def run_h11_asyncio(base: str, count: int) -> dict[str, Any]:
    """h11 on the engine's recording connection: what an HTTP/1.1 path without httpcore2
    would start from (every byte logged, asyncio, no pool, no result building)."""
    import h11

    from netbench.net.http.wire import open_tcp

    host, port = base.removeprefix("http://").split(":")
    started = time.monotonic()
    connection = await open_tcp(host, int(port), 5.0)
    protocol = connection.protocol
    h11_connection = h11.Connection(h11.CLIENT)
    for _ in range(count):
        request = h11.Request(method="GET", target=PATH, headers=[("Host", host)])
        await protocol.write(h11_connection.send(request) + h11_connection.send(h11.EndOfMessage()))
        while True:
            event = h11_connection.next_event()
            if event is h11.NEED_DATA:
                h11_connection.receive_data(await protocol.read(65536))
            elif isinstance(event, h11.EndOfMessage):
                break
        h11_connection.start_next_cycle()
    connection.close()
    return {"seconds": time.monotonic() - started, "connections": 1}


def on_qasync(scenario: Any) -> Any:
    """``scenario`` on the qasync loop the window uses (no window: the loop's own cost)."""

    def run(base: str, count: int) -> dict[str, Any]:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from netbench.ui.runtime.qtloop import new_event_loop  # isort: skip
        from PySide6.QtWidgets import QApplication

        app = QApplication([])
        with asyncio.Runner(loop_factory=lambda: new_event_loop(app)) as runner:
            return dict(runner.run(scenario(base, count)))

    return run


# -- download scenarios -----------------------------------------------------------------------


def download_curl(url: str, directory: str) -> dict[str, Any]:
    target = Path(directory) / "curl.body"
    started = time.monotonic()
    subprocess.run(["curl", "-s", "-o", str(target), url], check=True)
    seconds = time.monotonic() - started
    size = target.stat().st_size
    target.unlink()
    return {"seconds": seconds, "size": size, "rss": 0.0}


async def download_engine(url: str, directory: str) -> dict[str, Any]:
    from netbench.core.http.model import HttpRequest
    from netbench.net.http.client import HttpClient

    client = HttpClient(directory=Path(directory))
    started = time.monotonic()
    result = await client.send(HttpRequest(url=url))
    seconds = time.monotonic() - started
    hop = result.final
    assert hop is not None and hop.body.raw is not None, result.error
    size = hop.body.raw_size
    hop.body.raw.unlink()
    await client.aclose()
    return {"seconds": seconds, "size": size, "rss": peak_rss_mb()}


def download_window(mode: str) -> Any:
    """The real window's HTTP tab (``http_tab.py``), networking on ``mode``."""

    def run(url: str, directory: str) -> dict[str, Any]:
        from http_tab import run_tab

        return run_tab(mode, "download", url)

    return run


def json_window(mode: str) -> Any:
    def run(url: str, directory: str) -> dict[str, Any]:
        from http_tab import run_tab

        return run_tab(mode, "json", url.replace("big.bin", "big.json"))

    return run


SCENARIOS = {
    "curl": ("curl -K (one process)", run_curl),
    "h11": ("h11, blocking socket", run_h11),
    "httpcore2": ("httpcore2, default backend", run_httpcore2),
    "h11-asyncio": ("h11, asyncio + wire log", run_h11_asyncio),
    "engine": ("netbench engine, asyncio", run_engine),
    "h11-qasync": ("h11 + wire log, qasync loop", on_qasync(run_h11_asyncio)),
    "engine-qasync": ("netbench engine, qasync loop", on_qasync(run_engine)),
    "download-curl": ("curl -o FILE", download_curl),
    "download-engine": ("netbench engine to disk", download_engine),
    "download-window": ("HTTP tab, qasync loop", download_window("ui-loop")),
    "download-window-io": ("HTTP tab, IO thread", download_window("io-thread")),
    "json-window": ("HTTP tab, qasync loop", json_window("ui-loop")),
    "json-window-io": ("HTTP tab, IO thread", json_window("io-thread")),
}


def child(scenario: str, arg: str, extra: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--scenario", scenario, "--target", arg, "--extra", extra],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def run_in_child(scenario: str, target: str, extra: str) -> None:
    function = SCENARIOS[scenario][1]
    argument: Any = int(extra) if extra.isdigit() else extra
    value = function(target, argument)
    if asyncio.iscoroutine(value):
        value = asyncio.run(value)
    print(json.dumps(value))


def start_server(root: Path, size: int, wanted: set[str]) -> Any:
    """nginx with the bodies the ``wanted`` scenarios fetch (1 GB takes a while to write)."""
    from nginx_peer import start_nginx

    from netbench.net.tls import generate_self_signed

    certificate = generate_self_signed(root / "tls")
    pem = root / "tls" / "both.pem"
    pem.write_bytes(certificate.key_file.read_bytes() + certificate.cert_file.read_bytes())
    server = start_nginx(root / "nginx", pem, certificate.cert_file)
    if any(key.startswith("download") for key in wanted):
        block = os.urandom(1 << 20)
        with (server.www / "static" / "big.bin").open("wb") as big:
            for _ in range(size >> 20):
                big.write(block)
    if any(key.startswith("json") for key in wanted):
        write_json(server.www / "static" / "big.json", JSON_SIZE)
    return server


def write_json(path: Path, size: int) -> None:
    """A JSON array of small objects, ``size`` bytes or a little more, written in pieces."""
    items = [
        {"id": i, "name": f"item {i}", "tags": ["a", "b"], "at": {"x": 1.5, "ok": True}}
        for i in range(1000)
    ]
    piece = json.dumps(items)[1:-1].encode()
    with path.open("wb") as out:
        out.write(b"[")
        for _ in range(size // len(piece)):
            out.write(piece + b",")
        out.write(piece + b"]")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--only", default="", help=f"scenarios, comma-separated: {', '.join(SCENARIOS)}"
    )
    parser.add_argument("--scenario")
    parser.add_argument("--target")
    parser.add_argument("--extra", default="")
    args = parser.parse_args()
    if args.scenario:
        run_in_child(args.scenario, args.target, args.extra)
        return
    wanted = {s for s in args.only.split(",") if s} or set(SCENARIOS)
    with tempfile.TemporaryDirectory(prefix="bench-http-") as directory:
        server = start_server(Path(directory), args.size_mb << 20, wanted)
        try:
            keep_alive(server.http, args.requests, args.repeat, wanted)
            download(server.http + "/static/big.bin", directory, args, wanted)
        finally:
            server.stop()


def keep_alive(base: str, count: int, repeat: int, wanted: set[str]) -> None:
    order = ("curl", "h11", "h11-asyncio", "httpcore2", "engine", "h11-qasync", "engine-qasync")
    keys = [k for k in order if k in wanted]
    if not keys:
        return
    runs: dict[str, list[dict[str, Any]]] = {k: [] for k in keys}
    for _ in range(repeat):
        for key in keys:
            runs[key].append(child(key, base, str(count)))
    print(f"{count:,} sequential keep-alive GETs of 17 bytes; median of {repeat} runs")
    print(f"{'scenario':32} {'req/s':>8} {'ms/req':>7} {'x curl':>7} {'connections':>12}")
    base_seconds = statistics.median(r["seconds"] for r in runs.get("curl", runs[keys[0]]))
    for key in keys:
        seconds = statistics.median(r["seconds"] for r in runs[key])
        connections = max(r["connections"] for r in runs[key])
        print(
            f"{SCENARIOS[key][0]:32} {count / seconds:>8,.0f} {seconds / count * 1000:>7.3f} "
            f"{seconds / base_seconds:>7.2f} {connections:>12}"
        )


def download(url: str, directory: str, args: argparse.Namespace, wanted: set[str]) -> None:
    order = ("download-curl", "download-engine", "download-window", "download-window-io")
    keys = [k for k in order if k in wanted]
    if not keys:
        return
    runs: dict[str, list[dict[str, Any]]] = {k: [] for k in keys}
    for _ in range(args.repeat):
        for key in keys:
            runs[key].append(child(key, url, directory))
    if keys:
        print(f"\n{args.size_mb} MB response streamed to disk; median of {args.repeat} runs")
        print(f"{'scenario':32} {'MB/s':>8} {'peak RSS MB':>12} {'hb p99 ms':>10} {'hb max':>7}")
    for key in keys:
        results = runs[key]
        assert all(r["size"] == args.size_mb << 20 for r in results), results
        rate = statistics.median(r["size"] / r["seconds"] / 1e6 for r in results)
        print(f"{SCENARIOS[key][0]:32} {rate:>8.0f} {_rss(results):>12} {_beats(results)}")
    json_table(url, directory, args, wanted)


def _rss(results: list[dict[str, Any]]) -> str:
    rss = max(r["rss"] for r in results)
    return f"{rss:.0f}" if rss else "-"


def _beats(results: list[dict[str, Any]]) -> str:
    """The heartbeat's p99 (median over runs) and its worst beat, for the window's rows."""
    if "hb_p99" not in results[0]:
        return f"{'-':>10} {'-':>7}"
    p99 = statistics.median(r["hb_p99"] for r in results)
    return f"{p99:>10.1f} {max(r['hb_max'] for r in results):>7.0f}"


def json_table(url: str, directory: str, args: argparse.Namespace, wanted: set[str]) -> None:
    keys = [k for k in ("json-window", "json-window-io") if k in wanted]
    runs = {k: [child(k, url, directory) for _ in range(args.repeat)] for k in keys}
    if not keys:
        return
    size = runs[keys[0]][0]["size"] / 1e6
    print(f"\n{size:.0f} MB JSON body to the Pretty view; median of {args.repeat} runs")
    print(f"{'scenario':32} {'seconds':>8} {'peak RSS MB':>12} {'hb p99 ms':>10} {'hb max':>7}")
    for key in keys:
        seconds = statistics.median(r["seconds"] for r in runs[key])
        print(f"{SCENARIOS[key][0]:32} {seconds:>8.2f} {_rss(runs[key]):>12} {_beats(runs[key])}")


if __name__ == "__main__":
    main()
