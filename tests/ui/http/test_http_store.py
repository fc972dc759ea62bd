"""The HTTP tab's history file and its start-up cost, without a window."""

from __future__ import annotations

import json
import subprocess
import sys

from netbench.core.http.history import HistoryStore, masked
from netbench.core.http.model import BytesBody, Header, HttpRequest


def test_history_is_bounded_and_round_trips_requests(tmp_path):
    store = HistoryStore(tmp_path / "h.sqlite3", limit=3)
    request = HttpRequest(
        "POST",
        "http://127.0.0.1:1/x",
        (Header("X-Off", "1", enabled=False),),
        BytesBody(b"\x00{}", "application/json"),
        follow_redirects=True,
    )
    for number in range(5):
        store.add(request, 200 + number, "complete", 0.01, 3)
    entries = store.entries()
    assert [e.status for e in entries] == [204, 203, 202] and len(store) == 3
    assert entries[0].request == request
    store.close()
    again = HistoryStore(tmp_path / "h.sqlite3", limit=3)
    assert again.entries()[0].status == 204
    again.close()


def test_export_masks_credentials(tmp_path):
    store = HistoryStore(tmp_path / "h.sqlite3")
    headers = (Header("Authorization", "Bearer s3cret"), Header("Cookie", "sid=abc"))
    store.add(HttpRequest("GET", "http://127.0.0.1:1/", headers), 200, "complete", 0.1, 0)
    out = tmp_path / "history.jsonl"
    assert store.export_jsonl(out) == 1
    text = out.read_text()
    assert "s3cret" not in text and "sid=abc" not in text
    record = json.loads(text)
    assert record["request"]["headers"][0][:2] == ["Authorization", "•••"]
    assert masked(HttpRequest(headers=headers)).headers[1].value == "•••"
    store.close()


def test_the_window_starts_without_the_http_engine_libraries():
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from netbench.ui.main_window import MainWindow\n"
        "window = MainWindow()\n"
        "print(sorted(m for m in ('httpcore2', 'anyio', 'h2', 'brotli') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"
