"""Walking the send history: Up through older payloads, Down back to the draft."""

from __future__ import annotations

from netbench.ui.sending.payload_draft import PayloadDraft
from netbench.ui.sending.payload_history import PayloadHistory


def test_up_and_down_walk_the_history_and_come_back_to_the_draft() -> None:
    history = PayloadHistory(limit=3)
    for text in ("a", "b", "c", "d"):
        history.remember(PayloadDraft(text))
    assert [draft.text for draft in history.entries] == ["b", "c", "d"]

    typing = PayloadDraft("new")
    assert history.older(typing) == PayloadDraft("d")
    assert history.older(PayloadDraft("d")) == PayloadDraft("c")
    assert history.older(PayloadDraft("c")) == PayloadDraft("b")
    assert history.older(PayloadDraft("b")) is None  # the oldest
    assert history.newer() == PayloadDraft("c")
    assert history.newer() == PayloadDraft("d")
    assert history.newer() == typing
    assert history.newer() is None  # back on the draft: nothing to walk


def test_the_text_just_sent_is_skipped_going_up() -> None:
    history = PayloadHistory()
    history.remember(PayloadDraft("one"))
    history.remember(PayloadDraft("two"))
    assert history.older(PayloadDraft("two")) == PayloadDraft("one")
