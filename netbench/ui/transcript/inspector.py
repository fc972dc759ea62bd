"""A window that shows one transcript message whole: every byte, as text, hex, or both.

A transcript cell shows one line of a message, cut short; the inspector shows all of it,
with when it came, from whom, how big it is and how the reads were merged or split. One
inspector per transcript is reused for each message inspected, and it keeps its message
even after the row falls out of the transcript (or the transcript is cleared).

A big message is rendered a slice at a time between events (see
:mod:`netbench.ui.widgets.sliced_pane`): the first 256 KB at once, the rest on "Show all", up to
8 MB; beyond that "Save bytes…" keeps every byte. Closing the window drops the message
and its text, so an inspector left closed holds nothing.

Nothing here opens a nested event loop: the window is shown with ``show()`` and the save
dialog with ``open()``; its ``fileSelected`` calls :meth:`MessageInspector.save_to`, which
tests call directly.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QFontDatabase, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from netbench.core.delegation import Delegated
from netbench.core.display import DisplayMode, text_block
from netbench.core.payload import to_hex
from netbench.core.transcript import DIRECTION_ARROWS, Record
from netbench.ui.transcript.model import direction_word, format_count
from netbench.ui.widgets.control_maker import Controls
from netbench.ui.widgets.file_dialogs import DialogPurpose, DialogSpec, FileDialogs, stamped_name
from netbench.ui.widgets.naming import name_widget
from netbench.ui.widgets.sizes import format_size
from netbench.ui.widgets.sliced_pane import PaneKind, SlicedPane
from netbench.ui.widgets.view_options import ViewOptions

# Shown at once when a message is inspected; "Show all" renders the rest.
PREVIEW_BYTES = 256 * 1024
# The most the window renders: 8 MB is ~40 MB of hex dump text. Save keeps the rest.
MOST_SHOWN_BYTES = 8 * 1024 * 1024


class MessageInspector(QWidget):
    """A top-level window (owned by its transcript) showing one record whole."""

    def __init__(self, prefix: str, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.prefix = prefix
        self.controls = Controls(self, prefix)
        self.setObjectName(f"{prefix}.inspector")
        self.setAccessibleName(self.tr("Message inspector"))
        self.setWindowTitle(self.tr("Message inspector"))
        self._record: Record | None = None
        self._target = PREVIEW_BYTES
        self._dialogs = FileDialogs(self)

        self._build_header()
        self._build_controls()
        self._build_panes()
        self._build_partial_line()
        self._build_actions()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        layout.addLayout(self._header)
        layout.addLayout(self._controls)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(self._partial)
        layout.addLayout(self._actions)

        close_on_escape = QAction(self)
        close_on_escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        close_on_escape.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        close_on_escape.triggered.connect(self.close)
        self.addAction(close_on_escape)

        self.view_options.display_mode_changed.connect(self._on_mode_changed)
        self._on_mode_changed()
        self.resize(self.hex_edit.minimumWidth() + 480, 680)

    # -- construction -----------------------------------------------------------------------

    def _value_label(self, control: str, accessible: str) -> QLabel:
        label = QLabel(self)
        name_widget(label, self.prefix, f"inspector_{control}", accessible)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def _build_header(self) -> None:
        self.time_label = self._value_label("time", self.tr("Time"))
        self.direction_label = self._value_label("direction", self.tr("Direction"))
        self.peer_label = self._value_label("peer", self.tr("Peer"))
        self.size_label = self._value_label("size", self.tr("Size"))
        self.note_label = self._value_label("note", self.tr("Framing and notes"))
        self.note_label.setWordWrap(True)
        header = QFormLayout()
        header.setHorizontalSpacing(12)
        header.setVerticalSpacing(4)
        header.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        header.addRow(self.tr("Time"), self.time_label)
        header.addRow(self.tr("Direction"), self.direction_label)
        header.addRow(self.tr("Peer"), self.peer_label)
        header.addRow(self.tr("Size"), self.size_label)
        header.addRow(self.tr("Framing"), self.note_label)
        self._header = header

    def _build_controls(self) -> None:
        self.view_options = ViewOptions(
            self.prefix,
            "inspector",
            self.tr("The text with escapes, a hex dump, or both side by side"),
            self,
        )
        self.view_options.encoding_changed.connect(self._on_encoding_changed)
        controls = QHBoxLayout()
        controls.setSpacing(6)
        controls.addWidget(self.view_options)
        controls.addStretch(1)
        self._controls = controls

    def _build_panes(self) -> None:
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.text_edit = QPlainTextEdit(self)
        name_widget(self.text_edit, self.prefix, "inspector_text", self.tr("Message as text"))
        self.text_edit.setToolTip(
            self.tr(
                "Controls and undecodable bytes as escapes, a line break after each \\n; "
                "very long lines are broken here, Copy text gives them whole"
            )
        )
        self.hex_edit = QPlainTextEdit(self)
        name_widget(self.hex_edit, self.prefix, "inspector_hex", self.tr("Message as hex"))
        self.hex_edit.setToolTip(self.tr("Offset, 16 bytes in hex, and the same bytes as ASCII"))
        self.hex_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        for edit in (self.text_edit, self.hex_edit):
            edit.setReadOnly(True)
            edit.setFont(mono)
            edit.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
        # A dump line is 78 characters: room for one, its margins and the scroll bar.
        self.hex_edit.setMinimumWidth(
            self.hex_edit.fontMetrics().horizontalAdvance("0" * 79)
            + int(2 * self.hex_edit.document().documentMargin())
            + 2 * self.hex_edit.frameWidth()
            + self.hex_edit.verticalScrollBar().sizeHint().width()
        )
        self.text_pane = SlicedPane(self.text_edit, PaneKind.TEXT, self)
        self.hex_pane = SlicedPane(self.hex_edit, PaneKind.HEX, self)
        for pane in (self.text_pane, self.hex_pane):
            pane.progressed.connect(self._update_partial_line)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName(f"{self.prefix}.inspector_panes")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.text_edit)
        self.splitter.addWidget(self.hex_edit)
        # The dump needs its 78 columns; the text takes whatever width is left.
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)

    def _build_partial_line(self) -> None:
        self.partial_label = QLabel(self)
        name_widget(
            self.partial_label,
            self.prefix,
            "inspector_partial",
            self.tr("How much of the message is shown"),
        )
        self.partial_label.setWordWrap(True)
        self.show_all_button = self.controls.push_button(
            self.tr("Show all"),
            "inspector_show_all",
            self.tr("Show all of the message"),
            self.tr("Render the rest of the message, a slice at a time (up to {size})").format(
                size=format_size(MOST_SHOWN_BYTES)
            ),
            self.show_all,
        )
        self.partial_save_button = self.controls.push_button(
            self.tr("Save to file…"),
            "inspector_partial_save",
            self.tr("Save the message to a file"),
            self.tr("Write every byte of the message to a file"),
            self._choose_save_file,
        )
        partial = QHBoxLayout()
        partial.setSpacing(6)
        partial.addWidget(self.partial_label, 1)
        partial.addWidget(self.show_all_button)
        partial.addWidget(self.partial_save_button)
        self._partial = partial
        self._set_partial_visible(False)

    def _build_actions(self) -> None:
        self.status = QLabel(self)
        name_widget(self.status, self.prefix, "inspector_status", self.tr("Inspector status"))
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.copy_text_button = self.controls.push_button(
            self.tr("Copy text"),
            "inspector_copy_text",
            self.tr("Copy the message as text"),
            self.tr("Copy all of the message as text with escapes, in the chosen encoding"),
            self.copy_text,
        )
        self.copy_hex_button = self.controls.push_button(
            self.tr("Copy hex"),
            "inspector_copy_hex",
            self.tr("Copy the message as hex"),
            self.tr(
                "Copy all of the message as hex bytes (48 65 6c …), as the send box reads them"
            ),
            self.copy_hex,
        )
        self.save_button = self.controls.push_button(
            self.tr("Save bytes…"),
            "inspector_save",
            self.tr("Save the bytes to a file"),
            self.tr("Write every byte of the message to a file"),
            self._choose_save_file,
        )
        self.close_button = self.controls.push_button(
            self.tr("Close"),
            "inspector_close",
            self.tr("Close the inspector"),
            on_click=self.close,
        )
        actions = QHBoxLayout()
        actions.setSpacing(6)
        actions.addWidget(self.status, 1)
        for button in (
            self.copy_text_button,
            self.copy_hex_button,
            self.save_button,
            self.close_button,
        ):
            actions.addWidget(button)
        self._actions = actions

    # -- public API -------------------------------------------------------------------------

    @property
    def record(self) -> Record | None:
        """The message shown; None once the window was closed."""
        return self._record

    @property
    def file_dialog(self) -> QFileDialog | None:
        """The save dialog currently open, if any."""
        return self._dialogs.current

    # As the Show and Encoding combos say.
    display_mode = Delegated[DisplayMode]("view_options.display_mode")
    encoding = Delegated[str]("view_options.encoding")

    @property
    def is_rendering(self) -> bool:
        return self.text_pane.busy or self.hex_pane.busy

    def shown_bytes(self) -> int:
        """Bytes of the message every visible pane shows."""
        return min(pane.shown for pane in self._visible_panes())

    def set_display_mode(self, mode: DisplayMode) -> None:
        self.view_options.set_display_mode(mode)

    def set_encoding(self, encoding: str) -> None:
        self.view_options.set_encoding(encoding)

    def show_record(self, record: Record, note: str) -> None:
        """Show ``record`` (``note``: how its reads were merged or split, and its note)."""
        self._record = record
        self._target = PREVIEW_BYTES
        arrow = DIRECTION_ARROWS[record.direction]
        self.setWindowTitle(
            self.tr("Message inspector — {arrow} {peer}").format(arrow=arrow, peer=record.peer)
            if record.peer
            else self.tr("Message inspector")
        )
        self.time_label.setText(_full_time(record.at))
        self.direction_label.setText(f"{arrow} {direction_word(record.direction)}")
        self.peer_label.setText(record.peer or "—")
        size = len(record.data)
        if size == 1:
            self.size_label.setText(self.tr("1 byte"))
        elif size < 1024:
            self.size_label.setText(self.tr("{count} bytes").format(count=size))
        else:
            self.size_label.setText(
                self.tr("{count} bytes ({size})").format(
                    count=format_count(size), size=format_size(size)
                )
            )
        self.note_label.setText(note or "—")
        self.status.clear()
        for button in (self.copy_text_button, self.copy_hex_button, self.save_button):
            button.setEnabled(bool(record.data))
        self.text_pane.reset(record.data, self.encoding)
        self.hex_pane.reset(record.data, self.encoding)
        self._render_visible()

    def show_all(self) -> None:
        """Render the rest of the message (up to MOST_SHOWN_BYTES), between events."""
        self._target = MOST_SHOWN_BYTES
        self._render_visible()

    def text(self) -> str:
        """All of the message as the text pane shows it, without its display-only breaks."""
        data = self._record.data if self._record is not None else b""
        return text_block(data, self.encoding)

    def hex(self) -> str:
        """All of the message as hex bytes on one line, as the send box's hex mode reads it."""
        return to_hex(self._record.data) if self._record is not None else ""

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        self._say(self.tr("Copied the message as text"))

    def copy_hex(self) -> None:
        QGuiApplication.clipboard().setText(self.hex())
        self._say(self.tr("Copied the message as hex"))

    def save_to(self, path: Path) -> bool:
        """Write the message's bytes, exactly, to ``path``; False (and said) on failure."""
        data = self._record.data if self._record is not None else b""
        try:
            path.write_bytes(data)
        except OSError as exc:
            self._say(
                self.tr("Could not save to {path}: {reason}").format(
                    path=path, reason=exc.strerror or str(exc)
                )
            )
            return False
        self._say(self.tr("Saved {size} to {path}").format(size=format_size(len(data)), path=path))
        return True

    # -- events -----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        """Drop the message and its text: a closed inspector holds nothing."""
        self._dialogs.close()
        self._record = None
        self.text_pane.release()
        self.hex_pane.release()
        super().closeEvent(event)

    # -- slots ------------------------------------------------------------------------------

    def _on_mode_changed(self) -> None:
        mode = self.display_mode
        self.text_edit.setVisible(mode in (DisplayMode.TEXT, DisplayMode.BOTH))
        self.hex_edit.setVisible(mode in (DisplayMode.HEX, DisplayMode.BOTH))
        for pane in (self.text_pane, self.hex_pane):
            if not pane.edit.isVisibleTo(self):
                pane.pause()
        self._render_visible()

    def _on_encoding_changed(self) -> None:
        if self._record is None:
            return
        self.text_pane.reset(self._record.data, self.encoding)
        self._render_visible()

    def _choose_save_file(self) -> None:
        if self._record is None:
            return
        spec = DialogSpec(
            DialogPurpose.SAVE_FILE,
            self.tr("Save the message's bytes"),
            f"{self.prefix}.inspector_save_dialog",
            select=stamped_name("message", "bin"),
            filters=[self.tr("All files (*)")],
        )
        self._dialogs.open(spec, lambda chosen: self.save_to(Path(chosen)))

    # -- helpers ----------------------------------------------------------------------------

    def _visible_panes(self) -> list[SlicedPane]:
        mode = self.display_mode
        panes = []
        if mode in (DisplayMode.TEXT, DisplayMode.BOTH):
            panes.append(self.text_pane)
        if mode in (DisplayMode.HEX, DisplayMode.BOTH):
            panes.append(self.hex_pane)
        return panes

    def _render_visible(self) -> None:
        if self._record is None:
            return
        for pane in self._visible_panes():
            pane.render_to(self._target)
        self._update_partial_line()

    def _update_partial_line(self) -> None:
        record = self._record
        total = len(record.data) if record is not None else 0
        shown = self.shown_bytes() if record is not None else 0
        if record is None or shown >= total:
            self._set_partial_visible(False)
            return
        if self.is_rendering:
            text = self.tr("Showing {shown} of {total}…").format(
                shown=format_size(shown), total=format_size(total)
            )
            show_all = False
        elif shown >= MOST_SHOWN_BYTES:
            text = self.tr(
                "Showing the first {shown} of {total}, the most this window shows: save the "
                "message to a file for all of it."
            ).format(shown=format_size(shown), total=format_size(total))
            show_all = False
        else:
            text = self.tr("Showing the first {shown} of {total}.").format(
                shown=format_size(shown), total=format_size(total)
            )
            show_all = True
        self.partial_label.setText(text)
        self._set_partial_visible(True, show_all)

    def _set_partial_visible(self, visible: bool, show_all: bool = False) -> None:
        self.partial_label.setVisible(visible)
        self.show_all_button.setVisible(visible and show_all)
        self.partial_save_button.setVisible(visible)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setToolTip(text)


def _full_time(at: float) -> str:
    """The local date and time with milliseconds: 2024-05-01 14:03:07.250."""
    stamp = time.localtime(at)
    return time.strftime("%Y-%m-%d %H:%M:%S", stamp) + f".{int((at % 1) * 1000):03d}"
