"""The shared "what to send" editor of the Server and Client tabs.

The user types a payload as text, text with escapes or hex, picks an encoding and a line
ending, and sees at once how many bytes that is and what they look like. Invalid input is
never sent and never thrown away: the editor points at the bad character and keeps the
text, so fixing it is one keystroke. Switching the input mode re-writes a valid payload in
the new notation, so the bytes survive the switch.

The editor also owns what every send adds to the typed bytes: ``{counter}`` and ``{time}``
filled in, and a checksum appended (a `ChecksumSpec`). It compiles the input into a
`PayloadRecipe` and counts the sends made from it, so the Server and Client senders ask for
"the next send's bytes" instead of each filling templates and checksums on their own.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QKeyEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from netbench.core.checksum import (
    MAX_SKIP,
    NO_CHECKSUM,
    ChecksumError,
    ChecksumSpec,
)
from netbench.core.encodings import DEFAULT_ENCODING, normalize_encoding
from netbench.core.errors import PayloadError
from netbench.core.length_header import LengthHeaderError
from netbench.core.payload import InputMode, LineEnding
from netbench.core.recipe import PayloadRecipe, RenderedPayload, compile_payload
from netbench.ui.runtime.net_text import net_text
from netbench.ui.runtime.timers import interval_timer
from netbench.ui.sending.checksum_options import ChecksumOptions
from netbench.ui.sending.length_header_option import LengthHeaderOption
from netbench.ui.sending.payload_draft import PayloadDraft, convert_notation
from netbench.ui.sending.payload_history import PayloadHistory
from netbench.ui.sending.payload_preview import PayloadPreview
from netbench.ui.widgets.choices import choose_value, signals_blocked
from netbench.ui.widgets.colors import INPUT_ERROR_BACKGROUND, INPUT_ERROR_COLOR, color_style
from netbench.ui.widgets.control_maker import Controls
from netbench.ui.widgets.input_mode_names import input_mode_labels
from netbench.ui.widgets.naming import name_widget
from netbench.ui.widgets.view_options import encoding_combo

# After sends that change a templated preview ({counter}), it is redrawn at most this often.
PREVIEW_REFRESH_MS = 100
MAX_CHECKSUM_SKIP = MAX_SKIP

# How the document stores line breaks: a block separator for Enter, a line separator for
# Shift+Enter. Both are a line feed to the user.
_DOCUMENT_LINE_BREAKS = str.maketrans({"\u2029": "\n", "\u2028": "\n"})


def _utf16_length(text: str) -> int:
    """Length in UTF-16 code units, the unit Qt text positions count in."""
    return len(text.encode("utf-16-le")) // 2


class PayloadEditor(QWidget):
    """Type a payload, see its bytes, send it; with history and lossless mode switches.

    Signals:
        send_requested(bytes): the user asked to send these bytes (Send or Ctrl+Enter):
            the next send's bytes, templates filled and checksum appended; the send is
            counted. Only emitted for valid input while sending is allowed.
    """

    send_requested = Signal(bytes)

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self.setObjectName(f"{prefix}.payload_editor")
        self._recipe: PayloadRecipe | None = None
        # The preview of the next send, or None while the input is invalid.
        self._rendered: RenderedPayload | None = None
        self._error: PayloadError | ChecksumError | None = None
        # Sends counted so far: {counter} of the next send is one more. Single sends and
        # repeats share it, so a device log reads 1, 2, 3...
        self._sends = 0
        self._send_allowed = True
        self._history = PayloadHistory()
        self._mode = InputMode.TEXT

        self._build()
        self._preview_timer = interval_timer(
            self, PREVIEW_REFRESH_MS, self._render_preview, single_shot=True
        )
        self._revalidate()

    # -- construction -----------------------------------------------------------------------

    def _build_input(self) -> None:
        self.input = QPlainTextEdit(self)
        name_widget(self.input, self.prefix, "input", self.tr("Payload to send"))
        self.input.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        # Three lines at the least (Qt's default is a little taller): the preview line
        # below it must not make the window's minimum height grow.
        margins = self.input.contentsMargins()
        self.input.setMinimumHeight(
            3 * self.input.fontMetrics().lineSpacing()
            + 2 * round(self.input.document().documentMargin())
            + margins.top()
            + margins.bottom()
        )
        # Tab moves on, so keyboard users are never trapped; a tab is typed as \t.
        self.input.setTabChangesFocus(True)
        self.input.installEventFilter(self)
        self.input.textChanged.connect(self._revalidate)
        self.input.setToolTip(
            self.tr(
                "In text modes {counter} becomes the send number (1, 2, 3…) and {time} the "
                "time (14:03:07.250); write {{counter}} or {{time}} to send the braces as "
                "typed. Ctrl+Enter sends, Up/Down walk the history."
            )
        )

    def _build(self) -> None:
        self._build_input()
        self.mode_combo = QComboBox(self)
        self.mode_combo.setObjectName(f"{self.prefix}.input_mode")
        self.mode_combo.setAccessibleName(self.tr("Input mode"))
        self.mode_combo.setToolTip(self.tr("How the text above is read"))
        for mode, label in input_mode_labels().items():
            self.mode_combo.addItem(label, mode.value)
        self.mode_combo.currentIndexChanged.connect(self._on_mode_changed)

        self.encoding_combo = encoding_combo(self)
        name_widget(self.encoding_combo, self.prefix, "input_encoding", self.tr("Text encoding"))
        self.encoding_combo.setToolTip(self.tr("How text is turned into bytes"))
        self.encoding_combo.currentIndexChanged.connect(self._revalidate)

        self.line_ending_combo = QComboBox(self)
        self.line_ending_combo.setObjectName(f"{self.prefix}.input_line_ending")
        self.line_ending_combo.setAccessibleName(self.tr("Line ending"))
        self.line_ending_combo.setToolTip(self.tr("Appended to every message sent"))
        self.line_ending_combo.addItem(self.tr("No line ending"), LineEnding.NONE.value)
        self.line_ending_combo.addItem(self.tr("LF \\n"), LineEnding.LF.value)
        self.line_ending_combo.addItem(self.tr("CR \\r"), LineEnding.CR.value)
        self.line_ending_combo.addItem(self.tr("CRLF \\r\\n"), LineEnding.CRLF.value)
        self.line_ending_combo.currentIndexChanged.connect(self._revalidate)

        self.checksum = ChecksumOptions(self.prefix, self)
        self.checksum.changed.connect(self._revalidate)
        # The panel places it in its send row, where there is room (this row sets the
        # window's minimum width).
        self.length_header = LengthHeaderOption(self.prefix, self)
        self.length_header.changed.connect(self._revalidate)

        controls = Controls(self, self.prefix)
        self.error_label = controls.message_label("input_error", self.tr("Payload error"))
        self.error_label.setStyleSheet(color_style(INPUT_ERROR_COLOR))
        self.error_label.hide()

        self.preview = PayloadPreview(self.prefix, self)

        self.send_button = QPushButton(self.tr("Se&nd"), self)
        self.send_button.setObjectName(f"{self.prefix}.send")
        self.send_button.setAccessibleName(self.tr("Send the payload"))
        self.send_button.setToolTip(self.tr("Send (Ctrl+Enter)"))
        self.send_button.clicked.connect(self.request_send)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.mode_combo)
        row.addWidget(self.encoding_combo)
        row.addWidget(self.line_ending_combo)
        row.addWidget(self.checksum.combo)
        row.addStretch(1)
        row.addWidget(self.send_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.input, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.preview)
        layout.addLayout(row)
        layout.addWidget(self.checksum)
        self._update_placeholder()

    # -- public API -------------------------------------------------------------------------

    @property
    def is_valid(self) -> bool:
        """Whether the input currently makes a payload (sending may still be disallowed)."""
        return self._error is None

    @property
    def error(self) -> PayloadError | ChecksumError | None:
        """Why the input cannot be sent, or None."""
        return self._error

    def recipe(self) -> PayloadRecipe:
        """The input compiled, to render sends from; raises the error when it is invalid."""
        if self._error is not None:
            raise self._error
        assert self._recipe is not None
        return self._recipe

    def payload(self, counter: int | None = None, wall: float | None = None) -> bytes:
        """The bytes of send number `counter` (default: the next) made at `wall` (now).

        Nothing is counted. Raises PayloadError or ChecksumError when the input is invalid.
        """
        number = self.next_send_number if counter is None else counter
        return self.recipe().render(number, time.time() if wall is None else wall)

    @property
    def sends(self) -> int:
        """How many sends were counted (single sends and repeats alike)."""
        return self._sends

    @property
    def next_send_number(self) -> int:
        """What ``{counter}`` becomes in the next send."""
        return self._sends + 1

    def render_next(self, recipe: PayloadRecipe | None = None) -> bytes:
        """The next send's bytes from `recipe` (default: the input now), and count it.

        A repeat passes the recipe it started with, so editing the text meanwhile does not
        change what it sends. A ChecksumError is raised before anything is counted.
        """
        recipe = self.recipe() if recipe is None else recipe
        data = recipe.render(self.next_send_number, time.time())
        self._sends += 1
        if recipe.has_placeholders and not self._preview_timer.isActive():
            self._preview_timer.start()
        return data

    def counted_up_to(self, counter: int) -> None:
        """Sends numbered up to ``counter`` were made elsewhere (a repeat on the engine)."""
        if counter > self._sends:
            self._sends = counter
            self._render_preview()

    def take_back_send(self) -> None:
        """The send just counted reached no one: its number is used by the next send."""
        if self._sends > 0:
            self._sends -= 1
            self._render_preview()

    def state(self) -> PayloadDraft:
        """What is in the editor now, as typed, to save it or restore it later."""
        return PayloadDraft(
            self._text(),
            self._mode,
            self._encoding(),
            self._line_ending(),
            self._checksum_spec(),
        )

    def set_payload(
        self,
        text: str,
        mode: InputMode | str = InputMode.TEXT,
        encoding: str = DEFAULT_ENCODING,
        line_ending: LineEnding | str = LineEnding.NONE,
        checksum: ChecksumSpec = NO_CHECKSUM,
    ) -> None:
        """Put a saved payload in the editor as is (no conversion), leaving history browsing.

        Raises ValueError for an unknown mode, line ending or unsupported encoding.
        """
        self.set_draft(
            PayloadDraft(
                text,
                InputMode(mode),
                normalize_encoding(encoding),
                LineEnding(line_ending),
                checksum,
            )
        )

    def set_draft(self, draft: PayloadDraft) -> None:
        """Put a draft (from the history or a saved message) back, leaving history browsing.

        Raises ValueError for an unsupported encoding or a checksum skip out of range.
        """
        normalize_encoding(draft.encoding)
        if draft.checksum.skip > MAX_CHECKSUM_SKIP:
            raise ValueError(f"the checksum can skip at most {MAX_CHECKSUM_SKIP} bytes")
        self._history.leave()
        self._apply(draft)

    @property
    def send_allowed(self) -> bool:
        """Whether sending is allowed now (connected, listening); the input may be invalid."""
        return self._send_allowed

    def set_send_allowed(self, allowed: bool) -> None:
        """Allow or forbid sending, e.g. while there is no connection to send on.

        The payload stays editable and validated either way.
        """
        self._send_allowed = allowed
        self._update_send_button()

    @property
    def history(self) -> tuple[PayloadDraft, ...]:
        """Payloads sent so far, oldest first."""
        return self._history.entries

    def request_send(self) -> None:
        """Emit the payload if it is valid and sending is allowed; otherwise point at the error.

        The text is kept either way, so a payload can be sent again or fixed.
        """
        if self._error is not None:
            self._point_at_error(self._error)
            return
        if not self._send_allowed:
            return
        try:
            data = self.render_next()
        except ChecksumError as error:  # e.g. {counter} grew and LRC lost its digit pairs
            self._show_checksum_error(error)
            self._point_at_error(error)
            return
        self._history.remember(self.state())
        self.send_requested.emit(data)
        if self._preview_timer.isActive():  # show the next number now, not a tick later
            self._preview_timer.stop()
            self._render_preview()

    # -- text and settings ------------------------------------------------------------------

    def _text(self) -> str:
        """The text as typed. toPlainText would turn no-break spaces into plain spaces."""
        return self.input.document().toRawText().translate(_DOCUMENT_LINE_BREAKS)

    def _encoding(self) -> str:
        return str(self.encoding_combo.currentData())

    def _line_ending(self) -> LineEnding:
        return LineEnding(self.line_ending_combo.currentData())

    def _combo_mode(self) -> InputMode:
        return InputMode(self.mode_combo.currentData())

    def _checksum_spec(self) -> ChecksumSpec:
        return self.checksum.spec()

    def _apply(self, draft: PayloadDraft) -> None:
        """Show `draft` without converting it, since it is already in its own notation."""
        with signals_blocked(
            self.mode_combo, self.encoding_combo, self.line_ending_combo, self.input
        ):
            choose_value(self.mode_combo, draft.mode.value)
            choose_value(self.encoding_combo, draft.encoding)
            choose_value(self.line_ending_combo, draft.line_ending.value)
            self.input.setPlainText(draft.text)
        self.checksum.set_spec(draft.checksum)
        self._mode = draft.mode
        self._update_placeholder()
        self.input.moveCursor(QTextCursor.MoveOperation.End)
        self._revalidate()

    def _on_mode_changed(self) -> None:
        """Re-write a valid payload in the new notation so its bytes survive the switch."""
        old, new = self._mode, self._combo_mode()
        self._mode = new
        self._update_placeholder()
        converted = convert_notation(self._text(), old, new, self._encoding())
        if converted is not None:
            with QSignalBlocker(self.input):
                self.input.setPlainText(converted)
            self.input.moveCursor(QTextCursor.MoveOperation.End)
        self._revalidate()

    def _update_placeholder(self) -> None:
        placeholders = {
            InputMode.TEXT: self.tr("Type text… Ctrl+Enter sends"),
            InputMode.ESCAPES: self.tr(
                "Text with escapes: \\n \\r \\t \\0 \\\\ \\xNN \\uNNNN… Ctrl+Enter sends"
            ),
            InputMode.HEX: self.tr("Hex bytes: 48 65 6c 6c 6f, 0x48,0x65… Ctrl+Enter sends"),
        }
        self.input.setPlaceholderText(placeholders[self._mode])

    # -- validation -------------------------------------------------------------------------

    def _revalidate(self) -> None:
        """Compile the input again, so error, preview and Send always match what is typed."""
        try:
            self._recipe = compile_payload(
                self._text(),
                self._mode,
                self._encoding(),
                self._line_ending(),
                self._checksum_spec(),
                self.length_header.spec(),
            )
        except PayloadError as error:
            self._recipe, self._rendered, self._error = None, None, error
            self._show_error(error)
            self._update_preview()
            self._update_send_button()
            return
        self._render_preview()

    def _render_preview(self) -> None:
        """Render the next send, which also finds checksums that cannot be computed."""
        if self._recipe is None:
            return
        try:
            self._rendered = self._recipe.render_parts(self.next_send_number, time.time())
        except ChecksumError as error:
            self._rendered, self._error = None, error
            self._show_checksum_error(error)
        else:
            self._error = None
            self._clear_error()
        self._update_preview()
        self._update_send_button()

    def _update_send_button(self) -> None:
        self.send_button.setEnabled(self._send_allowed and self._error is None)

    def _update_preview(self) -> None:
        """The next send's size and bytes, the checksum part named, e.g. "… + CRC-32 cb f4"."""
        templated = self._recipe is not None and self._recipe.has_placeholders
        self.preview.show_payload(
            self._rendered,
            self.checksum.algorithm,
            self.checksum.label(),
            self.next_send_number if templated else None,
        )

    def _point_at_error(self, error: PayloadError | ChecksumError) -> None:
        """Where the user tried to send: the culprit character, or the checksum or length
        header choice."""
        if isinstance(error, PayloadError):
            self._show_error(error, move_cursor=True)
        elif isinstance(error, LengthHeaderError):
            self.length_header.size_combo.setFocus()
        else:
            self.checksum.focus_algorithm()

    def _show_checksum_error(self, error: ChecksumError) -> None:
        self.error_label.setText(
            self.tr("Cannot send: {message}").format(message=net_text(error.message))
        )
        self.error_label.show()
        self.input.setExtraSelections([])

    def _show_error(self, error: PayloadError, move_cursor: bool = False) -> None:
        """Say what is wrong and underline the culprit; move the cursor there on request.

        The cursor is only moved when the user tried to send, never while typing.
        """
        self.error_label.setText(
            self.tr("Cannot send: {message}").format(message=net_text(error.message))
        )
        self.error_label.show()
        start, end = self._error_span(error.position)
        cursor = QTextCursor(self.input.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        char_format = QTextCharFormat()
        char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        char_format.setUnderlineColor(QColor(INPUT_ERROR_COLOR))
        char_format.setBackground(QColor(INPUT_ERROR_BACKGROUND))
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = char_format
        self.input.setExtraSelections([selection])
        if move_cursor:
            caret = QTextCursor(self.input.document())
            caret.setPosition(start)
            self.input.setTextCursor(caret)
            self.input.setFocus(Qt.FocusReason.OtherFocusReason)

    def _error_span(self, position: int) -> tuple[int, int]:
        """Document positions (UTF-16 units) of the character at a Python string index."""
        text = self._text()
        position = max(0, min(position, len(text) - 1))
        start = _utf16_length(text[:position])
        return start, start + _utf16_length(text[position : position + 1])

    def _clear_error(self) -> None:
        self.error_label.hide()
        self.error_label.clear()
        self.input.setExtraSelections([])

    # -- history ----------------------------------------------------------------------------

    def _history_older(self) -> None:
        """Show the previous payload, if there is one."""
        draft = self._history.older(self.state())
        if draft is not None:
            self._apply(draft)

    def _history_newer(self) -> None:
        """Show the next payload, or the draft after the newest."""
        draft = self._history.newer()
        if draft is not None:
            self._apply(draft)

    # -- keys -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Enter sends; Up/Down at the edges (or Ctrl+Up/Down) walk the history."""
        if watched is self.input and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if self._handle_key(event):
                return True
        return super().eventFilter(watched, event)

    def _handle_key(self, event: QKeyEvent) -> bool:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        control = modifiers == Qt.KeyboardModifier.ControlModifier
        plain = modifiers == Qt.KeyboardModifier.NoModifier
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and control:
            self.request_send()
            return True
        if key == Qt.Key.Key_Up and (control or (plain and self._cursor_on_first_line())):
            self._history_older()
            return True
        if key == Qt.Key.Key_Down and (control or (plain and self._cursor_on_last_line())):
            self._history_newer()
            return True
        return False

    def _cursor_on_first_line(self) -> bool:
        cursor = self.input.textCursor()
        if cursor.block().previous().isValid():
            return False
        return self._visual_line(cursor) == 0

    def _cursor_on_last_line(self) -> bool:
        cursor = self.input.textCursor()
        if cursor.block().next().isValid():
            return False
        layout = cursor.block().layout()
        if layout is None or layout.lineCount() == 0:
            return True
        return self._visual_line(cursor) == layout.lineCount() - 1

    @staticmethod
    def _visual_line(cursor: QTextCursor) -> int:
        """Which wrapped line of its paragraph the cursor is on (0 when not laid out yet)."""
        layout = cursor.block().layout()
        if layout is None or layout.lineCount() == 0:
            return 0
        line = layout.lineForTextPosition(cursor.positionInBlock())
        return line.lineNumber() if line.isValid() else 0
