"""The send row's length header: none, or 1, 2, 4 or 8 bytes in either byte order, the
same choices as the Server tab's length-prefix framing, so the tutorials' struct-header fix
for 粘包 is one choice instead of typing ``\\x00\\x00\\x00\\x05`` before every message.

Apart from the editor because it is a choice of its own with its own rule: the byte order
only shows while a header is chosen.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from netbench.core.length_header import HEADER_SIZES, LengthHeader
from netbench.ui.widgets.choices import choose_value, signals_blocked
from netbench.ui.widgets.naming import name_widget


class LengthHeaderOption(QWidget):
    """Two combos, ``<prefix>.length_header`` and ``<prefix>.length_header_order``.

    Signals:
        changed(): the header to put in front of each send changed.
    """

    changed = Signal()

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.size_combo = name_widget(
            QComboBox(self), prefix, "length_header", self.tr("Length header")
        )
        self.size_combo.setToolTip(
            self.tr(
                "Put each message's length in front of it, as struct.pack('!I', len(data)) "
                "does; a server framing by length prefix reads each message back whole"
            )
        )
        self.size_combo.addItem(self.tr("No length header"), 0)
        for size in HEADER_SIZES:
            self.size_combo.addItem(self.tr("{n}-byte length header").format(n=size), size)
        self.order_combo = name_widget(
            QComboBox(self), prefix, "length_header_order", self.tr("Length header byte order")
        )
        self.order_combo.addItem(self.tr("big-endian (!)"), "big")
        self.order_combo.addItem(self.tr("little-endian (<)"), "little")
        self.order_combo.setToolTip(
            self.tr("Big-endian is network order, struct's '!'; little-endian is struct's '<'")
        )
        self.size_combo.currentIndexChanged.connect(self._on_changed)
        self.order_combo.currentIndexChanged.connect(self._on_changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.size_combo)
        layout.addWidget(self.order_combo)
        self.order_combo.setVisible(False)

    def spec(self) -> LengthHeader | None:
        size = int(self.size_combo.currentData())
        return LengthHeader(size, self.order_combo.currentData()) if size else None

    def set_spec(self, header: LengthHeader | None) -> None:
        """Show ``header`` (None: no header), emitting `changed` once."""
        with signals_blocked(self.size_combo, self.order_combo):
            choose_value(self.size_combo, header.size if header is not None else 0)
            if header is not None:
                choose_value(self.order_combo, header.byteorder)
        self._on_changed()

    def _on_changed(self) -> None:
        self.order_combo.setVisible(self.spec() is not None)
        self.changed.emit()
