"""Colours for JSON and for XML/HTML in the pretty body view, for the lines on screen only.

A QSyntaxHighlighter colours every line as it is put in the document: for a formatted
100 MB JSON body that was 25,000 lines, two thirds of the cost of filling the view while
the window waited. Here a line is coloured when it first shows on screen (the view's
``updateRequest``: scrolling, text put in; or the view grows), once, so filling costs
only Qt's layout and scrolling costs a screenful. The rules are regular expressions: enough to read
a response at a glance, not a parser.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QColor, QTextBlock, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QPlainTextEdit

LONG_LINE = 10_000  # a minified megabyte on one line is left plain

_JSON_RULES = (
    (re.compile(r'"(?:[^"\\]|\\.)*"(?=\s*:)'), "#7a3e9d"),  # keys
    (re.compile(r'(?<=:)\s*"(?:[^"\\]|\\.)*"|^\s*"(?:[^"\\]|\\.)*"(?!\s*:)'), "#1b6e20"),
    (re.compile(r"-?\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b"), "#005cc5"),
    (re.compile(r"\b(?:true|false|null)\b"), "#b3261e"),
)
_MARKUP_RULES = (
    (re.compile(r"</?[A-Za-z][\w:.-]*|/?>"), "#22863a"),
    (re.compile(r"\b[\w:-]+(?==)"), "#6f42c1"),
    (re.compile(r"\"[^\"]*\"|'[^']*'"), "#032f62"),
    (re.compile(r"<!--.*?-->"), "#6a737d"),
)
_RULES = {"json": _JSON_RULES, "markup": _MARKUP_RULES}


def coloured_spans(language: str, text: str) -> list[tuple[int, int, str]]:
    """(start, length, colour) for each match of ``language``'s rules in one line, in rule
    order (a later rule's colour wins where two overlap, as Qt applies them)."""
    if len(text) > LONG_LINE:
        return []
    return [
        (match.start(), match.end() - match.start(), colour)
        for pattern, colour in _RULES.get(language, ())
        for match in pattern.finditer(text)
    ]


class BodyHighlighter(QObject):
    """Colours ``view``'s lines on screen; ``language`` is "json", "markup" or "" (none).

    A line's user state says which colouring it has (``_generation``); changing the
    language starts a new one, so lines coloured before are coloured again when shown.
    """

    def __init__(self, view: QPlainTextEdit) -> None:
        super().__init__(view)
        self.view = view
        self.language = ""
        self._generation = 1
        self._formats: dict[str, QTextCharFormat] = {}
        view.updateRequest.connect(self._on_update)
        view.document().contentsChange.connect(self._on_change)
        view.viewport().installEventFilter(self)  # a taller view shows lines not yet coloured

    def set_language(self, language: str) -> None:
        if language != self.language:
            self.language = language
            self._generation += 1
            self.colour_visible()

    def _on_update(self, rect: QRect, dy: int) -> None:
        self.colour_visible()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.colour_visible()
        return False

    def _on_change(self, position: int, removed: int, added: int) -> None:
        """A line whose text changed is coloured again (new lines have no state yet)."""
        document = self.view.document()
        for at in (position, position + added):
            block = document.findBlock(at)
            if block.isValid():
                block.setUserState(-1)

    def colour_visible(self) -> None:
        view = self.view
        block = view.firstVisibleBlock()
        last = view.cursorForPosition(view.viewport().rect().bottomLeft()).block()
        stop = last.blockNumber() if last.isValid() else block.blockNumber()
        changed: list[QTextBlock] = []
        while block.isValid() and block.blockNumber() <= stop:
            if block.userState() != self._generation:
                self._colour(block)
                changed.append(block)
            block = block.next()
        document = view.document()
        for block in changed:  # relaid out with the new colours, as QSyntaxHighlighter does
            document.markContentsDirty(block.position(), block.length())

    def _colour(self, block: QTextBlock) -> None:
        ranges = []
        for start, length, colour in coloured_spans(self.language, block.text()):
            span = QTextLayout.FormatRange()
            span.start, span.length, span.format = start, length, self._format(colour)
            ranges.append(span)
        block.layout().setFormats(ranges)
        block.setUserState(self._generation)

    def _format(self, colour: str) -> QTextCharFormat:
        char_format = self._formats.get(colour)
        if char_format is None:
            char_format = self._formats[colour] = QTextCharFormat()
            char_format.setForeground(QColor(colour))
        return char_format
