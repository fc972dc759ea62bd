"""A "Replay…" row: send a recording's messages again on this session's connection.

Picking a recording (JSON Lines written by Record to file or Export, on either tab) reads
it once, a slice at a time so the window keeps painting, and says what it holds: messages
each way, from which peers, bytes, how long it ran. Then the user picks what to send (what
was sent, or what was received: a device's side from a Server recording; all peers or
one) and the timing (the recorded gaps, scaled; a fixed interval; or as fast as the socket
takes them), and starts it. The sending runs on the engine (net/replay.py) and reads the
file again as it goes, so no recording is ever held in memory.

A file that cannot be replayed is said next to the button, with the line at fault; a
recording loaded before stays loaded.

Signals:
    finished(str, bool): a line for the transcript saying how the replay ended, and
        whether it ended on an error.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from netbench.core.errors import RecordingError
from netbench.core.recording.replay_plan import Pace, ReplayChoice, ReplayTiming
from netbench.core.recording.rows import open_recording
from netbench.core.recording.summary import RecordingScanner, RecordingSummary
from netbench.core.transcript import Direction
from netbench.net.replay import ReplayRun, ReplayTarget, run_replay
from netbench.ui.client.replay_words import ReplayWords, unbreakable
from netbench.ui.runtime.net_text import net_text
from netbench.ui.runtime.tasks import start_task
from netbench.ui.runtime.timers import interval_timer
from netbench.ui.transcript.model import format_count
from netbench.ui.widgets.colors import ERROR_COLOR, HINT_COLOR, show_status
from netbench.ui.widgets.control_part import PanelHost, PanelPart
from netbench.ui.widgets.file_dialogs import DialogPurpose, DialogSpec, FileDialogs
from netbench.ui.widgets.naming import name_widget

PROGRESS_UPDATE_MS = 100

GetTarget = Callable[[], ReplayTarget | None]
"""The connection to send on now, or None when there is none."""


# Reads recordings off the UI thread: a huge row takes a while even in short steps.
_READER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="recording-reader")


class ReplayPanel(PanelPart):
    finished = Signal(str, bool)

    def __init__(self, host: PanelHost, target: GetTarget) -> None:
        super().__init__(host)
        self._target = target
        self.path: Path | None = None
        self.summary: RecordingSummary | None = None
        self.run: ReplayRun | None = None
        self._task: asyncio.Task[None] | None = None
        self._loading: object | None = None  # the token of the read in progress
        self._stop_reason = ""
        self._allowed = False
        self._dialogs = FileDialogs(self)
        self._words = ReplayWords(self)
        self._timings = [
            (self.tr("as recorded"), ReplayTiming()),
            (self.tr("×0.5 (slower)"), ReplayTiming(speed=0.5)),
            (self.tr("×2 (faster)"), ReplayTiming(speed=2)),
            (self.tr("×10 (faster)"), ReplayTiming(speed=10)),
            (self.tr("fixed interval"), ReplayTiming(Pace.INTERVAL)),
            (self.tr("as fast as possible"), ReplayTiming(Pace.FAST)),
        ]
        self._build()
        self._timer = interval_timer(self, PROGRESS_UPDATE_MS, self._show_progress)
        self._show_hint()
        self._refresh()

    # -- construction -----------------------------------------------------------------------

    def _build(self) -> None:
        top = self._build_top()
        self.details = QWidget(self)
        self.details.setObjectName(f"{self.prefix}.replay_details")
        self._build_choices()
        self._build_run()
        choices = QHBoxLayout(self.details)
        choices.setContentsMargins(0, 0, 0, 0)
        choices.setSpacing(6)
        choices.addWidget(QLabel(self.tr("Messages"), self.details))
        for widget in (self.direction, self.peer, self.timing, self.interval):
            choices.addWidget(widget)
        choices.addWidget(self.start_button)
        choices.addWidget(self.stop_button)
        choices.addWidget(self.plan, 1)
        choices.addWidget(self.progress, 1)
        self.details.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.details)

    def _build_top(self) -> QHBoxLayout:
        """Replay…, what the recording holds (or why it cannot be replayed), and ✕."""
        self.button = self.controls.push_button(
            self.tr("Replay…"),
            "replay",
            self.tr("Replay a recording"),
            self.tr(
                "Send the messages of a recording again: Record to file (JSON Lines or "
                "compact) or Export, on the Client or the Server tab"
            ),
            on_click=self.on_button_clicked,
        )
        self.status = QLabel(self)
        name_widget(self.status, self.prefix, "replay_status", self.tr("Replay status"))
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.close_button = self.controls.tool_button(
            "✕",
            "replay_close",
            self.tr("Close the recording"),
            self.tr("Put the recording away (the file is left as it is)"),
            on_click=self.close_recording,
        )
        self.close_button.setAutoRaise(True)
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.button)
        top.addWidget(self.status, 1)
        top.addWidget(self.close_button)
        return top

    def _build_choices(self) -> None:
        """What to send (direction, peer) and when (timing, interval)."""
        self.direction = QComboBox(self)
        name_widget(self.direction, self.prefix, "replay_direction", self.tr("Messages to send"))
        self.direction.setToolTip(
            self.tr(
                "What was sent (out), or what was received (in): from a Server tab's "
                "recording, the device's side"
            )
        )
        self.direction.currentIndexChanged.connect(self.on_direction_changed)
        self.peer = QComboBox(self)
        name_widget(self.peer, self.prefix, "replay_peer", self.tr("Peer to replay"))
        self.peer.setToolTip(self.tr("Every peer's messages, in the order recorded, or one peer's"))
        self.peer.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.peer.setMinimumContentsLength(10)
        self.peer.currentIndexChanged.connect(self._show_plan)
        self.timing = QComboBox(self)
        name_widget(self.timing, self.prefix, "replay_timing", self.tr("Replay timing"))
        self.timing.setToolTip(
            self.tr(
                "The gaps between messages as recorded, or scaled (×2 halves them), a fixed "
                "interval, or none: as fast as the socket takes them"
            )
        )
        for label, _timing in self._timings:
            self.timing.addItem(label)
        self.timing.currentIndexChanged.connect(self.on_timing_changed)
        self.interval = self.controls.spin_box(
            "replay_interval", self.tr("Interval between replayed messages"), 0, 3_600_000, 100
        )
        self.interval.setSingleStep(10)
        self.interval.setPrefix(self.tr("every "))
        self.interval.setSuffix(self.tr(" ms"))
        self.interval.valueChanged.connect(self._show_plan)
        self.interval.hide()

    def _build_run(self) -> None:
        """Start, Stop, and the plan that the progress bar takes the place of while it runs."""
        self.start_button = self.controls.push_button(
            self.tr("Start"),
            "replay_start",
            self.tr("Start the replay"),
            self.tr("Send the chosen messages on this connection"),
            on_click=self.start,
        )
        self.stop_button = self.controls.push_button(
            self.tr("Stop"),
            "replay_stop",
            self.tr("Stop the replay"),
            on_click=self.on_stop_clicked,
        )
        self.plan = QLabel(self)
        name_widget(self.plan, self.prefix, "replay_plan", self.tr("What the replay sends"))
        self.plan.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.plan.setWordWrap(True)
        self.progress = QProgressBar(self)
        name_widget(self.progress, self.prefix, "replay_progress", self.tr("Replay progress"))
        self.progress.setTextVisible(True)
        self.progress.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.progress.hide()

    # -- state ------------------------------------------------------------------------------

    @property
    def is_replaying(self) -> bool:
        return self._task is not None

    @property
    def is_loading(self) -> bool:
        return self._loading is not None

    @property
    def file_dialog(self) -> QFileDialog | None:
        """The file dialog currently open, if any."""
        return self._dialogs.current

    def set_allowed(self, allowed: bool) -> None:
        """Whether there is a connection to send on."""
        self._allowed = allowed
        self._refresh()

    def choice(self) -> ReplayChoice:
        direction = self.direction.currentData()
        return ReplayChoice(
            Direction(direction) if direction else Direction.OUT, self.peer.currentData() or ""
        )

    def replay_timing(self) -> ReplayTiming:
        timing = self._timings[max(0, self.timing.currentIndex())][1]
        if timing.pace is Pace.INTERVAL:
            return ReplayTiming(Pace.INTERVAL, interval=self.interval.value() / 1000)
        return timing

    def _problem(self) -> str:
        if self.summary is None:
            return ""
        problem = self.summary.problem(self.choice())
        return net_text(problem) if problem is not None else ""

    def _refresh(self) -> None:
        running = self.is_replaying
        loaded = self.summary is not None
        self.button.setEnabled(not running)
        self.close_button.setVisible((loaded or self.is_loading) and not running)
        for widget in (self.direction, self.peer, self.timing, self.interval):
            widget.setEnabled(not running)
        self.start_button.setEnabled(
            loaded and self._allowed and not running and not self._problem()
        )
        self.start_button.setToolTip(
            self.tr("Send the chosen messages on this connection")
            if self._allowed
            else self.tr("Connect first: a replay goes out on this session's connection")
        )
        self.stop_button.setEnabled(running)
        self.progress.setVisible(running)
        self.plan.setVisible(not running)

    def _show_hint(self) -> None:
        show_status(
            self.status,
            self.tr("Send a recording again: from Record to file or Export"),
            HINT_COLOR,
        )

    # -- picking and reading a recording ----------------------------------------------------

    def on_button_clicked(self) -> None:
        spec = DialogSpec(
            DialogPurpose.OPEN_FILE,
            self.tr("Replay a recording"),
            f"{self.prefix}.replay_dialog",
            filters=[
                self.tr("Recordings (*.jsonl *.ndjson *.json *.nbrec)"),
                self.tr("All files (*)"),
            ],
        )
        self._dialogs.open(spec, self.on_dialog_file_selected)

    def on_dialog_file_selected(self, path: str) -> None:
        if self.is_replaying:
            return
        self._loading = object()  # loading from the pick on, not from the task's first step
        self._refresh()
        start_task(self.load(Path(path)), name=f"read recording {path}")

    async def load(self, path: Path) -> bool:
        """Read ``path`` through for its summary; False (said next to the button) when it
        cannot be replayed, and whatever was loaded before stays."""
        if self.is_replaying:
            return False
        token = object()
        self._loading = token
        self._refresh()
        name = path.name or str(path)
        try:
            stream = open_recording(path)
        except RecordingError as exc:
            self._loading = None
            self._show_load_error(name, exc.message)
            return False
        started = time.monotonic()
        try:
            with stream:
                size = max(1, path.stat().st_size)
                scanner = RecordingScanner(stream)
                # Read on a thread of our own (not qasync's QThread pool), a step at a time.
                while not await asyncio.wrap_future(_READER.submit(scanner.advance)):
                    if time.monotonic() - started > 0.2:
                        percent = min(99, scanner.bytes_read * 100 // size)
                        show_status(
                            self.status,
                            self.tr("Reading {name}… {percent}%").format(
                                name=name, percent=percent
                            ),
                        )
                    await asyncio.sleep(0)
                    if self._loading is not token:
                        return False  # another file was picked, or this one closed
        except RecordingError as exc:
            if self._loading is token:
                self._loading = None
                self._show_load_error(name, exc.message)
            return False
        except OSError as exc:
            if self._loading is token:
                self._loading = None
                self._show_load_error(name, exc.strerror or str(exc))
            return False
        if self._loading is not token:
            return False
        self._loading = None
        self.path = path
        self.summary = scanner.summary
        self._fill_choices()
        self._show_summary()
        self.details.show()
        self._show_plan()
        self._refresh()
        return True

    def _show_load_error(self, name: str, reason: str) -> None:
        text = self.tr("Cannot replay {name}: {reason}").format(name=name, reason=net_text(reason))
        if self.path is not None and self.summary is not None:
            text += " · " + self.tr("{name} is still loaded").format(name=self.path.name)
        show_status(self.status, text, ERROR_COLOR)
        self._refresh()

    def close_recording(self) -> None:
        """Put the recording away (or stop reading one)."""
        if self.is_replaying:
            return
        self._loading = None
        self.path = None
        self.summary = None
        self.details.hide()
        self._show_hint()
        self._refresh()

    def _fill_choices(self) -> None:
        summary = self.summary
        if summary is None:
            return
        keep = self.direction.currentData()
        self.direction.blockSignals(True)
        self.direction.clear()
        for direction, template in (
            (Direction.OUT, self.tr("sent (out) · {count}")),
            (Direction.IN, self.tr("received (in) · {count}")),
        ):
            count = format_count(summary.tally(direction).messages)
            self.direction.addItem(template.format(count=count), direction.value)
        self.direction.setCurrentIndex(max(0, self.direction.findData(keep)))
        self.direction.blockSignals(False)
        self._fill_peers()

    def _fill_peers(self) -> None:
        summary = self.summary
        if summary is None:
            return
        direction = self.choice().direction
        self.peer.blockSignals(True)
        self.peer.clear()
        self.peer.addItem(self.tr("all peers"), "")
        for name in summary.peer_names(direction):
            count = format_count(summary.tally(direction, name).messages)
            self.peer.addItem(self.tr("{peer} · {count}").format(peer=name, count=count), name)
        self.peer.blockSignals(False)

    def on_direction_changed(self) -> None:
        self._fill_peers()
        self._show_plan()

    def on_timing_changed(self) -> None:
        self.interval.setVisible(self.replay_timing().pace is Pace.INTERVAL)
        self._show_plan()

    # -- what the row says ------------------------------------------------------------------

    def _show_summary(self) -> None:
        summary = self.summary
        if summary is None or self.path is None:
            return
        parts = self._words.summary_parts(summary)
        text = self._words.summary(self.path.name, parts)
        show_status(self.status, text)
        self.status.setToolTip(text + "\n" + self._words.peer_lines(summary))
        # A long summary wraps between its parts, never inside one (in any script).
        self.status.setText(
            self._words.summary(self.path.name, [unbreakable(part) for part in parts])
        )

    def _show_plan(self) -> None:
        summary = self.summary
        if summary is None:
            return
        self._refresh()
        problem = self._problem()
        if problem:
            show_status(self.plan, problem, ERROR_COLOR)
            return
        choice = self.choice()
        tally = summary.tally(choice.direction, choice.peer)
        duration = self.replay_timing().duration(tally.messages, tally.span)
        show_status(self.plan, self._words.plan(tally, duration))

    # -- replaying --------------------------------------------------------------------------

    def on_stop_clicked(self) -> None:
        """The user's Stop: a click's checked flag is no reason to give (see `stop`)."""
        self.stop()

    def start(self) -> bool:
        """Start sending the chosen messages; False when it cannot start now."""
        target = self._target()
        summary = self.summary
        if (
            target is None
            or summary is None
            or self.path is None
            or self.is_replaying
            or self._problem()
        ):
            return False
        choice = self.choice()
        run = ReplayRun(
            self.path,
            choice,
            self.replay_timing(),
            total=summary.tally(choice.direction, choice.peer).messages,
        )
        self.run = run
        self._stop_reason = ""
        self.progress.setRange(0, max(1, run.total))
        self._show_summary()  # in place of an error about another file
        self._task = start_task(self._replay(target, run), name=f"replay {self.path.name}")
        self._refresh()
        self._show_progress()
        self._timer.start()
        return True

    def stop(self, reason: str = "") -> None:
        """Stop the replay in progress (``reason``: why, when it is not the user's Stop)."""
        run = self.run
        if run is None or not self.is_replaying or run.stop:
            return
        self._stop_reason = reason
        run.stop = True

    async def _replay(self, target: ReplayTarget, run: ReplayRun) -> None:
        try:
            await self.engine.run(run_replay(target, run, self.engine.gate))
        finally:
            self._task = None
            self._timer.stop()
            self._refresh()
            self._report(run)

    def _show_progress(self) -> None:
        run = self.run
        if run is None:
            return
        self.progress.setMaximum(max(1, run.total, run.sent))
        self.progress.setValue(run.sent)
        self.progress.setFormat(
            self.tr("{sent} of {total} sent").format(
                sent=format_count(run.sent), total=format_count(run.total)
            )
        )

    def _report(self, run: ReplayRun) -> None:
        reason = self._reason(run)
        failed = bool(reason) and not run.completed
        text = self._words.outcome(run, reason)
        show_status(
            self.plan, self._words.short_outcome(run, reason), ERROR_COLOR if failed else ""
        )
        self.plan.setToolTip(text)
        self.finished.emit(text, failed)

    def _reason(self, run: ReplayRun) -> str:
        """Why it stopped early: the session's words (a closed connection) or the run's."""
        return self._stop_reason or (net_text(run.failure) if run.failure else "")

    def shutdown(self) -> None:
        self._loading = None
        self.stop()
        self._timer.stop()
