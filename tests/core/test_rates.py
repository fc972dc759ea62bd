"""A panel's counters: exact totals that never reset, and rates for a glance."""

from hypothesis import given
from hypothesis import strategies as st

from netbench.core.rates import RateMeter, Rates, TrafficCounts, human_rate

counts = st.tuples(st.integers(0, 10_000), st.integers(0, 10**9))
batches = st.lists(st.tuples(st.booleans(), counts, st.booleans()), max_size=50)


@given(batches)
def test_totals_count_every_batch_however_often_rates_roll(steps):
    meter = RateMeter()
    expected = [0, 0, 0, 0]
    for incoming, (messages, nbytes), roll in steps:
        if incoming:
            meter.count_in(messages, nbytes)
            expected[0] += messages
            expected[1] += nbytes
        else:
            meter.count_out(messages, nbytes)
            expected[2] += messages
            expected[3] += nbytes
        if roll:
            meter.roll(1.0)
    assert [meter.messages_in, meter.bytes_in, meter.messages_out, meter.bytes_out] == expected
    assert meter.messages == expected[0] + expected[2]


def test_a_roll_gives_what_came_since_the_last_one_per_second():
    meter = RateMeter()
    meter.count_in(10, 1000)
    meter.count_out(4, 400)
    assert meter.roll(2.0) == Rates(5.0, 500.0, 2.0, 200.0)
    meter.count_in(1, 100)
    assert meter.roll(0.5) == Rates(2.0, 200.0, 0.0, 0.0)
    assert meter.messages_in == 11 and meter.bytes_out == 400


def test_a_roll_without_time_repeats_the_last_rates():
    meter = RateMeter()
    assert meter.roll(0.0) == Rates()
    meter.count_in(3, 30)
    first = meter.roll(1.0)
    meter.count_in(100, 100)
    assert meter.roll(0.0) == first
    assert list(meter.history) == [first]


def test_the_history_keeps_the_newest_rates():
    meter = RateMeter(history_size=3)
    for messages in range(5):
        meter.count_in(messages, 0)
        meter.roll(1.0)
    assert [rates.messages_in for rates in meter.history] == [2.0, 3.0, 4.0]


def test_a_batch_tally_counts_each_way():
    tally = TrafficCounts()
    tally.count_in(2, 20)
    tally.count_out(1, 5)
    tally.count_in(1, 1)
    assert tally == TrafficCounts(3, 21, 1, 5)
    assert tally.messages == 4


def test_human_rate_is_short():
    assert human_rate(1234.0, "msg") == "1.2 kmsg/s"
    assert human_rate(3.4e6, "B") == "3.4 MB/s"
    assert human_rate(12.0, "B") == "12 B/s"


passes = st.lists(st.tuples(st.booleans(), st.integers(0, 10), st.integers(0, 1 << 20)))


@given(passes)
def test_each_way_counts_every_message_and_byte_that_passed(passed):
    traffic = TrafficCounts()
    for inbound, messages, nbytes in passed:
        if inbound:
            traffic.count_in(messages, nbytes)
        else:
            traffic.count_out(messages, nbytes)
    inbound = [(m, n) for way, m, n in passed if way]
    outbound = [(m, n) for way, m, n in passed if not way]
    assert traffic.messages_in == sum(m for m, _ in inbound)
    assert traffic.bytes_in == sum(n for _, n in inbound)
    assert traffic.messages_out == sum(m for m, _ in outbound)
    assert traffic.bytes_out == sum(n for _, n in outbound)
