"""Micro benchmark: how fast each framer cuts a flood of short lines.

A flood test sends millions of 64-byte lines per second, so framing must keep up with the
socket. Each framer gets ~50 MB fed in 16 KB chunks (as a reader would deliver them) and is
compared with ``bytes.split(b"\\n")`` over the same data in one call, the fastest thing pure
Python can do, measured in the same run so the numbers are comparable across machines.

Run: python benchmarks/bench_framing.py
"""

from __future__ import annotations

import time
from collections.abc import Callable

from netbench.core.framing.spec import FramingKind, FramingSpec
from netbench.core.framing.wire import encode_frame, make_framer

LINE = b"x" * 63 + b"\n"  # 64 bytes with the LF
TOTAL = 50 * 1024 * 1024
CHUNK = 16 * 1024
ROUNDS = 2  # best of, to shrug off a noisy neighbour


def split_into_chunks(data: bytes, size: int) -> list[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)]


def feed_all(spec: FramingSpec, chunks: list[bytes]) -> int:
    """Frame every chunk and return how many frames came out."""
    framer = make_framer(spec)
    frames = 0
    for chunk_id, chunk in enumerate(chunks):
        frames += len(framer.feed(chunk, chunk_id))
    return frames + len(framer.flush())


def best_time(run: Callable[[], int]) -> tuple[float, int]:
    best = float("inf")
    count = 0
    for _ in range(ROUNDS):
        started = time.perf_counter()
        count = run()
        best = min(best, time.perf_counter() - started)
    return best, count


def main() -> None:
    lines = TOTAL // len(LINE)
    data = LINE * lines
    prefixed = encode_frame(LINE[:-1], FramingSpec(kind=FramingKind.LENGTH_PREFIX, prefix_size=1))
    prefixed_data = prefixed * lines  # same size and frame count, 1-byte header instead of LF

    chunks = split_into_chunks(data, CHUNK)
    # 16 KB is a multiple of 64, so no line ever straddles a chunk; this row shows the cost
    # of the more realistic case where most chunks end inside a line.
    odd_chunks = split_into_chunks(data, CHUNK - 1)
    prefixed_chunks = split_into_chunks(prefixed_data, CHUNK)
    cases: list[tuple[str, Callable[[], int]]] = [
        ('bytes.split(b"\\n") (baseline)', lambda: len(data.split(b"\n")) - 1),
        ("raw", lambda: feed_all(FramingSpec(), chunks)),
        ("delimiter LF", lambda: feed_all(FramingSpec(kind=FramingKind.DELIMITER), chunks)),
        (
            "delimiter LF, 16383-byte chunks",
            lambda: feed_all(FramingSpec(kind=FramingKind.DELIMITER), odd_chunks),
        ),
        (
            "fixed 64",
            lambda: feed_all(FramingSpec(kind=FramingKind.FIXED, fixed_length=64), chunks),
        ),
        (
            "length prefix (1 byte + 63)",
            lambda: feed_all(
                FramingSpec(kind=FramingKind.LENGTH_PREFIX, prefix_size=1), prefixed_chunks
            ),
        ),
    ]

    megabytes = len(data) / 1e6
    print(f"{megabytes:.0f} MB of 64-byte lines in {CHUNK // 1024} KB chunks, best of {ROUNDS}")
    print(f"{'case':<33} {'frames':>9} {'MB/s':>8} {'frames/s':>12} {'vs split':>9}")
    baseline = 0.0
    for name, run in cases:
        seconds, frames = best_time(run)
        baseline = baseline or seconds
        print(
            f"{name:<33} {frames:>9} {megabytes / seconds:>8.0f} {frames / seconds:>12,.0f} "
            f"{seconds / baseline:>8.2f}x"
        )


if __name__ == "__main__":
    main()
