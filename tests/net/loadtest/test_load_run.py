"""The load generator against real peers on loopback: echo servers, closed ports, ncat, socat."""

import asyncio
import json
import os
import socket
import sys
import textwrap
from pathlib import Path

import pytest
from loopback import (
    free_port,
    need,
    need_localhost_on_both_families,
    running,
    wait_for,
    wait_for_port,
)

from netbench.core.framing.spec import FramingKind, FramingSpec
from netbench.net.clients import ClientConfig
from netbench.net.errors import NetError
from netbench.net.loadtest.results import RunStatus
from netbench.net.loadtest.run import LoadRun
from netbench.net.loadtest.settings import LoadSettings, RateScope
from netbench.net.socket_kinds import SocketKind

LF = FramingSpec(kind=FramingKind.DELIMITER, delimiter=b"\n")


class EchoServer:
    """A plain asyncio echo server that counts its connections (opened and closed)."""

    def __init__(self, reply=True):
        self.reply = reply
        self.opened = 0
        self.closed = 0
        self.received = bytearray()

    def protocol(self):
        server = self

        class Echo(asyncio.Protocol):
            def connection_made(self, transport):
                self.transport = transport
                server.opened += 1

            def data_received(self, data):
                server.received += data
                if server.reply:
                    self.transport.write(data)

            def connection_lost(self, exc):
                server.closed += 1

        return Echo()

    async def start_tcp(self, ssl_context=None):
        loop = asyncio.get_running_loop()
        self.server = await loop.create_server(
            self.protocol, "127.0.0.1", 0, ssl=ssl_context, backlog=1024
        )
        return self.server.sockets[0].getsockname()[1]

    async def start_unix(self, path):
        loop = asyncio.get_running_loop()
        self.server = await loop.create_unix_server(self.protocol, str(path))

    def close(self):
        self.server.close()


class DatagramEcho(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport
        self.count = 0

    def datagram_received(self, data, addr):
        self.count += 1
        self.transport.sendto(data, addr)


def tcp(port, **settings):
    return LoadSettings(ClientConfig(SocketKind.TCP, "127.0.0.1", port), **settings)


def run(settings, **kwargs):
    return asyncio.run(LoadRun(settings, **kwargs).execute())


def check_round_trips(result, count):
    assert result.status is RunStatus.FINISHED, result.summary
    assert result.sent == result.replies == count
    assert result.errors == () and result.timeouts == 0
    latency = result.latency
    assert latency.count == count and latency.exact
    assert 0 < latency.min <= latency.p50 <= latency.p90 <= latency.p99 <= latency.max
    assert latency.min <= latency.mean <= latency.max


# -- request/response and fire and forget --------------------------------------------------


def test_request_response_over_tcp_measures_every_round_trip():
    snapshots = []

    async def scenario():
        echo = EchoServer()
        port = await echo.start_tcp()
        settings = tcp(port, payload=b"ping\n", connections=8, messages=50, framing=LF)
        result = await LoadRun(settings, on_progress=snapshots.append).execute()
        await wait_for(lambda: echo.closed == 8, 10)
        echo.close()
        return result, echo

    result, echo = asyncio.run(scenario())
    check_round_trips(result, 400)
    assert (result.attempted, result.connected, result.failed) == (8, 8, 0)
    assert result.bytes_out == result.bytes_in == 400 * 5
    assert echo.opened == echo.closed == 8  # every socket closed at the end
    assert result.messages_per_second > 0 and result.mb_out_per_second > 0
    assert snapshots[-1].fraction == 1.0 and snapshots[-1].sent == 400
    assert snapshots[-1].open == 0
    assert [s.sent for s in snapshots] == sorted(s.sent for s in snapshots)


def test_localhost_on_both_families_uses_the_address_that_accepts():
    """localhost is ::1 first on Debian; a server on 127.0.0.1 only must still be found."""
    need_localhost_on_both_families()

    async def scenario():
        echo = EchoServer()
        port = await echo.start_tcp()
        target = ClientConfig(SocketKind.TCP, "localhost", port)
        settings = LoadSettings(target, payload=b"ping\n", connections=5, messages=10, framing=LF)
        result = await LoadRun(settings).execute()
        await wait_for(lambda: echo.closed == 5, 10)
        echo.close()
        return result, echo

    result, echo = asyncio.run(scenario())
    check_round_trips(result, 50)
    assert echo.opened == 5  # the probe's socket became connection 1


def test_fire_and_forget_sends_everything_without_waiting():
    async def scenario():
        echo = EchoServer(reply=False)
        port = await echo.start_tcp()
        settings = tcp(port, payload=b"x" * 1000, connections=4, messages=2000)
        settings = LoadSettings(**{**settings.__dict__, "wait_for_replies": False})
        result = await LoadRun(settings).execute()
        await wait_for(lambda: len(echo.received) == 8_000_000, 15)
        echo.close()
        return result

    result = asyncio.run(scenario())
    assert result.status is RunStatus.FINISHED, result.summary
    assert result.sent == 8000 and result.bytes_out == 8_000_000
    assert result.latency is None and result.replies == 0


def test_counter_templates_are_filled_for_every_message():
    async def scenario():
        echo = EchoServer()
        port = await echo.start_tcp()
        settings = tcp(port, payload=b"#{counter}\n", connections=5, messages=20, framing=LF)
        result = await LoadRun(settings).execute()
        echo.close()
        return result, bytes(echo.received)

    result, received = asyncio.run(scenario())
    check_round_trips(result, 100)
    numbers = sorted(int(line[1:]) for line in received.split(b"\n") if line)
    assert numbers == list(range(1, 101))


def test_as_many_bytes_as_sent_completes_a_split_echo():
    async def scenario():
        echo = EchoServer()
        port = await echo.start_tcp()
        payload = bytes(range(256)) * 256  # 64 KiB: the echo comes back in several reads
        framing = FramingSpec(kind=FramingKind.FIXED, fixed_length=len(payload))
        settings = tcp(port, payload=payload, connections=2, messages=10, framing=framing)
        result = await LoadRun(settings).execute()
        echo.close()
        return result

    result = asyncio.run(scenario())
    check_round_trips(result, 20)
    assert result.unmatched_replies == 0


# -- errors ----------------------------------------------------------------------------------


def test_a_refused_port_ends_the_run_with_the_reason():
    result = run(tcp(free_port(), payload=b"x", connections=20, messages=5))
    assert result.status is RunStatus.FAILED
    assert result.summary.startswith("all 20 connections failed: connection refused by 127.0.0.1:")
    assert "nothing is listening there" in result.summary
    assert result.error_field == "port"
    assert (result.attempted, result.connected, result.failed) == (20, 0, 20)
    ((message, count),) = result.errors
    assert count == 20 and "connection refused" in message
    assert [e.connection for e in result.first_errors] == list(range(1, 11))


def test_an_unknown_host_fails_once_before_any_connection():
    settings = LoadSettings(
        ClientConfig(SocketKind.TCP, "no-such-host.invalid", 80), payload=b"x", connections=50
    )
    result = run(settings)
    assert result.status is RunStatus.FAILED and result.attempted == 0
    assert result.summary.startswith("name not found: no-such-host.invalid")
    assert result.error_field == "host" and result.not_attempted == 50


def test_a_silent_server_gives_reply_timeouts():
    async def scenario():
        echo = EchoServer(reply=False)
        port = await echo.start_tcp()
        settings = tcp(port, payload=b"hello?", connections=3, messages=5, reply_timeout=0.2)
        result = await LoadRun(settings).execute()
        echo.close()
        return result

    result = asyncio.run(scenario())
    assert result.status is RunStatus.FAILED
    assert result.timeouts == 3 and result.sent == 3 and result.replies == 0
    assert result.errors == (("no reply within 200 ms", 3),)
    assert result.summary == "all 3 connections failed: no reply within 200 ms"


def test_settings_are_checked_field_by_field():
    target = ClientConfig(SocketKind.TCP, "127.0.0.1", 9)
    cases = [
        ({"connections": 0}, "connections"),
        ({"connections": 10_001}, "connections"),
        ({"messages": 0}, "messages"),
        ({"duration": -1.0}, "duration"),
        ({"rate": -5.0}, "rate"),
        ({"duration": 1.0, "ramp_up": 2.0}, "ramp_up"),
        ({"reply_timeout": 0.0}, "reply_timeout"),
        ({"payload": b""}, "payload"),
        ({"framing": FramingSpec(kind=FramingKind.FIXED, fixed_length=0)}, "framing"),
    ]
    for changes, field in cases:
        settings = LoadSettings(**{"target": target, "payload": b"x", **changes})
        with pytest.raises(NetError) as caught:
            settings.validate()
        assert caught.value.field == field, changes
    udp = ClientConfig(SocketKind.UDP, "127.0.0.1", 9)
    LoadSettings(udp, payload=b"").validate()  # an empty datagram is a datagram
    with pytest.raises(NetError, match="at most 65,507"):
        LoadSettings(udp, payload=b"x" * 70_000).validate()
    with pytest.raises(NetError) as caught:
        LoadSettings(ClientConfig(SocketKind.TCP, "127.0.0.1", 0), payload=b"x").validate()
    assert caught.value.field == "port"


# -- cancel, duration, rate ------------------------------------------------------------------


def test_cancel_mid_run_keeps_partial_results_and_closes_every_socket():
    async def scenario():
        echo = EchoServer()
        port = await echo.start_tcp()
        settings = tcp(port, payload=b"tick\n", connections=200, duration=60.0, framing=LF)
        load = LoadRun(settings)
        task = asyncio.create_task(load.execute())
        await wait_for(lambda: load.connected == 200 and load.replies > 1000, 10)
        load.cancel()
        result = await asyncio.wait_for(task, 5)
        await wait_for(lambda: echo.closed == echo.opened, 10)
        echo.close()
        return result, echo

    result, echo = asyncio.run(scenario())
    assert result.status is RunStatus.CANCELLED
    assert result.summary.startswith("cancelled; ")
    assert result.sent > 1000 and result.replies >= result.sent - 200
    assert result.latency.count == result.replies - result.unmatched_replies
    assert result.errors == ()
    assert echo.opened == echo.closed == 200


def test_a_duration_run_stops_on_time_by_itself():
    async def scenario():
        echo = EchoServer()
        port = await echo.start_tcp()
        settings = tcp(port, payload=b"d\n", connections=3, duration=0.5, framing=LF)
        progress = []
        result = await LoadRun(settings, on_progress=progress.append).execute()
        echo.close()
        return result, progress

    result, progress = asyncio.run(scenario())
    assert result.status is RunStatus.FINISHED, result.summary
    assert result.sent > 0 and result.replies == result.sent
    assert progress[-1].fraction == 1.0


@pytest.mark.parametrize("wait", [True, False])
def test_a_total_rate_sends_about_rate_times_duration(wait):
    async def scenario():
        echo = EchoServer()
        port = await echo.start_tcp()
        settings = tcp(
            port,
            payload=b"r\n",
            connections=5,
            duration=1.0,
            rate=200,
            rate_scope=RateScope.TOTAL,
            framing=LF,
            wait_for_replies=wait,
        )
        result = await LoadRun(settings).execute()
        echo.close()
        return result

    result = asyncio.run(scenario())
    assert result.status is RunStatus.FINISHED, result.summary
    assert 100 <= result.sent <= 260  # 200 msg/s for 1 s, loosely


def test_a_rate_per_connection_with_a_message_count_sends_them_all():
    async def scenario():
        echo = EchoServer()
        port = await echo.start_tcp()
        settings = tcp(port, payload=b"r\n", connections=4, messages=10, rate=100, framing=LF)
        result = await LoadRun(settings).execute()
        echo.close()
        return result

    result = asyncio.run(scenario())
    check_round_trips(result, 40)


# -- other kinds -------------------------------------------------------------------------------


def test_udp_request_response_and_a_closed_udp_port():
    async def scenario():
        loop = asyncio.get_running_loop()
        transport, _ = await loop.create_datagram_endpoint(
            DatagramEcho, local_addr=("127.0.0.1", 0)
        )
        port = transport.get_extra_info("sockname")[1]
        target = ClientConfig(SocketKind.UDP, "127.0.0.1", port)
        result = await LoadRun(
            LoadSettings(target, payload=b"dgram", connections=5, messages=40)
        ).execute()
        transport.close()
        closed = ClientConfig(SocketKind.UDP, "127.0.0.1", free_port(socket.SOCK_DGRAM))
        refused = await LoadRun(
            LoadSettings(closed, payload=b"anyone?", connections=3, messages=5)
        ).execute()
        return result, refused

    result, refused = asyncio.run(scenario())
    check_round_trips(result, 200)
    assert refused.status is RunStatus.FAILED
    assert "refused the datagram" in refused.summary and "ICMP port unreachable" in refused.summary
    assert refused.error_field == "port"


def test_unix_stream_and_datagram_runs(tmp_path):
    async def scenario():
        echo = EchoServer()
        stream_path = tmp_path / "stream.sock"
        await echo.start_unix(stream_path)
        stream = await LoadRun(
            LoadSettings(
                ClientConfig(SocketKind.UNIX, path=stream_path),
                payload=b"u\n",
                connections=4,
                messages=25,
                framing=LF,
            )
        ).execute()
        echo.close()

        loop = asyncio.get_running_loop()
        dgram_path = tmp_path / "dgram.sock"
        transport, _ = await loop.create_datagram_endpoint(
            DatagramEcho, local_addr=str(dgram_path), family=socket.AF_UNIX
        )
        load = LoadRun(
            LoadSettings(
                ClientConfig(SocketKind.UNIX_DGRAM, path=dgram_path),
                payload=b"d",
                connections=4,
                messages=25,
            )
        )
        dgram = await load.execute()
        transport.close()
        return stream, dgram

    before = set(Path(os.environ.get("TMPDIR", "/tmp")).glob("netbench-load-*"))
    stream, dgram = asyncio.run(scenario())
    check_round_trips(stream, 100)
    check_round_trips(dgram, 100)
    after = set(Path(os.environ.get("TMPDIR", "/tmp")).glob("netbench-load-*"))
    assert after <= before  # the clients' own socket files are gone


def test_a_missing_unix_socket_is_said_with_its_path(tmp_path):
    missing = tmp_path / "nobody.sock"
    result = run(LoadSettings(ClientConfig(SocketKind.UNIX, path=missing), payload=b"x"))
    assert result.status is RunStatus.FAILED
    assert "nobody.sock" in result.summary


def test_tls_runs_verified_and_an_untrusted_certificate_is_said(tls_files):
    import ssl

    async def scenario():
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(str(tls_files / "server.pem"))
        echo = EchoServer()
        port = await echo.start_tcp(context)
        good = ClientConfig(
            SocketKind.TLS, "127.0.0.1", port, ca_file=tls_files / "ca.pem", server_name="localhost"
        )
        ok = await LoadRun(
            LoadSettings(good, payload=b"s\n", connections=4, messages=20, framing=LF)
        ).execute()
        untrusted = ClientConfig(SocketKind.TLS, "127.0.0.1", port, server_name="localhost")
        bad = await LoadRun(LoadSettings(untrusted, payload=b"s\n", connections=2)).execute()
        echo.close()
        return ok, bad

    ok, bad = asyncio.run(scenario())
    check_round_trips(ok, 80)
    assert bad.status is RunStatus.FAILED
    assert "TLS verification failed for 127.0.0.1:" in bad.summary


# -- the file descriptor limit -------------------------------------------------------------


def test_running_out_of_file_descriptors_is_said_with_the_count_reached():
    """In a child process with a low ``ulimit -n``, against an echo server in this one."""

    async def scenario():
        echo = EchoServer()
        port = await echo.start_tcp()
        script = textwrap.dedent(
            f"""
            import asyncio, json, os, resource
            from netbench.net.clients import ClientConfig
            from netbench.net.socket_kinds import SocketKind
            from netbench.net.loadtest.run import LoadRun
            from netbench.net.loadtest.settings import LoadSettings
            used = len(os.listdir("/proc/self/fd"))
            resource.setrlimit(resource.RLIMIT_NOFILE, (used + 60, used + 60))
            target = ClientConfig(SocketKind.TCP, "127.0.0.1", {port})
            settings = LoadSettings(target, payload=b"x", connections=600, duration=1.0)
            result = asyncio.run(LoadRun(settings).execute())
            print(json.dumps([result.status, result.summary, result.fd_limit,
                              result.not_attempted, list(result.errors)]))
            """
        )
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            script,
            stdout=asyncio.subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[3])},
        )
        out, _ = await asyncio.wait_for(proc.communicate(), 60)
        echo.close()
        return json.loads(out)

    status, summary, fd_limit, not_attempted, errors = asyncio.run(scenario())
    assert status == "finished"
    assert 30 <= fd_limit < 60
    assert not_attempted >= 300  # once the limit is hit, no more are tried
    assert f"stopped opening at {fd_limit} connections: too many open files" in summary
    (message, _), *_ = errors
    assert message.startswith("too many open files: this process's limit")
    assert f"reached with {fd_limit} connections open or opening" in message


# -- independent echo peers ----------------------------------------------------------------


@pytest.mark.parametrize("tool", ["ncat", "socat"])
def test_against_ncat_and_socat_echo(tool):
    need(tool)
    port = free_port()
    command = {
        "ncat": ["ncat", "-l", "-k", "127.0.0.1", str(port), "--exec", "/bin/cat"],
        "socat": ["socat", f"TCP-LISTEN:{port},bind=127.0.0.1,reuseaddr,fork", "EXEC:cat"],
    }[tool]
    with running(command):
        wait_for_port(port)
        result = run(tcp(port, payload=b"echo {counter}\n", connections=4, messages=25, framing=LF))
    check_round_trips(result, 100)


class SlowFirstReply(asyncio.DatagramProtocol):
    """Answers the first datagram late (after the client's timeout), the others at once."""

    def __init__(self, delay):
        self.delay = delay
        self.sources = set()

    def connection_made(self, transport):
        self.transport = transport
        self.count = 0

    def datagram_received(self, data, addr):
        self.count += 1
        self.sources.add(addr)
        if self.count == 1:
            asyncio.get_running_loop().call_later(self.delay, self.transport.sendto, data, addr)
        else:
            self.transport.sendto(data, addr)


def test_a_late_udp_reply_is_not_taken_for_the_next_ones():
    async def scenario():
        loop = asyncio.get_running_loop()
        transport, server = await loop.create_datagram_endpoint(
            lambda: SlowFirstReply(0.3), local_addr=("127.0.0.1", 0)
        )
        port = transport.get_extra_info("sockname")[1]
        target = ClientConfig(SocketKind.UDP, "127.0.0.1", port)
        settings = LoadSettings(
            target, payload=b"ping", connections=1, messages=6, reply_timeout=0.1
        )
        result = await LoadRun(settings).execute()
        await asyncio.sleep(0.4)  # the late reply goes to a socket that is gone
        transport.close()
        return result, server

    result, server = asyncio.run(scenario())
    assert result.status is RunStatus.FINISHED, result.summary
    assert result.timeouts == 1 and result.sent == 6 and result.replies == 5
    assert result.unmatched_replies == 0
    assert result.latency.count == 5 and result.latency.max < 0.1e9  # ns: none waited for #1
    assert len(server.sources) == 2  # the message after the timeout came from a new port


def test_unix_datagram_runs_go_on_after_a_timeout_from_a_new_path(tmp_path):
    async def scenario():
        loop = asyncio.get_running_loop()
        path = tmp_path / "slow.sock"
        transport, server = await loop.create_datagram_endpoint(
            lambda: SlowFirstReply(0.3), local_addr=str(path), family=socket.AF_UNIX
        )
        target = ClientConfig(SocketKind.UNIX_DGRAM, path=path)
        result = await LoadRun(
            LoadSettings(target, payload=b"d", connections=1, messages=4, reply_timeout=0.1)
        ).execute()
        await asyncio.sleep(0.4)
        transport.close()
        return result, server

    result, server = asyncio.run(scenario())
    assert result.status is RunStatus.FINISHED, result.summary
    assert result.timeouts == 1 and result.replies == 3 and result.unmatched_replies == 0
    assert len(server.sources) == 2
