"""Scan and ping reports, /proc route tables and the socket filter, without sockets."""

import csv
import io

from netbench.core.lookup.ping_report import ICMP_NOTE, PingReport, PingSample
from netbench.core.lookup.routes import default_routes, parse_ipv4_routes, parse_ipv6_routes
from netbench.core.lookup.scan_report import PortResult, PortState, ScanReport
from netbench.core.lookup.sockets_table import SocketRow, filter_sockets

ROUTE = """\
Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
eth0\t00000000\t010200C0\t0003\t0\t0\t100\t00000000\t0\t0\t0
eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
"""
IPV6_ROUTE = (
    "fd000000000000000000000000000000 40 00000000000000000000000000000000 00 "
    "00000000000000000000000000000000 00000100 00000001 00000000 00000001 eth0\n"
    "00000000000000000000000000000000 00 00000000000000000000000000000000 00 "
    "fd000000000000000000000000000001 00000400 00000001 00000000 00000003 eth0\n"
    "00000000000000000000000000000000 00 00000000000000000000000000000000 00 "
    "00000000000000000000000000000000 ffffffff 00000001 00000000 00200200 lo\n"
)


def report():
    results = (
        PortResult(22, PortState.OPEN, 0.001, "ssh"),
        PortResult(23, PortState.CLOSED, 0.0005, "telnet"),
        PortResult(24, PortState.FILTERED, 1.0, "", ""),
        PortResult(25, PortState.CLOSED, 0.0004, "smtp", "self-connection (nothing listens)"),
    )
    return ScanReport("localhost", "127.0.0.1", results, 4, 1.2, 100, 1.0)


def test_a_scan_report_counts_and_renders():
    scan = report()
    assert scan.open_ports == (22,)
    assert scan.counts()[PortState.CLOSED] == 2
    text = scan.to_text()
    assert "22/tcp     open" in text and "ssh" in text and "telnet" not in text
    assert "4 of 4 ports" in text and "1 filtered" in text


def test_a_scan_report_exports_csv():
    rows = list(csv.DictReader(io.StringIO(report().to_csv())))
    assert [row["port"] for row in rows] == ["22", "23", "24", "25"]
    assert rows[0]["state"] == "open" and rows[0]["service"] == "ssh" and rows[0]["ms"] == "1.000"


def test_a_ping_report_has_min_avg_max_and_loss():
    samples = (
        PingSample(1, PortState.OPEN, 0.001),
        PingSample(2, PortState.FILTERED, 1.0),
        PingSample(3, PortState.CLOSED, 0.003),
    )
    ping = PingReport("localhost", "127.0.0.1", 80, samples)
    assert (ping.sent, ping.received) == (3, 2)
    assert round(ping.loss) == 33
    assert ping.stats_ms() == (1.0, 2.0, 3.0)
    assert "min/avg/max = 1.00/2.00/3.00 ms" in ping.to_text()
    assert "CAP_NET_RAW" in ICMP_NOTE


def test_proc_route_tables_give_the_default_routes():
    v4 = parse_ipv4_routes(ROUTE)
    assert [r.to_text() for r in default_routes(v4)] == [
        "0.0.0.0/0 via 192.0.2.1 dev eth0 metric 100"
    ]
    assert str(v4[1].destination) == "192.0.2.0/24" and v4[1].gateway is None
    v6 = parse_ipv6_routes(IPV6_ROUTE)
    assert str(v6[0].destination) == "fd00::/64"
    assert [r.to_text() for r in default_routes(v6)] == ["::/0 via fd00::1 dev eth0 metric 1024"]


def test_the_socket_filter():
    rows = [
        SocketRow("tcp", "127.0.0.1:8080", "", "LISTEN", 42, "python"),
        SocketRow("tcp6", "[::1]:22", "[::1]:5000", "ESTABLISHED", None, ""),
        SocketRow("udp", "0.0.0.0:53", "", "", 7, "dnsmasq"),
        SocketRow("unix", "/run/x.sock", "", "LISTEN", None, ""),
    ]
    assert [r.local for r in filter_sockets(rows, protocols=["tcp"])] == [
        "127.0.0.1:8080",
        "[::1]:22",
    ]
    assert [r.local for r in filter_sockets(rows, states=["listen"])] == [
        "127.0.0.1:8080",
        "/run/x.sock",
    ]
    assert [r.local for r in filter_sockets(rows, port=5000)] == ["[::1]:22"]
    assert [r.process for r in filter_sockets(rows, "DNSMASQ")] == ["dnsmasq"]
