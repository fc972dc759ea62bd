"""An honest page for a tab whose tools are not built yet: what it will do, nothing fake."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from netbench.core.resources import resource_path
from netbench.ui.widgets.colors import PLACEHOLDER_COLOR, color_style

CONTENT_WIDTH = 560


class EmptyState(QWidget):
    def __init__(
        self,
        key: str,
        title: str,
        summary: str,
        plans: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{key}.empty_state")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addStretch(1)

        icon = QLabel(self)
        icon.setObjectName(f"{key}.empty_icon")
        icon.setPixmap(QIcon(str(resource_path("netbench.svg"))).pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignHCenter)

        heading = QLabel(title, self)
        heading.setObjectName(f"{key}.empty_title")
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)

        body = QLabel(summary, self)
        body.setObjectName(f"{key}.empty_summary")
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        body.setFixedWidth(CONTENT_WIDTH)

        items = "".join(f"<li>{plan}</li>" for plan in plans)
        listing = QLabel(f"<ul>{items}</ul>", self)
        listing.setObjectName(f"{key}.empty_plans")
        listing.setTextFormat(Qt.TextFormat.RichText)
        listing.setWordWrap(True)
        listing.setFixedWidth(CONTENT_WIDTH)
        listing.setStyleSheet(color_style(PLACEHOLDER_COLOR))

        note = QLabel(self.tr("Not built yet: this tab comes in a coming release."), self)
        note.setObjectName(f"{key}.empty_note")
        note.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        note.setStyleSheet(f"color: {PLACEHOLDER_COLOR}; font-style: italic;")

        for widget in (icon, heading, body, listing, note):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
