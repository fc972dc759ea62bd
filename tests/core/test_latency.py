"""Latency percentiles: nearest rank, monotonic, within the range, exact on known sets."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netbench.core.latency import LatencyRecorder, format_latency, percentile

samples = st.lists(st.integers(min_value=0, max_value=10**12), min_size=1, max_size=300)
ranks = st.floats(min_value=0.0, max_value=100.0, allow_nan=False)


def test_exact_on_a_small_known_set():
    ordered = [15, 20, 35, 40, 50]
    assert percentile(ordered, 0) == 15
    assert percentile(ordered, 30) == 20
    assert percentile(ordered, 40) == 20
    assert percentile(ordered, 50) == 35
    assert percentile(ordered, 90) == 50
    assert percentile(ordered, 100) == 50


def test_one_to_a_hundred():
    ordered = list(range(1, 101))
    assert [percentile(ordered, p) for p in (1, 50, 90, 99, 100)] == [1, 50, 90, 99, 100]


def test_no_samples_and_bad_ranks_are_refused():
    with pytest.raises(ValueError, match="no samples"):
        percentile([], 50)
    with pytest.raises(ValueError, match="between 0 and 100"):
        percentile([1], 101)


@given(samples, ranks, ranks)
def test_percentiles_are_monotonic_and_within_min_and_max(values, p, q):
    ordered = sorted(values)
    low, high = sorted((p, q))
    assert percentile(ordered, low) <= percentile(ordered, high)
    assert min(values) <= percentile(ordered, p) <= max(values)
    assert percentile(ordered, p) in values


@given(samples, ranks)
def test_at_least_p_percent_are_at_or_below_the_percentile(values, p):
    ordered = sorted(values)
    value = percentile(ordered, p)
    at_or_below = sum(1 for v in values if v <= value)
    below = sum(1 for v in values if v < value)
    assert at_or_below >= p / 100 * len(values) - 1e-9
    assert below < max(p / 100 * len(values), 1)


@given(samples)
def test_the_recorder_summary_matches_the_samples(values):
    recorder = LatencyRecorder()
    for value in values:
        recorder.add(value)
    summary = recorder.summary()
    ordered = sorted(values)
    assert summary.exact and summary.count == len(values)
    assert (summary.min, summary.max) == (ordered[0], ordered[-1])
    assert summary.mean == pytest.approx(sum(values) / len(values))
    assert summary.p50 == percentile(ordered, 50)
    assert summary.p90 == percentile(ordered, 90)
    assert summary.p99 == percentile(ordered, 99)
    assert summary.min <= summary.p50 <= summary.p90 <= summary.p99 <= summary.max


@given(st.lists(st.integers(min_value=0, max_value=10**9), min_size=11, max_size=400))
def test_past_its_capacity_it_samples_but_keeps_count_min_max_and_mean_exact(values):
    recorder = LatencyRecorder(capacity=10, seed=7)
    for value in values:
        recorder.add(value)
    summary = recorder.summary()
    assert not summary.exact and summary.sampled == 10 and summary.count == len(values)
    assert (summary.min, summary.max) == (min(values), max(values))
    assert summary.mean == pytest.approx(sum(values) / len(values))
    assert summary.min <= summary.p50 <= summary.p90 <= summary.p99 <= summary.max


def test_an_empty_recorder_has_no_summary():
    assert LatencyRecorder().summary() is None


@pytest.mark.parametrize(
    ("ns", "text"),
    [
        (850, "850 ns"),
        (42_100, "42.1 µs"),
        (999_900, "1.00 ms"),
        (1_250_000, "1.25 ms"),
        (250_000_000, "250 ms"),
        (2_000_000_000, "2.00 s"),
    ],
)
def test_format_latency(ns, text):
    assert format_latency(ns) == text
