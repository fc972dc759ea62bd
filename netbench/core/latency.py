"""Latency figures for a load run: exact percentiles from the samples themselves.

Percentiles use the nearest-rank rule: the p-th percentile is the smallest sample that at
least p % of the samples are less than or equal to. It always returns a value that was
really measured, never an interpolation between two, so "p99 = 1.8 ms" means one round
trip took exactly that long. It is monotonic in p and exact on small sets, which is what a
person comparing two runs by eye needs.

A run may measure millions of round trips. :class:`LatencyRecorder` keeps every sample (8
bytes each) up to ``capacity``; past that it keeps a uniform random sample of that size
(reservoir sampling), while the count, minimum, maximum and mean stay exact. The summary
says when its percentiles come from a sample.
"""

from __future__ import annotations

import math
import random
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

# 2,000,000 samples is 16 MB and sorts in well under a second.
DEFAULT_CAPACITY = 2_000_000
PERCENTILES = (50.0, 90.0, 99.0)


def percentile(ordered: Sequence[int], p: float) -> int:
    """The nearest-rank ``p``-th percentile (0..100) of ``ordered``, sorted ascending."""
    if not ordered:
        raise ValueError("no samples")
    if not 0.0 <= p <= 100.0:
        raise ValueError(f"a percentile lies between 0 and 100, not {p}")
    rank = math.ceil(p / 100.0 * len(ordered))
    return ordered[max(rank, 1) - 1]


@dataclass(frozen=True)
class LatencySummary:
    """Round-trip times of one run, in nanoseconds."""

    count: int
    min: int
    max: int
    mean: float
    p50: int
    p90: int
    p99: int
    sampled: int  # how many samples the percentiles come from (== count when exact)

    @property
    def exact(self) -> bool:
        return self.sampled == self.count


class LatencyRecorder:
    """Collects round-trip times (ns); cheap enough to call on every reply."""

    def __init__(self, capacity: int = DEFAULT_CAPACITY, seed: int = 0) -> None:
        if capacity < 1:
            raise ValueError("the capacity must be at least one sample")
        self.capacity = capacity
        self.count = 0
        self.total = 0
        self.min = 0
        self.max = 0
        self._samples = array("q")
        self._random = random.Random(seed)

    def add(self, nanoseconds: int) -> None:
        if self.count == 0 or nanoseconds < self.min:
            self.min = nanoseconds
        if nanoseconds > self.max:
            self.max = nanoseconds
        self.count += 1
        self.total += nanoseconds
        if len(self._samples) < self.capacity:
            self._samples.append(nanoseconds)
            return
        # Algorithm R: every sample seen so far has the same chance to be kept.
        slot = self._random.randrange(self.count)
        if slot < self.capacity:
            self._samples[slot] = nanoseconds

    @property
    def mean(self) -> float:
        return self.total / self.count if self.count else 0.0

    def summary(self) -> LatencySummary | None:
        """The figures so far, or None before the first sample."""
        if not self.count:
            return None
        ordered = sorted(self._samples)
        p50, p90, p99 = (percentile(ordered, p) for p in PERCENTILES)
        return LatencySummary(
            count=self.count,
            min=self.min,
            max=self.max,
            mean=self.mean,
            p50=p50,
            p90=p90,
            p99=p99,
            sampled=len(ordered),
        )


def format_latency(nanoseconds: float) -> str:
    """A round-trip time with three significant digits: 850 ns, 42.1 µs, 1.25 ms, 2.00 s."""
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if nanoseconds >= scale * 0.9995:  # what would round to 1000 of the unit below
            return f"{_three_digits(nanoseconds / scale)} {unit}"
    return f"{nanoseconds:.0f} ns"


def _three_digits(value: float) -> str:
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"
