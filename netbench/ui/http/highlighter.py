"""Colours for JSON and for XML/HTML in the pretty body view, line by line.

A QSyntaxHighlighter only colours the blocks Qt lays out, so a long document costs
nothing until it is scrolled to. The rules are regular expressions: enough to read a
response at a glance, not a parser.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

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


def _format(color: str) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setForeground(QColor(color))
    return char_format


class BodyHighlighter(QSyntaxHighlighter):
    """``language`` is "json", "markup" or "" (no colours)."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.language = ""
        self._json = [(p, _format(c)) for p, c in _JSON_RULES]
        self._markup = [(p, _format(c)) for p, c in _MARKUP_RULES]

    def set_language(self, language: str) -> None:
        if language != self.language:
            self.language = language
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        if len(text) > 10_000:  # a minified megabyte on one line: leave it plain
            return
        rules = {"json": self._json, "markup": self._markup}.get(self.language, [])
        for pattern, char_format in rules:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), char_format)
