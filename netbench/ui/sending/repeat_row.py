"""Repeat the editor's message N times or until stopped, on a grid of absolute deadlines.

The repeat runs on the engine's loop (``net/repeat.py``), so the rate is the one asked
even while the window is busy; this row starts and stops it and shows how far it got.
``{counter}`` goes on from the last single send, and single sends go on from the repeat.

Signals:
    running_changed(bool): a repeat started or ended.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel

from netbench.core.checksum import ChecksumError
from netbench.core.errors import PayloadError
from netbench.core.schedule import RepeatSchedule
from netbench.core.templates import format_time
from netbench.net.clients import AnyClient
from netbench.net.repeat import RepeatRun, run_repeat
from netbench.ui.runtime.net_text import net_text
from netbench.ui.runtime.tasks import start_task
from netbench.ui.runtime.timers import interval_timer
from netbench.ui.sending.payload_editor import PayloadEditor
from netbench.ui.widgets.colors import ERROR_COLOR
from netbench.ui.widgets.control_part import PanelHost, PanelPart
from netbench.ui.widgets.elided_label import ElidedLabel

STATUS_UPDATE_MS = 100


class RepeatRow(PanelPart):
    running_changed = Signal(bool)

    def __init__(
        self, host: PanelHost, editor: PayloadEditor, target: Callable[[], AnyClient | None]
    ) -> None:
        super().__init__(host)
        self.editor = editor
        self._target = target
        self.schedule: RepeatSchedule | None = None
        self.run: RepeatRun | None = None
        self._task: asyncio.Task[None] | None = None
        self._build()
        self._status_timer = interval_timer(self, STATUS_UPDATE_MS, self.show_status)

    def _build(self) -> None:
        controls = self.controls
        self.count = controls.spin_box(
            "repeat_count", self.tr("Number of repeated sends"), 0, 100_000_000, 10
        )
        self.count.setSpecialValueText(self.tr("until stopped"))
        self.count.setSuffix(self.tr(" times"))
        self.count.setToolTip(self.tr("How many sends; 0 sends until you stop"))
        self.interval = controls.spin_box(
            "repeat_interval", self.tr("Interval between sends in ms"), 0, 3_600_000, 1000
        )
        self.interval.setPrefix(self.tr("every "))
        self.interval.setSuffix(self.tr(" ms"))
        self.interval.setToolTip(
            self.tr("Time between sends; 0 sends them back to back (needs a count)")
        )
        self.start_button = controls.push_button(
            self.tr("Start"),
            "repeat_start",
            self.tr("Start repeating the payload"),
            self.tr(
                "Send the payload repeatedly; {counter} goes on from the last send and {time} "
                "is filled in each time, then the checksum is appended"
            ),
            on_click=self.start,
        )
        stop = self.tr("Stop repeating")
        self.stop_button = controls.push_button(
            self.tr("Stop"), "repeat_stop", stop, stop, self.stop
        )
        # Ends in … (the whole text in its tooltip) when a length header beside it takes
        # the room, instead of being cut off mid-word.
        self.status = controls.name(ElidedLabel(self), "repeat_status")
        self.status.set_full_text(self.tr("{counter} and {time} in the text are filled in"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(QLabel(self.tr("Repeat"), self))
        for widget in (self.count, self.interval, self.start_button, self.stop_button):
            row.addWidget(widget)
        row.addWidget(self.status, 1)

    @property
    def is_repeating(self) -> bool:
        return self._task is not None

    def set_plan(self, count: int, interval_ms: int) -> None:
        self.count.setValue(count)
        self.interval.setValue(interval_ms)

    def set_allowed(self, allowed: bool) -> None:
        """Start needs a connection that can still send; the plan is fixed while it runs."""
        repeating = self.is_repeating
        self.start_button.setEnabled(allowed and not repeating)
        self.stop_button.setEnabled(repeating)
        self.count.setEnabled(not repeating)
        self.interval.setEnabled(not repeating)

    def start(self) -> bool:
        """Send the editor's payload ``count`` times (0: until stopped) on a fixed grid."""
        target = self._target()
        if target is None or self.is_repeating:
            return False
        try:
            recipe = self.editor.recipe()
        except (PayloadError, ChecksumError):  # the editor points at it
            self.editor.request_send()
            return False
        try:
            schedule = RepeatSchedule(
                count=self.count.value(),
                interval=self.interval.value() / 1000,
                start=time.monotonic(),
            )
        except ValueError:
            self.status.set_full_text(
                self.tr("Sending until stopped needs an interval of at least 1 ms")
            )
            self.status.setStyleSheet(f"color: {ERROR_COLOR};")
            return False
        self.status.setStyleSheet("")
        self.schedule = schedule
        run = RepeatRun(schedule, recipe, first_counter=self.editor.next_send_number)
        self.run = run
        self._task = start_task(self._repeat(target, run), name=f"repeat {self.prefix}")
        self._status_timer.start()
        self.running_changed.emit(True)
        return True

    def stop(self) -> None:
        task = self._task
        if task is not None:
            if self.run is not None:
                self.run.stop = True
            task.cancel()
            self._finished()

    async def _repeat(self, target: AnyClient, run: RepeatRun) -> None:
        try:
            await self.engine.run(run_repeat(target, run, self.engine.emit))
        finally:
            if self._task is asyncio.current_task():
                self._finished()

    def _finished(self) -> None:
        self._task = None
        self._status_timer.stop()
        self.show_status()
        self.running_changed.emit(False)

    def show_status(self) -> None:
        schedule, run = self.schedule, self.run
        if schedule is None or run is None:
            return
        self.editor.counted_up_to(run.last_counter)
        total = str(schedule.count) if schedule.count else "∞"
        text = self.tr("sent {sent} of {total}").format(sent=schedule.sent, total=total)
        if schedule.skipped:
            text += " · " + self.tr("{skipped} late slots skipped").format(skipped=schedule.skipped)
        if run.failure and not self.is_repeating:
            text += " · " + self.tr("stopped: {reason}").format(reason=net_text(run.failure))
            self.status.setStyleSheet(f"color: {ERROR_COLOR};")
        elif not self.is_repeating:
            text += " · " + (
                self.tr("done at {time}").format(time=format_time(time.time()))
                if schedule.finished
                else self.tr("stopped")
            )
        self.status.set_full_text(text)
