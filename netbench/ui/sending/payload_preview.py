"""The line under a payload editor that says what the next send is: its size and bytes.

"12 bytes: 48 65 6c 6c 6f … + CRC-32 cb f4 39 26": the checksum part named, a templated
payload's send number said ("send #3, …"). Apart from the editor because it is about
showing bytes, not about typing them; it has a line of its own, since a message with its
checksum is long and squeezed between the combos it would show little more than its size.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QWidget

from netbench.core.checksum import Checksum
from netbench.core.payload import to_hex
from netbench.core.recipe import RenderedPayload
from netbench.ui.widgets.elided_label import ElidedLabel
from netbench.ui.widgets.naming import name_widget

PREVIEW_BYTES = 32


class PayloadPreview(ElidedLabel):
    """``<prefix>.input_preview``: the bytes of the next send, cut with … to its row."""

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        name_widget(self, prefix, "input_preview", self.tr("Bytes to send"))
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def show_payload(
        self,
        rendered: RenderedPayload | None,
        checksum: Checksum,
        checksum_label: str,
        send_number: int | None = None,
    ) -> None:
        """Show ``rendered`` (None: nothing, the input is invalid); ``send_number`` is said
        when the payload changes from send to send ({counter}, {time})."""
        if rendered is None:
            self.set_full_text("")
            return
        size = len(rendered.data)
        if size == 0:
            text = self.tr("0 bytes")
        elif size == 1:
            text = self.tr("1 byte: {hex}").format(
                hex=self._hex(rendered, checksum, checksum_label)
            )
        else:
            text = self.tr("{count} bytes: {hex}").format(
                count=size, hex=self._hex(rendered, checksum, checksum_label)
            )
        if send_number is not None:
            text = self.tr("send #{number}, {preview}").format(number=send_number, preview=text)
        self.set_full_text(text)

    def _hex(self, rendered: RenderedPayload, checksum: Checksum, checksum_label: str) -> str:
        if not rendered.checksum:
            return _shortened_hex(rendered.data)
        value = to_hex(rendered.checksum)
        if checksum is Checksum.LRC_ASCII:
            value = f'"{rendered.checksum.decode("ascii")}"'
        shown = self.tr("{body} + {checksum} {value}").format(
            body=_shortened_hex(rendered.head + rendered.body),
            checksum=checksum_label,
            value=value,
        )
        if rendered.tail:
            shown += " + " + to_hex(rendered.tail)
        return shown.lstrip(" +")


def _shortened_hex(data: bytes) -> str:
    shown = to_hex(data[:PREVIEW_BYTES])
    return shown + " …" if len(data) > PREVIEW_BYTES else shown
