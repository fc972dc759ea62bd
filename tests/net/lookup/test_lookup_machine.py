"""This machine's interfaces, routes and sockets, read through psutil and /proc."""

import asyncio
import os
import socket
import sys

import pytest

from netbench.core.lookup.sockets_table import filter_sockets
from netbench.net.lookup import machine


def test_loopback_is_an_interface_with_its_address():
    interfaces = asyncio.run(machine.interfaces())
    loopback = [i for i in interfaces if any(a.address == "127.0.0.1" for a in i.addresses)]
    assert loopback and loopback[0].up
    (address,) = [a for a in loopback[0].addresses if a.address == "127.0.0.1"]
    assert str(address) == "127.0.0.1/8"
    assert "127.0.0.1/8" in loopback[0].to_text()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="routes come from Linux /proc")
def test_routes_are_read_from_proc():
    report = asyncio.run(machine.routes())
    assert report.note is None
    assert all(route.is_default for route in report.defaults)


def test_our_listening_socket_is_listed_with_our_process():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        report = asyncio.run(machine.sockets())
    rows = filter_sockets(report.rows, protocols=["tcp"], states=["LISTEN"], port=port)
    assert [row.local for row in rows] == [f"127.0.0.1:{port}"]
    assert rows[0].pid == os.getpid() and rows[0].process
    if report.note:
        assert "root" in report.note
    assert f"127.0.0.1:{port}" in report.to_text()


@pytest.mark.skipif(not machine.IF_INET6.exists(), reason="no /proc/net/if_inet6 (IPv6 off)")
def test_ipv6_prefixes_come_from_proc_when_psutil_has_no_netmask(tmp_path):
    prefixes = machine.ipv6_prefixes()
    assert prefixes[("lo", "::1")] == 128
    assert machine.prefix_of("lo", "::1", None, prefixes) == 128  # psutil gave no netmask
    assert machine.prefix_of("lo", "::1", "ffff:ffff:ffff:ffff::", prefixes) == 64
    assert machine.prefix_of("lo", "127.0.0.1", "255.0.0.0", prefixes) == 8
    assert machine.prefix_of("lo", "::2", None, prefixes) is None
    table = tmp_path / "if_inet6"
    table.write_text(
        "00000000000000000000000000000001 01 80 10 80       lo\n"
        "fe8000000000000000fc00fffe000001 04 40 20 80     eth0\n"
        "not a line\n"
    )
    assert machine.ipv6_prefixes(table) == {
        ("lo", "::1"): 128,
        ("eth0", "fe80::fc:ff:fe00:1"): 64,
    }
    assert machine.ipv6_prefixes(tmp_path / "missing") == {}
    interfaces = asyncio.run(machine.interfaces())
    (lo,) = [i for i in interfaces if i.name == "lo"]
    assert "::1/128" in [str(a) for a in lo.addresses]
