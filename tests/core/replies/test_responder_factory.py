"""Responders from a form's settings, and how each describes itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from reply_helpers import NOW

from netbench.core.replies.factory import make_responder, responder_settings
from netbench.core.replies.responder import (
    ReplyOptions,
    ResponderKind,
)
from netbench.core.replies.rules import MatchKind, Rule, RulesResponder
from netbench.core.replies.simple import (
    EchoResponder,
    FixedResponder,
)

# --- factory and descriptions ----------------------------------------------------------------


@pytest.mark.parametrize("kind", list(ResponderKind))
def test_factory_builds_every_kind(kind):
    params = {"data": b"ok"} if kind is ResponderKind.FIXED else {}
    responder = make_responder(kind, **params)
    assert responder.kind is kind
    assert responder.describe()
    assert kind.label
    session = responder.new_session("127.0.0.1:1")
    assert isinstance(session.on_frame(b"GET / HTTP/1.0\r\n\r\n", NOW), list)


def test_factory_passes_settings_through(tmp_path):
    options = ReplyOptions(suffix=b"\n")
    assert make_responder("echo", options=options) == EchoResponder(options)
    rules = (Rule(MatchKind.EXACT, "a", "b"),)
    assert make_responder(ResponderKind.RULES, rules=list(rules)) == RulesResponder(rules)
    assert make_responder("http_static", root=tmp_path).root == tmp_path
    assert "rules" in responder_settings("rules") and "options" in responder_settings("rules")


@pytest.mark.parametrize(
    ("kind", "params", "words"),
    [
        ("chatty", {}, "unknown responder kind"),
        ("echo", {"data": b"x"}, "Echo has no setting 'data'"),
        ("fixed", {}, "needs the bytes"),
        ("rules", {"rules": (Rule(MatchKind.EXACT, "", "{x}"),)}, "rule 1, template"),
        ("http_static", {"root": Path("/definitely/not/here")}, "does not exist"),
        ("http_static", {"index": "../index.html"}, "plain file name"),
        ("http_static", {"options": ReplyOptions(suffix=b"\n")}, "suffix"),
    ],
)
def test_factory_errors_are_plain_value_errors(kind, params, words):
    with pytest.raises(ValueError, match=words):
        make_responder(kind, **params)


def test_descriptions_mention_the_options():
    options = ReplyOptions(delay=1.5, close_after_reply=True, suffix=b"\r\n")
    text = EchoResponder(options).describe()
    assert text == (
        'echo each message back; each reply ends with "\\r\\n", replies wait 1.5 s, '
        "the connection is closed after a reply"
    )
    assert FixedResponder(b"OK\n").describe() == 'reply "OK\\n" to each message'
    rules = RulesResponder((Rule(MatchKind.EXACT, "a", "b"),) * 2)
    assert rules.describe() == "reply by 2 rules, otherwise no reply"
    assert Rule(MatchKind.HEX_PREFIX, "01 03", "{hex}").describe() == (
        "if the message starts with hex '01 03', reply '{hex}'"
    )
