"""An error said under a form and outlined on the field it is about.

The socket forms and the load test's settings place their errors the same way: every
outline of an earlier error goes, the message shows in the form's error label (in the
user's language, for text made below the UI), and the field named by the error gets a
coloured border, so the eye lands where the fix is.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QLabel, QWidget

from netbench.ui.runtime.net_text import net_text
from netbench.ui.widgets.colors import ERROR_COLOR


def place_error(
    label: QLabel,
    fields: Mapping[str, QWidget],
    message: str | None,
    field: str = "",
    color: str = ERROR_COLOR,
) -> None:
    """Show ``message`` in ``label`` and outline ``fields[field]``; no message clears both."""
    for widget in fields.values():
        widget.setStyleSheet("")
    if not message:
        label.hide()
        return
    label.setText(net_text(message))
    label.setStyleSheet(f"color: {color};")
    label.show()
    marked = fields.get(field)
    if marked is not None:
        marked.setStyleSheet(f"border: 1px solid {color};")
