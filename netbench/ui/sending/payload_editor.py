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
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QKeyEvent,
    QResizeEvent,
    QShowEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from netbench.core.checksum import (
    MAX_SKIP,
    NO_CHECKSUM,
    ByteOrder,
    Checksum,
    ChecksumError,
    ChecksumSpec,
    Placement,
)
from netbench.core.encodings import DEFAULT_ENCODING, SUPPORTED_ENCODINGS, normalize_encoding
from netbench.core.errors import PayloadError
from netbench.core.escapes import encode_escapes
from netbench.core.payload import InputMode, LineEnding, parse_payload, to_hex
from netbench.core.recipe import PayloadRecipe, RenderedPayload, compile_payload
from netbench.ui.runtime.net_text import net_text
from netbench.ui.widgets.checksum_names import checksum_labels

HISTORY_LIMIT = 200
PREVIEW_BYTES = 32
# After sends that change a templated preview ({counter}), it is redrawn at most this often.
PREVIEW_REFRESH_MS = 100
MAX_CHECKSUM_SKIP = MAX_SKIP

_ERROR_COLOR = QColor("#c62828")
_ERROR_BACKGROUND = QColor(198, 40, 40, 64)  # the error colour, faint enough to read through
# Characters that survive a round trip through the text box unchanged in plain-text mode.
# A carriage return would become a line break, and other controls are invisible, so bytes
# containing them are only ever shown with escapes or as hex.
_PLAIN_TEXT_CONTROLS = frozenset("\n\t")
# How the document stores line breaks: a block separator for Enter, a line separator for
# Shift+Enter. Both are a line feed to the user.
_DOCUMENT_LINE_BREAKS = str.maketrans({"\u2029": "\n", "\u2028": "\n"})


@dataclass(frozen=True)
class PayloadDraft:
    """Everything needed to put a payload back in the editor exactly as it was typed.

    Kept for the send history and for saved messages, so it stores what the user typed
    (not the bytes): restoring it gives back the same notation, encoding, line ending and
    checksum.
    """

    text: str
    mode: InputMode = InputMode.TEXT
    encoding: str = DEFAULT_ENCODING
    line_ending: LineEnding = LineEnding.NONE
    checksum: ChecksumSpec = NO_CHECKSUM


def _utf16_length(text: str) -> int:
    """Length in UTF-16 code units, the unit Qt text positions count in."""
    return len(text.encode("utf-16-le")) // 2


def _as_plain_text(data: bytes, encoding: str) -> str | None:
    """`data` as text that plain-text mode turns back into exactly `data`, if there is one."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if not all(char.isprintable() or char in _PLAIN_TEXT_CONTROLS for char in text):
        return None
    return text if text.encode(encoding) == data else None


class _ElidedLabel(QLabel):
    """A one-line label that ends in … instead of widening the row it sits in.

    The full text stays available as `full_text` and as the tooltip. While hidden the
    label shows the full text, since its width is not known yet.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self.setToolTip(text)
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._elide()

    def _elide(self) -> None:
        if not self.isVisible():
            self.setText(self.full_text)
            return
        metrics = self.fontMetrics()
        self.setText(metrics.elidedText(self.full_text, Qt.TextElideMode.ElideRight, self.width()))


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
        self._history: list[PayloadDraft] = []
        # Index into the history while the user walks it; None while editing the draft.
        self._history_index: int | None = None
        self._draft: PayloadDraft | None = None
        self._mode = InputMode.TEXT

        self._build()
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_REFRESH_MS)
        self._preview_timer.timeout.connect(self._render_preview)
        self._revalidate()

    # -- construction -----------------------------------------------------------------------

    def _build(self) -> None:
        fixed_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)

        self.input = QPlainTextEdit(self)
        self.input.setObjectName(f"{self.prefix}.input")
        self.input.setAccessibleName(self.tr("Payload to send"))
        self.input.setFont(fixed_font)
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

        self.mode_combo = QComboBox(self)
        self.mode_combo.setObjectName(f"{self.prefix}.input_mode")
        self.mode_combo.setAccessibleName(self.tr("Input mode"))
        self.mode_combo.setToolTip(self.tr("How the text above is read"))
        self.mode_combo.addItem(self.tr("Text"), InputMode.TEXT.value)
        self.mode_combo.addItem(self.tr("Text with escapes"), InputMode.ESCAPES.value)
        self.mode_combo.addItem(self.tr("Hex"), InputMode.HEX.value)
        self.mode_combo.currentIndexChanged.connect(self._on_mode_changed)

        self.encoding_combo = QComboBox(self)
        self.encoding_combo.setObjectName(f"{self.prefix}.input_encoding")
        self.encoding_combo.setAccessibleName(self.tr("Text encoding"))
        self.encoding_combo.setToolTip(self.tr("How text is turned into bytes"))
        for encoding in SUPPORTED_ENCODINGS:
            self.encoding_combo.addItem(encoding.label, encoding.codec)
        self.encoding_combo.setCurrentIndex(self.encoding_combo.findData(DEFAULT_ENCODING))
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

        self._build_checksum()

        self.error_label = QLabel(self)
        self.error_label.setObjectName(f"{self.prefix}.input_error")
        self.error_label.setAccessibleName(self.tr("Payload error"))
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setStyleSheet(f"color: {_ERROR_COLOR.name()};")
        self.error_label.hide()

        self.preview_label = _ElidedLabel(self)
        self.preview_label.setObjectName(f"{self.prefix}.input_preview")
        self.preview_label.setAccessibleName(self.tr("Bytes to send"))
        self.preview_label.setFont(fixed_font)
        self.preview_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.send_button = QPushButton(self.tr("Send"), self)
        self.send_button.setObjectName(f"{self.prefix}.send")
        self.send_button.setAccessibleName(self.tr("Send the payload"))
        self.send_button.setToolTip(self.tr("Send (Ctrl+Enter)"))
        self.send_button.clicked.connect(self.request_send)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.mode_combo)
        row.addWidget(self.encoding_combo)
        row.addWidget(self.line_ending_combo)
        row.addWidget(self.checksum_combo)
        row.addStretch(1)
        row.addWidget(self.send_button)

        # The preview has a line of its own: a message with its checksum is long, and
        # squeezed between the combos it would show little more than its size.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.input, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.preview_label)
        layout.addLayout(row)
        layout.addWidget(self.checksum_options)
        self._update_placeholder()
        self._update_checksum_options()

    def _build_checksum(self) -> None:
        """The checksum combo for the main row, and its options on a row of their own.

        The options row only shows while a checksum is chosen, so the editor stays one
        row high for everyone who does not use checksums.
        """
        labels = checksum_labels()
        self._checksum_labels = labels
        self.checksum_combo = QComboBox(self)
        self.checksum_combo.setObjectName(f"{self.prefix}.checksum")
        self.checksum_combo.setAccessibleName(self.tr("Checksum"))
        self.checksum_combo.setToolTip(
            self.tr(
                "Appended to every message sent, computed after {counter} and {time} are filled in"
            )
        )
        for algorithm in Checksum:
            self.checksum_combo.addItem(labels[algorithm], algorithm.value)
        self.checksum_combo.currentIndexChanged.connect(self._on_checksum_changed)

        self.checksum_options = QWidget(self)
        self.checksum_options.setObjectName(f"{self.prefix}.checksum_options")
        self.checksum_options.setAccessibleName(self.tr("Checksum options"))

        self.checksum_order_combo = QComboBox(self.checksum_options)
        self.checksum_order_combo.setObjectName(f"{self.prefix}.checksum_order")
        self.checksum_order_combo.setAccessibleName(self.tr("Checksum byte order"))
        self.checksum_order_combo.setToolTip(
            self.tr(
                "How a 16- or 32-bit checksum is laid out: Modbus RTU sends its CRC low byte "
                "first, most other protocols high byte first"
            )
        )
        self.checksum_order_combo.addItem(self.tr("low byte first (LE)"), ByteOrder.LITTLE.value)
        self.checksum_order_combo.addItem(self.tr("high byte first (BE)"), ByteOrder.BIG.value)
        self.checksum_order_combo.currentIndexChanged.connect(self._revalidate)

        self.checksum_skip = QSpinBox(self.checksum_options)
        self.checksum_skip.setObjectName(f"{self.prefix}.checksum_skip")
        self.checksum_skip.setAccessibleName(self.tr("Bytes at the start the checksum skips"))
        self.checksum_skip.setToolTip(
            self.tr("Leading bytes the checksum does not cover, such as a 0x02 or ':' start byte")
        )
        self.checksum_skip.setRange(0, MAX_CHECKSUM_SKIP)
        self.checksum_skip.setPrefix(self.tr("skip first "))
        self.checksum_skip.setSuffix(self.tr(" bytes"))
        self.checksum_skip.valueChanged.connect(self._revalidate)

        self.checksum_placement_combo = QComboBox(self.checksum_options)
        self.checksum_placement_combo.setObjectName(f"{self.prefix}.checksum_placement")
        self.checksum_placement_combo.setAccessibleName(self.tr("Where the checksum goes"))
        self.checksum_placement_combo.setToolTip(
            self.tr(
                "Before the line ending: payload + checksum + line ending. After it: the "
                "checksum also covers the line ending and ends the message"
            )
        )
        self.checksum_placement_combo.addItem(
            self.tr("before the line ending"), Placement.BEFORE_LINE_ENDING.value
        )
        self.checksum_placement_combo.addItem(
            self.tr("after the line ending"), Placement.AFTER_LINE_ENDING.value
        )
        self.checksum_placement_combo.currentIndexChanged.connect(self._revalidate)

        options = QHBoxLayout(self.checksum_options)
        options.setContentsMargins(0, 0, 0, 0)
        self.checksum_options_label = QLabel(self.checksum_options)
        options.addWidget(self.checksum_options_label)
        options.addWidget(self.checksum_order_combo)
        options.addWidget(self.checksum_skip)
        options.addWidget(self.checksum_placement_combo)
        options.addStretch(1)

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
        self._history_index = None
        self._draft = None
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
        return tuple(self._history)

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
        self._remember(self.state())
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
        algorithm = Checksum(self.checksum_combo.currentData())
        if algorithm is Checksum.NONE:
            return NO_CHECKSUM
        order = ByteOrder(self.checksum_order_combo.currentData())
        return ChecksumSpec(
            algorithm,
            order if algorithm.has_byte_order else None,
            self.checksum_skip.value(),
            Placement(self.checksum_placement_combo.currentData()),
        )

    def _on_checksum_changed(self) -> None:
        """A new algorithm starts from its conventional byte order."""
        algorithm = Checksum(self.checksum_combo.currentData())
        with QSignalBlocker(self.checksum_order_combo):
            self.checksum_order_combo.setCurrentIndex(
                self.checksum_order_combo.findData(algorithm.default_order.value)
            )
        self._update_checksum_options()
        self._revalidate()

    def _update_checksum_options(self) -> None:
        algorithm = Checksum(self.checksum_combo.currentData())
        self.checksum_options.setVisible(algorithm is not Checksum.NONE)
        self.checksum_options_label.setText(
            self.tr("{checksum}:").format(checksum=self._checksum_labels[algorithm])
        )
        self.checksum_order_combo.setEnabled(algorithm.has_byte_order)

    def _apply(self, draft: PayloadDraft) -> None:
        """Show `draft` without converting it, since it is already in its own notation."""
        checksum = draft.checksum
        with (
            QSignalBlocker(self.mode_combo),
            QSignalBlocker(self.encoding_combo),
            QSignalBlocker(self.line_ending_combo),
            QSignalBlocker(self.checksum_combo),
            QSignalBlocker(self.checksum_order_combo),
            QSignalBlocker(self.checksum_skip),
            QSignalBlocker(self.checksum_placement_combo),
            QSignalBlocker(self.input),
        ):
            self.mode_combo.setCurrentIndex(self.mode_combo.findData(draft.mode.value))
            self.encoding_combo.setCurrentIndex(self.encoding_combo.findData(draft.encoding))
            self.line_ending_combo.setCurrentIndex(
                self.line_ending_combo.findData(draft.line_ending.value)
            )
            self.checksum_combo.setCurrentIndex(
                self.checksum_combo.findData(checksum.algorithm.value)
            )
            self.checksum_order_combo.setCurrentIndex(
                self.checksum_order_combo.findData(checksum.byte_order.value)
            )
            self.checksum_skip.setValue(checksum.skip)
            self.checksum_placement_combo.setCurrentIndex(
                self.checksum_placement_combo.findData(checksum.placement.value)
            )
            self.input.setPlainText(draft.text)
        self._mode = draft.mode
        self._update_placeholder()
        self._update_checksum_options()
        self.input.moveCursor(QTextCursor.MoveOperation.End)
        self._revalidate()

    def _on_mode_changed(self) -> None:
        """Re-write a valid payload in the new notation so its bytes survive the switch."""
        old, new = self._mode, self._combo_mode()
        self._mode = new
        self._update_placeholder()
        converted = self._converted_text(self._text(), old, new)
        if converted is not None:
            with QSignalBlocker(self.input):
                self.input.setPlainText(converted)
            self.input.moveCursor(QTextCursor.MoveOperation.End)
        self._revalidate()

    def _converted_text(self, text: str, old: InputMode, new: InputMode) -> str | None:
        """`text` re-written from `old` to `new` notation with the same bytes, if possible.

        None leaves the text as is: when it is invalid, or when the bytes cannot be typed
        as plain text (carriage returns, other controls, bytes the encoding cannot decode).
        """
        if old is new:
            return None
        encoding = self._encoding()
        try:
            body = parse_payload(text, old, encoding, LineEnding.NONE)
        except PayloadError:
            return None
        match new:
            case InputMode.HEX:
                return to_hex(body)
            case InputMode.ESCAPES:
                return encode_escapes(body, encoding)
            case InputMode.TEXT:
                return _as_plain_text(body, encoding)

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
        rendered = self._rendered
        if rendered is None:
            self.preview_label.set_full_text("")
            return
        size = len(rendered.data)
        if size == 0:
            text = self.tr("0 bytes")
        elif size == 1:
            text = self.tr("1 byte: {hex}").format(hex=self._preview_hex(rendered))
        else:
            text = self.tr("{count} bytes: {hex}").format(
                count=size, hex=self._preview_hex(rendered)
            )
        if self._recipe is not None and self._recipe.has_placeholders:
            text = self.tr("send #{number}, {preview}").format(
                number=self.next_send_number, preview=text
            )
        self.preview_label.set_full_text(text)

    def _preview_hex(self, rendered: RenderedPayload) -> str:
        if not rendered.checksum:
            data = rendered.data
            shown = to_hex(data[:PREVIEW_BYTES])
            return shown + " …" if len(data) > PREVIEW_BYTES else shown
        shown = to_hex(rendered.body[:PREVIEW_BYTES])
        if len(rendered.body) > PREVIEW_BYTES:
            shown += " …"
        algorithm = self._checksum_spec().algorithm
        value = to_hex(rendered.checksum)
        if algorithm is Checksum.LRC_ASCII:
            value = f'"{rendered.checksum.decode("ascii")}"'
        shown = self.tr("{body} + {checksum} {value}").format(
            body=shown, checksum=self._checksum_labels[algorithm], value=value
        )
        if rendered.tail:
            shown += " + " + to_hex(rendered.tail)
        return shown.lstrip(" +")

    def _point_at_error(self, error: PayloadError | ChecksumError) -> None:
        """Where the user tried to send: the culprit character, or the checksum choice."""
        if isinstance(error, PayloadError):
            self._show_error(error, move_cursor=True)
        else:
            self.checksum_combo.setFocus(Qt.FocusReason.OtherFocusReason)

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
        char_format.setUnderlineColor(_ERROR_COLOR)
        char_format.setBackground(_ERROR_BACKGROUND)
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

    def _remember(self, draft: PayloadDraft) -> None:
        """Keep a sent payload; walking the history starts again from the current text."""
        if not self._history or self._history[-1] != draft:
            self._history.append(draft)
            del self._history[:-HISTORY_LIMIT]
        self._history_index = None
        self._draft = None

    def _history_older(self) -> bool:
        """Show the previous payload; returns whether there was one."""
        if not self._history:
            return False
        if self._history_index is None:
            current = self.state()
            index = len(self._history) - 1
            # The text just sent stays in the box: Up should show the one before it.
            if self._history[index] == current:
                index -= 1
            if index < 0:
                return False
            self._draft = current
        elif self._history_index > 0:
            index = self._history_index - 1
        else:
            return False
        self._history_index = index
        self._apply(self._history[index])
        return True

    def _history_newer(self) -> bool:
        """Show the next payload, or the draft after the newest; returns whether it moved."""
        if self._history_index is None:
            return False
        index = self._history_index + 1
        newest_is_draft = index == len(self._history) - 1 and self._history[index] == self._draft
        if index >= len(self._history) or newest_is_draft:
            draft = self._draft
            self._history_index = None
            self._draft = None
            if draft is not None:
                self._apply(draft)
            return True
        self._history_index = index
        self._apply(self._history[index])
        return True

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
