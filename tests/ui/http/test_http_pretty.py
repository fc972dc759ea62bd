"""The Pretty and Text views of a big body: put in a slice at a time, lines never cut,
colours only on the lines shown, through the real window in both engine modes."""

from __future__ import annotations

import ast
import json
import subprocess
import sys

import pytest
from helpers import find
from http_helpers import send
from hypothesis import given
from hypothesis import strategies as st

from netbench.ui.http.body_views import ONE_LINE_LIMIT
from netbench.ui.http.highlighter import LONG_LINE, coloured_spans
from netbench.ui.http.sliced_text import MAX_SLICE, MIN_SLICE, line_end_after, next_size


@pytest.fixture
def window_tab():
    return "http"


@given(st.text(alphabet="ab\n", max_size=300), st.integers(1, 40))
def test_slices_end_at_line_ends_and_give_the_text_back(text: str, size: int) -> None:
    pieces = []
    start = 0
    while start < len(text):
        end = line_end_after(text, start, size)
        assert start < end <= len(text)
        pieces.append(text[start:end])
        start = end
    assert "".join(pieces) == text
    assert all(piece.endswith("\n") for piece in pieces[:-1])  # no line is cut


@given(st.integers(1, 10**6), st.floats(0, 10))
def test_next_slice_size_stays_in_bounds(size: int, seconds: float) -> None:
    assert MIN_SLICE <= next_size(size, seconds) <= max(MIN_SLICE, min(size * 2, MAX_SLICE))


@given(st.text(alphabet='{}[]":, 0123456789truefalsnkyx-.<>/=', max_size=80))
def test_colours_stay_inside_the_line(line: str) -> None:
    for language in ("json", "markup", ""):
        for start, length, _colour in coloured_spans(language, line):
            assert start >= 0 and length > 0 and start + length <= len(line)
    assert coloured_spans("", line) == []


def test_a_very_long_line_is_left_plain() -> None:
    assert coloured_spans("json", '"k": 1, ' * LONG_LINE) == []


def _coloured(view, block) -> bool:
    return bool(block.layout().formats())


def test_pretty_colours_the_lines_on_screen_and_more_when_scrolled(window, pump, nginx):
    """Formatted JSON of ~40,000 lines: the lines shown are coloured, the ones far below
    are not until they are scrolled to (colouring them all cost most of the fill)."""
    item = {"id": 1, "name": "x", "tags": ["a", "b"], "ok": True, "at": None}
    path = nginx.www / "static" / "pretty-test.json"
    if not path.exists():
        path.write_text(json.dumps([item] * 4000))
    panel = send(window, pump, nginx.http + "/static/pretty-test.json", timeout=30)
    body = panel.response.body
    view = find(window, "http.body_pretty")
    pump(lambda: not body.pretty.toPlainText().startswith("Formatting"), 30)
    pump(lambda: not body.pretty_fill.filling, 30)
    document = view.document()
    assert document.blockCount() > 30_000
    keyed = view.firstVisibleBlock().next().next()  # '[', '  {', then '    "id": 1,'
    assert keyed.text().strip().startswith('"id"')
    pump(lambda: _coloured(view, keyed), 5)
    far = document.findBlockByNumber(document.blockCount() - 3)
    assert not _coloured(view, far)
    below = view.cursorForPosition(view.viewport().rect().bottomLeft()).block()
    for _ in range(4):  # lines shown by a taller window are coloured too
        below = below.next()
    below = below if below.text().strip().startswith('"') else below.next()
    assert not _coloured(view, below)
    window.resize(window.width(), window.height() + 300)
    pump(lambda: _coloured(view, below), 5)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    pump(lambda: _coloured(view, far), 5)
    spans = [(r.start, r.length) for r in far.layout().formats()]
    assert spans == [(s, n) for s, n, _ in coloured_spans("json", far.text())]


def test_a_minified_body_shows_its_start_as_one_line(window, pump, nginx):
    """Text takes only the start of one line of megabytes (Qt lays out a line whole), and
    says so; the line is put in once, never cut into slices laid out again and again."""
    path = nginx.www / "static" / "one-line.txt"
    if not path.exists():
        path.write_text("word " * 200_000)
    panel = send(window, pump, nginx.http + "/static/one-line.txt", timeout=30)
    body = panel.response.body
    pump(lambda: not body.text_fill.filling, 10)
    assert body.text.toPlainText() == ("word " * 200_000)[:ONE_LINE_LIMIT]
    assert body.text.document().blockCount() == 1
    assert "Text shows the first 16" in find(window, "http.body_note").text()


def test_the_engine_loads_a_module_at_a_time() -> None:
    """The first Send imports the HTTP engine a module per turn of the loop (at once it
    held the window 25-50 ms): the list covers everything the client imports, each module
    after what it needs, so no step loads more netbench modules than its own."""
    code = """
import importlib, sys
import netbench.ui.main_window
from netbench.ui.http.shared import ENGINE_MODULES
steps = []
for name in ENGINE_MODULES:
    before = set(sys.modules)
    importlib.import_module(name)
    steps.append(sorted(m for m in set(sys.modules) - before if m.startswith("netbench")))
print(steps)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    steps = ast.literal_eval(out.stdout.strip().splitlines()[-1])
    assert all(len(step) <= 1 for step in steps), steps
