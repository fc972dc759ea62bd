"""The saved-messages store's own trouble, said above the list until dismissed.

A saved-messages file that could not be read (and was set aside) or written is the store's
news, not a reply to what the user just did, so it is not a status line that the next
action overwrites: it stays, in the error color, until the user dismisses it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from netbench.ui.sending.panel_note import PanelNote
from netbench.ui.widgets.buttons import push_button
from netbench.ui.widgets.colors import INPUT_ERROR_COLOR, color_style


class StoreNotice(PanelNote):
    """``<prefix>.snippet_notice``; hidden while there is nothing to say.

    Signals:
        dismissed(): the user pressed Dismiss.
    """

    dismissed = Signal()

    def __init__(self, prefix: str, parent: QWidget) -> None:
        super().__init__(prefix, "snippet_notice", parent)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setStyleSheet(color_style(INPUT_ERROR_COLOR))
        self.dismiss = push_button(
            self,
            self.tr("Dismiss"),
            prefix,
            "snippet_notice_dismiss",
            self.tr("Dismiss the notice"),
            on_click=self.dismissed.emit,
        )
        self.column.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignRight)

    def say(self, text: str, folder: str) -> None:
        """Show ``text`` (empty: hide); the tooltip says where the store's files are."""
        self.text.setText(text)
        self.text.setToolTip(self.tr("The saved messages live in {folder}").format(folder=folder))
        self.setVisible(bool(text))
