"""Messages from the net and core layers, in the user's language.

Those layers say things in English, as :class:`~netbench.core.text.Text`: a template
marked for translation and the values that fill it. Every place of the UI that shows such
a message (an error next to a field, a state line, a transcript note, a load test result,
the socket panel) passes it through :func:`net_text`, which looks the template up in the
installed translation and fills in the same values, untranslated. Plain strings (the UI's
own, already translated, or words with no translation) come back as they are.

Showing a message must never fail: a translation that lost or misspelt a placeholder
falls back to the English template, and that, to the English sentence the layer made.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from netbench.core.text import Text


def net_text(message: str) -> str:
    """``message`` in the current language (English when nothing is installed)."""
    if not isinstance(message, Text):
        return message
    params = {
        name: net_text(value) if isinstance(value, Text) else value
        for name, value in message.params.items()
    }
    template = message.template
    if message.context:
        template = QCoreApplication.translate(message.context, template)
    if not params:
        return template
    for candidate in (template, message.template):
        try:
            return candidate.format(**params)
        except (KeyError, IndexError, ValueError, TypeError, AttributeError):
            continue
    return str(message)
