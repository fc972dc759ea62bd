"""A catastrophic regular expression is stopped, reported on that peer, and skipped."""

from __future__ import annotations

import time

from reply_helpers import NOW

from netbench.core.replies.responder import Note, Reply
from netbench.core.replies.rules import (
    MatchKind,
    Rule,
    RulesResponder,
    nested_quantifier,
    risky_rule_lines,
)

EVIL = "a" * 32 + "!"


def test_a_rule_that_backtracks_forever_is_stopped_reported_and_skipped():
    responder = RulesResponder(
        # The regex engine gets through (a+)+$ (the pattern first reported) at once, but
        # overlapping alternatives under a repeat still backtrack without end.
        (Rule(MatchKind.REGEX, "(a|aa)+$", "matched"), Rule(MatchKind.CONTAINS, "!", "bang")),
        fallback=b"no",
    )
    session = responder.new_session("p")
    started = time.monotonic()
    first = session.on_frame(EVIL.encode(), NOW)
    assert time.monotonic() - started < 2  # it froze for good before
    assert isinstance(first[0], Note) and "rule 1" in first[0].text
    assert first[1:] == [Reply(b"bang")]
    started = time.monotonic()
    assert session.on_frame(EVIL.encode(), NOW) == [Reply(b"bang")]  # skipped from now on
    assert time.monotonic() - started < 0.05
    # Another peer's session still tries it: the rule is not broken, the message was.
    assert responder.new_session("q").on_frame(b"aaa", NOW) == [Reply(b"matched")]


def test_the_pattern_first_reported_answers_at_once():
    session = RulesResponder((Rule(MatchKind.REGEX, "(a+)+$", "matched"),), b"no").new_session("p")
    started = time.monotonic()
    assert session.on_frame(EVIL.encode(), NOW) == [Reply(b"no")]
    assert time.monotonic() - started < 0.5


def test_nested_quantifiers_are_spotted():
    assert (
        nested_quantifier("(a+)+$")
        and nested_quantifier("(\\w*)*")
        and nested_quantifier("([a-z]+)*x")
    )
    assert not nested_quantifier("(ab)+") and not nested_quantifier("a+b+")
    text = "regex (a+)+$ => x\ncontains b => y\nregex ^\\d+$ => z\nREGEX (x*)* => w"
    assert risky_rule_lines(text) == [1, 4]
