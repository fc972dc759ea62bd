"""A panel's Request menu: curl in and out, code to take away, ``.http`` files, history.

Copies go to the clipboard as text a person pastes into a terminal or an editor. ``.http``
files hold requests as typed ({{variables}} kept), in a folder the user chooses; opening
one with several requests fills this panel with the first and asks the tab for new panels
for the others (``more_requests``). Every dialog is non-modal (``open()``), as qasync needs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QToolButton

from netbench.core.http.curl import export_curl
from netbench.core.http.export import request_bytes, to_httpx2_python, to_raw_socket_python
from netbench.core.http.httpfile import (
    HttpFile,
    HttpFileEntry,
    HttpFileError,
    parse_http_file,
    write_http_file,
)
from netbench.core.http.model import HttpRequest
from netbench.core.http.recording import exchange_records
from netbench.core.recording.writer import FileRecorder
from netbench.ui.http.curl_dialog import CurlDialog
from netbench.ui.runtime.net_text import net_text
from netbench.ui.widgets.file_dialogs import DialogPurpose, DialogSpec, FileDialogs
from netbench.ui.widgets.naming import name_widget

if TYPE_CHECKING:
    from netbench.ui.http.request_panel import RequestPanel

HTTP_FILTERS = ["HTTP requests (*.http *.rest)", "All files (*)"]


class RequestActions(QObject):
    """Signals:
    more_requests(list): requests of an opened file beyond the first, for new panels.
    history_wanted(): the user asked for the history.
    client_wanted(str, int, str, object): host, port, "tcp" or "tls", and the exact
        request bytes, for a Client session.
    """

    more_requests = Signal(list)
    history_wanted = Signal()
    client_wanted = Signal(str, int, str, object)

    def __init__(self, panel: RequestPanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.dialogs = FileDialogs(panel)
        self.curl_dialog: CurlDialog | None = None
        prefix = panel.prefix
        self.button = name_widget(QToolButton(panel), prefix, "actions", self.tr("Request menu"))
        self.button.setText(self.tr("Request"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.tr("Request"), panel)
        self.menu.setObjectName(f"{prefix}.actions_menu")
        for key, title, slot in (
            ("import_curl", self.tr("Import curl command…"), self.on_import_curl),
            ("copy_curl", self.tr("Copy as curl"), self.on_copy_curl),
            ("copy_python", self.tr("Copy as Python (httpx2)"), self.on_copy_python),
            ("copy_socket", self.tr("Copy as Python (raw socket)"), self.on_copy_socket),
            ("to_client", self.tr("Send the exact bytes from the Client tab"), self.on_to_client),
            ("open_file", self.tr("Open .http file…"), self.on_open_file),
            ("save_file", self.tr("Save as .http file…"), self.on_save_file),
            ("export_jsonl", self.tr("Export the exchange as JSON Lines…"), self.on_export_jsonl),
            ("history", self.tr("History…"), self.history_wanted.emit),
        ):
            action = QAction(title, self.menu)
            action.setObjectName(f"{prefix}.action_{key}")
            action.triggered.connect(slot)
            self.menu.addAction(action)
        self.button.setMenu(self.menu)

    @property
    def file_dialog(self) -> QFileDialog | None:
        """The open or save dialog while it is open (tests answer it)."""
        return self.dialogs.current

    def _request(self) -> HttpRequest | None:
        try:
            return self.panel.editor.request()
        except (ValueError, OSError) as exc:
            self.panel.editor.show_error(net_text(getattr(exc, "message", str(exc))))
            return None

    def _copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)

    # -- slots ------------------------------------------------------------------------------

    def on_import_curl(self) -> None:
        if self.curl_dialog is None:
            self.curl_dialog = CurlDialog(self.panel)
            self.curl_dialog.command_given.connect(self.panel.editor.import_curl_text)
        self.curl_dialog.open()

    def on_copy_curl(self) -> None:
        if (request := self._request()) is not None:
            self._copy(export_curl(request))

    def on_copy_python(self) -> None:
        if (request := self._request()) is not None:
            self._copy(to_httpx2_python(request))

    def on_copy_socket(self) -> None:
        if (request := self._request()) is not None:
            try:
                self._copy(to_raw_socket_python(request))
            except OSError as exc:
                self.panel.editor.show_error(str(exc))

    def on_to_client(self) -> None:
        """The request's HTTP/1.1 bytes in an idle Client session, connected by hand."""
        if (request := self._request()) is None:
            return
        try:
            data = request_bytes(request)
        except OSError as exc:
            self.panel.editor.show_error(str(exc))
            return
        parts = urlsplit(request.url)
        tls = parts.scheme == "https"
        try:
            port = parts.port or (443 if tls else 80)
        except ValueError:
            port = 443 if tls else 80
        self.client_wanted.emit(parts.hostname or "", port, "tls" if tls else "tcp", data)

    def ask_path(
        self,
        purpose: DialogPurpose,
        caption: str,
        object_name: str,
        filters: list[str],
        chosen: Callable[[Path], bool],
        suffix: str = "",
    ) -> None:
        """Opens a non-modal file dialog named ``object_name`` (files ending as ``filters``
        say; ``suffix`` added to a saved name without one) and hands the path the user picks
        to ``chosen``: opening, saving and exporting differ only in these."""
        spec = DialogSpec(purpose, caption, object_name, filters=filters, default_suffix=suffix)
        self.dialogs.open(spec, lambda path: chosen(Path(path)))

    def on_open_file(self) -> None:
        self.ask_path(
            DialogPurpose.OPEN_FILE,
            self.tr("Open requests"),
            "http.open_dialog",
            HTTP_FILTERS,
            self.open_file,
        )

    def open_file(self, path: Path) -> bool:
        try:
            document = parse_http_file(path.read_text(encoding="utf-8"), path.parent)
        except (OSError, UnicodeDecodeError) as exc:
            self.panel.editor.show_error(str(exc))
            return False
        except HttpFileError as exc:
            self.panel.editor.show_error(net_text(exc.message))
            return False
        if not document.entries:
            self.panel.editor.show_error(self.tr("{path} holds no request.").format(path=path))
            return False
        self.panel.shared.environments.shared.update(dict(document.variables))
        self.panel.editor.variables.refresh()
        self.panel.editor.load_request(document.entries[0].request)
        rest = [entry.request for entry in document.entries[1:]]
        if rest:
            self.more_requests.emit(rest)
        return True

    def on_save_file(self) -> None:
        self.ask_path(
            DialogPurpose.SAVE_FILE,
            self.tr("Save the request"),
            "http.save_dialog",
            HTTP_FILTERS,
            self.save_file,
            "http",
        )

    def on_export_jsonl(self) -> None:
        if self.panel.last_result is None:
            self.panel.editor.show_error(
                self.tr("Send the request first: there is no exchange yet")
            )
            return
        self.ask_path(
            DialogPurpose.SAVE_FILE,
            self.tr("Export the exchange"),
            "http.export_dialog",
            ["JSON Lines (*.jsonl)", "All files (*)"],
            self.export_jsonl,
            "jsonl",
        )

    def export_jsonl(self, path: Path) -> bool:
        """Every byte of the last exchange, both ways, hop by hop, in netbench's recording
        format: Replay and the message inspector read it like any recording."""
        result = self.panel.last_result
        if result is None:
            return False
        try:
            recorder = FileRecorder(path)
            try:
                recorder.write_many(exchange_records(result.hops, self.panel.source))
            finally:
                recorder.close()
        except OSError as exc:
            self.panel.editor.show_error(str(exc))
            return False
        return True

    def save_file(self, path: Path) -> bool:
        request = self._request()
        if request is None:
            return False
        variables = tuple(self.panel.shared.environments.shared.items())
        document = HttpFile(variables, (HttpFileEntry(self.panel.title(), request),))
        try:
            path.write_text(write_http_file(document, path.parent), encoding="utf-8")
        except OSError as exc:
            self.panel.editor.show_error(str(exc))
            return False
        return True
