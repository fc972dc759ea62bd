"""Repeat schedules keep to their grid of deadlines; replay schedules to the recording's."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netbench.core.schedule import RepeatSchedule, ReplaySchedule


def test_deadlines_stay_on_the_grid_whatever_the_timer_does():
    schedule = RepeatSchedule(count=5, interval=0.01, start=100.0)
    fired = [100.0, 100.013, 100.0195, 100.0301, 100.04]  # late, late, early-ish, on time
    deadlines = []
    for now in fired:
        deadlines.append(schedule.next_deadline)
        schedule.mark_sent(now)
    assert deadlines == pytest.approx([100.0, 100.01, 100.02, 100.03, 100.04])
    assert schedule.finished and schedule.sent == 5 and schedule.skipped == 0


def test_a_sender_a_little_behind_catches_up():
    schedule = RepeatSchedule(count=0, interval=0.01, start=0.0)
    schedule.mark_sent(0.0)
    schedule.mark_sent(0.035)  # slot 1 (0.01) sent at 0.035: slots 2 and 3 are due now
    assert schedule.skipped == 0
    assert schedule.wait(0.035) == 0.0
    schedule.mark_sent(0.035)
    schedule.mark_sent(0.035)
    assert schedule.wait(0.035) == pytest.approx(0.005)  # back on the grid: slot 4 at 0.04


def test_a_stall_longer_than_max_lag_skips_slots_instead_of_bursting():
    schedule = RepeatSchedule(count=0, interval=0.01, start=0.0, max_lag=0.25)
    schedule.mark_sent(0.0)
    schedule.mark_sent(2.0)  # two seconds stalled
    assert schedule.skipped in (173, 174)  # slots 0.02 .. ~1.74 are gone
    assert 0.24 <= 2.0 - schedule.next_deadline <= 0.25 + 1e-9


def test_wait_is_never_negative_and_zero_interval_sends_back_to_back():
    schedule = RepeatSchedule(count=3, interval=0.0, start=5.0)
    assert schedule.wait(6.0) == 0.0
    for _ in range(3):
        schedule.mark_sent(6.0)
    assert schedule.finished and schedule.skipped == 0


@pytest.mark.parametrize(
    ("count", "interval"), [(-1, 0.1), (1, -0.1), (0, 0.0)], ids=["count", "interval", "forever"]
)
def test_impossible_schedules_are_refused(count, interval):
    with pytest.raises(ValueError, match=r"cannot be negative|at least 1 ms"):
        RepeatSchedule(count=count, interval=interval, start=0.0)


@given(st.integers(1, 1000), st.floats(0.001, 1.0), st.lists(st.floats(0, 5), max_size=50))
def test_deadline_k_is_start_plus_k_intervals(count, interval, lateness):
    schedule = RepeatSchedule(count=count, interval=interval, start=10.0)
    for late in lateness:
        if schedule.finished:
            break
        now = schedule.next_deadline + late * interval
        schedule.mark_sent(now)
        slots = schedule.sent + schedule.skipped
        assert schedule.next_deadline == pytest.approx(10.0 + slots * interval)
        assert schedule.next_deadline >= now - schedule.max_lag - 1e-9 or schedule.finished


# -- replays --------------------------------------------------------------------------------


def test_replay_deadlines_are_absolute_offsets_from_the_start():
    schedule = ReplaySchedule(start=50.0)
    assert schedule.wait(0.3, now=50.0) == pytest.approx(0.3)
    schedule.mark_sent(0.3, now=50.31)  # a little late: the next deadline does not move
    assert schedule.deadline(0.6) == pytest.approx(50.6)
    assert schedule.slipped == 0.0
    assert schedule.wait(0.2, now=50.31) == 0.0  # an earlier offset is due at once


def test_a_replay_stall_slips_the_timeline_instead_of_bursting():
    schedule = ReplaySchedule(start=0.0, max_lag=0.25)
    schedule.mark_sent(0.0, now=0.0)
    schedule.mark_sent(0.1, now=3.1)  # three seconds stalled
    assert schedule.slipped == pytest.approx(2.75)
    # Messages recorded within max_lag after the late one go at once, then the gaps return.
    assert schedule.wait(0.2, now=3.1) == 0.0
    assert schedule.wait(0.6, now=3.1) == pytest.approx(0.25)


@given(st.lists(st.tuples(st.floats(0, 1.0), st.floats(0, 5.0)), max_size=50))
def test_a_replay_is_never_more_than_max_lag_behind_after_a_send(steps):
    schedule = ReplaySchedule(start=0.0, max_lag=0.25)
    offset = 0.0
    now = 0.0
    for gap, late in steps:
        offset += gap
        now = max(now, schedule.deadline(offset)) + late
        schedule.mark_sent(offset, now)
        assert now - schedule.deadline(offset) <= schedule.max_lag + 1e-9
