"""A rule whose regular expression backtracks without end cannot freeze the listener."""

from __future__ import annotations

import asyncio
import time

import pytest
from hostile_peers import port_of, start_hostile

from netbench.core.framing.spec import FramingKind, FramingSpec
from netbench.core.replies.responder import ReplyOptions
from netbench.core.replies.rules import MatchKind, Rule, RulesResponder
from netbench.net.event_route import EventRoute
from netbench.net.events import NetEvent, Notice
from netbench.net.socket_kinds import SocketAddress
from netbench.net.stream import PeerPolicy
from netbench.net.stream_listener import StreamListener

EVIL = "a" * 32 + "!"


@pytest.mark.slow
def test_a_catastrophic_regex_is_stopped_and_the_listener_answers_on():
    notices: list[str] = []

    def sink(event: NetEvent) -> None:
        if isinstance(event, Notice):
            notices.append(event.text)

    async def scenario():
        responder = RulesResponder(
            (
                Rule(MatchKind.REGEX, "(a+)+$", "first"),  # as reported
                Rule(MatchKind.REGEX, "(a|aa)+$", "matched"),  # still backtracks for ever
            ),
            fallback=b"other",
            options=ReplyOptions(suffix=b"\n"),
        )
        policy = PeerPolicy(
            framing=FramingSpec(kind=FramingKind.DELIMITER, delimiter=b"\n"), responder=responder
        )
        listener = await StreamListener.open(SocketAddress(port=0), EventRoute(sink), policy=policy)
        port = port_of(listener.address)
        started = time.monotonic()
        evil = await start_hostile("lines", port, EVIL, EVIL, "aaa")
        plain = await start_hostile("lines", port, "hello")
        evil_out, _ = await asyncio.wait_for(evil.communicate(), 30)
        plain_out, _ = await asyncio.wait_for(plain.communicate(), 30)
        elapsed = time.monotonic() - started
        await listener.aclose()
        return evil_out.decode().splitlines(), plain_out.decode().splitlines(), elapsed

    evil_lines, plain_lines, elapsed = asyncio.run(scenario())
    # It froze the window and the listener for more than 6 s (for good, really).
    assert evil_lines == ["GOT other", "GOT other", "GOT first"]
    assert plain_lines == ["GOT other"]
    assert elapsed < 6
    assert sum("rule 2" in n and "stopped" in n for n in notices) == 1
