"""An unreachable network is said in its own words, next to the host.

The test needs a machine with no route to the address: it runs the connect in a network
namespace of its own (``unshare -n``: only a loopback that is down), where the kernel
answers ENETUNREACH at once.
"""

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

CONNECT = textwrap.dedent(
    """
    import asyncio
    from netbench.net.clients import ClientConfig, open_client
    from netbench.net.event_route import EventRoute
    from netbench.net.socket_kinds import SocketKind
    from netbench.net.errors import NetError

    async def main():
        for kind in (SocketKind.TCP, SocketKind.UDP):
            config = ClientConfig(kind, "10.1.2.3", 9999, timeout=3)
            try:
                await open_client(config, EventRoute(lambda event: None, "t"))
            except NetError as exc:
                print(kind.value, exc.field, exc.message)
            else:
                print(kind.value, "connected")

    asyncio.run(main())
    """
)


def test_a_network_without_a_route_is_unreachable():
    if not shutil.which("unshare") or os.geteuid() != 0:
        if os.environ.get("CI"):
            pytest.fail("CI runs as root with unshare (util-linux)")
        pytest.skip("needs root and unshare for a network namespace")
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"network namespaces are not allowed here: {probe.stderr.decode()}")
    result = subprocess.run(
        ["unshare", "-n", sys.executable, "-c", CONNECT],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines())
    for kind in ("tcp", "udp"):
        field, message = lines[kind].split(" ", 1)
        assert field == "host", lines[kind]
        assert message.startswith("10.1.2.3:9999 is unreachable"), message
