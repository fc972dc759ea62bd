"""The Pretty view's JSON formatter for bodies too big to parse: same output as json.dumps
for whole documents, a prefix of it for the start of one, and no JSON where there is none."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netbench.core.http.json_indent import JsonIndentError, indent_json

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)
layouts = st.sampled_from([(", ", ": "), (",", ":"), (" ,\n", " :\t")])


@given(values, st.booleans(), layouts)
def test_a_whole_document_comes_out_as_json_dumps_indents_it(value, ascii_only, separators):
    text = json.dumps(value, ensure_ascii=ascii_only, separators=separators)
    result = indent_json(text)
    assert result.complete
    assert result.text == json.dumps(value, indent=2, ensure_ascii=ascii_only)


@given(values, st.data())
def test_the_start_of_a_body_gives_the_start_of_its_formatting(value, data):
    text = json.dumps(value, ensure_ascii=False)
    full = indent_json(text).text
    cut = data.draw(st.integers(0, len(text)))
    part = indent_json(text[:cut], final=False)
    assert full.startswith(part.text)
    limit = data.draw(st.integers(0, len(full) + 1))
    assert indent_json(text, limit=limit).text == full[:limit]


@given(st.text(alphabet='[]{},:"0123456789.-eE tfnrulase\\x', max_size=40))
def test_what_it_accepts_whole_is_json(text):
    try:
        indent_json(text)
    except JsonIndentError:
        return
    json.loads(text)


@pytest.mark.parametrize(
    ("text", "position"),
    [("[1,]", 3), ("{1: 2}", 1), ("[1 2]", 3), ("[1]]", 3), ("<html>", 0), ("[1] x", 4)],
)
def test_not_json_says_where(text, position):
    with pytest.raises(JsonIndentError) as caught:
        indent_json(text)
    assert caught.value.position == position


def test_a_long_string_cut_by_the_end_of_the_read_is_not_an_error():
    text = '[{"a": "' + "x" * 10_000
    assert indent_json(text, final=False).text == '[\n  {\n    "a": '
