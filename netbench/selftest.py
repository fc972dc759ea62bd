"""``netbench --self-test``: proves that this copy of netbench works on this machine.

Meant for an installed or frozen app as much as for a checkout: it opens a TCP, a UDP, a TLS
and a Unix listener on loopback and round-trips data through each with a client, resolves
``localhost``, then builds the main window offscreen and renders it, which needs the Qt
platform, image-format and icon plugins, fonts and translations the bundle must carry.

Every check has a time limit, and a watchdog ends the run if one hangs in code a timeout
cannot interrupt (a resolver call, a Qt call), so the self-test always ends with a verdict.
It prints a table as the checks finish and returns 0 if none failed, else 1.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import ipaddress
import os
import platform
import shutil
import socket
import ssl
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from netbench import __version__
from netbench.core.resources import resource_dir, resource_path
from netbench.net.datagram import DatagramClient, DatagramListener
from netbench.net.event_route import EventRoute
from netbench.net.events import DataReceived, NetEvent
from netbench.net.socket_kinds import SocketAddress, SocketKind
from netbench.net.stream_client import open_stream
from netbench.net.stream_listener import StreamListener
from netbench.net.tls import generate_self_signed, server_context
from netbench.selftest_protocols import CheckError, check_dns, check_http

if TYPE_CHECKING:
    from PySide6.QtCore import QMessageLogContext, QtMsgType
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from netbench.ui.main_window import MainWindow

    MessageHandler = Callable[[QtMsgType, QMessageLogContext, str], object]

CHECK_SECONDS = 5.0
"""The limit for each check; on loopback each takes milliseconds."""

STREAM_PAYLOAD = ("netbench self-test 粘包 ✓\r\n".encode() + bytes(range(256))) * 100
DATAGRAM_PAYLOAD = "netbench self-test 粘包 ✓ \x00\xff".encode()
DATAGRAM_RETRIES = 5

NAME_WIDTH = 18
RESULT_WIDTH = 6
TIME_WIDTH = 8


class Outcome(StrEnum):
    PASS = "pass"
    FAIL = "FAIL"
    SKIP = "skip"


class NotApplicableError(Exception):
    """A check does not apply on this platform; the message says why."""


@dataclass(frozen=True)
class CheckResult:
    name: str
    outcome: Outcome
    seconds: float
    detail: str


class Table:
    """Prints rows as checks finish, so a crash still leaves the rows before it on screen."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.results: list[CheckResult] = []

    def header(self) -> None:
        frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
        self._print(
            f"netbench {__version__} self-test ({frozen}; Python {platform.python_version()}, "
            f"{platform.system()} {platform.machine()})"
        )
        self._line("check", "result", "time", "detail")
        self._line("-" * NAME_WIDTH, "-" * RESULT_WIDTH, "-" * TIME_WIDTH, "-" * 6)

    def add(self, result: CheckResult) -> None:
        self.results.append(result)
        took = f"{result.seconds * 1000:.0f} ms"
        self._line(result.name, result.outcome.value, took, " ".join(result.detail.split()))

    def summary(self, seconds: float) -> int:
        failed = [r.name for r in self.results if r.outcome is Outcome.FAIL]
        ran = [r for r in self.results if r.outcome is not Outcome.SKIP]
        skipped = len(self.results) - len(ran)
        note = f", {skipped} skipped" if skipped else ""
        if failed:
            self._print(
                f"self-test FAILED: {', '.join(failed)} ({len(failed)} of {len(ran)} checks"
                f"{note}) in {seconds:.2f} s"
            )
            return 1
        self._print(f"self-test passed: {len(ran)} of {len(ran)} checks{note} in {seconds:.2f} s")
        return 0

    def print_messages(self, messages: list[str]) -> None:
        for message in dict.fromkeys(messages):
            self._print(f"Qt said: {' '.join(message.split())}")

    def _line(self, name: str, result: str, took: str, detail: str) -> None:
        columns = f"{name:<{NAME_WIDTH}}  {result:<{RESULT_WIDTH}}  {took:>{TIME_WIDTH}}"
        self._print(f"{columns}  {detail}".rstrip())

    def _print(self, text: str) -> None:
        self.out.write(text + "\n")
        self.out.flush()


class Watchdog:
    """Ends the process with a FAIL row when a check overruns by more than its own timeout."""

    def __init__(self, table: Table) -> None:
        self._table = table
        self._lock = threading.Lock()
        self._armed: tuple[str, float, float] | None = None
        self._wake = threading.Event()
        threading.Thread(target=self._watch, name="self-test watchdog", daemon=True).start()

    def arm(self, name: str, seconds: float) -> None:
        with self._lock:
            now = time.monotonic()
            self._armed = (name, now, now + seconds)
        self._wake.set()

    def disarm(self) -> None:
        with self._lock:
            self._armed = None

    def _watch(self) -> None:
        while True:
            self._wake.wait(0.1)
            self._wake.clear()
            with self._lock:
                armed = self._armed
            if armed is None or time.monotonic() < armed[2]:
                continue
            name, started, deadline = armed
            detail = f"hung: no answer after {deadline - started:.0f} s"
            self._table.add(CheckResult(name, Outcome.FAIL, time.monotonic() - started, detail))
            self._table.summary(time.monotonic() - started)
            os._exit(1)


# -- network checks ---------------------------------------------------------------------------


class Echo:
    """A listener's event sink that sends every read straight back to the peer it came from."""

    def __init__(self) -> None:
        self.listener: StreamListener | DatagramListener | None = None

    def __call__(self, event: NetEvent) -> None:
        if isinstance(event, DataReceived) and self.listener is not None:
            data = event.data  # the messages this read completed, joined
            if data:
                self.listener.send(event.peer, data)


class Collect:
    """A client's event sink that keeps what it reads and says when ``expected`` bytes came."""

    def __init__(self, expected: int) -> None:
        self.expected = expected
        self.data = bytearray()
        self.complete = asyncio.Event()

    def __call__(self, event: NetEvent) -> None:
        if isinstance(event, DataReceived):
            self.data += event.data
            if len(self.data) >= self.expected:
                self.complete.set()


def _same(got: bytes | bytearray, sent: bytes) -> None:
    if bytes(got) != sent:
        at = next((i for i, (a, b) in enumerate(zip(got, sent, strict=False)) if a != b), None)
        where = f"differs at byte {at}" if at is not None else "is cut short"
        raise CheckError(f"sent {len(sent)} bytes, got {len(got)} back: the echo {where}")


def _port_of(address: str) -> int:
    return int(address.rsplit(":", 1)[1])


async def _stream_round_trip(where: SocketAddress) -> str:
    echo = Echo()
    listener = await StreamListener.open(where, EventRoute(echo, "self-test listener"))
    echo.listener = listener
    try:
        if where.path is None:
            where = replace(where, port=_port_of(listener.address))
        got = Collect(len(STREAM_PAYLOAD))
        client = await open_stream(where, EventRoute(got), timeout=CHECK_SECONDS)
        try:
            client.send(STREAM_PAYLOAD)
            await got.complete.wait()
        finally:
            await client.aclose()
    finally:
        await listener.aclose()
    _same(got.data, STREAM_PAYLOAD)
    return f"{len(STREAM_PAYLOAD):,} bytes echoed by {listener.address}"


async def check_tcp() -> str:
    return await _stream_round_trip(SocketAddress(SocketKind.TCP))


async def check_tls() -> str:
    """A TLS listener with a self-signed certificate made here, and a client that trusts it."""
    folder = Path(tempfile.mkdtemp(prefix="netbench-selftest-"))
    try:
        certificate = generate_self_signed(folder)
        echo = Echo()
        listener = await StreamListener.open(
            SocketAddress(SocketKind.TLS),
            EventRoute(echo, "self-test listener"),
            ssl_context=server_context(certificate),
        )
        echo.listener = listener
        try:
            trust = ssl.create_default_context(cafile=str(certificate.cert_file))
            reader, writer = await asyncio.open_connection(
                "127.0.0.1", _port_of(listener.address), ssl=trust
            )
            try:
                writer.write(STREAM_PAYLOAD)
                got = await reader.readexactly(len(STREAM_PAYLOAD))
                version = writer.get_extra_info("ssl_object").version()
            finally:
                writer.close()
                with contextlib.suppress(OSError, ssl.SSLError):
                    await writer.wait_closed()
        finally:
            await listener.aclose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    _same(got, STREAM_PAYLOAD)
    return f"{len(STREAM_PAYLOAD):,} bytes echoed over {version} by {listener.address}"


async def check_unix() -> str:
    if not hasattr(socket, "AF_UNIX") or sys.platform == "win32":
        raise NotApplicableError("no Unix sockets in Python on Windows")
    folder = Path(tempfile.mkdtemp(prefix="netbench-selftest-"))
    try:
        return await _stream_round_trip(SocketAddress(SocketKind.UNIX, path=folder / "echo.sock"))
    finally:
        for leftover in folder.iterdir():
            leftover.unlink()
        folder.rmdir()


async def check_udp() -> str:
    echo = Echo()
    where = SocketAddress(SocketKind.UDP)
    listener = await DatagramListener.open(where, EventRoute(echo, "self-test listener"))
    echo.listener = listener
    try:
        got = Collect(len(DATAGRAM_PAYLOAD))
        client = await DatagramClient.open(
            replace(where, port=_port_of(listener.address)), EventRoute(got)
        )
        try:
            # Loopback rarely drops a datagram, but UDP may: ask again before failing.
            for _ in range(DATAGRAM_RETRIES):
                client.send(DATAGRAM_PAYLOAD)
                try:
                    await asyncio.wait_for(got.complete.wait(), CHECK_SECONDS / DATAGRAM_RETRIES)
                    break
                except TimeoutError:
                    continue
            else:
                raise CheckError(f"no reply to {DATAGRAM_RETRIES} datagrams")
        finally:
            await client.aclose()
    finally:
        await listener.aclose()
    _same(got.data[: len(DATAGRAM_PAYLOAD)], DATAGRAM_PAYLOAD)
    return f"{len(DATAGRAM_PAYLOAD)}-byte datagram echoed by {listener.address}"


async def check_resolve() -> str:
    infos = await asyncio.get_running_loop().getaddrinfo("localhost", None, type=socket.SOCK_STREAM)
    addresses = sorted({str(info[4][0]) for info in infos})
    if not addresses:
        raise CheckError("localhost has no address")
    if not all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addresses):
        raise CheckError(f"localhost is {', '.join(addresses)}: not only loopback addresses")
    return "localhost is " + ", ".join(addresses)


NET_CHECKS: list[tuple[str, Callable[[], Awaitable[str]]]] = [
    ("TCP round trip", check_tcp),
    ("UDP round trip", check_udp),
    ("TLS round trip", check_tls),
    ("Unix round trip", check_unix),
    ("resolve localhost", check_resolve),
    ("HTTP exchange", check_http),
    ("DNS query", check_dns),
]


async def run_net_checks(table: Table, watchdog: Watchdog) -> None:
    for name, check in NET_CHECKS:
        watchdog.arm(name, CHECK_SECONDS + 2)
        started = time.monotonic()
        try:
            detail = await asyncio.wait_for(check(), CHECK_SECONDS)
            outcome = Outcome.PASS
        except TimeoutError:
            outcome, detail = Outcome.FAIL, f"timed out after {CHECK_SECONDS:.0f} s"
        except Exception as exc:
            outcome, detail = _outcome_of(exc)
        table.add(CheckResult(name, outcome, time.monotonic() - started, detail))
        watchdog.disarm()


def _outcome_of(exc: BaseException) -> tuple[Outcome, str]:
    if isinstance(exc, NotApplicableError):
        return Outcome.SKIP, str(exc)
    if isinstance(exc, CheckError):
        return Outcome.FAIL, str(exc)
    return Outcome.FAIL, f"{type(exc).__name__}: {exc}"


# -- Qt checks --------------------------------------------------------------------------------


def choose_qt_platform() -> None:
    """Render offscreen where there is no display (CI, ssh); elsewhere test the real one."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


class QtChecks:
    """Builds the real main window without showing it, and renders what the app needs."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.app: QApplication | None = None
        self.window: MainWindow | None = None
        self._data_dir: tempfile.TemporaryDirectory[str] | None = None
        self.messages: list[str] = []
        self.current = ""
        self.started = time.monotonic()
        self._previous_handler: MessageHandler | None = None

    def platform(self) -> str:
        from PySide6.QtCore import QtMsgType, qInstallMessageHandler, qVersion
        from PySide6.QtWidgets import QApplication

        def keep(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
            if kind == QtMsgType.QtFatalMsg:
                # Qt aborts the process when this returns: leave the verdict on screen first.
                self.table.print_messages(self.messages)
                took = time.monotonic() - self.started
                self.table.add(CheckResult(self.current, Outcome.FAIL, took, message))
                self.table.summary(took)
            elif kind != QtMsgType.QtDebugMsg:
                self.messages.append(message)

        self._previous_handler = qInstallMessageHandler(keep)
        existing = QApplication.instance()
        app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
        app.setOrganizationName("netbench")
        app.setApplicationName("netbench")
        self.app = app
        return f"Qt {qVersion()} on the {app.platformName()} platform"

    def main_window(self) -> str:
        from netbench.ui.main_window import MainWindow

        # A folder of its own for the saved messages: the check must not read the user's
        # list, let alone rename an unreadable one aside.
        self._data_dir = tempfile.TemporaryDirectory(prefix="netbench-self-test-")
        self.window = window = MainWindow(data_dir=Path(self._data_dir.name))
        image = window.grab().toImage()
        if image.isNull() or image.width() < 100 or image.height() < 100:
            raise CheckError(f"the window rendered as {image.width()}x{image.height()} px")
        colours = _colours(image)
        if colours < 8:
            raise CheckError(f"the window rendered blank ({colours} colours)")
        return f"rendered {image.width()}x{image.height()} px, {colours} colours"

    def icon(self) -> str:
        from PySide6.QtGui import QIcon

        path = resource_path("netbench.svg")
        if not path.is_file():
            raise CheckError(f"{path} is missing")
        sizes = (16, 48, 256)
        for size in sizes:
            image = QIcon(str(path)).pixmap(size, size).toImage()
            if image.isNull() or image.pixelColor(size // 2, size // 2).alpha() == 0:
                raise CheckError(f"the SVG icon did not render at {size} px (svg plugins?)")
        from PySide6.QtGui import QImageReader

        formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
        missing = {"png", "jpeg", "gif", "svg"} - formats
        if missing:
            raise CheckError(f"no image format plugin for {', '.join(sorted(missing))}")
        return (
            f"netbench.svg rendered at {', '.join(map(str, sizes))} px from {resource_dir()}; "
            "PNG, JPEG, GIF and SVG can be read"
        )

    def fonts(self) -> str:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QFont, QFontDatabase, QImage, QPainter

        families = QFontDatabase.families()
        if not families:
            raise CheckError("no fonts found: text would be invisible")
        image = QImage(240, 40, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.setFont(QFont(QFont().family(), 16))
        painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, "netbench 网络")
        painter.end()
        if _colours(image) < 2:
            raise CheckError(f"{len(families)} font families, but text draws nothing")
        chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
        cjk = f"Chinese in {chinese[0]}" if chinese else "no Chinese font: it shows as boxes"
        return f"{len(families)} families, text renders; {cjk}"

    def translations(self) -> str:
        from PySide6.QtCore import QLibraryInfo, QTranslator

        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if not QTranslator().load("qtbase_zh_CN", folder):
            raise CheckError(f"qtbase_zh_CN.qm is not in {folder}")
        ours = sorted(p.name for p in resource_path("i18n").glob("netbench_*.qm"))
        for name in ours:
            if not QTranslator().load(name, str(resource_path("i18n"))):
                raise CheckError(f"{name} did not load")
        return "qtbase_zh_CN" + "".join(f", {Path(n).stem}" for n in ours)

    def close(self) -> None:
        window, self.window = self.window, None
        if window is not None:
            window.bridge.stop()
            window.deleteLater()
        if self.app is not None:
            self.app.processEvents()
        data_dir, self._data_dir = self._data_dir, None
        if data_dir is not None:
            data_dir.cleanup()
        from PySide6.QtCore import qInstallMessageHandler

        qInstallMessageHandler(self._previous_handler)


def _colours(image: QImage) -> int:
    """Distinct colours on a coarse grid: enough to tell a drawn image from a blank one."""
    step = max(1, min(image.width(), image.height()) // 40)
    seen = {
        image.pixel(x, y)
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    }
    return len(seen)


def run_qt_checks(table: Table, watchdog: Watchdog) -> list[str]:
    choose_qt_platform()
    qt = QtChecks(table)
    checks: list[tuple[str, Callable[[], str]]] = [
        ("Qt platform", qt.platform),
        ("main window", qt.main_window),
        ("icon", qt.icon),
        ("fonts", qt.fonts),
        ("translations", qt.translations),
    ]
    try:
        for name, check in checks:
            watchdog.arm(name, CHECK_SECONDS)
            started = time.monotonic()
            qt.current, qt.started = name, started
            try:
                outcome, detail = Outcome.PASS, check()
            except Exception as exc:
                outcome, detail = _outcome_of(exc)
            table.add(CheckResult(name, outcome, time.monotonic() - started, detail))
            watchdog.disarm()
            if name == "Qt platform" and outcome is Outcome.FAIL:
                break
    finally:
        qt.close()
    return qt.messages


# -- entry point ------------------------------------------------------------------------------


def output_stream() -> TextIO:
    """stdout; a windowed Windows build has none, so it writes to the console it came from."""
    if sys.stdout is not None:
        # A path in the table may not fit a legacy console code page: never crash on it.
        if isinstance(sys.stdout, io.TextIOWrapper):
            sys.stdout.reconfigure(errors="backslashreplace")
        return sys.stdout
    if sys.platform == "win32":
        import ctypes

        if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
            return open("CONOUT$", "w", encoding="utf-8")
    return open(os.devnull, "w", encoding="utf-8")


def run(out: TextIO | None = None) -> int:
    """Run every check, print the table, and return the exit code: 0 all passed, 1 not."""
    table = Table(out or output_stream())
    watchdog = Watchdog(table)
    started = time.monotonic()
    table.header()
    asyncio.run(run_net_checks(table, watchdog))
    table.print_messages(run_qt_checks(table, watchdog))
    return table.summary(time.monotonic() - started)
