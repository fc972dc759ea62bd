"""The Lessons tab's steps: one per experiment of the tutorials, in their order.

A step says what server to start (kind, the tutorial's port or path, framing, reply), which
client sessions connect to it and what they send, which tab shows the result, what to
notice there, and the tutorial's own Python (``netbench.core.lessons.programs``). Kinds,
framings and replies are named by the keys the Server and Client tabs' forms use, so this
stays free of the layers above.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from netbench.core.length_header import LengthHeader
from netbench.core.lessons import programs
from netbench.core.text import QT_TRANSLATE_NOOP, Text


class ResultTab(StrEnum):
    """Where a step's result shows."""

    SERVER = "server"
    CLIENT = "client"
    HTTP = "http"
    LOOKUP = "lookup"


@dataclass(frozen=True, slots=True)
class ServerStep:
    """A listener on the Server tab. `kind` is tcp, udp or unix; `framing` raw, lf or
    length (4 bytes, big-endian: ``struct.pack('!I', n)``); `reply` a reply key of the form
    (none, echo, upper, timestamp, bytecount, fixed, rules, http)."""

    kind: str = "tcp"
    port: int = 0
    path: str = ""
    framing: str = "raw"
    reply: str = "none"
    rules: str = ""
    close_after: bool = False


@dataclass(frozen=True, slots=True)
class ClientStep:
    """A Client tab session to the step's server: it connects, then sends `payload` once,
    or `repeat` times `interval_ms` apart. `payload` may hold ``$port``. `length_header` is
    the send row's option that puts each message's length in front of it, as the tutorial's
    ``struct.pack('!I', len(body))`` does, so the learner sees the option, not escapes."""

    payload: str
    mode: str = "text"  # text or escapes
    line_ending: str = "none"
    length_header: LengthHeader | None = None
    repeat: int = 0
    interval_ms: int = 0


@dataclass(frozen=True, slots=True)
class Endpoint:
    """Where a step's server really listens: the tutorial's port, or another one when that
    was busy (`moved`), or an absolute Unix path."""

    port: int = 0
    path: str = ""
    moved: bool = False


@dataclass(frozen=True, slots=True)
class Lesson:
    """One step: its title and what to notice, the tab that shows the result, the
    tutorial's client and server programs (with the typed input and arguments a run
    gives them), and the server and clients netbench sets up for it."""

    key: str
    title: Text
    notice: Text
    result_tab: ResultTab
    client_code: str
    server_code: str = ""
    server: ServerStep | None = None
    clients: tuple[ClientStep, ...] = ()
    stdin: str = ""  # typed into the program's input() prompts when it runs
    args: tuple[str, ...] = ()
    lookup_page: str = ""  # the Lookup tab's page to show

    def client_program(self, endpoint: Endpoint) -> str:
        return programs.render(self.client_code, endpoint.port, endpoint.path)

    def server_program(self, endpoint: Endpoint) -> str:
        return programs.render(self.server_code, endpoint.port, endpoint.path)


def lessons() -> tuple[Lesson, ...]:
    """Every step, in the tutorials' order."""
    return (
        *_servers(),
        *_servers_more(),
        *_sticky(),
        *_sticky_more(),
        *_lookups(),
        *_connection(),
    )


def _servers() -> tuple[Lesson, ...]:
    return (
        Lesson(
            "time_echo",
            QT_TRANSLATE_NOOP("Lessons", "Time-stamp echo server (TCP, port 9999)"),
            QT_TRANSLATE_NOOP(
                "Lessons",
                "The server puts time.ctime() in front of each message, without a space, as "
                "the tutorial does. The Client tab shows the reply, e.g. "
                "“Fri Dec  4 20:00:19 2026hello”. Type more and press Send; the Server tab "
                "lists the client as a peer.",
            ),
            ResultTab.CLIENT,
            programs.TIME_CLIENT,
            programs.TIME_SERVER,
            ServerStep(port=9999, reply="rules", rules="regex ^ => {time}{data}"),
            (ClientStep("hello"),),
            stdin="hello\n\n",
        ),
        Lesson(
            "hear_me",
            QT_TRANSLATE_NOOP("Lessons", "“can you hear me?” → “Yes” (TCP, port 8000)"),
            QT_TRANSLATE_NOOP(
                "Lessons",
                "A rule answers Yes to exactly “can you hear me?” and then closes the "
                "connection, like the tutorial's one-shot server. The Client tab shows Yes, "
                "then that the server closed.",
            ),
            ResultTab.CLIENT,
            programs.HEAR_CLIENT,
            programs.HEAR_SERVER,
            ServerStep(
                port=8000, reply="rules", rules="exact can you hear me? => Yes", close_after=True
            ),
            (ClientStep("can you hear me?"),),
        ),
    )


def _servers_more() -> tuple[Lesson, ...]:
    return (
        Lesson(
            "threading",
            QT_TRANSLATE_NOOP("Lessons", "Several clients at once (socketserver, port 8080)"),
            QT_TRANSLATE_NOOP(
                "Lessons",
                "ThreadingTCPServer serves each client on a thread of its own, so a second "
                "client need not wait for the first to leave. Two sessions connect and each "
                "gets its text back in upper case; the Server tab lists both peers.",
            ),
            ResultTab.SERVER,
            programs.UPPER_CLIENT,
            programs.UPPER_SERVER,
            ServerStep(port=8080, reply="upper"),
            (ClientStep("hello"), ClientStep("world")),
            stdin="hello\nworld\n",
        ),
        Lesson(
            "udp",
            QT_TRANSLATE_NOOP("Lessons", "UDP: “your data was N bytes” (port 1060)"),
            QT_TRANSLATE_NOOP(
                "Lessons",
                "No connection and no accept(): each datagram is answered on its own, to "
                "the address it came from. The client sends hello (5 bytes) and the Client "
                "tab shows “your data was 5 bytes”.",
            ),
            ResultTab.CLIENT,
            programs.UDP_PROGRAM,
            programs.UDP_PROGRAM,
            ServerStep(kind="udp", port=1060, reply="bytecount"),
            (ClientStep("hello"),),
            args=("client",),
        ),
        Lesson(
            "unix",
            QT_TRANSLATE_NOOP("Lessons", "A local socket (AF_UNIX, ./sock)"),
            QT_TRANSLATE_NOOP(
                "Lessons",
                "An AF_UNIX socket has a file instead of an address and a port; here "
                "{path}. The server only prints what arrives: the Server tab shows hello.",
            ),
            ResultTab.SERVER,
            programs.UNIX_CLIENT,
            programs.UNIX_SERVER,
            ServerStep(kind="unix", path="./sock"),
            (ClientStep("hello"),),
            stdin="hello\nfrom python\n\n",
        ),
    )


def _sticky() -> tuple[Lesson, ...]:
    quick = ClientStep("message {counter};", repeat=10)
    return (
        Lesson(
            "sticky",
            QT_TRANSLATE_NOOP("Lessons", "TCP 粘包: quick messages merge"),
            QT_TRANSLATE_NOOP(
                "Lessons",
                "The client sends 10 short messages as fast as it can. TCP is a stream of "
                "bytes with no message boundaries, so one recv() takes several of them: on "
                "the Server tab, which shows a row per read here, they run together in one "
                "row (粘包).",
            ),
            ResultTab.SERVER,
            programs.STICKY_CLIENT,
            programs.STICKY_SERVER,
            ServerStep(port=9999),
            (quick,),
        ),
        Lesson(
            "sticky_delimiter",
            QT_TRANSLATE_NOOP("Lessons", "粘包 fix 1: an end mark after each message"),
            QT_TRANSLATE_NOOP(
                "Lessons",
                "Each message ends in \\n and the server splits what it reads at \\n "
                "(framing: lines ending in LF). The Server tab shows 10 separate messages; "
                "those that came in one read are marked ❐ in its Reads column.",
            ),
            ResultTab.SERVER,
            programs.DELIMITER_CLIENT,
            programs.STICKY_SERVER,
            ServerStep(port=9999, framing="lf"),
            (ClientStep("message {counter}", line_ending="lf", repeat=10),),
        ),
    )


def _sticky_more() -> tuple[Lesson, ...]:
    return (
        Lesson(
            "sticky_length",
            QT_TRANSLATE_NOOP("Lessons", "粘包 fix 2: a length header (struct)"),
            QT_TRANSLATE_NOOP(
                "Lessons",
                "Each message starts with struct.pack('!I', len(body)): its length in 4 "
                "bytes, big-endian. On the Client tab, the send row's “4-byte length "
                "header” puts it in front of every message. The server reads the header, "
                "then exactly that many bytes (framing: length prefix): the Server tab "
                "shows 10 separate hello messages.",
            ),
            ResultTab.SERVER,
            programs.LENGTH_CLIENT,
            programs.STICKY_SERVER,
            ServerStep(port=9999, framing="length"),
            (ClientStep("hello", length_header=LengthHeader(4, "big"), repeat=10),),
        ),
        Lesson(
            "sticky_delay",
            QT_TRANSLATE_NOOP("Lessons", "粘包 fix 3: a short pause between sends"),
            QT_TRANSLATE_NOOP(
                "Lessons",
                "The client waits 200 ms between messages, so each one usually arrives in "
                "a read of its own. It works, but slowly and without a guarantee: the other "
                "two fixes are the reliable ones.",
            ),
            ResultTab.SERVER,
            programs.DELAY_CLIENT,
            programs.STICKY_SERVER,
            ServerStep(port=9999),
            (ClientStep("message {counter};", repeat=10, interval_ms=200),),
        ),
        Lesson(
            "http",
            QT_TRANSLATE_NOOP("Lessons", "HTTP: a request and its response (port 8000)"),
            QT_TRANSLATE_NOOP(
                "Lessons",
                "The Server tab serves a small site. The Client tab sends a request typed "
                "by hand (request line, headers, a blank line) and shows the response: "
                "status line, headers, a blank line, the body. Open "
                "http://127.0.0.1:{port}/ in a browser, or in the HTTP tab.",
            ),
            ResultTab.CLIENT,
            programs.HTTP_CLIENT,
            programs.HTTP_SERVER,
            ServerStep(port=8000, reply="http"),
            (
                ClientStep(
                    "GET / HTTP/1.1\\r\\nHost: 127.0.0.1:$port\\r\\nConnection: close\\r\\n\\r\\n",
                    mode="escapes",
                ),
            ),
        ),
    )


def _lookups() -> tuple[Lesson, ...]:
    return (
        Lesson(
            "names",
            QT_TRANSLATE_NOOP("Lessons", "Host names and addresses"),
            QT_TRANSLATE_NOOP(
                "Lessons",
                "gethostname() names this computer, gethostbyname() turns a name into an "
                "IPv4 address and gethostbyaddr() goes back. The Lookup tab's Names page "
                "does the same; run the program to see Python's answers here.",
            ),
            ResultTab.LOOKUP,
            programs.NAMES,
            lookup_page="names",
        ),
        Lesson(
            "conversions",
            QT_TRANSLATE_NOOP("Lessons", "inet_aton, inet_ntoa and getservbyname"),
            QT_TRANSLATE_NOOP(
                "Lessons",
                "An IPv4 address is a 32-bit number: inet_aton() gives its 4 bytes, "
                "inet_ntoa() the dotted form again. getservbyname('mysql') reads 3306 from "
                "the system's list of services, which the Lookup tab's Services page shows.",
            ),
            ResultTab.LOOKUP,
            programs.CONVERSIONS,
            lookup_page="services",
        ),
        Lesson(
            "ports",
            QT_TRANSLATE_NOOP("Lessons", "Port ranges and special addresses"),
            QT_TRANSLATE_NOOP(
                "Lessons",
                "Ports 1–255 are well known, 256–1023 belong to the system, 1024–65535 are "
                "free to use. 127.0.0.1 is this computer and 0.0.0.0 every interface; in "
                "192.168.1.0/24, .0 names the network, .1 is usually the gateway and .255 "
                "is the broadcast address. The Lookup tab's Calculator page works these out.",
            ),
            ResultTab.LOOKUP,
            programs.PORTS,
            lookup_page="calculator",
        ),
    )


def _connection() -> tuple[Lesson, ...]:
    return (
        Lesson(
            "handshake",
            QT_TRANSLATE_NOOP("Lessons", "Three-way handshake, four-way close"),
            QT_TRANSLATE_NOOP(
                "Lessons",
                "connect() is the handshake: SYN, SYN+ACK, ACK. Now press Half-close (FIN) "
                "on the Client tab: the server's recv() returns b'', it closes its side too, "
                "and the Client tab says so. That is the four-way close: FIN, ACK, FIN, ACK.",
            ),
            ResultTab.CLIENT,
            programs.HANDSHAKE_CLIENT,
            server=ServerStep(port=9999, reply="echo"),
            clients=(ClientStep("hello"),),
        ),
        Lesson(
            "attributes",
            QT_TRANSLATE_NOOP("Lessons", "A socket's attributes"),
            QT_TRANSLATE_NOOP(
                "Lessons",
                "The Client tab's socket panel shows what s.type, s.family, s.fileno(), "
                "s.getsockname() and s.getpeername() return, and the socket's options "
                "(SO_REUSEADDR and others).",
            ),
            ResultTab.CLIENT,
            programs.ATTRIBUTES,
            server=ServerStep(port=8888),
            clients=(ClientStep("hello"),),
        ),
    )
