"""Replies by rules: matching, templates and placeholders, and the errors a rule can have."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reply_helpers import NOW, replies

from netbench.core.replies.responder import (
    CloseConnection,
    Reply,
    ReplyOptions,
)
from netbench.core.replies.rules import PLACEHOLDERS, MatchKind, Rule, RuleError, RulesResponder

PROPERTY_SETTINGS = settings(max_examples=200, deadline=None, database=None)


# --- rules -----------------------------------------------------------------------------------


def rules_session(*rules: Rule, fallback: bytes | None = None, peer: str = "10.0.0.2:4000"):
    return RulesResponder(rules, fallback).new_session(peer)


@pytest.mark.parametrize(
    ("match", "pattern", "hits", "misses"),
    [
        (MatchKind.EXACT, r"PING\r\n", [b"PING\r\n"], [b"PING", b"PING\r\nx", b"ping\r\n"]),
        (MatchKind.PREFIX, "GET ", [b"GET /", b"GET "], [b" GET /", b"get /"]),
        (MatchKind.CONTAINS, "你好", ["说你好吗".encode()], [b"hello"]),
        (MatchKind.REGEX, r"^\d{3}-\w+$", [b"123-abc", "123-中文".encode()], [b"12-abc"]),
        (MatchKind.HEX, "01 03", [b"\x01\x03", b"\xff\x01\x03\x00"], [b"\x01\x02\x03"]),
        (MatchKind.HEX_PREFIX, "0x0103", [b"\x01\x03\x00\x01"], [b"\x00\x01\x03"]),
        (MatchKind.PREFIX, "", [b"", b"anything"], []),
    ],
)
def test_each_match_kind(match, pattern, hits, misses):
    session = rules_session(Rule(match, pattern, "yes"), fallback=b"no")
    for frame in hits:
        assert replies(session.on_frame(frame, NOW)) == [b"yes"], frame
    for frame in misses:
        assert replies(session.on_frame(frame, NOW)) == [b"no"], frame


def test_rules_match_in_their_own_encoding():
    gbk = Rule(MatchKind.CONTAINS, "你好", "gbk hit", encoding="gbk")
    regex = Rule(MatchKind.REGEX, "^好+$", "regex hit", encoding="big5")
    session = rules_session(gbk, regex)
    assert replies(session.on_frame("你好".encode("gbk"), NOW)) == [b"gbk hit"]
    assert replies(session.on_frame("好好".encode("big5"), NOW)) == [b"regex hit"]
    assert session.on_frame("你好".encode(), NOW) == []


def test_first_matching_rule_wins():
    session = rules_session(
        Rule(MatchKind.PREFIX, "a", "first"),
        Rule(MatchKind.PREFIX, "ab", "second"),
        Rule(MatchKind.CONTAINS, "z", "third"),
    )
    assert replies(session.on_frame(b"abz", NOW)) == [b"first"]
    assert replies(session.on_frame(b"xz", NOW)) == [b"third"]


def test_without_fallback_an_unmatched_frame_gets_no_reply():
    assert rules_session(Rule(MatchKind.EXACT, "a", "b")).on_frame(b"c", NOW) == []


def test_template_placeholders(utc):
    template = r"#{counter} {peer} {len} [{time}] {hex} <{data}> <{upper}>\r\n"
    session = rules_session(Rule(MatchKind.PREFIX, "", template))
    assert replies(session.on_frame("hi你".encode(), NOW)) == [
        "#1 10.0.0.2:4000 5 [Sun Nov 22 02:20:42 2026] 68 69 e4 bd a0 <hi你> <HI你>\r\n".encode()
    ]


def test_every_placeholder_is_documented_and_usable():
    template = "".join(f"{{{name}}}" for name in PLACEHOLDERS)
    assert replies(rules_session(Rule(MatchKind.PREFIX, "", template)).on_frame(b"x", NOW))


def test_template_escapes_and_braces():
    rule = Rule(MatchKind.PREFIX, "", r"{{\x00\u4e2d}}\\n{data}\t", encoding="gbk")
    reply = replies(rules_session(rule).on_frame(b"D", NOW))
    assert reply == [b"{\x00" + "中".encode("gbk") + b"}\\nD\t"]


def test_template_literals_use_the_rules_encoding():
    rule = Rule(MatchKind.PREFIX, "", "好{len}", encoding="utf-16-le")
    assert replies(rules_session(rule).on_frame(b"abcd", NOW)) == ["好4".encode("utf-16-le")]


@pytest.mark.parametrize(
    "frame", [b"{counter}", b"{{data}}", b"\\n\\x41", b"{", b"}", b"\\", b"\xff\xfe{peer}"]
)
def test_data_is_never_read_as_escapes_or_placeholders(frame):
    session = rules_session(Rule(MatchKind.PREFIX, "", "<{data}>"))
    assert replies(session.on_frame(frame, NOW)) == [b"<" + frame + b">"]


def test_counter_counts_per_session():
    responder = RulesResponder((Rule(MatchKind.CONTAINS, "x", "{counter}"),))
    first, second = responder.new_session("a"), responder.new_session("b")
    assert replies(first.on_frame(b"x", NOW)) == [b"1"]
    assert first.on_frame(b"unmatched", NOW) == []  # counted, though not answered
    assert replies(first.on_frame(b"x", NOW)) == [b"3"]
    assert replies(second.on_frame(b"x", NOW)) == [b"1"]


def test_a_rule_can_close_the_connection():
    options = ReplyOptions(delay=0.5, suffix=b"\n")
    responder = RulesResponder(
        (
            Rule(MatchKind.EXACT, "quit", "bye", close=True),
            Rule(MatchKind.EXACT, "x", "", close=True),
        ),
        options=options,
    )
    session = responder.new_session("p")
    assert session.on_frame(b"quit", NOW) == [Reply(b"bye\n", 0.5), CloseConnection()]
    assert session.on_frame(b"x", NOW) == [CloseConnection(0.5)]


def test_an_empty_template_sends_nothing():
    session = rules_session(Rule(MatchKind.EXACT, "noise", ""), fallback=b"?")
    assert session.on_frame(b"noise", NOW) == []
    # A template that renders to nothing is still a reply, like echoing an empty frame.
    assert replies(rules_session(Rule(MatchKind.PREFIX, "", "{data}")).on_frame(b"", NOW)) == [b""]


@pytest.mark.parametrize(
    ("rule", "field", "position", "words"),
    [
        (Rule(MatchKind.EXACT, "", "ab{nope}"), "template", 2, "unknown placeholder {nope}"),
        (Rule(MatchKind.EXACT, "", "{}"), "template", 0, "unknown placeholder {}"),
        (Rule(MatchKind.EXACT, "", "x{data"), "template", 1, "not closed"),
        (Rule(MatchKind.EXACT, "", "x}y"), "template", 1, "has no"),
        (Rule(MatchKind.EXACT, "", "a\\{data}"), "template", 1, "backslash cannot escape"),
        (Rule(MatchKind.EXACT, "", "{data}\\q"), "template", 6, "unknown escape"),
        (Rule(MatchKind.EXACT, "", "{data}\\x4"), "template", 6, "two hex digits"),
        (Rule(MatchKind.EXACT, "", "中", encoding="ascii"), "template", 0, "cannot be encoded"),
        (Rule(MatchKind.REGEX, "a(b", "x"), "pattern", 1, "invalid regular expression"),
        (Rule(MatchKind.HEX, "01 0g", "x"), "pattern", 4, "not a hex digit"),
        (Rule(MatchKind.PREFIX, "\\z", "x"), "pattern", 0, "unknown escape"),
        (Rule(MatchKind.EXACT, "", "x", encoding="klingon"), "encoding", None, "unknown encoding"),
        (Rule("fuzzy", "", "x"), "match", None, "unknown match kind"),  # type: ignore[arg-type]
    ],
)
def test_bad_rules_are_refused_with_rule_and_position(rule, field, position, words):
    fine = Rule(MatchKind.EXACT, "ok", "ok")
    with pytest.raises(RuleError) as caught:
        RulesResponder((fine, rule))
    error = caught.value
    assert isinstance(error, ValueError)
    assert (error.rule, error.field, error.position) == (2, field, position)
    assert str(error).startswith(f"rule 2, {field}: ")
    assert words in str(error)


def test_rule_errors_pickle_with_their_position():
    with pytest.raises(RuleError) as caught:
        Rule(MatchKind.EXACT, "", "{x}").validate(7)
    copy = pickle.loads(pickle.dumps(caught.value))
    assert (str(copy), copy.rule, copy.field, copy.position) == (
        str(caught.value),
        7,
        "template",
        0,
    )


_FUZZ_RULES = (
    Rule(MatchKind.REGEX, r"(a|b)+c", "{upper}{hex}", encoding="utf-16-be"),
    Rule(MatchKind.HEX, "ff fe", "{data}{len}", encoding="gbk"),
    Rule(MatchKind.CONTAINS, "\\x00", "{peer}{time}{counter}", encoding="ascii"),
    Rule(MatchKind.EXACT, "", "", close=True),
    Rule(MatchKind.PREFIX, "中", "{data}", encoding="big5"),
)


@PROPERTY_SETTINGS
@given(st.lists(st.binary(max_size=32), max_size=5))
def test_rules_never_raise_on_any_frame(frames):
    session = RulesResponder(_FUZZ_RULES, fallback=b"?").new_session("对端 ☃")
    for frame in frames:
        actions = session.on_frame(frame, NOW)
        assert all(isinstance(action, Reply | CloseConnection) for action in actions)
