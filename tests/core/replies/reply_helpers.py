"""What the reply tests share: a fixed "now", and the replies a responder gives."""

from __future__ import annotations

from collections.abc import Sequence

from netbench.core.replies.responder import Action, Reply, Responder

# Sun Nov 22 02:20:42 2026 UTC
NOW = 1795314042.0


def replies(actions: Sequence[Action]) -> list[bytes]:
    return [action.data for action in actions if isinstance(action, Reply)]


def one_reply(responder: Responder, data: bytes, now: float = NOW) -> bytes:
    actions = responder.new_session("127.0.0.1:50000").on_frame(data, now)
    assert len(actions) == 1 and isinstance(actions[0], Reply)
    return actions[0].data
