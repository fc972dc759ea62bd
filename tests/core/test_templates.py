"""Templates fill {counter} and {time}, keep every other brace, and escape by doubling."""

import time

from hypothesis import given
from hypothesis import strategies as st

from netbench.core.templates import (
    Placeholder,
    fill_text,
    format_time,
    has_placeholders,
    split_template,
)

WALL = time.mktime((2024, 1, 2, 14, 3, 7, 0, 0, -1)) + 0.25
# Texts built from the characters placeholders are made of, so collisions are frequent.
template_texts = st.text(alphabet="{}countertime x", max_size=40)


def test_counter_and_time_are_filled():
    assert fill_text("#{counter} at {time}\n", 7, WALL) == "#7 at 14:03:07.250\n"
    assert format_time(WALL) == "14:03:07.250"


def test_other_braces_stay_and_doubled_braces_escape():
    assert fill_text('{"n": {counter}}', 3, WALL) == '{"n": 3}'
    assert fill_text("{{counter}} is {counter}", 5, WALL) == "{counter} is 5"
    assert fill_text("{{time}}", 5, WALL) == "{time}"
    assert fill_text("{{{counter}}}", 5, WALL) == "{{counter}}"
    assert fill_text("{count} {}", 5, WALL) == "{count} {}"


def test_pieces_remember_where_they_were_typed():
    pieces = split_template("ab{counter}c{{time}}d")
    assert [(p.start, p.text, p.placeholder) for p in pieces] == [
        (0, "ab", None),
        (2, "", Placeholder.COUNTER),
        (11, "c", None),
        (12, "{time}", None),
        (20, "d", None),
    ]


@given(st.text())
def test_text_without_placeholders_is_unchanged(text):
    if "{counter}" in text or "{time}" in text:
        return
    assert not has_placeholders(text)
    assert fill_text(text, 1, WALL) == text


@given(template_texts, st.integers(1, 10**6))
def test_filled_text_has_a_placeholder_only_where_one_was_escaped(text, counter):
    filled = fill_text(text, counter, WALL)
    escaped = text.count("{{counter}}") + text.count("{{time}}")
    if escaped == 0:
        assert "{counter}" not in filled and "{time}" not in filled


@given(template_texts)
def test_pieces_cover_the_typed_text_in_order(text):
    position = 0
    for piece in split_template(text):
        assert piece.start == position
        if piece.placeholder is not None:
            position += len(piece.placeholder.token)
        elif text.startswith("{" + piece.text + "}", piece.start) and piece.text in (
            "{counter}",
            "{time}",
        ):
            position += len(piece.text) + 2
        else:
            assert text[piece.start : piece.start + len(piece.text)] == piece.text
            position += len(piece.text)
    assert position == len(text)
