"""Net events reach the UI complete, in order and in batches, while the UI keeps ticking."""

import asyncio
import time

import pytest
from PySide6.QtCore import QTimer

from netbench.net import engine as engine_module
from netbench.net.engine import Engine, EngineMode
from netbench.net.events import DataReceived, Notice
from netbench.net.stream_listener import StreamListener
from netbench.ui.runtime.bridge import EventBridge

BURST = 100_000


@pytest.mark.parametrize("mode", list(EngineMode))
def test_a_burst_of_100k_events_arrives_whole_in_order_in_batches(qloop, pump, run_async, mode):
    engine = Engine(mode)
    engine.start(qloop)
    bridge = EventBridge(engine)
    received, batch_sizes, beats = [], [], []
    bridge.events_arrived.connect(
        lambda batch: (batch_sizes.append(len(batch)), received.extend(batch))
    )
    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(lambda: beats.append(time.monotonic()))
    heartbeat.start()
    bridge.start()

    def burst():
        for i in range(BURST):
            engine.emit(Notice(source="burst", text=str(i)))

    engine.call(burst)
    pump(lambda: len(received) == BURST, 30)
    first_batch_at = beats[-1] if beats else 0.0
    heartbeat.stop()
    heartbeat.deleteLater()
    bridge.stop()
    bridge.deleteLater()

    assert [int(e.text) for e in received] == list(range(BURST))
    assert 10 <= len(batch_sizes) <= 60, batch_sizes
    assert max(batch_sizes) <= bridge.max_batch
    # The heartbeat went on firing while the batches were handed over.
    assert len(beats) >= len(batch_sizes)
    assert first_batch_at > 0
    run_async(engine.shutdown())


@pytest.mark.parametrize("mode", list(EngineMode))
def test_socket_events_cross_the_bridge_in_both_modes(qloop, pump, run_async, mode):
    engine = Engine(mode)
    engine.start(qloop)
    bridge = EventBridge(engine)
    received = []
    bridge.events_arrived.connect(received.extend)
    bridge.start()

    async def start_listener():
        listener = await StreamListener.open(sink=engine.emit, gate=engine.gate, port=0)
        engine.own(listener)
        return int(listener.address.rsplit(":", 1)[1])

    async def talk(port):
        _, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"x" * 300_000)
        await writer.drain()
        return writer

    port = run_async(engine.run(start_listener()))
    writer = run_async(talk(port))
    pump(lambda: sum(e.nbytes for e in received if isinstance(e, DataReceived)) == 300_000)
    writer.close()
    run_async(engine.shutdown())
    bridge.stop()
    bridge.deleteLater()
    if mode is EngineMode.UI_LOOP:
        # 300 KB against a 512 KB budget per tick may or may not park; the data is whole.
        assert engine.gate.bytes_per_tick is not None
    else:
        # An IO thread gets a larger budget that still leaves the GIL to the UI each tick.
        assert engine.gate.bytes_per_tick > engine_module.DEFAULT_BYTES_PER_TICK
