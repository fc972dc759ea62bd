"""Messages made below the UI, in English, that the UI can still say in the user's language.

The net and core layers must not import Qt, yet what they say (a refused connection, a
frame too long, a hex digit missing) reaches the user. So each message is made from a
template marked with :func:`QT_TRANSLATE_NOOP`, which ``pyside6-lupdate`` collects into
the translation as it does the UI's own ``tr()`` strings, and the values filled into it::

    QT_TRANSLATE_NOOP("NetErrors", "connection refused by {target}").format(target=target)

The result is a :class:`Text`: a ``str`` holding the English sentence, so logs, tests and
code that compares, counts or stores messages keep working unchanged, which also remembers
its context, template and values. The UI (``netbench.ui.runtime.net_text``) looks the template up
in the user's language and fills in the same values. Values are never translated:
addresses, paths, numbers and the operating system's own words stay as they came.

Templates use named ``{placeholders}`` only, and are plain string literals (lupdate reads
the source, so an f-string or a computed template would never reach the translator).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import NoReturn


class Text(str):
    """English text that knows how it was made: ``context``, ``template`` and ``params``.

    Immutable like any ``str``. A value in ``params`` may itself be a Text (a message
    quoted inside another); the UI translates it too. ``str(text)`` gives plain English.
    """

    context: str
    template: str
    params: Mapping[str, object]

    def __new__(
        cls, context: str, template: str, params: Mapping[str, object] | None = None
    ) -> Text:
        values = dict(params or {})
        english = template.format(**values) if values else template
        self = super().__new__(cls, english)
        object.__setattr__(self, "context", context)
        object.__setattr__(self, "template", template)
        object.__setattr__(self, "params", MappingProxyType(values))
        return self

    def format(self, *args: object, **params: object) -> Text:
        """The same message with ``params`` filled in (named placeholders only)."""
        if args:
            raise TypeError("Text templates take named values only")
        return Text(self.context, self.template, {**self.params, **params})

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"Text is immutable: cannot set {name}")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError(f"Text is immutable: cannot delete {name}")

    def __reduce__(self) -> tuple[type[Text], tuple[str, str, dict[str, object]]]:
        return (type(self), (self.context, self.template, dict(self.params)))

    def __copy__(self) -> Text:
        return self

    def __deepcopy__(self, memo: object) -> Text:
        return self


def QT_TRANSLATE_NOOP(context: str, template: str) -> Text:
    """Mark ``template`` for translation under ``context`` (lupdate knows this name).

    Both arguments must be string literals in the call, for lupdate to find them.
    """
    return Text(context, template)


def verbatim(text: str) -> Text:
    """Words that have no translation (an OS or library message): shown as they are."""
    if isinstance(text, Text):
        return text
    return Text("", "{text}", {"text": text})


def joined(separator: str, parts: Iterable[str]) -> Text:
    """``separator.join(parts)`` that keeps each part translatable (a list of outcomes)."""
    values = {f"part{index}": part for index, part in enumerate(parts)}
    glue = separator.replace("{", "{{").replace("}", "}}")
    return Text("", glue.join("{" + name + "}" for name in values), values)


def message_of(exc: BaseException) -> str:
    """The message an exception was raised with, still a :class:`Text` when it was one."""
    if exc.args and isinstance(exc.args[0], Text):
        return exc.args[0]
    message = getattr(exc, "message", None)
    if isinstance(message, str):
        return message
    return str(exc)


def plural(count: int, unit: str) -> str:
    """``1 byte``, ``2 bytes``: an English count, for messages that are not translated."""
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"
