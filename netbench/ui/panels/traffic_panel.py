"""What a listener and a session have in common: traffic counted at once and shown at the
view's pace, notes of our own in order with it, and sockets opened and closed on the engine.

Painting a table costs far more than counting: events are counted the moment the bridge
hands them over (one tally per batch, shared by the counters and the backlog), and the
transcript takes them ten times a second. While a recording runs, every message is written,
a bounded share per update; a panel that falls behind says so (``is_backlogged``) and the
bridge holds events back until the sockets pause. Nothing is dropped.

Signals:
    title_changed(str): the text for this panel's tab ("TCP 127.0.0.1:9999 ●").
"""

from __future__ import annotations

import time
from collections.abc import Callable, Coroutine, Sequence
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLayout, QPushButton, QSplitter, QVBoxLayout, QWidget

from netbench.core.delegation import Delegated
from netbench.core.rates import RateMeter
from netbench.net.engine import Engine
from netbench.net.events import NetEvent, Notice
from netbench.ui.runtime.timers import interval_timer
from netbench.ui.sending.file_sender import ChooseTargets, FileSender
from netbench.ui.sending.payload_editor import PayloadEditor
from netbench.ui.sending.saved_list import SnippetPanel, side_column
from netbench.ui.sending.saved_store import SnippetStore, default_snippets_path
from netbench.ui.transcript.backlog import EventBacklog, ShownLater, record_in_transcript
from netbench.ui.transcript.view import TranscriptView
from netbench.ui.widgets.buttons import push_button
from netbench.ui.widgets.control_part import PanelHost
from netbench.ui.widgets.layouts import column
from netbench.ui.widgets.naming import name_widget

# The transcript repaints at most this often; counting happens as events arrive.
VIEW_UPDATE_MS = 100
# A backlog (a flood, or a recording writing every read) is taken this soon instead: the
# bridge holds events back meanwhile. Such updates count and record; rows still change at
# the view's pace (see ShownLater), since repainting is what a flood cannot afford.
BACKLOG_UPDATE_MS = 1
# What one update may spend taking shares of a backlog (recording every read, mostly),
# before the loop gets a turn: short enough for a smooth window, long enough to keep up.
UPDATE_SLICE_SECONDS = 0.008
# While the recording's file is behind (a slow disk), what waits is looked at this often:
# the window never waits for the disk itself, the bridge holds events back meanwhile.
DISK_WAIT_MS = 5

T = TypeVar("T")
W = TypeVar("W", bound=QWidget)


class Closable(Protocol):
    async def aclose(self) -> None: ...


class TrafficPanel(QWidget):
    title_changed = Signal(str)
    editor: PayloadEditor  # made by the panel's own setup, before lay_out

    def __init__(
        self,
        prefix: str,
        source: str,
        engine: Engine,
        parent: QWidget | None = None,
        snippets: SnippetStore | None = None,
    ) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self.source = source
        self.engine = engine
        # The window shares one store between all senders; on its own, a panel has its own.
        self.snippet_store = snippets or SnippetStore(default_snippets_path(), self)
        self.meter = RateMeter()
        self.transcript = TranscriptView(prefix, self)
        # A recording writes every read on this thread: the UI loop's reads leave it room.
        self.transcript.recording_changed.connect(
            lambda recording: engine.gate.set_recording(source, recording)
        )
        self._pending = EventBacklog()
        self._shown_later = ShownLater()
        self._view_timer = interval_timer(
            self, VIEW_UPDATE_MS, self.on_view_timer_timeout, single_shot=True
        )
        self._last_view_update = time.monotonic()
        self._refresh_due = False  # taken events not yet on screen
        self.setup()

    def setup(self) -> None:
        """A panel's own state and widgets, made once the shared parts are in place."""
        raise NotImplementedError

    # -- building ---------------------------------------------------------------------------

    def name(self, widget: W, control: str, accessible: str = "") -> W:
        return name_widget(widget, self.prefix, control, accessible)

    def button(
        self, text: str, control: str, accessible: str, tip: str, on_click: Callable[[], object]
    ) -> QPushButton:
        """A push button of this panel, named ``<prefix>.<control>`` (see `push_button`)."""
        return push_button(self, text, self.prefix, control, accessible, tip, on_click)

    @property
    def part_host(self) -> PanelHost:
        """What the panel hands its parts: the file sender, and a session's load test,
        repeat row and replay."""
        return PanelHost(self, self.prefix, self.engine)

    def make_file_sender(self, choose_targets: ChooseTargets) -> FileSender:
        """The file sender below the editor: its notes go in the transcript after the
        traffic, and it knows when a recording runs (chunks are then all recorded)."""
        sender = FileSender(
            self.part_host,
            choose_targets,
            is_recording=lambda: self.transcript.recorder is not None,
        )
        sender.finished.connect(self.transcript_note_after_traffic)
        self.transcript.recording_changed.connect(sender.on_recording_changed)
        return sender

    def lay_out(
        self, head: list[QWidget | QLayout], main: QWidget, sender: QWidget, side: QWidget
    ) -> None:
        """The panel's shape: ``head`` rows on top; below, ``main`` (the transcript) over
        the sender, beside a column of ``side`` over the saved messages. The sender's
        editor (``self.editor``) must exist: the saved messages load into it."""
        hint = self.tr(self.saved_message_hint)  # the subclass's own context
        self.snippets = SnippetPanel(self.prefix, self.snippet_store, self.editor, hint, self)
        work = QSplitter(Qt.Orientation.Vertical, self)
        work.addWidget(main)
        work.addWidget(sender)
        work.setStretchFactor(0, 4)
        work.setStretchFactor(1, 1)
        side_pane = side_column(side, self.snippets, self)
        body = QSplitter(Qt.Orientation.Horizontal, self)
        body.addWidget(side_pane if self.side_first else work)
        body.addWidget(work if self.side_first else side_pane)
        body.setStretchFactor(0, 2 if self.side_first else 5)
        body.setStretchFactor(1, 5 if self.side_first else 2)
        body.setCollapsible(body.indexOf(side_pane), False)
        body.setSizes([480, 780] if self.side_first else [900, 280])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(column(self, *head, body, stretch=body))

    # Which side the peers or socket column stands on: left for a listener's peers.
    side_first = False

    # What a click on a saved message says while nothing can be sent (English, marked with
    # QT_TRANSLATE_NOOP in the subclass's context).
    saved_message_hint = ""

    # -- what a panel says of itself --------------------------------------------------------

    def title(self) -> str:
        raise NotImplementedError

    def is_idle(self) -> bool:
        """Free for an example to set up (not listening, not connected)."""
        raise NotImplementedError

    def emit_title(self) -> None:
        self.title_changed.emit(self.title())

    # -- counters ---------------------------------------------------------------------------

    # Counted as events arrive, before the transcript shows them.
    messages_in = Delegated[int]("meter.messages_in")
    bytes_in = Delegated[int]("meter.bytes_in")
    messages_out = Delegated[int]("meter.messages_out")
    bytes_out = Delegated[int]("meter.bytes_out")

    # -- events from the bridge -------------------------------------------------------------

    def apply_events(self, events: Sequence[NetEvent]) -> None:
        """Count and follow the state now; show the rows at the view's own pace."""
        counts = self._pending.add(events)
        self.meter.count_in(counts.messages_in, counts.bytes_in)
        self.meter.count_out(counts.messages_out, counts.bytes_out)
        self.follow_events(events)
        self._schedule_view_update()

    def _schedule_view_update(self) -> None:
        recorder = self.transcript.recorder
        if recorder is not None and not recorder.has_room:
            self._update_view_within(DISK_WAIT_MS)
        elif self._pending.is_backlogged or self._pending.more_than_one_update(
            recorder is not None
        ):
            self._update_view_within(BACKLOG_UPDATE_MS)
        elif not self._view_timer.isActive():
            self._view_timer.start(VIEW_UPDATE_MS)

    def _update_view_within(self, ms: int) -> None:
        """The next update in ``ms`` at the latest (one due sooner stays)."""
        timer = self._view_timer
        if not timer.isActive() or timer.remainingTime() > ms:
            timer.start(ms)

    def follow_events(self, events: Sequence[NetEvent]) -> None:
        """Where a panel changes its state on an event (a session that ends, say)."""

    @property
    def is_backlogged(self) -> bool:
        """True while more waits to be shown or recorded than one update handles: the
        window then stops taking events, and the network waits (nothing is dropped). So
        does a recording whose file is behind: what waits stays in the engine's queue,
        whose ceiling pauses the readers."""
        if self._pending.is_backlogged:
            return True
        recorder = self.transcript.recorder
        return bool(self._pending) and recorder is not None and not recorder.has_room

    def transcript_note(self, text: str, error: bool = False) -> None:
        """A line of our own in the transcript, in order with the traffic."""
        self._pending.add([Notice(source=self.source, text=text, error=error)])
        self._schedule_view_update()

    def transcript_note_after_traffic(self, text: str, error: bool = False) -> None:
        """A line of our own after the traffic the engine has sent so far (the last
        chunks of a file, the messages of a replay, are still on their way here)."""
        if not self.engine.is_started:  # closing: no more traffic to wait for
            self.transcript_note(text, error)
            return
        self.engine.call(self.engine.emit, Notice(source=self.source, text=text, error=error))

    def on_view_timer_timeout(self, wait_for_disk: bool = False) -> None:
        with self.engine.gate.ui_turn():  # an IO thread's readers wait for it (see ReadGate)
            self._update_view(wait_for_disk)

    def _update_view(self, wait_for_disk: bool = False) -> None:
        """Record and count what waits, for UPDATE_SLICE_SECONDS at most, and show the
        newest rows at the view's pace. While the recording's file is behind, the rest
        waits here (and the network for it), unless ``wait_for_disk`` (closing)."""
        started = time.monotonic()
        recorder = self.transcript.recorder
        while self._pending:
            if recorder is not None and not (wait_for_disk or recorder.has_room):
                break
            events, messages = self._pending.take(recording=recorder is not None)
            if events:
                self.show_events(events, messages)
                self._refresh_due = True
            if time.monotonic() - started > UPDATE_SLICE_SECONDS:
                break
        now = time.monotonic()
        if self._refresh_due and (now - self._last_view_update) * 1000 >= VIEW_UPDATE_MS - 5:
            # What the eye sees changes at the view's pace: each repaint of the window
            # costs ~10 ms, and updates taken in a hurry come many times faster.
            if self._shown_later:
                self._shown_later.show(self.transcript)
            self._last_view_update = now
            self._refresh_due = False
            self.after_view_update()
        if self._pending or self._refresh_due:
            self._schedule_view_update()

    def show_events(self, events: Sequence[NetEvent], messages: int) -> None:
        """One update's events: recorded now, shown at the view's pace (a listener also
        updates its peers table)."""
        record_in_transcript(self.transcript, events)
        self._shown_later.add(events, messages)

    def after_view_update(self) -> None:
        """Where a panel refreshes what follows the view (a session's counters)."""

    def drain_view(self) -> None:
        """Closing: everything that waits is shown (and recorded), then the recording ends."""
        self._view_timer.stop()
        while self._pending:
            self.on_view_timer_timeout(wait_for_disk=True)
        self._view_timer.stop()
        if self._shown_later:
            self._shown_later.show(self.transcript)
        if self._refresh_due:
            self._refresh_due = False
            self.after_view_update()
        self.close_files()

    def close_files(self) -> None:
        self.transcript.stop_recording(quiet=True)

    # -- sockets on the engine --------------------------------------------------------------

    async def open_owned(
        self, opening: Coroutine[Any, Any, T], owned: Callable[[T], Closable]
    ) -> T:
        """Runs ``opening`` on the engine; what it opened (``owned(result)``) is closed with
        the engine if nothing closes it first."""
        return await self.engine.run(self._open_and_own(opening, owned))

    async def _open_and_own(
        self, opening: Coroutine[Any, Any, T], owned: Callable[[T], Closable]
    ) -> T:
        result = await opening
        self.engine.own(owned(result))
        return result

    async def close_owned(self, thing: Closable) -> None:
        """Closes ``thing`` on the engine, which then stops owning it."""
        await self.engine.run(self._disown_and_close(thing))

    async def _disown_and_close(self, thing: Closable) -> None:
        self.engine.disown(thing)
        await thing.aclose()
