"""A listener's or a session's events as the Python calls a program would make
(:mod:`netbench.core.python_calls`), and what each connection's local address was.

The panel hands over every event it gets, in order, and says what the buttons did that
make no event of their own (Start, Connect, Half-close, Close, Abort). Nothing here
touches a socket: it reads events, so it runs on the UI thread at the events' pace, and
a flood costs one dictionary look-up per read once the script is full.
"""

from __future__ import annotations

from collections.abc import Iterable

from netbench.core import python_calls as calls
from netbench.core.framing.runs import payload_size
from netbench.core.python_calls import PythonScript
from netbench.net.clients import ClientConfig
from netbench.net.events import (
    CloseReason,
    Connected,
    DataReceived,
    DataSent,
    DataSentUnshown,
    NetEvent,
    PeerClosed,
    PeerFinished,
    Stopped,
)
from netbench.net.listeners import ListenerConfig
from netbench.net.socket_kinds import SocketAddress, SocketKind


def _written_address(address: SocketAddress) -> tuple[str, str, int, str]:
    """The kind, host, port and path as the written calls take them (no path: "")."""
    return address.kind.value, address.host, address.port, str(address.path or "")


class SocketCallLog:
    """The calls of one listener (``server``) or one session (``client``)."""

    def __init__(self, role: str) -> None:
        self.role = role
        self.script = PythonScript()
        self.kind = SocketKind.TCP
        self.locals: dict[str, str] = {}  # peer → our address on that connection
        self._names: dict[str, str] = {}  # peer → the variable of its socket (c1, c2…)
        self._open: set[str] = set()  # variables of sockets not closed yet
        self._last_from = ""  # the datagram peer `addr` holds

    # -- what the buttons did ---------------------------------------------------------------

    def listening(self, config: ListenerConfig, bound: str) -> None:
        self._restart(config.kind)
        calls.open_listener(
            self.script,
            *_written_address(config),
            backlog=config.backlog,
            reuse_address=config.reuse_address,
            remove_stale=config.remove_stale,
            bound=bound,
        )

    def connected(self, config: ClientConfig, local: str, peer: str) -> None:
        self._restart(config.kind)
        self._names[peer] = "s"
        self.locals[peer] = local
        calls.open_client(
            self.script,
            *_written_address(config),
            local_host=config.local_host,
            local_port=config.local_port,
            local=local,
        )

    def half_closed(self, peer: str = "") -> None:
        self.script.add(f"{self._name(peer)}.shutdown(SHUT_WR)", "FIN: we send no more")

    def closed(self, peer: str = "") -> None:
        """Our close of the connection (once, however many ways it is told)."""
        name = self._name(peer)
        if name in self._open:
            self._open.discard(name)
            self.script.add(f"{name}.close()")

    def aborted(self, peer: str = "") -> None:
        name = self._name(peer)
        if name not in self._open:
            return
        self._open.discard(name)
        self.script.need_import("import struct")
        self.script.add(
            f"{name}.setsockopt(SOL_SOCKET, SO_LINGER, struct.pack('ii', 1, 0))",
            "linger 0: close sends RST",
        )
        self.script.add(f"{name}.close()", "RST")

    def program(self) -> str:
        return self.script.program()

    def _restart(self, kind: SocketKind) -> None:
        self.script = PythonScript()
        self.kind = kind
        self._names.clear()
        self._open = {"s"}
        self._last_from = ""

    def _name(self, peer: str) -> str:
        if self.role == "client" or self.kind.is_datagram or not peer:
            return "s"
        return self._names.get(peer, "?")

    # -- what the events say ----------------------------------------------------------------

    def follow(self, events: Iterable[NetEvent]) -> None:
        for event in events:
            if isinstance(event, DataReceived):
                self._received(event)
            elif isinstance(event, DataSent):
                self._sent(event.peer, event.data)
            elif isinstance(event, Connected):
                self._connected(event)
            elif isinstance(event, PeerFinished):
                self.script.add(
                    f"print({self._name(event.peer)}.recv({calls.RECV_SIZE}))", "b'': FIN"
                )
            elif isinstance(event, PeerClosed):
                self._peer_closed(event)
            elif isinstance(event, DataSentUnshown):
                self.script.add(f"# {self._name(event.peer)}: {event.nbytes} bytes more sent")
            elif isinstance(event, Stopped) and self.role == "server":
                self.closed()

    def _connected(self, event: Connected) -> None:
        if event.local:
            self.locals[event.peer] = event.local
        if self.role != "server" or self.kind.is_datagram:
            return
        name = f"c{len(self._names) + 1}"
        self._names[event.peer] = name
        self._open.add(name)
        self.script.add(f"{name}, addr = s.accept()", calls.endpoint_literal(event.peer))

    def _received(self, event: DataReceived) -> None:
        if self.script.is_full:
            self.script.add("")  # counted: a flood must not cut every read into messages
            return
        if self.kind.is_datagram:
            data = b"".join(event.messages)
            code = (
                "data, addr = s.recvfrom(65535)"
                if self.role == "server"
                else "print(s.recv(65535))"
            )
            note = calls.quoted(data)
            if self.role == "server":
                self._last_from = event.peer
                note += f" from {calls.endpoint_literal(event.peer)}"
            self.script.add(code, note)
            return
        size = calls.RECV_SIZE if event.nbytes <= calls.RECV_SIZE else 65536
        whole = event.nbytes <= calls.RECV_SIZE and payload_size(event.messages) == event.nbytes
        note = calls.quoted(b"".join(event.messages)) if whole else f"{event.nbytes} bytes"
        self.script.add(f"print({self._name(event.peer)}.recv({size}))", note)

    def _sent(self, peer: str, data: bytes) -> None:
        literal = calls.bytes_literal(data)
        if self.kind.is_datagram and self.role == "server":
            to = "addr" if peer == self._last_from else calls.endpoint_literal(peer)
            self.script.add(f"s.sendto({literal}, {to})")
        elif self.kind.is_datagram:
            self.script.add(f"s.send({literal})")
        else:
            self.script.add(f"{self._name(peer)}.sendall({literal})")

    def _peer_closed(self, event: PeerClosed) -> None:
        name = self._name(event.peer)
        if name not in self._open:
            return
        if event.reason is CloseReason.ABORTED_BY_US:
            self.aborted(event.peer)
            return
        if event.reason is CloseReason.RESET:
            self.script.add(f"# {name}.recv({calls.RECV_SIZE}) raises ConnectionResetError: RST")
        self.closed(event.peer)
