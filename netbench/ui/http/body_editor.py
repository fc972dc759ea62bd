"""The request body: none, raw text with a content type, JSON, a form, multipart, or a file.

Each kind turns into one of the engine's body sources; a file (binary, or a multipart
part) is streamed by the engine, never read here. JSON is checked as it is sent, and the
error says the line, the column, and moves the cursor there.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from netbench.core.http.bodies import BodyError, form_body, json_body
from netbench.core.http.model import (
    BodySource,
    BytesBody,
    FileBody,
    FormField,
    MultipartBody,
    NoBody,
)
from netbench.ui.http.kv_table import KeyValueTable
from netbench.ui.runtime.net_text import net_text
from netbench.ui.widgets.buttons import push_button
from netbench.ui.widgets.colors import ERROR_COLOR
from netbench.ui.widgets.file_dialogs import DialogPurpose, DialogSpec, FileDialogs
from netbench.ui.widgets.naming import name_widget

FORM_TYPE = "application/x-www-form-urlencoded"


class BodyEditor(QWidget):
    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dialogs = FileDialogs(self)
        self.kind = name_widget(QComboBox(self), prefix, "body_kind", self.tr("Body kind"))
        for key, label in self._kinds():
            self.kind.addItem(label, key)
        self.content_type = name_widget(
            QLineEdit(self), prefix, "content_type", self.tr("Content type")
        )
        self.content_type.setPlaceholderText("text/plain; charset=utf-8")
        self.pretty = push_button(
            self,
            self.tr("Pretty"),
            prefix,
            "json_pretty",
            self.tr("Pretty"),
            self.tr("Check the JSON and indent it"),
            self.on_pretty_clicked,
        )
        top = QHBoxLayout()
        top.addWidget(self.kind)
        top.addWidget(self.content_type, 1)
        top.addWidget(self.pretty)

        self.text = name_widget(QPlainTextEdit(self), prefix, "body", self.tr("Request body"))
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        # The field tables: (control, accessible name, title of the value column).
        self.form, self.parts = (
            name_widget(KeyValueTable(self.tr("Name"), title, self), prefix, control, accessible)
            for control, accessible, title in (
                ("form", self.tr("Form fields"), self.tr("Value")),
                ("multipart", self.tr("Multipart fields"), self.tr("Value (@path sends a file)")),
            )
        )
        self.add_file = push_button(
            self,
            self.tr("Add file…"),
            prefix,
            "add_part",
            self.tr("Add file…"),
            on_click=self.on_add_file_clicked,
        )
        self.file_path = name_widget(QLineEdit(self), prefix, "body_file", self.tr("Body file"))
        self.file_path.setPlaceholderText(self.tr("File sent as the body, streamed"))
        self.browse = push_button(
            self,
            self.tr("Browse…"),
            prefix,
            "body_browse",
            self.tr("Choose the body file"),
            on_click=self.on_browse_clicked,
        )
        self.pages = QStackedWidget(self)
        self.pages.addWidget(QLabel(self.tr("This request has no body."), self))
        self.pages.addWidget(self.text)
        self.pages.addWidget(self.form)
        self.pages.addWidget(self._column(self.parts, self.add_file))
        self.pages.addWidget(self._row(self.file_path, self.browse))
        self.error = name_widget(QLabel(self), prefix, "body_error")
        self.error.setStyleSheet(f"color: {ERROR_COLOR}")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error)
        self.kind.currentIndexChanged.connect(self.on_kind_changed)
        self.on_kind_changed()

    def _kinds(self) -> list[tuple[str, str]]:
        """Each kind of body with its label: the key is what ``current_kind`` says and
        ``set_kind`` takes."""
        return [
            ("none", self.tr("No body")),
            ("text", self.tr("Text")),
            ("json", self.tr("JSON")),
            ("form", self.tr("Form (urlencoded)")),
            ("multipart", self.tr("Multipart form")),
            ("file", self.tr("Binary file")),
        ]

    def _column(self, *widgets: QWidget) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            layout.addWidget(widget)
        return page

    def _row(self, *widgets: QWidget) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        for widget in widgets:
            row.addWidget(widget)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    # -- what it holds ----------------------------------------------------------------------

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def set_kind(self, key: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(key))

    def body(self) -> BodySource:
        """The body to send; a JSON error raises BodyError (and is shown at its place)."""
        self.show_error("")
        kind = self.current_kind()
        if kind == "text":
            content_type = self.content_type.text().strip() or "text/plain; charset=utf-8"
            return BytesBody(self.text.toPlainText().encode("utf-8"), content_type)
        if kind == "json":
            try:
                body = json_body(self.text.toPlainText())
            except BodyError as exc:
                self._point_at(exc)
                raise
            content_type = self.content_type.text().strip()
            return BytesBody(body.data, content_type or body.content_type)
        if kind == "form":
            return form_body(self.form.enabled_pairs())
        if kind == "multipart":
            return MultipartBody(tuple(self._part(*row) for row in self.parts.rows()))
        if kind == "file":
            content_type = self.content_type.text().strip() or "application/octet-stream"
            return FileBody(Path(self.file_path.text().strip()), content_type)
        return NoBody()

    @staticmethod
    def _part(enabled: bool, name: str, value: str) -> FormField:
        if value.startswith("@") and len(value) > 1:
            return FormField(name, file=Path(value[1:]), enabled=enabled)
        return FormField(name, value, enabled=enabled)

    def set_body(self, body: BodySource) -> None:
        """Shows ``body`` in the kind that fits it (a form-urlencoded body in the table)."""
        self.content_type.clear()
        if isinstance(body, BytesBody):
            self._set_bytes(body)
        elif isinstance(body, FileBody):
            self.set_kind("file")
            self.file_path.setText(str(body.path))
            self.content_type.setText(body.content_type)
        elif isinstance(body, MultipartBody):
            self.set_kind("multipart")
            self.parts.set_rows(
                [(f.enabled, f.name, f"@{f.file}" if f.file else f.value) for f in body.fields]
            )
        else:
            self.set_kind("none")

    def _set_bytes(self, body: BytesBody) -> None:
        from urllib.parse import parse_qsl, urlencode

        text = body.data.decode("utf-8", "replace")
        media = body.content_type.partition(";")[0].strip().lower()
        pairs = parse_qsl(text, keep_blank_values=True)
        if media == FORM_TYPE and urlencode(pairs) == text:  # the table would send it as is
            self.set_kind("form")
            self.form.set_rows([(True, n, v) for n, v in pairs])
            return
        self.set_kind("json" if media.endswith("json") else "text")
        self.text.setPlainText(text)
        if media and not media.endswith("json"):
            self.content_type.setText(body.content_type)

    # -- errors -----------------------------------------------------------------------------

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def _point_at(self, exc: BodyError) -> None:
        self.show_error(net_text(exc.message))
        if exc.position >= 0:
            cursor = self.text.textCursor()
            cursor.setPosition(min(exc.position, len(self.text.toPlainText())))
            cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor)
            self.text.setTextCursor(cursor)

    # -- slots ------------------------------------------------------------------------------

    def on_kind_changed(self) -> None:
        kind = self.current_kind()
        page = {"none": 0, "text": 1, "json": 1, "form": 2, "multipart": 3, "file": 4}[kind]
        self.pages.setCurrentIndex(page)
        self.pretty.setVisible(kind == "json")
        self.content_type.setVisible(kind in ("text", "json", "file"))
        self.content_type.setPlaceholderText(
            {"json": "application/json", "file": "application/octet-stream"}.get(
                kind, "text/plain; charset=utf-8"
            )
        )
        self.show_error("")

    def on_pretty_clicked(self) -> None:
        try:
            body = json_body(self.text.toPlainText(), pretty=True)
        except BodyError as exc:
            self._point_at(exc)
            return
        self.show_error("")
        self.text.setPlainText(body.data.decode("utf-8"))

    def on_add_file_clicked(self) -> None:
        spec = DialogSpec(DialogPurpose.OPEN_FILE, self.tr("File for the form"), "http.part_dialog")
        self.dialogs.open(spec, lambda path: self.parts.add_row(Path(path).stem, f"@{path}"))

    def on_browse_clicked(self) -> None:
        spec = DialogSpec(DialogPurpose.OPEN_FILE, self.tr("File to send"), "http.body_dialog")
        self.dialogs.open(spec, self.file_path.setText)
