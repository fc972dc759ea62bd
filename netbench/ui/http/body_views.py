"""The response body, five ways: pretty, text, hex, image, and server-sent events.

Views read the body files the engine wrote; none loads a big body whole on the UI thread.
Text and pretty show the first ``TEXT_LIMIT`` bytes (the hex view shows everything, row by
row), put in a slice at a time (:mod:`.sliced_text`). JSON larger than ``FORMAT_INLINE``
is formatted on a worker thread, with a "formatting…" note meanwhile, token by token from
its start (:mod:`netbench.core.http.json_indent`): a 100 MB body is never parsed whole,
and the note says what was formatted. The view chosen first is the one that fits the
Content-Type.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from netbench.core.http.headers import charset_of, media_type
from netbench.core.http.json_indent import Indented, JsonIndentError, indent_json
from netbench.core.http.result import HopResult
from netbench.core.http.sse import SseEvent, SseParser
from netbench.ui.http.hex_view import ByteSource, HexView
from netbench.ui.http.highlighter import BodyHighlighter
from netbench.ui.http.image_view import ImageView
from netbench.ui.http.sliced_text import SlicedText
from netbench.ui.runtime.tasks import start_task
from netbench.ui.widgets.naming import name_widget
from netbench.ui.widgets.sizes import format_size

TEXT_LIMIT = 2 * 1024 * 1024
FORMAT_INLINE = 256 * 1024  # smaller JSON is parsed whole on the UI thread (a few ms)
PRETTY_LIMIT = 512 * 1024  # characters of formatted JSON shown
SHORT_TEXT_LIMIT = 64 * 1024  # binary bodies: see _text_limit
ONE_LINE_LIMIT = 16 * 1024  # a body without line breaks: see _text_limit
IMAGE_LIMIT = 50 * 1024 * 1024
CHARSETS = ("utf-8", "iso-8859-1", "gb18030", "big5", "shift_jis", "euc-kr", "utf-16")


def _language(media: str) -> str:
    if media.endswith(("json", "+json")) or media == "application/x-ndjson":
        return "json"
    if media.endswith(("xml", "+xml", "html")):
        return "markup"
    return ""


def _text_limit(media: str, start: bytes, size: int) -> int:
    """How much of the body the text views take: ``TEXT_LIMIT``, or ``SHORT_TEXT_LIMIT``
    for a body not worth megabytes of text (laying out 2 MB of a binary body took the
    window ~0.4 s and ~50 MB): a declared type that is not text, or no type and a NUL
    byte early; or ``ONE_LINE_LIMIT`` for a body bigger than that whose start has no line
    break (minified JSON): Qt lays out a line whole, one of 64 KB in 12-26 ms at once."""
    textual = ("javascript", "x-www-form-urlencoded")
    if media.startswith("text/") or _language(media) or media.endswith(textual):
        binary = False
    else:
        binary = bool(media) or b"\x00" in start
    if size > SHORT_TEXT_LIMIT and b"\n" not in start:
        return ONE_LINE_LIMIT
    return SHORT_TEXT_LIMIT if binary else TEXT_LIMIT


def _format_json(data: bytes, charset: str) -> str | None:
    """Indented JSON, or None when the body is not JSON (then it is shown as it is)."""
    try:
        value = json.loads(data.decode(charset or "utf-8", "replace"))
    except ValueError:
        return None
    return json.dumps(value, indent=2, ensure_ascii=False)


def _indent(head: bytes, charset: str, whole: bool) -> Indented | None:
    """The start of a big JSON body formatted (on a worker thread), or None if not JSON."""
    try:
        return indent_json(head.decode(charset or "utf-8", "replace"), PRETTY_LIMIT, whole)
    except JsonIndentError:
        return None


def _text_view(parent: QWidget, prefix: str, control: str, name: str) -> QPlainTextEdit:
    view = name_widget(QPlainTextEdit(parent), prefix, control, name)
    view.setReadOnly(True)
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    return view


class BodyViews(QTabWidget):
    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        name_widget(self, prefix, "body_view", self.tr("Response body"))
        self.setDocumentMode(True)
        self.hop: HopResult | None = None
        self._format_task: asyncio.Task[None] | None = None
        self.text_limit = TEXT_LIMIT  # what Text shows of this body
        self.pretty = _text_view(self, prefix, "body_pretty", self.tr("Body, formatted"))
        self.highlighter = BodyHighlighter(self.pretty)
        self.text = _text_view(self, prefix, "body_text", self.tr("Body as text"))
        self.pretty_fill = SlicedText(self.pretty)
        self.text_fill = SlicedText(self.text)
        self.charset = name_widget(QComboBox(self), prefix, "charset", self.tr("Character set"))
        self.charset.addItem(self.tr("From Content-Type"), "")
        for name in CHARSETS:
            self.charset.addItem(name, name)
        self.charset.currentIndexChanged.connect(self.on_charset_changed)
        self.note = name_widget(QLabel(self), prefix, "body_note")
        self.hex = name_widget(HexView(self), prefix, "body_hex", self.tr("Body in hex"))
        self.image = ImageView(prefix, self)
        self.events = name_widget(
            QTableWidget(0, 3, self), prefix, "body_sse", self.tr("Server-sent events")
        )
        self.events.setHorizontalHeaderLabels([self.tr("Event"), self.tr("ID"), self.tr("Data")])
        self.events.horizontalHeader().setStretchLastSection(True)
        self.events.verticalHeader().setVisible(False)
        text_page = QWidget(self)
        column = QVBoxLayout(text_page)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Character set"), text_page))
        row.addWidget(self.charset)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self.text, 1)
        self.addTab(self.pretty, self.tr("Pretty"))
        self.addTab(text_page, self.tr("Text"))
        self.addTab(self.hex, self.tr("Hex"))
        self.addTab(self.image, self.tr("Image"))
        self.addTab(self.events, self.tr("Events"))
        self.setCornerWidget(self.note, Qt.Corner.TopRightCorner)

    # -- showing a body ---------------------------------------------------------------------

    def clear(self) -> None:
        self.hop = None
        self._stop()
        self.pretty.clear()
        self.text.clear()
        self.hex.clear()
        self.image.clear()
        self.events.setRowCount(0)
        self.note.clear()

    def show_hop(self, hop: HopResult) -> None:
        self.clear()
        self.hop = hop
        body = hop.body
        path = body.decoded or (body.raw if body.decoded_data is None else None)
        data = body.decoded_data if body.decoded_data is not None else body.raw_data
        self.hex.show_bytes(ByteSource(path, b"" if path is not None else data))
        size = self.hex.hex_model.source.size
        content_type = hop.header("content-type") or ""
        media = media_type(content_type)
        limit = _text_limit(media, body.read_decoded(SHORT_TEXT_LIMIT), size)
        self.text_limit = limit
        head = body.read_decoded(limit)
        self._show_text(head)
        if size > limit:
            self.note.setText(
                self.tr("Text shows the first {shown} of {size}; Hex shows all").format(
                    shown=format_size(limit), size=format_size(size)
                )
            )
        is_image = media.startswith("image/") and size <= IMAGE_LIMIT
        is_sse = media == "text/event-stream"
        self.setTabVisible(3, is_image)
        self.setTabVisible(4, is_sse)
        language = _language(media)
        self.highlighter.set_language(language)
        if is_image:
            self.image.show_image(body.read_decoded(IMAGE_LIMIT), media)
        if is_sse:
            self._show_events(head)
        self._show_pretty(language, head, size)
        self.setCurrentIndex(self._first_view(media, language, is_image, is_sse, size))

    @staticmethod
    def _first_view(media: str, language: str, image: bool, sse: bool, size: int) -> int:
        if image:
            return 3
        if sse:
            return 4
        if language:
            return 0
        if media.startswith("text/") or size == 0:
            return 1
        return 2

    def _charset(self) -> str:
        chosen = str(self.charset.currentData() or "")
        if chosen:
            return chosen
        content_type = self.hop.header("content-type") if self.hop else None
        return charset_of(content_type or "", "utf-8")

    def _show_text(self, head: bytes) -> None:
        self.text_fill.set_text(head.decode(self._charset(), "replace"))

    def _show_events(self, data: bytes) -> None:
        parser = SseParser()
        self.events.setRowCount(0)
        self.append_events(parser.feed(data))

    def start_live_events(self) -> None:
        """An event stream began: the Events view, emptied, fills as events arrive."""
        self.clear()
        self.setTabVisible(3, False)
        self.setTabVisible(4, True)
        self.setCurrentIndex(4)
        self.note.setText(self.tr("Events arrive live; the rest of the body when it ends"))

    def append_events(self, events: Sequence[SseEvent]) -> None:
        row = self.events.rowCount()
        self.events.setRowCount(row + len(events))
        for event in events:
            for column, text in enumerate((event.event, event.id, event.data)):
                self.events.setItem(row, column, QTableWidgetItem(text))
            row += 1
        self.events.scrollToBottom()

    def _show_pretty(self, language: str, head: bytes, size: int) -> None:
        charset = self._charset()
        if language != "json":
            self.pretty_fill.set_text(head.decode(charset, "replace"))
            return
        if size <= FORMAT_INLINE:
            formatted = _format_json(head, charset)
            self.pretty_fill.set_text(formatted or head.decode(charset, "replace"))
            return
        self.pretty.setPlainText(self.tr("Formatting…"))
        self._format_task = start_task(self._format_off_thread(charset, size), name="format json")

    async def _format_off_thread(self, charset: str, size: int) -> None:
        hop = self.hop
        if hop is None:
            return
        head = hop.body.read_decoded(TEXT_LIMIT)
        whole = size <= TEXT_LIMIT
        formatted = await asyncio.to_thread(_indent, head, charset, whole)
        if self.hop is not hop:
            return  # another response replaced this one meanwhile
        if formatted is None:
            self.pretty_fill.set_text(head.decode(charset, "replace"))
            return
        self.pretty_fill.set_text(formatted.text)
        if not formatted.complete:
            note = self.tr(
                "Pretty shows the first {shown} of {size} formatted (the rest is not parsed);"
                " Hex shows all"
            )
            self.note.setText(
                note.format(shown=format_size(len(formatted.text)), size=format_size(size))
            )

    def on_charset_changed(self) -> None:
        if self.hop is not None:
            self._show_text(self.hop.body.read_decoded(self.text_limit))

    def _stop(self) -> None:
        if self._format_task is not None:
            self._format_task.cancel()
            self._format_task = None
        self.pretty_fill.cancel()
        self.text_fill.cancel()

    def shutdown(self) -> None:
        self._stop()
        self.hex.clear()
