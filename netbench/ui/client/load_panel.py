"""A session's load test: N connections × M messages (or a time) to the session's target.

The target and its connect timeout come from the session's form, the payload from its
editor, so what was just tried by hand can be hammered without typing it again. The run
itself happens on the engine (``net/loadtest/``) and never goes through the event
bridge: this panel polls the run's progress snapshot a few times a second, and adds the
final result as a column of the results table.
"""

from __future__ import annotations

import asyncio
import time

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from netbench.core.checksum import ChecksumError
from netbench.core.errors import PayloadError
from netbench.core.framing.spec import FramingKind, FramingSpec
from netbench.net.engine import EngineMode
from netbench.net.errors import NetError
from netbench.net.loadtest.results import LoadProgress, LoadResult, RunStatus
from netbench.net.loadtest.run import LoadRun, open_file_limit
from netbench.net.loadtest.settings import MAX_CONNECTIONS, LoadSettings, RateScope
from netbench.ui.client.load_figures import live_figures, progress_text
from netbench.ui.client.load_results import LoadResults
from netbench.ui.client.session_form import SessionForm
from netbench.ui.panels.socket_form import DELIMITERS
from netbench.ui.runtime.net_text import net_text
from netbench.ui.runtime.tasks import start_task
from netbench.ui.runtime.timers import interval_timer
from netbench.ui.sending.payload_editor import PayloadEditor
from netbench.ui.widgets.colors import (
    ERROR_COLOR,
    OK_COLOR,
    PLACEHOLDER_COLOR,
    WARNING_COLOR,
    color_style,
)
from netbench.ui.widgets.control_part import PanelHost, PanelPart
from netbench.ui.widgets.field_errors import place_error
from netbench.ui.widgets.naming import name_widget

PROGRESS_MS = 250
PROGRESS_STEPS = 1000
# File descriptors the rest of the app may hold besides the load's connections.
FD_HEADROOM = 64
# Settings the form does not own: an error about them is shown here, next to the field.
_TARGET_FIELDS = ("host", "port", "path", "timeout", "tls", "ca_file", "server_name")

_REPLY_RULES = (
    ("raw", QT_TRANSLATE_NOOP("LoadPanel", "One reply per read")),
    ("lf", QT_TRANSLATE_NOOP("LoadPanel", "A line ending in LF (\\n)")),
    ("crlf", QT_TRANSLATE_NOOP("LoadPanel", "A line ending in CRLF (\\r\\n)")),
    ("nul", QT_TRANSLATE_NOOP("LoadPanel", "NUL-terminated (\\0)")),
    ("echo", QT_TRANSLATE_NOOP("LoadPanel", "As many bytes as sent (echo)")),
)


class LoadPanel(PanelPart):
    def __init__(self, host: PanelHost, form: SessionForm, editor: PayloadEditor) -> None:
        super().__init__(host)
        self.form = form
        self.editor = editor
        self.run: LoadRun | None = None
        self.last_result: LoadResult | None = None
        self._task: asyncio.Task[LoadResult | None] | None = None
        self._cancelling = False
        # The number fields by the settings' field names, for errors placed at a field.
        self.spins: dict[str, QSpinBox] = {}
        self._build()
        self._timer = interval_timer(self, PROGRESS_MS, self.on_progress_timer_timeout)
        self._refresh()

    # -- construction -----------------------------------------------------------------------

    def _spin(
        self, name: str, accessible: str, low: int, high: int, value: int, suffix: str
    ) -> QSpinBox:
        spin = self.controls.spin_box(f"load_{name}", accessible, low, high, value)
        spin.setSuffix(suffix)
        spin.setGroupSeparatorShown(True)
        spin.valueChanged.connect(self._on_setting_changed)
        self.spins[name] = spin
        return spin

    def _build(self) -> None:
        self._build_counts()
        self._build_replies()
        grid = self._settings_grid()
        controls = self._build_run_row()

        self.results = LoadResults(self.prefix, self)
        self.engine_note = QLabel(
            self.tr(
                "Networking runs on the window's loop, so a big load slows the window down; "
                "Settings › Run networking on an IO thread runs it at full speed."
            ),
            self,
        )
        self.engine_note.setObjectName(f"{self.prefix}.load_engine_note")
        self.engine_note.setWordWrap(True)
        self.engine_note.setStyleSheet(color_style(PLACEHOLDER_COLOR))
        self.engine_note.setVisible(self.engine.mode is EngineMode.UI_LOOP)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addLayout(controls)
        layout.addWidget(self.live)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.engine_note)
        self._on_stop_by_changed()

    def _build_counts(self) -> None:
        """How many connections, how much each sends (messages or seconds), how fast they open."""
        self.connections = self._spin(
            "connections",
            self.tr("Concurrent connections"),
            1,
            MAX_CONNECTIONS,
            10,
            "",
        )
        self.connections.setToolTip(self.tr("How many connections run at the same time"))
        self.stop_by = QComboBox(self)
        self.stop_by.addItem(self.tr("messages each"), "messages")
        self.stop_by.addItem(self.tr("seconds"), "duration")
        name_widget(
            self.stop_by,
            self.prefix,
            "load_stop_by",
            self.tr("End after a message count or a time"),
        )
        self.stop_by.currentIndexChanged.connect(self._on_stop_by_changed)
        self.messages = self._spin(
            "messages", self.tr("Messages per connection"), 1, 100_000_000, 100, ""
        )
        self.duration = QDoubleSpinBox(self)
        self.duration.setRange(0.1, 86_400.0)
        self.duration.setDecimals(1)
        self.duration.setValue(10.0)
        self.duration.setSuffix(self.tr(" s"))
        name_widget(self.duration, self.prefix, "load_duration", self.tr("Duration in seconds"))
        self.duration.valueChanged.connect(self._on_setting_changed)
        self.ramp_up = self._spin(
            "ramp_up", self.tr("Ramp-up in milliseconds"), 0, 3_600_000, 0, self.tr(" ms")
        )
        self.ramp_up.setSingleStep(100)
        self.ramp_up.setToolTip(
            self.tr("Open the connections evenly over this time instead of all at once")
        )

    def _build_replies(self) -> None:
        """The rate, and whether (and how) each message waits for its reply."""
        self.rate = self._spin(
            "rate",
            self.tr("Rate limit in messages per second"),
            0,
            10_000_000,
            0,
            self.tr(" msg/s"),
        )
        self.rate.setSpecialValueText(self.tr("as fast as possible"))
        self.rate.setToolTip(
            self.tr(
                "Messages per second on a steady grid of deadlines; a sender that falls "
                "behind skips the late slots instead of bursting"
            )
        )
        self.rate_scope = QComboBox(self)
        self.rate_scope.addItem(self.tr("per connection"), RateScope.PER_CONNECTION.value)
        self.rate_scope.addItem(self.tr("in total"), RateScope.TOTAL.value)
        name_widget(
            self.rate_scope,
            self.prefix,
            "load_rate_scope",
            self.tr("The rate is per connection or in total"),
        )
        self.wait_replies = QCheckBox(self.tr("Wait for each reply (latency)"), self)
        self.wait_replies.setChecked(True)
        self.wait_replies.setToolTip(
            self.tr(
                "Request/response: send, wait for the reply, then send the next, and measure "
                "each round trip. Off: send as fast as allowed and only count what comes back."
            )
        )
        name_widget(
            self.wait_replies, self.prefix, "load_wait_replies", self.tr("Wait for each reply")
        )
        self.wait_replies.toggled.connect(self._on_setting_changed)
        self.reply_rule = QComboBox(self)
        for key, label in _REPLY_RULES:
            self.reply_rule.addItem(self.tr(str(label)), key)
        self.reply_rule.setToolTip(
            self.tr("What makes a reply complete; a datagram is always one reply")
        )
        name_widget(
            self.reply_rule, self.prefix, "load_reply_rule", self.tr("What makes a reply complete")
        )
        self.reply_rule.currentIndexChanged.connect(self._on_setting_changed)
        self.reply_timeout = self._spin(
            "reply_timeout",
            self.tr("Reply timeout in milliseconds"),
            1,
            600_000,
            2000,
            self.tr(" ms"),
        )
        self.reply_timeout.setSingleStep(500)
        self.reply_timeout.setToolTip(
            self.tr(
                "A stream connection without a reply in this time ends (a late reply would "
                "be taken for the next one's); a lost datagram is counted and the next one sent"
            )
        )

    def _settings_grid(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        grid.addWidget(QLabel(self.tr("Connections"), self), 0, 0)
        grid.addWidget(self.connections, 0, 1)
        grid.addWidget(QLabel(self.tr("Send"), self), 0, 2)
        grid.addWidget(self.messages, 0, 3)
        grid.addWidget(self.duration, 0, 3)
        grid.addWidget(self.stop_by, 0, 4)
        grid.addWidget(QLabel(self.tr("Ramp-up"), self), 0, 5)
        grid.addWidget(self.ramp_up, 0, 6)
        grid.addWidget(QLabel(self.tr("Rate"), self), 1, 0)
        grid.addWidget(self.rate, 1, 1)
        grid.addWidget(self.rate_scope, 1, 2, 1, 2)
        grid.addWidget(self.wait_replies, 1, 4)
        grid.addWidget(QLabel(self.tr("Reply is"), self), 2, 0)
        grid.addWidget(self.reply_rule, 2, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("Timeout"), self), 2, 4)
        grid.addWidget(self.reply_timeout, 2, 5)
        grid.setColumnStretch(7, 1)
        return grid

    def _build_run_row(self) -> QHBoxLayout:
        """Start, Cancel and progress; the settings' error above them, the live figures below."""
        self.error = self.controls.message_label("load_error")
        self.error.hide()

        self.start_button = self.controls.push_button(
            self.tr("Start"),
            "load_start",
            self.tr("Start the load test"),
            self.tr("Open the connections to the session's target and send its payload"),
            self.on_start_clicked,
        )
        self.cancel_button = self.controls.push_button(
            self.tr("Cancel"),
            "load_cancel",
            self.tr("Cancel the load test"),
            self.tr("Stop now and close every connection; what was measured is kept"),
            self.on_cancel_clicked,
        )
        self.progress = QProgressBar(self)
        self.progress.setObjectName(f"{self.prefix}.load_progress")
        self.progress.setAccessibleName(self.tr("Load test progress"))
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.progress.setFormat(self.tr("Not started"))
        self.live = self.controls.message_label("load_live", self.tr("Load test figures"))
        controls = QHBoxLayout()
        controls.addWidget(self.start_button)
        controls.addWidget(self.cancel_button)
        controls.addWidget(self.progress, 1)
        return controls

    # -- state ------------------------------------------------------------------------------

    @property
    def is_running(self) -> bool:
        return self._task is not None

    def _refresh(self) -> None:
        running = self.is_running
        choices = (self.stop_by, self.rate_scope, self.wait_replies)
        for widget in (*self._field_widgets().values(), *choices):
            widget.setEnabled(not running)
        if not running:
            waits = self.wait_replies.isChecked()
            datagram = self.form.socket_kind.is_datagram
            self.reply_rule.setEnabled(waits and not datagram)
            self.reply_timeout.setEnabled(waits)
            self.rate_scope.setEnabled(self.rate.value() > 0)
        self.start_button.setEnabled(not running)
        self.cancel_button.setEnabled(running and not self._cancelling)

    def on_form_changed(self) -> None:
        """The session's target changed: datagrams have no reply rule to choose."""
        if not self.is_running:
            self._refresh()

    def _on_stop_by_changed(self) -> None:
        by_time = self.stop_by.currentData() == "duration"
        self.messages.setVisible(not by_time)
        self.duration.setVisible(by_time)
        self._on_setting_changed()

    def _on_setting_changed(self) -> None:
        if self.is_running:
            return
        self._show_error(None)
        self._refresh()
        limit = open_file_limit() - FD_HEADROOM
        if self.connections.value() > limit:
            self._show_error(
                self.tr(
                    "This process may open {limit} files (ulimit -n): past about {count} "
                    "connections the run will stop with 'too many open files'"
                ).format(limit=f"{open_file_limit():,}", count=f"{limit:,}"),
                "connections",
                WARNING_COLOR,
            )

    def _field_widgets(self) -> dict[str, QWidget]:
        """The widget each field name of the settings' errors stands for."""
        return {**self.spins, "duration": self.duration, "framing": self.reply_rule}

    def _show_error(self, message: str | None, field: str = "", color: str = ERROR_COLOR) -> None:
        """Say what is wrong under the settings and outline the field it is about."""
        place_error(self.error, self._field_widgets(), message, field, color)

    # -- reading the settings -------------------------------------------------------------

    def _framing(self, payload: bytes, templated: bool) -> FramingSpec:
        key = self.reply_rule.currentData()
        if key == "echo":
            if templated:
                raise NetError(
                    self.tr(
                        "'As many bytes as sent' needs a payload of one size: {counter} and "
                        "{time} change it. End the payload with a line ending and pick a line."
                    ),
                    "framing",
                )
            if not payload:
                return FramingSpec()
            return FramingSpec(
                kind=FramingKind.FIXED,
                fixed_length=len(payload),
                max_frame=max(len(payload), FramingSpec().max_frame),
            )
        delimiter = DELIMITERS.get(key)
        if delimiter is None:
            return FramingSpec()
        return FramingSpec(kind=FramingKind.DELIMITER, delimiter=delimiter)

    def settings(self) -> LoadSettings | None:
        """The run the panel describes, or None after pointing at what is wrong."""
        try:
            target = self.form.config()
        except NetError as exc:
            self.form.show_error(exc.message, exc.field)
            self._show_error(
                self.tr("Check the connection settings above: {message}").format(
                    message=net_text(exc.message)
                )
            )
            return None
        try:
            recipe = self.editor.recipe()
            payload = recipe.render(1, time.time())
        except (PayloadError, ChecksumError) as exc:
            self.editor.request_send()  # puts the cursor on the culprit
            self._show_error(
                self.tr("The payload below is not valid: {message}").format(
                    message=net_text(exc.message)
                )
            )
            return None
        by_time = self.stop_by.currentData() == "duration"
        try:
            settings = LoadSettings(
                target=target,
                payload=payload,
                connections=self.connections.value(),
                messages=self.messages.value(),
                duration=self.duration.value() if by_time else 0.0,
                rate=float(self.rate.value()),
                rate_scope=RateScope(self.rate_scope.currentData()),
                ramp_up=self.ramp_up.value() / 1000,
                wait_for_replies=self.wait_replies.isChecked(),
                framing=self._framing(payload, recipe.has_placeholders),
                reply_timeout=self.reply_timeout.value() / 1000,
                recipe=recipe,
            )
            settings.validate()
        except NetError as exc:
            if exc.field in _TARGET_FIELDS:
                self.form.show_error(exc.message, exc.field)
            self._show_error(exc.message, exc.field)
            return None
        return settings

    # -- running --------------------------------------------------------------------------

    def on_start_clicked(self) -> None:
        self.start()

    def on_cancel_clicked(self) -> None:
        self.cancel()

    def start(self) -> bool:
        """Start a run with the settings as they are; False (and an error shown) if wrong."""
        if self.is_running:
            return False
        self._show_error(None)
        self.form.show_error(None)
        settings = self.settings()
        if settings is None:
            return False
        run = LoadRun(settings)
        self.run = run
        self._cancelling = False
        self.progress.setValue(0)
        self._show_progress(run.latest)
        self.live.setStyleSheet("")
        self._task = start_task(self._run(run), name=f"load test {self.prefix}")
        self._timer.start()
        self._refresh()
        return True

    def cancel(self) -> None:
        run = self.run
        if run is None or not self.is_running or self._cancelling:
            return
        self._cancelling = True
        self.engine.call(run.cancel)
        self.progress.setFormat(self.tr("Cancelling…"))
        self._refresh()

    async def _run(self, run: LoadRun) -> LoadResult | None:
        result: LoadResult | None = None
        try:
            result = await self.engine.run(self._execute_on_engine(run))
        except RuntimeError as exc:  # the engine is shut down: the window is closing
            self.live.setText(str(exc))
        finally:
            self._task = None
            self._timer.stop()
            self._cancelling = False
            if result is not None:
                self._show_result(result)
            self._refresh()
        return result

    async def _execute_on_engine(self, run: LoadRun) -> LoadResult:
        self.engine.own(run)
        try:
            return await run.execute()
        finally:
            self.engine.disown(run)

    async def wait(self) -> LoadResult | None:
        """The result of the run under way (None when nothing runs)."""
        task = self._task
        return await task if task is not None else self.last_result

    async def shutdown(self) -> None:
        """The session closes: cancel a run and wait (briefly) for its sockets to close."""
        task = self._task
        if task is None:
            return
        self.cancel()
        try:
            await asyncio.wait_for(asyncio.shield(task), 3.0)
        except (TimeoutError, asyncio.CancelledError):
            task.cancel()

    # -- showing it -------------------------------------------------------------------------

    def on_progress_timer_timeout(self) -> None:
        run = self.run
        if run is not None:
            self._show_progress(run.latest)

    def _show_progress(self, progress: LoadProgress) -> None:
        run = self.run
        if run is None:
            return
        settings = run.settings
        self.progress.setValue(round(progress.fraction * PROGRESS_STEPS))
        if not self._cancelling:
            self.progress.setFormat(progress_text(progress, settings))
        self.live.setText(live_figures(progress, settings))
        color = ERROR_COLOR if progress.errors else ""
        self.live.setStyleSheet(color_style(color))

    def _show_result(self, result: LoadResult) -> None:
        self.last_result = result
        if self.run is not None:
            self._show_progress(self.run.latest)
        self.results.add(result)
        finished_at = time.strftime("%H:%M:%S")
        if result.status is RunStatus.FAILED:
            self.progress.setFormat(self.tr("Failed"))
            self.live.setText(self.tr("Failed: {summary}").format(summary=net_text(result.summary)))
            self.live.setStyleSheet(f"color: {ERROR_COLOR};")
            if result.error_field in _TARGET_FIELDS:
                self.form.show_error(result.summary, result.error_field)
            elif result.error_field:
                self._show_error(result.summary, result.error_field)
            return
        if result.status is RunStatus.CANCELLED:
            self.progress.setFormat(self.tr("Cancelled at {time}").format(time=finished_at))
            color = WARNING_COLOR
        else:
            self.progress.setValue(PROGRESS_STEPS)
            self.progress.setFormat(self.tr("Done at {time}").format(time=finished_at))
            color = ERROR_COLOR if result.errors else OK_COLOR
        summary = net_text(result.summary)
        self.live.setText(
            self.tr("{summary} in {elapsed} s").format(
                summary=summary[:1].upper() + summary[1:],
                elapsed=f"{result.elapsed:.2f}",
            )
        )
        self.live.setStyleSheet(f"color: {color};")
        if result.fd_limit is not None:
            self._show_error(
                self.tr(
                    "Too many open files: the limit was reached with {count} connections; "
                    "raise it (ulimit -n) or use fewer connections"
                ).format(count=f"{result.fd_limit:,}"),
                "connections",
            )
