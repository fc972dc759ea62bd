"""The transcript widget shared by the Server and Client tabs.

A table of what went in and out, with the controls people reach for while watching
traffic: how to show the bytes, find a message, copy or export what is on screen, and
record everything to a file when the on-screen ring is not enough. The status line keeps
counting even after rows fall out of view, so the numbers are always the real ones.

Nothing here opens a nested event loop: file dialogs are instances opened with ``open()``
and their ``fileSelected`` signal calls the same public methods tests call directly.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from netbench.core.display import DisplayMode, render_block, text_block
from netbench.core.payload import to_hex
from netbench.core.recording.writer import FileRecorder
from netbench.core.transcript import DEFAULT_RING_CAPACITY, Record
from netbench.ui.transcript.exports import ExportFormat, TranscriptFiles
from netbench.ui.transcript.inspector import MessageInspector
from netbench.ui.transcript.model import Column, TranscriptModel, format_count
from netbench.ui.transcript.status_box import StatusBox
from netbench.ui.transcript.table import TranscriptTable
from netbench.ui.widgets.colors import NO_MATCH_BACKGROUND, NO_MATCH_TEXT
from netbench.ui.widgets.control_maker import Controls
from netbench.ui.widgets.naming import name_widget
from netbench.ui.widgets.sizes import format_size
from netbench.ui.widgets.view_options import ViewOptions

_NO_MATCH_STYLE = (
    f"QLineEdit {{ background-color: {NO_MATCH_BACKGROUND}; color: {NO_MATCH_TEXT}; }}"
)


class TranscriptView(QWidget):
    """A transcript table with display, search, copy, export and record-to-file controls.

    Owners feed it with :meth:`append_records` (one call per batch) and should call
    :meth:`stop_recording` when they close, so the recording file is closed promptly.

    Signals:
        recording_changed(bool): recording to a file started (True) or stopped (False).
    """

    recording_changed = Signal(bool)

    def __init__(
        self,
        prefix: str,
        parent: QWidget | None = None,
        capacity: int = DEFAULT_RING_CAPACITY,
    ) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self.controls = Controls(self, prefix)
        self.setObjectName(f"{prefix}.transcript_panel")
        self.model = TranscriptModel(capacity, self)
        self.files = TranscriptFiles(prefix, self.model, self)
        self.files.said.connect(self._show_message)
        self.files.recording_changed.connect(self._on_recording_changed)
        self._message: tuple[str, bool] | None = None
        self._showing_paused = False
        self._inspector: MessageInspector | None = None

        self._build_controls()
        self._build_actions()
        self._build_table()
        self.status = QLabel(self)
        name_widget(self.status, prefix, "transcript_status", self.tr("Transcript status"))
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A long status (a recording path, an error) is cut rather than widening the window;
        # the tooltip has all of it. No word wrap: a wrapping label re-lays out the window
        # on every change, and under a flood the status changes ten times a second.
        self.status.setWordWrap(False)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

        bottom = QHBoxLayout()
        bottom.setSpacing(8)
        bottom.addWidget(StatusBox(self.status, self), 1)
        bottom.addLayout(self._actions)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self._controls)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.model.counts_changed.connect(self._update_status)
        self.table.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self._update_status()

    # -- construction -----------------------------------------------------------------------

    def _build_controls(self) -> None:
        self.view_options = ViewOptions(
            self.prefix,
            "transcript",
            self.tr("Show the data as text with escapes, hex, or both"),
            self,
        )
        self.view_options.display_mode_changed.connect(self._on_mode_changed)
        self.view_options.encoding_changed.connect(self._on_encoding_changed)
        # The combos themselves, for owners and tests that pick from them directly.
        self.mode_combo = self.view_options.mode_combo
        self.encoding_combo = self.view_options.encoding_combo

        self.time_combo = QComboBox(self)
        name_widget(self.time_combo, self.prefix, "transcript_time", self.tr("Time format"))
        self.time_combo.addItem(self.tr("Clock time"), False)
        self.time_combo.addItem(self.tr("Relative time"), True)
        self.time_combo.setToolTip(
            self.tr("Wall-clock time, or seconds since the first record since the last clear")
        )
        self.time_combo.currentIndexChanged.connect(self._on_time_changed)

        self.autoscroll = QCheckBox(self.tr("Autoscroll"), self)
        name_widget(self.autoscroll, self.prefix, "transcript_autoscroll", self.tr("Autoscroll"))
        self.autoscroll.setChecked(True)
        self.autoscroll.setToolTip(
            self.tr("Follow new records; pauses while you scroll up, resumes at the bottom")
        )
        self.autoscroll.toggled.connect(self._on_autoscroll_toggled)

        self.search = QLineEdit(self)
        name_widget(self.search, self.prefix, "transcript_search", self.tr("Find in transcript"))
        self.search.setPlaceholderText(self.tr("Find…"))
        self.search.setToolTip(self.tr("Enter finds the next match, Shift+Enter the previous"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(120)
        self.search.setMaximumWidth(320)
        self.search.textEdited.connect(self._on_search_edited)
        self.search.installEventFilter(self)

        controls = QHBoxLayout()
        controls.setSpacing(6)
        controls.addWidget(self.view_options)
        controls.addWidget(self.time_combo)
        controls.addSpacing(6)
        controls.addWidget(self.autoscroll)
        controls.addStretch(1)
        controls.addWidget(self.search, 1)
        self._controls = controls

    def _build_actions(self) -> None:
        """Copy, Export, Record and Clear: they sit beside the status line, so neither row
        forces a wide window."""
        self.copy_button = self.controls.tool_button(
            self.tr("Copy"),
            "transcript_copy",
            self.tr("Copy rows"),
            self.tr("Copy the selected rows as text, or every row when none is selected"),
            self.copy_selection,
        )
        self.export_button = self.controls.tool_button(
            self.tr("Export"),
            "transcript_export",
            self.tr("Export transcript"),
            self.tr("Save the rows in view to a file"),
        )
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(self.export_button)
        name_widget(export_menu, self.prefix, "transcript_export_menu", self.tr("Export format"))
        self.export_text_action = self._export_action(self.tr("As text…"), "text")
        self.export_jsonl_action = self._export_action(self.tr("As JSON Lines…"), "jsonl")
        self.export_pcapng_action = self._export_action(self.tr("As pcapng (Wireshark)…"), "pcapng")
        export_menu.addActions(
            [self.export_text_action, self.export_jsonl_action, self.export_pcapng_action]
        )
        self.export_button.setMenu(export_menu)

        self.record_button = self.controls.tool_button(
            self.tr("Record to file…"),
            "transcript_record",
            self.tr("Record to file"),
            self.tr("Stream every new record to a JSON Lines file, including rows the view drops"),
            self._on_record_clicked,
        )
        self.record_button.setCheckable(True)
        self.clear_button = self.controls.tool_button(
            self.tr("Clear"),
            "transcript_clear",
            self.tr("Clear transcript"),
            self.tr("Empty the view; the totals keep counting"),
            self.clear,
        )

        actions = QHBoxLayout()
        actions.setSpacing(4)
        for button in (self.copy_button, self.export_button, self.record_button, self.clear_button):
            # Text only and compact: push buttons' minimum width crowds the one-line row.
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            actions.addWidget(button)
        self._actions = actions

    def _export_action(self, text: str, fmt: ExportFormat) -> QAction:
        """An entry of the Export menu, ``<prefix>.transcript_export_<fmt>``: it asks where."""
        action = QAction(text, self)
        action.setObjectName(f"{self.prefix}.transcript_export_{fmt}")
        action.triggered.connect(lambda: self.files.choose_export_file(fmt))
        return action

    def _build_table(self) -> None:
        table = TranscriptTable(self.model, self)
        self.table = table
        name_widget(table, self.prefix, "transcript", self.tr("Transcript"))

        inspect = QAction(self.tr("Inspect message"), table)
        inspect.setObjectName(f"{self.prefix}.transcript_inspect")
        inspect.setToolTip(self.tr("Show the whole message in a window (double-click or Enter)"))
        inspect.triggered.connect(self.inspect_current)
        copy_text = QAction(self.tr("Copy as text"), table)
        copy_text.setObjectName(f"{self.prefix}.transcript_copy_text")
        copy_text.setToolTip(self.tr("Copy the whole messages as text with escapes"))
        copy_text.triggered.connect(self.copy_as_text)
        copy_hex = QAction(self.tr("Copy as hex"), table)
        copy_hex.setObjectName(f"{self.prefix}.transcript_copy_hex")
        copy_hex.setToolTip(self.tr("Copy the whole messages as hex bytes, one line each"))
        copy_hex.triggered.connect(self.copy_as_hex)
        separator = QAction(table)
        separator.setSeparator(True)
        copy_rows = QAction(self.tr("Copy rows"), table)
        copy_rows.setObjectName(f"{self.prefix}.transcript_copy_rows")
        copy_rows.setShortcut(QKeySequence.StandardKey.Copy)
        copy_rows.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        copy_rows.triggered.connect(self.copy_selection)
        copy_data = QAction(self.tr("Copy data only"), table)
        copy_data.setObjectName(f"{self.prefix}.transcript_copy_data")
        copy_data.setToolTip(self.tr("Copy the payloads in their multi-line form (hex dump)"))
        copy_data.triggered.connect(self.copy_data)
        for action in (inspect, copy_text, copy_hex, separator, copy_rows, copy_data):
            table.addAction(action)
        table.doubleClicked.connect(lambda index: self.inspect_row(index.row()))
        table.inspect_requested.connect(self.inspect_current)
        table.navigated.connect(self._follow_current)
        table.clicked.connect(lambda _index: self._follow_current())
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    # -- public API -------------------------------------------------------------------------

    @property
    def file_dialog(self) -> QFileDialog | None:
        """The save dialog currently open (export or record), if any."""
        return self.files.dialogs.current

    @property
    def recorder(self) -> FileRecorder | None:
        """The recording in progress, if any."""
        return self.files.recorder

    def append_records(self, records: Sequence[Record]) -> None:
        """Add one batch; record it, and follow it unless the user has scrolled up."""
        if not records:
            return
        self.files.record(records)
        self.show_records(records)

    def record_rows(self, rows: Sequence[bytes], records: int) -> None:
        """Write rows made already to the recording, if one runs (see ``show_records``)."""
        self.files.record_rows(rows, records)

    def show_records(self, records: Sequence[Record]) -> None:
        """Add one batch without recording it (its owner recorded it in its own rows);
        follow it unless the user has scrolled up."""
        if not records:
            return
        bar = self.table.verticalScrollBar()
        follow = self.autoscroll.isChecked() and bar.value() >= bar.maximum()
        position = bar.value()
        removed = self.model.append_records(records)
        if follow:
            self.table.scrollToBottom()
        elif removed and position > 0:
            # Rows left at the top: keep the rows the user is reading where they were.
            step = 1
            if self.table.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerPixel:
                step = self.table.verticalHeader().defaultSectionSize()
            bar.setValue(max(0, position - removed * step))
        self._update_status()

    def clear(self) -> None:
        """Empty the view. Totals, and a recording in progress, carry on."""
        self.model.clear()
        self._set_no_match(False)
        self._message = None
        self._update_status()

    def set_capacity(self, capacity: int) -> None:
        self.model.set_capacity(capacity)

    def set_display_mode(self, mode: DisplayMode) -> None:
        self.view_options.set_display_mode(mode)

    def set_encoding(self, encoding: str) -> None:
        self.view_options.set_encoding(encoding)

    def set_relative_time(self, relative: bool) -> None:
        self.time_combo.setCurrentIndex(1 if relative else 0)

    def start_recording(self, path: Path) -> bool:
        """Append every record from now on to ``path``; False (and a red status) on failure."""
        started = self.files.start_recording(path)
        self._sync_record_button()
        return started

    def stop_recording(self, quiet: bool = False) -> None:
        """Close the recording file, if one is open."""
        self.files.stop_recording(quiet)

    def export_to(self, path: Path, fmt: ExportFormat) -> bool:
        """Write the rows in view as plain text or JSON Lines; False (and a red status) on error."""
        return self.files.export_to(path, fmt)

    def selected_records(self) -> list[Record]:
        """The selected rows, oldest first; every row in view when nothing is selected."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows:
            return self.model.records()
        return [self.model.record(row) for row in rows]

    def copy_selection(self) -> None:
        """Copy whole rows, with the full data rather than the cut-down cells."""
        records = self.selected_records()
        self._copy(
            "\n".join(self.model.text_lines(records)),
            len(records),
            self.tr("Copied 1 row"),
            self.tr("Copied {count} rows"),
        )

    def copy_data(self) -> None:
        """Copy just the payloads, in the multi-line form (text with line breaks, hex dump)."""
        records = [record for record in self.selected_records() if record.data]
        mode, encoding = self.model.display_mode, self.model.encoding
        self._copy(
            "\n\n".join(render_block(record.data, mode, encoding) for record in records),
            len(records),
            self.tr("Copied the data of 1 row"),
            self.tr("Copied the data of {count} rows"),
        )

    def copy_as_text(self) -> None:
        """Copy the selected messages whole, as text with escapes (a line break after \\n)."""
        encoding = self.model.encoding
        self._copy_messages(
            lambda data: text_block(data, encoding),
            self.tr("Copied 1 message as text"),
            self.tr("Copied {count} messages as text"),
        )

    def copy_as_hex(self) -> None:
        """Copy the selected messages whole, as hex bytes, one message a line."""
        self._copy_messages(
            to_hex, self.tr("Copied 1 message as hex"), self.tr("Copied {count} messages as hex")
        )

    def _copy_messages(self, render: Callable[[bytes], str], one: str, many: str) -> None:
        """The selected rows that carry a message, each whole as ``render`` writes it."""
        records = [record for record in self.selected_records() if record.carries_data]
        self._copy("\n".join(render(record.data) for record in records), len(records), one, many)

    def _copy(self, text: str, count: int, one: str, many: str) -> None:
        """To the clipboard, and said in the status line with how many."""
        QGuiApplication.clipboard().setText(text)
        self._show_message((one if count == 1 else many).format(count=format_count(count)))

    @property
    def inspector(self) -> MessageInspector | None:
        """The message inspector, once a row has been inspected."""
        return self._inspector

    def inspect_row(self, row: int) -> MessageInspector | None:
        """Show row ``row`` whole in the inspector window (made on first use, then reused)."""
        if not 0 <= row < self.model.rowCount():
            return None
        inspector = self._inspector
        if inspector is None:
            inspector = MessageInspector(self.prefix, self)
            inspector.set_display_mode(self.model.display_mode)
            inspector.set_encoding(self.model.encoding)
            self._inspector = inspector
        record = self.model.record(row)
        inspector.show_record(record, self.model.note_text(record, row))
        if not inspector.isVisible():
            inspector.show()
        inspector.raise_()
        inspector.activateWindow()
        return inspector

    def inspect_current(self) -> MessageInspector | None:
        """Inspect the current row (the one clicked, or moved to with the keys)."""
        index = self.table.currentIndex()
        return self.inspect_row(index.row()) if index.isValid() else None

    def find_match(self, forward: bool = True) -> bool:
        """Select the next (or previous) row matching the search field; False when none does."""
        query = self.search.text()
        if not query:
            self._set_no_match(False)
            return False
        count = self.model.rowCount()
        current = self.table.currentIndex()
        if current.isValid():
            start = current.row() + (1 if forward else -1)
        else:
            start = 0 if forward else count - 1
        row = self.model.find(query, start, forward)
        if row < 0:
            self._set_no_match(True)
            self._show_message(self.tr("No match for “{query}”").format(query=query), True)
            return False
        self._set_no_match(False)
        index = self.model.index(row, Column.DATA)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self._show_message(
            self.tr("Match in row {row} of {count}").format(
                row=format_count(row + 1), count=format_count(count)
            )
        )
        return True

    # -- events -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.find_match(forward=not shift)
            return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.model.update_palette()
            self._update_status()
        super().changeEvent(event)

    # -- slots ------------------------------------------------------------------------------

    def _on_mode_changed(self, mode: DisplayMode) -> None:
        self.model.display_mode = mode
        if self._inspector is not None:
            self._inspector.set_display_mode(mode)

    def _on_encoding_changed(self, encoding: str) -> None:
        self.model.encoding = encoding
        if self._inspector is not None:
            self._inspector.set_encoding(encoding)

    def _follow_current(self) -> None:
        """While the inspector is open, moving to another row shows that row in it."""
        inspector = self._inspector
        index = self.table.currentIndex()
        if inspector is None or not inspector.isVisible() or not index.isValid():
            return
        record = self.model.record(index.row())
        if record is not inspector.record:
            inspector.show_record(record, self.model.note_text(record, index.row()))

    def _on_time_changed(self, index: int) -> None:
        self.model.relative_time = bool(self.time_combo.itemData(index))

    def _on_autoscroll_toggled(self, checked: bool) -> None:
        if checked:
            self.table.scrollToBottom()
        self._update_status()

    def _on_scrolled(self, _value: int) -> None:
        if self._is_paused() != self._showing_paused:
            self._update_status()

    def _on_search_edited(self, _text: str) -> None:
        if self.search.property("noMatch"):
            self._set_no_match(False)
            self._message = None
            self._update_status()

    def _on_record_clicked(self, checked: bool) -> None:
        if not checked:
            self.stop_recording()
            return
        # Checked only once a file is open; the dialog's answer decides.
        self.record_button.setChecked(False)
        self.files.choose_recording_file(on_finished=self._sync_record_button)

    def _on_recording_changed(self, recording: bool) -> None:
        if recording:
            self._message = None
        self._sync_record_button()
        self._update_status()
        self.recording_changed.emit(recording)

    # -- helpers ----------------------------------------------------------------------------

    def _sync_record_button(self) -> None:
        self.record_button.setChecked(self.recorder is not None)

    def _set_no_match(self, no_match: bool) -> None:
        self.search.setProperty("noMatch", no_match)
        self.search.setStyleSheet(_NO_MATCH_STYLE if no_match else "")

    def _show_message(self, text: str, is_error: bool = False) -> None:
        self._message = (text, is_error)
        self._update_status()

    def _is_paused(self) -> bool:
        bar = self.table.verticalScrollBar()
        return self.autoscroll.isChecked() and bar.value() < bar.maximum()

    def _status_parts(self) -> list[str]:
        totals = self.model.totals
        parts = [
            self.tr("{count} shown").format(count=format_count(self.model.rowCount())),
            self.tr("{count} in ({size})").format(
                count=format_count(totals.messages_in), size=format_size(totals.bytes_in)
            ),
            self.tr("{count} out ({size})").format(
                count=format_count(totals.messages_out), size=format_size(totals.bytes_out)
            ),
        ]
        if self.model.dropped:
            parts.append(
                self.tr("{count} dropped from view").format(count=format_count(self.model.dropped))
            )
        if self.recorder is not None:
            parts.append(
                self.tr("recording to {path}: {count} written").format(
                    path=self.recorder.path, count=format_count(self.recorder.records_written)
                )
            )
        if self._showing_paused:
            parts.append(self.tr("autoscroll paused"))
        return parts

    def status_text(self) -> str:
        """The status line as plain text (the label shows it with the error in color)."""
        parts = self._status_parts()
        if self._message:
            parts.append(self._message[0])
        return " · ".join(parts)

    def _update_status(self) -> None:
        self._showing_paused = self._is_paused()
        pieces = [html.escape(part) for part in self._status_parts()]
        if self._message:
            text, is_error = self._message
            if is_error:
                color = self.model.error_color().name()
                pieces.append(f'<span style="color:{color}">{html.escape(text)}</span>')
            else:
                pieces.append(html.escape(text))
        text = " · ".join(pieces)
        if text != self.status.text():
            self.status.setText(text)
            self.status.setToolTip(self.status_text())
