"""Every color the UI sets by hand, named for its use, so a meaning looks the same in every
tab (an error is the same red anywhere) and a theme change is made in one place.

Values are strings Qt style sheets and ``QColor`` both read: ``#rrggbb``, ``#aarrggbb``
(alpha first, as Qt reads it) or ``palette(role)`` (style sheets only).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

# -- status text ----------------------------------------------------------------------------

ERROR_COLOR = "#b3261e"
WARNING_COLOR = "#8a5300"
# A finished run or connection that went well.
OK_COLOR = "#1b6e20"
# A hint in place of a status, quieter than text that reports something.
HINT_COLOR = "palette(mid)"
# Text that stands in for missing content (empty tables, side notes).
PLACEHOLDER_COLOR = "palette(placeholder-text)"

# -- input that cannot be used --------------------------------------------------------------

# The payload editor's "Cannot send" line and the wave under the culprit character, and the
# saved-messages list's refusals next to it: the editor's own, brighter red.
INPUT_ERROR_COLOR = "#c62828"
# The same red, faint enough to read the culprit character through.
INPUT_ERROR_BACKGROUND = "#40c62828"
# A search field whose text matches nothing.
NO_MATCH_BACKGROUND = "#f6d5d3"
NO_MATCH_TEXT = "#5c1410"

# -- the window's error banner --------------------------------------------------------------

BANNER_BACKGROUND = "#fdecea"
BANNER_BORDER = "#f5c2c0"
BANNER_TEXT = "#611a15"

# -- transcript rows, by direction: (on a light background, on a dark one) ----------------

RECEIVED_COLORS = ("#1c5aa6", "#7db4ff")
SENT_COLORS = ("#1b7437", "#7fd49a")
INFO_COLORS = ("#666666", "#a3a3a3")
ERROR_ROW_COLORS = ("#b3261e", "#ff8a80")


def color_style(color: str) -> str:
    """The style sheet that colors a label's text ``color``; no color: the palette's own."""
    return f"color: {color};" if color else ""


def show_status(label: QLabel, text: str, color: str = "") -> None:
    """Put a status line in ``label`` in ``color``, all of it in the tooltip too (a long
    status is cut short by the row it sits in)."""
    label.setText(text)
    label.setToolTip(text)
    label.setStyleSheet(color_style(color))
