"""The Image view of a response body: the picture, and a line saying what it is.

The line gives the format the bytes really are (not what Content-Type claims), the size in
pixels and in bytes. Bytes that do not decode say so, with the image reader's own reason,
whether the format is one Qt cannot read at all or a known one that is broken or cut short.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from netbench.ui.widgets.colors import ERROR_COLOR
from netbench.ui.widgets.naming import name_widget
from netbench.ui.widgets.sizes import format_size


class ImageView(QWidget):
    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = name_widget(QLabel(self), prefix, "body_image_info")
        self.info.setWordWrap(True)
        self.image = name_widget(QLabel(self), prefix, "body_image")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea(self)
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.info)
        layout.addWidget(scroll, 1)

    def clear(self) -> None:
        self.image.clear()
        self.info.clear()
        self.info.setStyleSheet("")

    def show_image(self, data: bytes, media: str) -> None:
        """Decode ``data`` (the body, ``media`` its Content-Type) and show it or why not."""
        self.clear()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer)
        kind = bytes(reader.format().data()).decode("ascii").upper()
        image = reader.read()
        buffer.close()
        buffer.deleteLater()
        if image.isNull():
            self.info.setStyleSheet(f"color: {ERROR_COLOR}")
            if kind:
                message = self.tr("This {kind} image is broken: {reason} ({size})").format(
                    kind=kind, reason=reader.errorString(), size=format_size(len(data))
                )
            else:
                message = self.tr(
                    "This body is not an image that can be shown ({media}, {size})."
                ).format(media=media or "?", size=format_size(len(data)))
            self.info.setText(message)
            return
        self.image.setPixmap(QPixmap.fromImage(image))
        self.info.setText(
            self.tr("{kind} image, {width} × {height} pixels, {size}").format(
                kind=kind,
                width=image.width(),
                height=image.height(),
                size=format_size(len(data)),
            )
        )
