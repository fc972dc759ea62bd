"""The Ladder page of a listener or a session: a chosen connection's segments and our TCP
states (:mod:`netbench.ui.widgets.ladder_diagram`), captured on the loopback device while
"Watch" is ticked.

Watching is off until asked for: it reads every packet on the loopback device and the
kernel's socket table twenty times a second. A listener watches its port from Start on
(or from the tick); a session from just before it connects, so the handshake is drawn.
Where capture is not allowed the page says why and draws the states the kernel reports.

Signals:
    lesson_requested(str): the user followed TIME_WAIT to the lesson about SO_REUSEADDR.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from netbench.core.capture.ladder import LadderRow, ladder
from netbench.core.capture.pcapng import LINKTYPE_ETHERNET, PcapngWriter
from netbench.core.capture.transcript_packets import parse_endpoint
from netbench.net.capture.port_watch import PortWatch
from netbench.net.engine import Engine
from netbench.net.stream import format_address
from netbench.ui.runtime.net_text import net_text
from netbench.ui.runtime.tasks import start_task
from netbench.ui.runtime.timers import interval_timer
from netbench.ui.widgets.colors import WARNING_COLOR
from netbench.ui.widgets.control_maker import Controls
from netbench.ui.widgets.file_dialogs import DialogPurpose, DialogSpec, FileDialogs, stamped_name
from netbench.ui.widgets.ladder_diagram import LadderDiagram
from netbench.ui.widgets.naming import name_widget

REFRESH_MS = 250
REUSE_LESSON = "attributes"  # the lesson that sets SO_REUSEADDR


class LadderPage(QWidget):
    lesson_requested = Signal(str)

    def __init__(self, prefix: str, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self.controls = Controls(self, prefix)
        self.engine = engine
        self.watch: PortWatch | None = None
        self.port_address = ""  # the address on the watched port: the listener's, or the server's
        self.dialogs = FileDialogs(self)
        self._build()
        self._timer = interval_timer(self, REFRESH_MS, self.refresh)

    def _build(self) -> None:
        self.watch_box = name_widget(
            QCheckBox(self.tr("Watch connections"), self),
            self.prefix,
            "ladder_watch",
            self.tr("Watch the connections on this port"),
        )
        self.watch_box.setToolTip(
            self.tr("Capture the packets of this port's connections on the loopback device")
        )
        self.connection = name_widget(
            QComboBox(self), self.prefix, "ladder_connection", self.tr("Which connection")
        )
        self.connection.setMinimumContentsLength(18)
        self.connection.currentIndexChanged.connect(self.refresh)
        self.save_button = self.controls.push_button(
            self.tr("Save capture…"),
            "ladder_save",
            self.tr("Save the capture as pcapng"),
            self.tr("Save this connection's packets for Wireshark"),
            on_click=self.choose_capture_file,
        )
        self.status = name_widget(QLabel(self), self.prefix, "ladder_status")
        self.status.setWordWrap(True)
        self.lesson_button = self.controls.push_button(
            self.tr("TIME_WAIT: why a restarted server needs SO_REUSEADDR"),
            "ladder_lesson",
            self.tr("Open the lesson about SO_REUSEADDR"),
            on_click=lambda: self.lesson_requested.emit(REUSE_LESSON),
        )
        self.lesson_button.setFlat(True)
        self.lesson_button.setStyleSheet("text-decoration: underline; text-align: left")
        self.lesson_button.hide()
        self.diagram = LadderDiagram(self)
        self.diagram.setObjectName(f"{self.prefix}.ladder")
        scroll = name_widget(QScrollArea(self), self.prefix, "ladder_scroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.diagram)

        row = QHBoxLayout()
        row.addWidget(self.watch_box)
        row.addWidget(self.connection, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.lesson_button)
        self._say_idle()

    @property
    def is_watching(self) -> bool:
        return self.watch is not None

    def _say_idle(self) -> None:
        self.status.setText(
            self.tr(
                "Tick Watch, then start or connect: the handshake, the data and the close "
                "are drawn here, with our side's TCP state."
            )
        )
        self.status.setStyleSheet("")
        self.save_button.setEnabled(False)

    # -- watching ---------------------------------------------------------------------------

    async def watch_port(self, port: int, listening: bool) -> None:
        """Watch ``port`` from now on (a listener's, or the server's a session connects to)."""
        await self.stop_watching()
        watch = PortWatch(port, listening)
        await self.engine.run(watch.start())
        self.engine.call(self.engine.own, watch)
        self.watch = watch
        self.connection.clear()
        if watch.problem is None:
            self.status.setText(
                self.tr("Capturing the packets of port {port} on the loopback device").format(
                    port=port
                )
            )
            self.status.setStyleSheet("")
        else:
            self.status.setText(
                self.tr(
                    "No capture here ({reason}): the states below are what the kernel's "
                    "socket table said, read every 50 ms while the connection lives; "
                    "short states can go by unseen."
                ).format(reason=net_text(watch.problem))
            )
            self.status.setStyleSheet(f"color: {WARNING_COLOR}")
        self._timer.start()

    async def stop_watching(self) -> None:
        watch, self.watch = self.watch, None
        self._timer.stop()
        if watch is not None:
            await self.engine.run(self._close_on_engine(watch))

    async def _close_on_engine(self, watch: PortWatch) -> None:
        self.engine.disown(watch)
        await watch.aclose()

    def show_connection(self, key: str) -> None:
        """Draw the connection whose far end (a listener's peer, or our own end of a
        session) is ``key``, as the peers table and the socket panel write it."""
        index = self.connection.findText(key)
        if index < 0:
            self.connection.addItem(key)
            index = self.connection.count() - 1
        self.connection.setCurrentIndex(index)

    # -- drawing ----------------------------------------------------------------------------

    def current_rows(self) -> list[LadderRow]:
        return list(self.diagram.rows)

    def refresh(self) -> None:
        watch = self.watch
        if watch is None:
            return
        for key in watch.connections():
            if self.connection.findText(key) < 0:
                self.connection.addItem(key)
        key = self.connection.currentText()
        if not key:
            return
        trace = watch.snapshot(key)
        # The end on the watched port is the listener's (ours) or the server's (theirs).
        on_port, far = (None, parse_endpoint(key))
        if trace.segments:
            first = trace.segments[0][1]
            on_port = first.src if first.src[1] == watch.port else first.dst
        ours = on_port if watch.listening else far
        rows = ladder(trace.segments, trace.samples, ours, listening=watch.listening)
        port_end = format_address(on_port) if on_port else self.port_address or f":{watch.port}"
        left, right = (port_end, key) if watch.listening else (key, port_end)
        self.diagram.set_rows(rows, left, right)
        self.lesson_button.setVisible(any(row.state == "TIME_WAIT" for row in rows))
        self.save_button.setEnabled(bool(trace.frames))

    # -- saving -----------------------------------------------------------------------------

    def save_capture(self, path: Path) -> bool:
        """The chosen connection's frames as pcapng; the status says how it went."""
        watch = self.watch
        key = self.connection.currentText()
        frames = watch.snapshot(key).frames if watch is not None and key else []
        try:
            with path.open("wb") as file:
                writer = PcapngWriter(file, LINKTYPE_ETHERNET, "lo")
                for wall, frame in frames:
                    writer.write(wall, frame)
        except OSError as exc:
            self.status.setText(
                self.tr("Could not save {path}: {reason}").format(
                    path=path, reason=exc.strerror or str(exc)
                )
            )
            return False
        self.status.setText(
            self.tr("Saved {count} packets to {path}").format(count=len(frames), path=path)
        )
        return True

    def choose_capture_file(self) -> None:
        spec = DialogSpec(
            DialogPurpose.SAVE_FILE,
            self.tr("Save the capture"),
            f"{self.prefix}.ladder_save_dialog",
            select=stamped_name("capture", "pcapng"),
            filters=[self.tr("pcapng (*.pcapng)"), self.tr("All files (*)")],
            default_suffix="pcapng",
        )
        self.dialogs.open(spec, lambda chosen: self.save_capture(Path(chosen)))

    async def shutdown(self) -> None:
        await self.stop_watching()


def start_watching_task(page: LadderPage, port: int, listening: bool) -> None:
    start_task(page.watch_port(port, listening), name=f"watch {page.prefix}")
