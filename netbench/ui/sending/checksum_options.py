"""The checksum an editor appends to every send: the algorithm, and its options row.

Apart from the editor because it is a form of its own (byte order, bytes skipped,
placement), with its own rules: a new algorithm starts from its conventional byte order,
and the options row only shows while a checksum is chosen, so the editor stays one row high
for everyone who does not use checksums. The algorithm combo goes in the editor's main row
(`combo`); this widget is the options row below it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from netbench.core.checksum import (
    MAX_SKIP,
    NO_CHECKSUM,
    ByteOrder,
    Checksum,
    ChecksumSpec,
    Placement,
)
from netbench.ui.widgets.checksum_names import checksum_labels
from netbench.ui.widgets.choices import choose_value, signals_blocked
from netbench.ui.widgets.naming import name_widget


class ChecksumOptions(QWidget):
    """The options row (``<prefix>.checksum_options``); `combo` picks the algorithm.

    Signals:
        changed(): the checksum to append changed (algorithm or an option).
    """

    changed = Signal()

    def __init__(self, prefix: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.labels = checksum_labels()
        name_widget(self, prefix, "checksum_options", self.tr("Checksum options"))
        self.combo = QComboBox(parent)
        name_widget(self.combo, prefix, "checksum", self.tr("Checksum"))
        self.combo.setToolTip(
            self.tr(
                "Appended to every message sent, computed after {counter} and {time} are filled in"
            )
        )
        for algorithm in Checksum:
            self.combo.addItem(self.labels[algorithm], algorithm.value)
        self.combo.currentIndexChanged.connect(self._on_algorithm_changed)

        self.order_combo = QComboBox(self)
        name_widget(self.order_combo, prefix, "checksum_order", self.tr("Checksum byte order"))
        self.order_combo.setToolTip(
            self.tr(
                "How a 16- or 32-bit checksum is laid out: Modbus RTU sends its CRC low byte "
                "first, most other protocols high byte first"
            )
        )
        self.order_combo.addItem(self.tr("low byte first (LE)"), ByteOrder.LITTLE.value)
        self.order_combo.addItem(self.tr("high byte first (BE)"), ByteOrder.BIG.value)
        self.order_combo.currentIndexChanged.connect(self.changed)

        self.skip = QSpinBox(self)
        name_widget(
            self.skip, prefix, "checksum_skip", self.tr("Bytes at the start the checksum skips")
        )
        self.skip.setToolTip(
            self.tr("Leading bytes the checksum does not cover, such as a 0x02 or ':' start byte")
        )
        self.skip.setRange(0, MAX_SKIP)
        self.skip.setPrefix(self.tr("skip first "))
        self.skip.setSuffix(self.tr(" bytes"))
        self.skip.valueChanged.connect(self.changed)

        self.placement_combo = QComboBox(self)
        name_widget(
            self.placement_combo, prefix, "checksum_placement", self.tr("Where the checksum goes")
        )
        self.placement_combo.setToolTip(
            self.tr(
                "Before the line ending: payload + checksum + line ending. After it: the "
                "checksum also covers the line ending and ends the message"
            )
        )
        self.placement_combo.addItem(
            self.tr("before the line ending"), Placement.BEFORE_LINE_ENDING.value
        )
        self.placement_combo.addItem(
            self.tr("after the line ending"), Placement.AFTER_LINE_ENDING.value
        )
        self.placement_combo.currentIndexChanged.connect(self.changed)

        self.caption = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.caption, self.order_combo, self.skip, self.placement_combo):
            layout.addWidget(widget)
        layout.addStretch(1)
        self._update_options()

    @property
    def algorithm(self) -> Checksum:
        return Checksum(self.combo.currentData())

    def label(self) -> str:
        """The chosen algorithm's name, as the combo says it."""
        return self.labels[self.algorithm]

    def spec(self) -> ChecksumSpec:
        algorithm = self.algorithm
        if algorithm is Checksum.NONE:
            return NO_CHECKSUM
        order = ByteOrder(self.order_combo.currentData())
        return ChecksumSpec(
            algorithm,
            order if algorithm.has_byte_order else None,
            self.skip.value(),
            Placement(self.placement_combo.currentData()),
        )

    def set_spec(self, checksum: ChecksumSpec) -> None:
        """Show ``checksum`` as it is, without emitting `changed`."""
        with signals_blocked(self.combo, self.order_combo, self.skip, self.placement_combo):
            choose_value(self.combo, checksum.algorithm.value)
            choose_value(self.order_combo, checksum.byte_order.value)
            self.skip.setValue(checksum.skip)
            choose_value(self.placement_combo, checksum.placement.value)
        self._update_options()

    def focus_algorithm(self) -> None:
        """Where a checksum that cannot be computed is fixed."""
        self.combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_algorithm_changed(self) -> None:
        """A new algorithm starts from its conventional byte order."""
        with signals_blocked(self.order_combo):
            choose_value(self.order_combo, self.algorithm.default_order.value)
        self._update_options()
        self.changed.emit()

    def _update_options(self) -> None:
        algorithm = self.algorithm
        self.setVisible(algorithm is not Checksum.NONE)
        self.caption.setText(self.tr("{checksum}:").format(checksum=self.labels[algorithm]))
        self.order_combo.setEnabled(algorithm.has_byte_order)
