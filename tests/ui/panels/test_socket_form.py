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


def test_enter_in_the_port_field_starts_the_listener(window, pump):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    port = find(window, "server.port")
    port.setText("0")
    QTest.keyClick(port, Qt.Key.Key_Return)
    pump(lambda: window.server_tab.current_panel.is_running)


def test_enter_in_the_port_field_connects(open_window, pump, server):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window = open_window(tab="client")
    find(window, "client.host").setText("127.0.0.1")
    port = find(window, "client.port")
    port.setText(str(server.port))
    QTest.keyClick(port, Qt.Key.Key_Return)
    pump(lambda: window.client_tab.current_panel.is_connected)


def test_an_error_goes_once_the_listener_starts(window, pump, tmp_path):
    """A stale socket file is refused; ticking "remove a stale socket file" and starting
    again works, and the old error does not stay on screen."""
    import socket

    path = tmp_path / "sock"
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(path))
    stale.close()  # the file stays, nobody answers on it
    form = window.server_tab.current_panel.form
    form.kind.setCurrentIndex(form.kind.findData("unix"))
    find(window, "server.path").setText(str(path))
    find(window, "server.start").click()
    error = find(window, "server.error")
    pump(lambda: not error.isHidden())
    find(window, "server.remove_stale").setChecked(True)
    find(window, "server.start").click()
    panel = window.server_tab.current_panel
    pump(lambda: panel.is_running)
    assert error.isHidden()
