"""How the send box is read (text, text with escapes, hex), by the names shown on screen.

The editor's mode choice and the saved messages' summaries both name the modes, and must
name them alike: a message saved as "Text with escapes" is listed as "Text with escapes".
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from netbench.core.payload import InputMode

# Marked for translation in the "InputMode" context; `input_mode_labels` translates them.
_NAMES = {
    InputMode.TEXT: str(QT_TRANSLATE_NOOP("InputMode", "Text")),
    InputMode.ESCAPES: str(QT_TRANSLATE_NOOP("InputMode", "Text with escapes")),
    InputMode.HEX: str(QT_TRANSLATE_NOOP("InputMode", "Hex")),
}


def input_mode_labels() -> dict[InputMode, str]:
    """Every mode's name in the current language, in the order the editor offers them."""
    return {mode: QCoreApplication.translate("InputMode", _NAMES[mode]) for mode in InputMode}
