"""Pacing on a grid of deadlines: due slots go out together, stale ones are skipped."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netbench.core.pacing import Pacer


def test_slots_come_due_on_the_grid():
    pacer = Pacer(interval=0.1, start=10.0)
    assert pacer.take(10.0) == 1
    assert pacer.take(10.05) == 0
    assert pacer.wait(10.05) == pytest.approx(0.05)
    assert pacer.take(10.1) == 1
    assert pacer.next_deadline == pytest.approx(10.2)


def test_wake_ups_send_every_slot_since_the_last_one():
    pacer = Pacer(interval=0.001, start=0.0, slack=0.010)
    assert pacer.take(0.0) == 1
    assert pacer.take(0.0045) == 4  # slots at 1, 2, 3 and 4 ms
    assert pacer.skipped == 0


def test_a_stall_skips_stale_slots_instead_of_bursting():
    pacer = Pacer(interval=0.001, start=0.0, slack=0.010)
    pacer.take(0.0)
    sent = pacer.take(1.0)  # a one-second stall: 1000 slots due
    assert sent == 11  # only those of the last 10 ms (990..1000 ms)
    assert pacer.skipped == 989
    assert pacer.next_deadline == pytest.approx(1.001)


def test_a_count_ends_the_schedule_and_a_limit_leaves_slots_due():
    pacer = Pacer(interval=0.01, start=0.0, count=5, slack=0.05)
    assert pacer.take(0.025, limit=2) == 2
    assert pacer.take(0.025) == 1
    assert pacer.take(10.0) == 0  # the last two are long stale: skipped
    assert pacer.finished and pacer.taken == 3 and pacer.skipped == 2


def test_bad_settings_are_refused():
    with pytest.raises(ValueError, match="interval"):
        Pacer(interval=0, start=0)
    with pytest.raises(ValueError, match="count"):
        Pacer(interval=1, start=0, count=-1)


@given(
    interval=st.floats(min_value=1e-5, max_value=1.0),
    steps=st.lists(st.floats(min_value=0.0, max_value=0.5), max_size=60),
    count=st.integers(min_value=0, max_value=500),
    slack=st.floats(min_value=0.0, max_value=0.1),
)
def test_sent_and_skipped_account_for_every_slot_due_and_no_more(interval, steps, count, slack):
    pacer = Pacer(interval=interval, start=0.0, count=count, slack=slack)
    now = 0.0
    for step in steps:
        now += step
        before = pacer.taken
        sent = pacer.take(now)
        assert sent == pacer.taken - before >= 0
        due = int(now / interval + 1e-9) + 1
        if count:
            due = min(due, count)
        # Never a slot before its deadline; every slot due is sent or skipped.
        assert pacer.taken + pacer.skipped <= due + 1
        assert pacer.taken + pacer.skipped >= due - 1
        if count:
            assert pacer.taken + pacer.skipped <= count
        # A single wake-up sends at most the slots of the slack window (and one on time).
        assert sent <= slack / interval + 2
