"""Port scans and TCP pings on real loopback sockets, checked against blocking connects."""

import asyncio
import socket

import pytest
from loopback import free_port

from netbench.core.lookup.scan_report import PortState
from netbench.net.errors import NetError
from netbench.net.lookup.fd_budget import FD_MARGIN, open_fd_count, soft_fd_limit
from netbench.net.lookup.scan import PortScan, check_port, is_self_connection, scan_ports
from netbench.net.lookup.tcp_ping import tcp_ping


@pytest.fixture
def listeners():
    socks = []
    for _ in range(3):
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        sock.listen(64)
        socks.append(sock)
    yield [s.getsockname()[1] for s in socks]
    for sock in socks:
        sock.close()


def blocking_state(port, host="127.0.0.1"):
    """What one blocking connect says (a self-connection counts as closed, as for us)."""
    with socket.socket() as sock:
        sock.settimeout(1)
        code = sock.connect_ex((host, port))
        if code == 0 and is_self_connection(sock):
            return PortState.CLOSED
    return PortState.OPEN if code == 0 else PortState.CLOSED


def test_open_and_closed_ports(listeners):
    closed = [free_port() for _ in range(3)]
    report = asyncio.run(scan_ports("127.0.0.1", listeners + closed, timeout=2))
    states = {r.port: r.state for r in report.results}
    assert all(states[p] is PortState.OPEN for p in listeners)
    assert all(states[p] is PortState.CLOSED for p in closed)
    assert report.open_ports == tuple(sorted(listeners))
    assert all(r.seconds < 2 for r in report.results)


def test_verdicts_equal_a_blocking_check_of_a_range(listeners):
    low = min(listeners) - 200
    ports = [p for p in range(max(1, low), min(65535, low + 1024))]
    report = asyncio.run(scan_ports("localhost", ports, concurrency=200, timeout=2))
    assert report.address in ("127.0.0.1", "::1")
    if report.address == "127.0.0.1":
        for result in report.results:
            assert result.state == blocking_state(result.port), result
    assert len(report.results) == len(ports) == report.total


def test_a_full_backlog_is_filtered():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(0)
        port = server.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port)):  # fills the queue
            result = asyncio.run(check_port("127.0.0.1", port, timeout=0.3))
    assert result.state is PortState.FILTERED
    assert 0.25 < result.seconds < 1.5


def test_a_self_connection_is_recognised():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.connect(sock.getsockname())
        assert is_self_connection(sock)
    with socket.socket() as server, socket.socket() as client:
        server.bind(("127.0.0.1", 0))
        server.listen()
        client.connect(server.getsockname())
        assert not is_self_connection(client)


def test_progress_comes_in_batches_and_adds_up(listeners):
    batches = []
    ports = range(40000, 42000)
    report = asyncio.run(scan_ports("127.0.0.1", ports, on_progress=batches.append))
    assert sum(len(b.latest) for b in batches) == len(ports)
    assert len(batches) < len(ports) // 100
    assert batches[-1].done == batches[-1].total == len(ports)
    assert sum(batches[-1].counts.values()) == len(report.results)


def test_services_are_named(listeners):
    report = asyncio.run(scan_ports("127.0.0.1", [22, 80]))
    assert [r.service for r in report.results] == ["ssh", "http"]


def test_cancel_closes_every_socket():
    async def scenario():
        baseline = open_fd_count()
        with socket.socket() as server:
            server.bind(("127.0.0.1", 0))
            server.listen(0)
            port = server.getsockname()[1]
            with socket.create_connection(("127.0.0.1", port)):
                # Every connect to the full backlog hangs: 100 sockets open when cancelled.
                scan = PortScan(
                    "127.0.0.1", [port] * 100 + list(range(1, 200)), timeout=30, concurrency=100
                )
                task = asyncio.create_task(scan.run())
                await asyncio.sleep(0.3)
                during = open_fd_count()
                task.cancel()
                with pytest.raises(asyncio.CancelledError):
                    await task
                partial = scan.report()
        return baseline, during, open_fd_count(), partial

    baseline, during, after, partial = asyncio.run(scenario())
    assert during >= baseline + 100
    assert after == baseline
    assert partial.cancelled and len(partial.results) < partial.total


def test_concurrency_stays_under_the_fd_limit():
    scan = PortScan("127.0.0.1", range(1, 65536), concurrency=10**7)
    assert scan.concurrency <= soft_fd_limit() - FD_MARGIN
    with pytest.raises(NetError, match="timeout"):
        PortScan("127.0.0.1", [80], timeout=0)


def test_tcp_ping(listeners):
    samples = []
    report = asyncio.run(
        tcp_ping("127.0.0.1", listeners[0], count=3, interval=0.05, on_sample=samples.append)
    )
    assert [s.seq for s in samples] == [1, 2, 3] == [s.seq for s in report.samples]
    assert report.received == 3 and report.loss == 0
    low, avg, high = report.stats_ms()
    assert low <= avg <= high
    refused = asyncio.run(tcp_ping("127.0.0.1", free_port(), count=2, interval=0.01))
    assert {s.state for s in refused.samples} == {PortState.CLOSED}


def blocking_state_of(host, port):
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family) as sock:
        sock.settimeout(1)
        code = sock.connect_ex((host, port))
        if code == 0 and is_self_connection(sock):
            return PortState.CLOSED
    return PortState.OPEN if code == 0 else PortState.CLOSED


def test_a_range_of_hosts_is_scanned_address_by_address():
    """127.0.0.0/8 is all loopback: a listener on 127.0.0.2 alone is open there only."""
    from netbench.core.lookup.hosts import parse_hosts

    with socket.socket() as server:
        server.bind(("127.0.0.2", 0))
        server.listen()
        port = server.getsockname()[1]
        ports = sorted([port, free_port()])
        hosts = parse_hosts("127.0.0.0/30, ::1")
        progress = []
        report = asyncio.run(scan_ports(hosts, ports, timeout=2, on_progress=progress.append))
        truth = {(h, p): blocking_state_of(h, p) for h in hosts for p in ports}
    assert report.total == len(report.results) == 10 == progress[-1].total
    assert {(r.host, r.port): r.state for r in report.results} == truth
    assert [(r.host, r.port) for r in report.results] == list(truth)  # host, then port
    opened = [(r.host, r.port) for r in report.results if r.state is PortState.OPEN]
    assert ("127.0.0.2", port) in opened and ("127.0.0.1", port) not in opened
    assert report.host == "127.0.0.0 … ::1 (5 hosts)"
    assert "HOST" in report.to_text() and f"127.0.0.2 {port}/tcp" in " ".join(
        report.to_text().split()
    )
    assert f"127.0.0.2,{port},tcp,open" in report.to_csv()


def test_a_name_and_its_address_are_contacted_once():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        report = asyncio.run(scan_ports(["127.0.0.1", "127.0.0.1"], [port]))
    assert [(r.host, r.state) for r in report.results] == [("127.0.0.1", PortState.OPEN)]
    assert report.total == 1


def test_without_a_watchable_selector_the_worker_coroutines_give_the_same(listeners, monkeypatch):
    """Where the loop cannot watch a selector (Windows), one coroutine per connect."""
    from netbench.net.lookup import scan

    ports = sorted(listeners + [free_port() for _ in range(3)])
    pooled = asyncio.run(scan_ports("127.0.0.1", ports, timeout=2))
    monkeypatch.setattr(scan, "selector_for", lambda loop: None)
    workers = asyncio.run(scan_ports("127.0.0.1", ports, timeout=2))
    assert [(r.port, r.state) for r in workers.results] == [
        (r.port, r.state) for r in pooled.results
    ]
    assert workers.open_ports == tuple(sorted(listeners))
