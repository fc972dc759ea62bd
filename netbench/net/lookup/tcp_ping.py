"""A TCP-connect "ping": repeated connects to one port, timed, with min/avg/max/loss.

ICMP echo needs a raw socket (root or CAP_NET_RAW); a handshake needs nothing and times
the same round trip plus the far end's accept, which is what an application sees anyway.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from netbench.core.lookup.ping_report import PingReport, PingSample
from netbench.net.lookup.scan import probe, resolve_target

SampleCallback = Callable[[PingSample], None]


async def tcp_ping(
    host: str,
    port: int,
    *,
    count: int = 4,
    interval: float = 1.0,
    timeout: float = 1.0,
    on_sample: SampleCallback | None = None,
) -> PingReport:
    """``count`` connects, one every ``interval`` seconds (measured from each start, so a
    slow answer does not push the next one late). Cancel the task to stop early; the
    samples so far went to ``on_sample``."""
    loop = asyncio.get_running_loop()
    target = await resolve_target(host)
    samples: list[PingSample] = []
    start = loop.time()
    for seq in range(1, count + 1):
        state, seconds, detail = await probe(target, port, timeout)
        sample = PingSample(seq, state, seconds, detail)
        samples.append(sample)
        if on_sample is not None:
            on_sample(sample)
        if seq < count:
            await asyncio.sleep(max(0.0, start + seq * interval - loop.time()))
    return PingReport(host, target.address, port, tuple(samples))
