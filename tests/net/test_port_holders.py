"""Who holds a port in use: named for every kind of socket the system attributes, and said
in words for a bound-only TCP socket no process has open."""

from __future__ import annotations

import contextlib
import os
import socket
import struct
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st
from loopback import kernel_lists_bound_sockets

from netbench.net.port_holders import (
    NLMSG_DONE,
    SOCK_DIAG_BY_FAMILY,
    PortHolder,
    parse_diag_reply,
    who_holds_port,
)

ME = f"(pid {os.getpid()})"


needs_bound_listing = pytest.mark.skipif(
    not kernel_lists_bound_sockets(), reason="the kernel does not list bound-only sockets"
)


@contextlib.contextmanager
def holding(family: socket.AddressFamily, kind: socket.SocketKind, how: str) -> Iterator[int]:
    """A socket of ours on a loopback port, held as ``how`` says; yields the port."""
    host = "::1" if family == socket.AF_INET6 else "127.0.0.1"
    with contextlib.ExitStack() as stack:
        sock = stack.enter_context(socket.socket(family, kind))
        sock.bind((host, 0))
        if how == "listen":
            sock.listen()
        elif how == "connect":
            server = stack.enter_context(socket.create_server((host, 0), family=family))
            sock.connect(server.getsockname())
        yield sock.getsockname()[1]


@needs_bound_listing
@pytest.mark.parametrize("family", [socket.AF_INET, socket.AF_INET6])
def test_a_bound_only_tcp_socket_is_named_and_said_to_be_bound_only(family):
    with holding(family, socket.SOCK_STREAM, "bind") as port:
        holder = who_holds_port(port)
    assert holder is not None and holder.bound_only
    assert holder.process is not None and holder.process.endswith(ME)


@pytest.mark.parametrize(
    ("kind", "how"),
    [
        (socket.SOCK_STREAM, "listen"),
        (socket.SOCK_STREAM, "connect"),
        (socket.SOCK_DGRAM, "bind"),
    ],
)
def test_listening_connected_and_udp_sockets_are_named(kind, how):
    with holding(socket.AF_INET, kind, how) as port:
        holder = who_holds_port(port, datagram=kind == socket.SOCK_DGRAM)
    assert holder is not None and not holder.bound_only
    assert holder.process is not None and holder.process.endswith(ME)


@needs_bound_listing
def test_a_bound_socket_no_process_has_open_is_said_in_words():
    """A socket in flight in a Unix socket's queue: bound, yet in no process's descriptors."""
    carrier, receiver = socket.socketpair()
    with carrier, receiver:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
            socket.send_fds(carrier, [b"x"], [sock.fileno()])
        assert who_holds_port(port) == PortHolder(None, bound_only=True)


def test_a_free_port_has_no_holder():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert who_holds_port(port) is None
    assert who_holds_port(port, datagram=True) is None


def diag_message(port: int, inode: int) -> bytes:
    body = struct.pack("=BBBB", socket.AF_INET, 7, 0, 0) + struct.pack(">H", port)
    body += bytes(62) + struct.pack("=I", inode)
    return struct.pack("=IHHII", 16 + len(body), SOCK_DIAG_BY_FAMILY, 2, 1, 0) + body


DONE = struct.pack("=IHHII", 20, NLMSG_DONE, 2, 1, 0) + bytes(4)


@given(
    sockets=st.lists(st.tuples(st.integers(0, 65535), st.integers(0, 2**32 - 1)), max_size=20),
    done=st.booleans(),
)
def test_diag_replies_give_back_every_socket(sockets, done):
    reply = b"".join(diag_message(port, inode) for port, inode in sockets)
    assert parse_diag_reply(reply + (DONE if done else b"")) == (sockets, done)


@given(st.binary(max_size=600))
def test_diag_replies_of_any_bytes_never_raise(data):
    found, _ = parse_diag_reply(data)
    assert all(0 <= port < 65536 for port, _ in found)
