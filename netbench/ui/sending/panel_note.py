"""A framed note inside a panel: a wrapping line of text over the note's own buttons.

The saved-messages list says some things this way instead of in a modal dialog (which the
loop cannot run): the store's own trouble (`StoreNotice`), and what to do with imported
names the list already has (`ImportQuestion`). One frame, so that they look alike and are
named alike: ``<prefix>.<control>``, and ``<prefix>.<control>_text`` for its text.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


class PanelNote(QFrame):
    """The frame and its text; a note adds its buttons below the text, to ``column``."""

    def __init__(self, prefix: str, control: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(f"{prefix}.{control}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel(self)
        self.text.setObjectName(f"{prefix}.{control}_text")
        self.text.setWordWrap(True)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(6, 4, 6, 4)
        self.column.addWidget(self.text)
