"""An exchange exported as JSON Lines is a netbench recording: Replay reads back the exact
bytes that went each way."""

from __future__ import annotations

import pytest
from helpers import find
from http_helpers import send

from netbench.core.http.wirelog import Direction as WireDirection
from netbench.core.recording.reader import RecordingReader
from netbench.core.recording.replay_plan import ReplayChoice
from netbench.core.recording.rows import open_recording
from netbench.core.transcript import Direction


@pytest.fixture
def window_tab():
    return "http"


def _messages(path, direction):
    with open_recording(path) as stream:
        return [m.data for m in RecordingReader(stream, ReplayChoice(direction)) if m]


def test_an_exchange_exports_as_a_recording_replay_reads(window, pump, nginx, tmp_path):
    panel = send(window, pump, nginx.http + "/static/small.txt")
    actions = panel.request_menu
    find(window, "http.action_export_jsonl").trigger()
    dialog = actions.file_dialog
    assert dialog is not None and dialog.isVisible()  # non-modal: the trigger came back
    target = tmp_path / "exchange.jsonl"
    dialog.selectFile(str(target))
    dialog.accept()
    sent = b"".join(_messages(target, Direction.OUT))
    received = b"".join(_messages(target, Direction.IN))
    assert sent.startswith(b"GET /static/small.txt HTTP/1.1\r\n")
    assert sent == panel.last_result.final.wire.head(WireDirection.SENT)
    assert received.startswith(b"HTTP/1.1 200 OK\r\n")
    assert received.endswith(panel.last_result.final.body.read_raw())


def test_exporting_before_any_exchange_says_so(window):
    find(window, "http.action_export_jsonl").trigger()
    assert "Send the request first" in find(window, "http.request_error").text()
