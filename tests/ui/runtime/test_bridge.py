"""Net events reach the UI complete, in order and in batches, while the UI keeps ticking."""

import asyncio
import time

import pytest
from PySide6.QtCore import QTimer

from netbench.net import engine as engine_module
from netbench.net.engine import Engine, EngineMode
from netbench.net.events import DataReceived, Notice
from netbench.net.read_gate import READ_BUFFER_SIZE
from netbench.net.socket_kinds import SocketAddress
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
        listener = await StreamListener.open(SocketAddress(port=0), engine.route())
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
        # 300 KB against an 8 MB budget per tick may or may not park; the data is whole.
        assert engine.gate.bytes_per_tick is not None
    else:
        # An IO thread reads in large pieces with no budget per tick: what bounds it is the
        # queue's ceiling in bytes, which holds at most a few reads more than the ceiling.
        assert engine.gate.bytes_per_tick is None
        assert engine.gate.read_size > READ_BUFFER_SIZE
        assert engine.queue.queued_bytes() == 0


class Consumer:
    """A subscriber that keeps what it hears and can say it is behind."""

    def __init__(self):
        self.events = []
        self.batches = 0
        self.is_backlogged = False

    def on_events(self, events):
        self.batches += 1
        self.events.extend(events)


def test_each_subscriber_hears_only_its_own_prefix_in_order(qloop, pump, run_async):
    engine = Engine(EngineMode.UI_LOOP)
    engine.start(qloop)
    bridge = EventBridge(engine)
    server, client = Consumer(), Consumer()
    bridge.subscribe("server-", server)
    bridge.subscribe("client-", client)
    everything = []
    bridge.events_arrived.connect(everything.extend)
    bridge.start()
    sources = ["server-1", "client-1/1", "server-2", "lookup-1", "client-2/5"]
    for i in range(3_000):
        engine.emit(Notice(source=sources[i % len(sources)], text=str(i)))
    pump(lambda: len(everything) == 3_000)
    bridge.stop()
    assert {e.source for e in server.events} == {"server-1", "server-2"}
    assert {e.source for e in client.events} == {"client-1/1", "client-2/5"}
    assert len(server.events) == len(client.events) == 1_200
    for consumer in (server, client):
        numbers = [int(e.text) for e in consumer.events]
        assert numbers == sorted(numbers)
    bridge.deleteLater()
    run_async(engine.shutdown())


def test_a_subscriber_that_is_behind_holds_events_back_until_it_catches_up(qloop, pump, run_async):
    engine = Engine(EngineMode.UI_LOOP)
    engine.start(qloop)
    bridge = EventBridge(engine, tick_ms=5)
    busy, other = Consumer(), Consumer()
    busy.is_backlogged = True
    bridge.subscribe("server-", busy)
    bridge.subscribe("client-", other)
    bridge.start()
    engine.emit(Notice(source="client-1", text="waits too"))
    engine.emit(Notice(source="server-1", text="held"))
    started = time.monotonic()
    pump(lambda: time.monotonic() - started > 0.2)
    assert busy.events == [] and other.events == []  # nothing is dropped: it all waits
    assert len(engine.queue) == 2
    busy.is_backlogged = False
    pump(lambda: busy.events and other.events)
    assert [e.text for e in busy.events] == ["held"]
    assert [e.text for e in other.events] == ["waits too"]
    bridge.stop()
    bridge.deleteLater()
    run_async(engine.shutdown())


def test_a_subscriber_that_catches_up_is_served_before_the_next_tick(qloop, pump, run_async):
    """A consumer behind at one tick looks again in a few ms: the readers it held back
    must not wait out a whole tick (a recording flood ran at a third of its speed)."""
    engine = Engine(EngineMode.UI_LOOP)
    engine.start(qloop)
    bridge = EventBridge(engine, tick_ms=60_000)  # only the first tick, then the retries
    busy = Consumer()
    busy.is_backlogged = True
    bridge.subscribe("server-", busy)
    engine.emit(Notice(source="server-1", text="held"))
    bridge.start()
    bridge.on_timer_timeout()  # a tick that finds the consumer behind
    assert busy.events == []
    busy.is_backlogged = False
    pump(lambda: busy.events, 2.0)  # long before the next tick, a minute away
    assert [e.text for e in busy.events] == ["held"]
    bridge.stop()
    bridge.deleteLater()
    run_async(engine.shutdown())


def test_the_queue_counts_the_bytes_of_reads_waiting_for_the_window():
    queue = engine_module.EventQueue()
    for chunk in range(3):
        queue.put(DataReceived(source="s", peer="p", chunk=chunk, nbytes=1000, messages=[b"x"]))
    queue.put(Notice(source="s", text="no bytes"))
    assert queue.queued_bytes() == 3000
    queue.drain(2)
    assert queue.queued_bytes() == 1000
    queue.drain(10)
    assert queue.queued_bytes() == 0
