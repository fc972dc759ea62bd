"""The menu bar's Examples: the tutorials' server and client pairs start in one click each,
switch to where the result shows, and say in the status bar what they started."""

import pytest
from helpers import find

from netbench.core.transcript import Direction


def rows(panel, direction):
    model = panel.transcript.model
    records = [model.record(r) for r in range(model.rowCount())]
    return [r.data for r in records if r.direction is direction]


def trigger(win, key):
    action = find(win, f"main.example_pair_{key}")
    assert action.parent() is find(win, "main.examples_pairs")
    action.trigger()


def test_can_you_hear_me_gets_yes_on_the_client_tab(window, pump):
    trigger(window, "hear_me")
    client = window.client_tab.current_panel
    pump(lambda: b"Yes" in rows(client, Direction.IN), 15)
    assert window.tabs.currentWidget() is window.client_tab
    server = window.server_tab.current_panel
    pump(lambda: b"can you hear me?" in rows(server, Direction.IN))
    status = window.statusBar().currentMessage()
    assert status.startswith("Example started: “can you hear me?” → “Yes”")
    assert "server on 127.0.0.1:" in status


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("sticky_delimiter", b"message 1"),
        ("sticky_length", b"hello"),
        ("sticky_delay", b"message 1;"),
    ],
)
def test_each_sticky_fix_shows_ten_separate_messages_on_the_server_tab(window, pump, key, message):
    trigger(window, key)
    server = window.server_tab.current_panel
    pump(lambda: len(rows(server, Direction.IN)) == 10, 20)
    assert window.tabs.currentWidget() is window.server_tab
    assert rows(server, Direction.IN)[0] == message
    assert "粘包 fix" in window.statusBar().currentMessage()
