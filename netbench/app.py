"""Composition root: command line, logging, QApplication, the qasync loop and the window."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import logging.handlers
import signal
import sys
import tempfile
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

from platformdirs import user_log_dir

# Pins qasync to PySide6 before anything imports it.
from netbench.ui.runtime.qtloop import new_event_loop  # isort: skip

from PySide6.QtCore import QLocale, QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from netbench import __version__
from netbench.core.resources import resource_path
from netbench.net.engine import Engine, EngineMode
from netbench.net.fd_budget import raise_fd_limit
from netbench.ui.main_window import MainWindow
from netbench.ui.runtime.error_reporting import ErrorReporter
from netbench.ui.runtime.i18n import install_translators
from netbench.ui.screenshots import save_tab_screenshots

log = logging.getLogger("netbench")

ReadyHook = Callable[[MainWindow, Engine], Awaitable[None]]
SHUTDOWN_SECONDS = 1.0


def ui_locale(text: str) -> QLocale:
    """``--lang``'s value: a locale Qt knows (``zh_CN``, ``zh-CN``, ``en``; ``C`` is English)."""
    locale = QLocale(text.strip().replace("-", "_"))
    if locale.language() == QLocale.Language.C and text.strip().upper() not in ("C", "POSIX"):
        raise argparse.ArgumentTypeError(f"unknown language {text!r} (try zh_CN or en)")
    return locale


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="netbench", description="A network workbench that shows every byte."
    )
    parser.add_argument("--version", action="version", version=f"netbench {__version__}")
    parser.add_argument(
        "--screenshot",
        metavar="DIR",
        type=Path,
        help="render each tab to DIR/<tab>.png and exit",
    )
    parser.add_argument(
        "--lang",
        metavar="LOCALE",
        type=ui_locale,
        help="the UI language, e.g. zh_CN or en (default: the system's)",
    )
    parser.add_argument(
        "--engine",
        choices=[m.value for m in EngineMode],
        help="where networking runs: on the UI loop (default) or on an IO thread",
    )
    parser.add_argument(
        "--log-level",
        default="INFO",
        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
        help="how much goes to the log file",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check networking, Qt plugins and fonts without a window, print a table and exit",
    )
    parser.add_argument(
        "--to-json-lines",
        nargs=2,
        metavar=("RECORDING", "OUT"),
        type=Path,
        help="write a compact recording (.nbrec) as JSON Lines to OUT ('-': standard output) "
        "and exit",
    )
    return parser.parse_args(argv)


def convert_recording(source: Path, target: Path) -> int:
    """``--to-json-lines``: a compact recording as JSON Lines; the exit status."""
    from netbench.core.recording.compact import CompactError, to_json_lines

    try:
        with contextlib.ExitStack() as files:
            reading = files.enter_context(source.open("rb"))
            if str(target) == "-":
                writing = sys.stdout.buffer
            else:
                writing = files.enter_context(target.open("wb"))
            rows = to_json_lines(reading, writing)
    except CompactError as exc:
        print(
            f"netbench: {source}: not a compact recording, or damaged at row {exc.line}",
            file=sys.stderr,
        )
        return 1
    except OSError as exc:
        print(f"netbench: {exc}", file=sys.stderr)
        return 1
    if str(target) != "-":
        print(f"{rows} rows written to {target}", file=sys.stderr)
    return 0


def setup_logging(level: str) -> Path:
    """A rotating log file in the user's log directory; returns its path."""
    directory = Path(user_log_dir("netbench", appauthor=False))
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "netbench.log"
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    )
    root = logging.getLogger()
    root.handlers = [h for h in root.handlers if not isinstance(h, logging.FileHandler)]
    root.addHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(True)
    return path


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def route_qt_messages(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings belong in the log file, not on the user's terminal."""
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def make_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName("netbench")
    app.setApplicationName("netbench")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("netbench")  # ties windows to netbench.desktop (Wayland, docks)
    app.setWindowIcon(QIcon(str(resource_path("netbench.svg"))))
    # The window's close drives shutdown; Qt quitting on its own would stop the loop
    # before the engine has closed its sockets.
    app.setQuitOnLastWindowClosed(False)
    return app


def chosen_engine_mode(args: argparse.Namespace) -> EngineMode:
    if args.engine:
        return EngineMode(args.engine)
    return MainWindow.saved_engine_mode()


async def run_window(
    app: QApplication,
    args: argparse.Namespace,
    log_path: Path,
    language: str,
    on_ready: ReadyHook | None = None,
) -> int:
    with contextlib.ExitStack() as stack:
        data_dir = None
        if args.screenshot is not None:
            # Pictures of a fresh start: the user's saved messages are neither shown nor
            # touched (an unreadable file would otherwise be renamed aside).
            scratch = stack.enter_context(tempfile.TemporaryDirectory(prefix="netbench-"))
            data_dir = Path(scratch)
        return await _run_window(app, args, log_path, language, on_ready, data_dir)


async def _run_window(
    app: QApplication,
    args: argparse.Namespace,
    log_path: Path,
    language: str,
    on_ready: ReadyHook | None,
    data_dir: Path | None,
) -> int:
    loop = asyncio.get_running_loop()
    reporter = ErrorReporter(app)
    reporter.install(loop)
    engine = Engine(chosen_engine_mode(args))
    engine.start(loop)
    window = MainWindow(engine=engine, language=language, log_path=str(log_path), data_dir=data_dir)
    reporter.error_reported.connect(window.on_error_reported)

    closed = loop.create_future()

    def on_window_closed() -> None:
        if not closed.done():
            closed.set_result(None)

    window.closed.connect(on_window_closed)
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, window.close)

    window.show()
    engine.settle_garbage()
    log.info("netbench %s started, engine %s", __version__, engine.mode.value)
    if args.screenshot is not None:
        window.persist_settings = False  # pictures must not change the user's next start
        window.resize(1100, 720)
        await asyncio.sleep(0.3)
        await save_tab_screenshots(window, args.screenshot)
        window.close()
    elif on_ready is not None:
        await on_ready(window, engine)
    await closed
    await engine.shutdown(SHUTDOWN_SECONDS)
    log.info("netbench closed")
    return 0


def main(argv: Sequence[str] | None = None, on_ready: ReadyHook | None = None) -> int:
    args = parse_args(argv)
    if args.to_json_lines:
        return convert_recording(*args.to_json_lines)
    if args.self_test:
        from netbench.selftest import run

        return run()
    log_path = setup_logging(args.log_level)
    # Every connection holds a descriptor: take all the system allows (the soft limit is
    # often 1,024 while the hard one is far higher), before Qt and the loop open theirs.
    before, after = raise_fd_limit()
    log.info("open-file limit %d (was %d)", after, before)
    qInstallMessageHandler(route_qt_messages)
    app = make_application()
    language = install_translators(app, args.lang).language
    with asyncio.Runner(loop_factory=lambda: new_event_loop(app)) as runner:
        return runner.run(run_window(app, args, log_path, language, on_ready))


if __name__ == "__main__":
    raise SystemExit(main())
