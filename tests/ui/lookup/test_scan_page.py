"""Port check: real listening and closed loopback ports, cancel, CSV, TCP ping."""

import socket
import time

import pytest
from helpers import find, pause
from loopback import free_port
from PySide6.QtCore import Qt

from netbench.core.lookup.scan_report import PortState
from netbench.net.lookup.fd_budget import open_fd_count


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


def scan(lookup, pump, ports, timeout=8):
    page = lookup.show_page("scan")
    find(lookup, "lookup.scan_host").setText("127.0.0.1")
    find(lookup, "lookup.ports").setText(ports)
    find(lookup, "lookup.scan").click()
    assert page.scanning
    pump(lambda: not page.scanning, timeout)
    return page


def test_open_and_closed_ports_get_exact_verdicts(lookup, pump, listeners):
    closed = [free_port() for _ in range(3)]
    page = scan(lookup, pump, ",".join(str(p) for p in listeners + closed))
    states = {r.port: r.state for r in page.report.results}
    assert states == {
        **{p: PortState.OPEN for p in listeners},
        **{p: PortState.CLOSED for p in closed},
    }
    model = find(lookup, "lookup.scan_table").model()
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == [
        f"{p}/tcp" for p in sorted(listeners)
    ]
    find(lookup, "lookup.scan_show_closed").setChecked(True)
    assert model.rowCount() == 6
    model.sort(1)
    assert [model.data(model.index(r, 1)) for r in range(6)] == ["open"] * 3 + ["closed"] * 3
    assert "3 open, 3 closed" in page.status.text()
    assert "open" in page.log.text()


def test_a_typo_in_the_ports_is_pointed_at(lookup):
    page = lookup.show_page("scan")
    find(lookup, "lookup.ports").setText("80,nosuchservice,90")
    assert not page.start()
    assert "at character 4" in page.status.text()
    assert page.ports.cursorPosition() == 3


def test_cancel_of_a_full_scan_stops_quickly_and_closes_every_socket(lookup, pump):
    page = scan(lookup, pump, str(free_port()))  # the resolver's executor is started once
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(0)
        port = server.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port)):
            baseline = open_fd_count()
            # The full backlog holds each connect to this port; the rest go fast.
            find(lookup, "lookup.scan_host").setText("127.0.0.1")
            find(lookup, "lookup.ports").setText(f"{port},1-65535")
            find(lookup, "lookup.scan_timeout").setValue(20)
            find(lookup, "lookup.scan").click()
            pump(lambda: page.run is not None and page.run.latest is not None, 5)
            started = time.monotonic()
            find(lookup, "lookup.scan_cancel").click()
            pump(lambda: not page.scanning, 5)
            took = time.monotonic() - started
            assert took < 2
            assert page.report.cancelled and len(page.report.results) < 65535
            assert "Cancelled" in page.status.text()
            pump(lambda: open_fd_count() <= baseline, 3)


def test_csv_export_writes_the_rows(lookup, pump, listeners, tmp_path):
    page = scan(lookup, pump, f"{listeners[0]},{free_port()}")
    button = find(lookup, "lookup.scan_csv")
    assert button.isEnabled()
    button.click()
    dialog = page.dialogs.current
    assert dialog is not None and dialog.isVisible()
    path = tmp_path / "scan.csv"
    dialog.fileSelected.emit(str(path))
    dialog.close()
    lines = path.read_text().splitlines()
    assert lines[0] == "host,address,port,protocol,state,ms,service,detail"
    assert len(lines) == 3
    assert f"127.0.0.1,127.0.0.1,{listeners[0]},tcp,open," in lines[1] + lines[2]


def test_tcp_ping_gives_min_avg_max_and_loss(lookup, pump, listeners):
    page = lookup.show_page("scan")
    find(lookup, "lookup.scan_host").setText("127.0.0.1")
    find(lookup, "lookup.ping_port").setValue(listeners[0])
    find(lookup, "lookup.ping_count").setValue(3)
    find(lookup, "lookup.ping_interval").setValue(0.05)
    find(lookup, "lookup.ping").click()
    pump(lambda: page.ping_report is not None, 8)
    assert page.ping_report.received == 3
    assert "3 sent, 3 answered, 0% lost" in page.ping_status.text()
    assert "min/avg/max" in page.ping_status.text()
    assert "administrator rights" in page.icmp_note.text()


@pytest.mark.slow
def test_every_port_keeps_the_window_responsive_and_is_right(lookup, pump, listeners):
    """All 65,535 ports: the window keeps serving its timers, and no verdict is false.

    Other programs may open and close listeners meanwhile, so only our own ports (open)
    and what a scan cannot explain (filtered or failed connects on loopback) are checked.
    """
    from PySide6.QtCore import QTimer

    gaps = []
    last = [time.monotonic()]

    def beat():
        now = time.monotonic()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(20)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    find(lookup, "lookup.scan_timeout").setValue(2)
    page = scan(lookup, pump, "1-65535", timeout=60)
    heartbeat.stop()
    report = page.report
    assert len(report.results) == 65535 and not report.cancelled
    counts = report.counts()
    assert counts[PortState.FILTERED] == counts[PortState.ERROR] == 0
    assert set(listeners) <= set(report.open_ports)
    assert max(gaps) < 1.0, max(gaps)
    print(f"{report.elapsed:.1f} s, longest UI gap {max(gaps) * 1000:.0f} ms")


def test_shutdown_during_a_check_closes_its_sockets(lookup, pump, run_async):
    page = scan(lookup, pump, str(free_port()))  # the resolver's executor is started once
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(0)
        port = server.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port)):
            baseline = open_fd_count()
            find(lookup, "lookup.ports").setText(f"{port},1-200")
            find(lookup, "lookup.scan_timeout").setValue(20)
            find(lookup, "lookup.scan").click()
            pause(pump, 0.5)  # the 200 closed ports answer; the full backlog's port hangs
            assert page.scanning and open_fd_count() > baseline
            run_async(lookup.shutdown(), 3)
            assert not page.busy
            pump(lambda: open_fd_count() <= baseline, 3)
            pump(lambda: open_fd_count() <= baseline, 3)


def test_a_network_of_hosts_each_gets_its_rows(lookup, pump):
    with socket.socket() as server:
        server.bind(("127.0.0.3", 0))
        server.listen()
        port = server.getsockname()[1]
        page = lookup.show_page("scan")
        find(lookup, "lookup.scan_host").setText("127.0.0.0/30, ::1")
        find(lookup, "lookup.ports").setText(str(port))
        find(lookup, "lookup.scan").click()
        pump(lambda: not page.scanning, 8)
    report = page.report
    assert [r.host for r in report.results] == [
        "127.0.0.0",
        "127.0.0.1",
        "127.0.0.2",
        "127.0.0.3",
        "::1",
    ]
    model = find(lookup, "lookup.scan_table").model()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Address and port"
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == [
        f"127.0.0.3 {port}/tcp"
    ]
    assert "1 open, 4 closed" in page.status.text()


def test_a_range_too_large_is_refused_with_the_reason(lookup):
    page = lookup.show_page("scan")
    find(lookup, "lookup.scan_host").setText("::1, fd00::/64")
    find(lookup, "lookup.ports").setText("80")
    assert not page.start()
    assert "IPv6 ranges up to /112" in page.status.text()
    assert page.host.cursorPosition() == 5
    find(lookup, "lookup.scan_host").setText("127.0.0.0/15")
    assert not page.start() and "IPv4 ranges up to /16" in page.status.text()
    assert not page.scanning
