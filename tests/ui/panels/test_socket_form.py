"""The forms' shared behaviour: file pickers that leave nothing behind, errors at their field."""

import pytest
from helpers import find
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QFileDialog


@pytest.mark.parametrize(
    ("tab", "button"),
    [("server", "server.site_browse"), ("client", "client.ca_browse")],
)
def test_browse_dialogs_are_deleted_after_use(open_window, tab, button):
    window = open_window(tab=tab)
    form = getattr(window, f"{tab}_tab").current_panel.form
    for _ in range(5):
        find(window, button).click()
        dialog = form.file_dialog
        assert dialog is not None and dialog.isVisible()  # open, and the click came back
        dialog.reject()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert form.findChildren(QFileDialog) == []
    assert form.file_dialog is None


def test_a_chosen_folder_fills_the_field(open_window, tmp_path):
    window = open_window(tab="server")
    form = window.server_tab.current_panel.form
    find(window, "server.site_browse").click()
    dialog = form.file_dialog
    dialog.setDirectory(str(tmp_path.parent))
    dialog.selectFile(str(tmp_path))
    dialog.accept()
    assert form.site.text() == str(tmp_path)


def test_an_address_error_on_a_unix_socket_marks_the_path(open_window):
    window = open_window(tab="client")
    form = window.client_tab.current_panel.form
    form.kind.setCurrentIndex(form.kind.findData("unix"))
    form.show_error("no such file", "host")
    assert "border" in form.path.styleSheet()
    assert form.error.isVisible() or not window.isVisible()
