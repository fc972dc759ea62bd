"""Messages of the net and core layers: English strings that remember how they were made."""

import ast
import copy
import pickle
from pathlib import Path

import pytest

import netbench
from netbench.core.errors import PayloadError
from netbench.core.payload import parse_payload
from netbench.core.recipe import compile_payload
from netbench.core.text import QT_TRANSLATE_NOOP, Text, joined, message_of, verbatim
from netbench.net.errors import NetError

PACKAGE = Path(netbench.__file__).parent


def test_a_text_is_its_english_sentence_and_keeps_template_and_values():
    text = QT_TRANSLATE_NOOP("NetErrors", "connection refused by {target}").format(
        target="127.0.0.1:9"
    )
    assert text == "connection refused by 127.0.0.1:9"
    assert isinstance(text, str)
    assert (text.context, text.template) == ("NetErrors", "connection refused by {target}")
    assert dict(text.params) == {"target": "127.0.0.1:9"}
    assert {text: 1}["connection refused by 127.0.0.1:9"] == 1  # counts as its English
    assert type(str(text)) is str


def test_format_fills_named_values_only_and_specs_apply_to_the_english():
    text = QT_TRANSLATE_NOOP("LoadTest", "{count:,} replies in {ms:.0f} ms").format(
        count=12345, ms=2.6
    )
    assert text == "12,345 replies in 3 ms"
    with pytest.raises(TypeError):
        QT_TRANSLATE_NOOP("LoadTest", "{} replies").format(3)
    with pytest.raises(KeyError):
        QT_TRANSLATE_NOOP("LoadTest", "{count} replies").format(other=3)


def test_a_text_cannot_be_changed_and_survives_copy_and_pickle():
    text = QT_TRANSLATE_NOOP("Framing", "{count} bytes left").format(count=3)
    with pytest.raises(AttributeError):
        text.template = "x"  # type: ignore[misc]
    for again in (copy.copy(text), copy.deepcopy(text), pickle.loads(pickle.dumps(text))):
        assert again == text and again.template == text.template
        assert dict(again.params) == {"count": 3}


def test_verbatim_and_joined_keep_each_part_as_it_was():
    assert verbatim("a {brace}") == "a {brace}"
    assert verbatim("a {brace}").context == ""
    refused = QT_TRANSLATE_NOOP("ClientInfo", "refused")
    line = joined("; ", ["[::1]:1 · x{y}", refused])
    assert line == "[::1]:1 · x{y}; refused"
    assert line.params["part1"] is refused


def test_exceptions_keep_the_text_they_were_raised_with():
    text = QT_TRANSLATE_NOOP("Framing", "delimiter must not be empty")
    assert message_of(ValueError(text)) is text
    assert message_of(ValueError("plain")) == "plain"
    error = NetError(text, "framing")
    assert error.message is text and str(error) == text and error.field == "framing"


def test_a_payload_error_in_a_template_piece_names_its_position_in_the_whole_text():
    with pytest.raises(PayloadError) as caught:
        parse_payload("4g", "hex")
    assert caught.value.message.params["position"] == 1
    with pytest.raises(PayloadError) as caught:
        compile_payload("{counter}ab\\q", "escapes", "utf-8")
    message = caught.value.message
    assert caught.value.position == 11
    assert message == "unknown escape \\q at position 11"
    assert isinstance(message, Text) and message.params["position"] == 11


def _marker_calls():
    for folder in ("net", "core"):
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id == "QT_TRANSLATE_NOOP"
                ):
                    yield path.name, node


def test_every_marked_template_is_a_literal_lupdate_can_read():
    """lupdate reads the source: an f-string or a computed template never reaches it."""
    calls = list(_marker_calls())
    assert len(calls) > 200
    wrong = [
        f"{name}:{node.lineno}"
        for name, node in calls
        if len(node.args) != 2
        or node.keywords
        or not all(
            isinstance(arg, ast.Constant) and isinstance(arg.value, str) for arg in node.args
        )
        or "{}" in node.args[1].value
    ]
    assert wrong == []
