"""The request side of a panel: method, URL, parameters, headers, body, auth and options.

The URL and the parameter table stay in sync both ways. Before a request is sent it is
checked here, where the user can fix it: an unknown ``{{variable}}`` or a CR/LF inside a
header is refused with its place, since the bytes sent would not be the request shown.
Pasting a curl command into the URL field imports the whole command.

Signals:
    send_requested(): Send was clicked or Ctrl+Enter pressed.
    cancel_requested(): Cancel was clicked.
    curl_imported(str): a curl command was imported; the text lists flags it ignored.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from netbench.core.http.curl import CurlError, import_curl
from netbench.core.http.headers import check_header
from netbench.core.http.model import BytesBody, Header, HttpRequest
from netbench.core.http.query import split_query, with_query
from netbench.core.http.variables import Environments, VariableError
from netbench.ui.http.body_editor import BodyEditor
from netbench.ui.http.kv_table import KeyValueTable
from netbench.ui.http.request_options import AuthPage, OptionsPage
from netbench.ui.http.variables_page import VariablesPage
from netbench.ui.runtime.net_text import net_text
from netbench.ui.widgets.colors import ERROR_COLOR, WARNING_COLOR
from netbench.ui.widgets.naming import name_widget
from netbench.ui.widgets.tab_pages import tab_pages

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE")


class RequestError(ValueError):
    """Why a request cannot be sent as it stands (already in the user's language)."""


def _query_url(url: str, params: list[tuple[str, str]]) -> str:
    """``url`` with the parameters as its query; ``{{name}}`` survives the encoding."""
    return with_query(url, params).replace("%7B%7B", "{{").replace("%7D%7D", "}}")


class RequestEditor(QWidget):
    send_requested = Signal()
    cancel_requested = Signal()
    curl_imported = Signal(str)

    def __init__(
        self, prefix: str, environments: Environments, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self._syncing = False
        self.method = name_widget(QComboBox(self), prefix, "method", self.tr("Method"))
        self.method.setEditable(True)
        self.method.addItems(METHODS)
        self.method.setMinimumContentsLength(7)
        self.url = name_widget(QLineEdit(self), prefix, "url", self.tr("URL"))
        self.url.setPlaceholderText(self.tr("https://example.org/path — or paste a curl command"))
        self.send = name_widget(QPushButton(self.tr("Send"), self), prefix, "send", self.tr("Send"))
        self.send.setToolTip(self.tr("Send the request (Ctrl+Enter)"))
        self.send.setDefault(True)
        self.cancel = name_widget(
            QPushButton(self.tr("Cancel"), self), prefix, "cancel", self.tr("Cancel")
        )
        self.cancel.setEnabled(False)
        self.send.clicked.connect(self.send_requested)
        self.cancel.clicked.connect(self.cancel_requested)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.on_send_shortcut)

        # The name/value tables: (control, accessible name, title of the name column).
        self.params, self.headers = (
            name_widget(KeyValueTable(title, self.tr("Value"), self), prefix, control, accessible)
            for control, accessible, title in (
                ("params", self.tr("Query parameters"), self.tr("Parameter")),
                ("headers", self.tr("Request headers"), self.tr("Header")),
            )
        )
        self.body = BodyEditor(prefix, self)
        self.auth = AuthPage(prefix, self)
        self.options = OptionsPage(prefix, self)
        self.variables = VariablesPage(prefix, environments, self)
        self.pages = tab_pages(
            self,
            prefix,
            "request_pages",
            self.tr("Request"),
            (
                (self.params, self.tr("Params")),
                (self.headers, self.tr("Headers")),
                (self.body, self.tr("Body")),
                (self.auth, self.tr("Auth")),
                (self._scrolled(self.options), self.tr("Options")),
                (self.variables, self.tr("Variables")),
            ),
        )
        self.error = name_widget(QLabel(self), prefix, "request_error")
        self.error.setStyleSheet(f"color: {ERROR_COLOR}")
        self.error.setWordWrap(True)
        self.error.hide()
        self.insecure = name_widget(QLabel(self.tr("⚠ TLS not verified"), self), prefix, "insecure")
        self.insecure.setStyleSheet(f"color: {WARNING_COLOR}; font-weight: bold")
        self.insecure.setToolTip(self.options.insecure_warning.text())
        self.insecure.hide()
        self.options.verify.toggled.connect(lambda on: self.insecure.setVisible(not on))
        self._lay_out()
        self.url.textChanged.connect(self.on_url_changed)
        self.params.edited.connect(self.on_params_edited)

    def _scrolled(self, page: QWidget) -> QScrollArea:
        """A tall page scrolls instead of making the whole editor tall."""
        area = QScrollArea(self)
        area.setWidget(page)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        return area

    def _lay_out(self) -> None:
        self.top = QHBoxLayout()
        self.top.addWidget(self.method)
        self.top.addWidget(self.url, 1)
        self.top.addWidget(self.insecure)
        self.top.addWidget(self.send)
        self.top.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.top)
        layout.addWidget(self.error)
        layout.addWidget(self.pages, 1)

    # -- the request ------------------------------------------------------------------------

    def request(self) -> HttpRequest:
        """The request as typed ({{variables}} unresolved): for saving and exporting."""
        headers = [Header(name, value, enabled) for enabled, name, value in self.headers.rows()]
        auth = self.auth.header()
        if auth is not None and not any(
            h.enabled and h.name.lower() == "authorization" for h in headers
        ):
            headers.append(Header(*auth))
        request = HttpRequest(
            self.method.currentText().strip() or "GET",
            self.url.text().strip(),
            tuple(headers),
            self.body.body(),
        )
        return self.options.apply_to(request)

    def resolved(self) -> HttpRequest:
        """The request to send: variables filled in and headers checked.

        Raises RequestError with a message that says what and where.
        """
        self.show_error("")
        try:
            request = self.request()
        except (ValueError, OSError) as exc:
            raise RequestError(net_text(getattr(exc, "message", str(exc)))) from exc
        values = self.variables.environments.values(self.variables.active())
        try:
            request = self._substitute(request, values)
        except VariableError as exc:
            raise RequestError(net_text(exc.message)) from exc
        if not request.url:
            raise RequestError(self.tr("Type a URL first."))
        for row, header in enumerate(request.headers):
            if not header.enabled:
                continue
            problem = check_header(header.name, header.value)
            if problem is not None:
                self.pages.setCurrentWidget(self.headers)
                table_row = self._header_row(header.name)
                if table_row >= 0:
                    self.headers.setCurrentCell(table_row, 0 if problem.field == "name" else 1)
                raise RequestError(
                    self.tr("Header {row}: {problem}").format(
                        row=row + 1, problem=net_text(problem.message)
                    )
                )
        return request

    def _header_row(self, name: str) -> int:
        for row in range(self.headers.rowCount()):
            item = self.headers.item(row, 0)
            if item is not None and item.text() == name:
                return row
        return -1

    @staticmethod
    def _substitute(request: HttpRequest, values: dict[str, str]) -> HttpRequest:
        from netbench.core.http.variables import substitute

        headers = tuple(
            replace(h, name=substitute(h.name, values), value=substitute(h.value, values))
            if h.enabled
            else h
            for h in request.headers
        )
        body = request.body
        if isinstance(body, BytesBody) and b"{{" in body.data:
            text = substitute(body.data.decode("utf-8", "surrogateescape"), values)
            body = replace(body, data=text.encode("utf-8", "surrogateescape"))
        return replace(request, url=substitute(request.url, values), headers=headers, body=body)

    def load_request(self, request: HttpRequest) -> None:
        """Shows ``request`` in every page (an import, a file, a history entry)."""
        self.method.setCurrentText(request.method)
        self.url.setText(request.url)
        self.headers.set_rows([(h.enabled, h.name, h.value) for h in request.headers])
        self.auth.kind.setCurrentIndex(0)
        self.body.set_body(request.body)
        self.options.load(request)
        self.show_error("")

    def import_curl_text(self, command: str) -> bool:
        """Fills the editor from a curl command; False (and the error shown) if it fails."""
        try:
            imported = import_curl(command)
        except CurlError as exc:
            self.show_error(net_text(exc.message))
            return False
        self.load_request(imported.request)
        note = ""
        if imported.unknown:
            note = self.tr("Not understood, left out: {flags}").format(
                flags=" ".join(imported.unknown)
            )
            self.show_error(note)
        self.curl_imported.emit(note)
        return True

    def set_running(self, running: bool) -> None:
        self.send.setEnabled(not running)
        self.cancel.setEnabled(running)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    # -- slots ------------------------------------------------------------------------------

    def on_send_shortcut(self) -> None:
        if self.send.isEnabled():
            self.send_requested.emit()

    def on_url_changed(self, text: str) -> None:
        if self._syncing:
            return
        if text.lstrip().startswith("curl "):
            self._syncing = True
            try:
                self.import_curl_text(text)
            finally:
                self._syncing = False
            text = self.url.text()
        disabled = [row for row in self.params.rows() if not row[0]]
        self._syncing = True
        try:
            self.params.set_rows([(True, n, v) for n, v in split_query(text)] + disabled)
        finally:
            self._syncing = False

    def on_params_edited(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            self.url.setText(_query_url(self.url.text(), self.params.enabled_pairs()))
        finally:
            self._syncing = False
