"""How received bytes are shown: "Show [Text | Hex | Text + hex]  Encoding [UTF-8 …]".

The transcript and the message inspector each have this row, and a form that shows bytes
back (a reply preview, a server's canned answer) wants the same: one widget, so the choices,
their order, their words and their translations are the same wherever bytes are shown. Each
user names the two combos itself (``<prefix>.transcript_mode``, ``<prefix>.inspector_mode``…),
so tests, screenshots and screen readers find them where they always were.

`encoding_combo` is the encoding list alone, for an editor that turns typed text into bytes.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from netbench.core.display import DisplayMode
from netbench.core.encodings import DEFAULT_ENCODING, SUPPORTED_ENCODINGS, normalize_encoding
from netbench.ui.widgets.naming import name_widget


def encoding_combo(parent: QWidget) -> QComboBox:
    """Every supported encoding, by label; the item data is the codec name."""
    combo = QComboBox(parent)
    for encoding in SUPPORTED_ENCODINGS:
        combo.addItem(encoding.label, encoding.codec)
    combo.setCurrentIndex(combo.findData(DEFAULT_ENCODING))
    return combo


class ViewOptions(QWidget):
    """The "Show" and "Encoding" combos with their captions, in one row without margins.

    The combos are named ``<prefix>.<key>_mode`` and ``<prefix>.<key>_encoding``;
    ``mode_tip`` says what "Show" means where the row is used.

    Signals:
        display_mode_changed(DisplayMode): the user (or `set_display_mode`) changed "Show".
        encoding_changed(str): the encoding changed; the codec name.
        changed(): either of them changed.
    """

    display_mode_changed = Signal(object)
    encoding_changed = Signal(str)
    changed = Signal()

    def __init__(
        self,
        prefix: str,
        key: str,
        mode_tip: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.mode_combo = QComboBox(self)
        name_widget(self.mode_combo, prefix, f"{key}_mode", self.tr("Show data as"))
        for label, mode in (
            (self.tr("Text"), DisplayMode.TEXT),
            (self.tr("Hex"), DisplayMode.HEX),
            (self.tr("Text + hex"), DisplayMode.BOTH),
        ):
            self.mode_combo.addItem(label, mode.value)
        self.mode_combo.setToolTip(mode_tip)
        self.mode_combo.currentIndexChanged.connect(self._on_mode_changed)

        self.encoding_combo = encoding_combo(self)
        name_widget(self.encoding_combo, prefix, f"{key}_encoding", self.tr("Text encoding"))
        self.encoding_combo.setToolTip(self.tr("How the bytes are decoded into text"))
        self.encoding_combo.currentIndexChanged.connect(self._on_encoding_changed)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for text, combo in (
            (self.tr("Show"), self.mode_combo),
            (self.tr("Encoding"), self.encoding_combo),
        ):
            caption = QLabel(text, self)
            caption.setBuddy(combo)
            layout.addWidget(caption)
            layout.addWidget(combo)
            layout.addSpacing(6)

    @property
    def display_mode(self) -> DisplayMode:
        return DisplayMode(self.mode_combo.currentData())

    @property
    def encoding(self) -> str:
        """The codec name of the chosen encoding."""
        return str(self.encoding_combo.currentData())

    def set_display_mode(self, mode: DisplayMode | str) -> None:
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(DisplayMode(mode).value))

    def set_encoding(self, encoding: str) -> None:
        """Choose ``encoding`` (any spelling Python knows); raises ValueError if unsupported."""
        self.encoding_combo.setCurrentIndex(
            self.encoding_combo.findData(normalize_encoding(encoding))
        )

    def _on_mode_changed(self, _index: int) -> None:
        self.display_mode_changed.emit(self.display_mode)
        self.changed.emit()

    def _on_encoding_changed(self, _index: int) -> None:
        self.encoding_changed.emit(self.encoding)
        self.changed.emit()
