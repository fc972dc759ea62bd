"""What a load test reports: progress snapshots while it runs, and the result at the end."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from netbench.core.latency import LatencySummary
from netbench.net.loadtest.settings import LoadSettings


class RunStatus(StrEnum):
    RUNNING = "running"
    FINISHED = "finished"
    CANCELLED = "cancelled"
    FAILED = "failed"


@dataclass(frozen=True)
class LoadProgress:
    """A snapshot of a run, cheap to make and to pass between threads."""

    elapsed: float
    attempted: int
    open: int
    failed: int
    sent: int
    replies: int
    bytes_out: int
    bytes_in: int
    errors: int
    timeouts: int
    fraction: float  # of the messages (or of the duration) done, 0..1
    mean_latency_ns: float

    @property
    def send_rate(self) -> float:
        return self.sent / self.elapsed if self.elapsed > 0 else 0.0


@dataclass(frozen=True)
class FailedConnection:
    """One connection's failure, as kept for the results (the first few only)."""

    connection: int  # 1-based
    at: float  # seconds into the run
    message: str


@dataclass(frozen=True)
class LoadResult:
    settings: LoadSettings
    status: RunStatus
    attempted: int
    connected: int
    failed: int
    not_attempted: int
    peak_open: int
    sent: int
    replies: int
    unmatched_replies: int  # replies that came with no request waiting (banners, extras)
    bytes_out: int
    bytes_in: int
    elapsed: float
    timeouts: int
    late_slots: int  # rate-limited slots skipped because a sender fell behind
    latency: LatencySummary | None
    errors: tuple[tuple[str, int], ...]  # message and count, most frequent first
    first_errors: tuple[FailedConnection, ...]
    fd_limit: int | None  # connections held when "too many open files" stopped the opening
    summary: str  # one line: what happened
    error_field: str = ""  # the setting a failed run's error is about ("port", "host"...)

    @property
    def messages_per_second(self) -> float:
        return self.sent / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def replies_per_second(self) -> float:
        return self.replies / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def mb_out_per_second(self) -> float:
        return self.bytes_out / self.elapsed / 1e6 if self.elapsed > 0 else 0.0

    @property
    def mb_in_per_second(self) -> float:
        return self.bytes_in / self.elapsed / 1e6 if self.elapsed > 0 else 0.0
