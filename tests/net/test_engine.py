"""The engine runs and owns net work on the UI loop or an IO thread, and shuts it all down."""

import asyncio
import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netbench.net.engine import Engine, EngineMode, EventQueue
from netbench.net.event_route import EventRoute
from netbench.net.events import DataReceived, Notice
from netbench.net.socket_kinds import SocketAddress
from netbench.net.stream_listener import StreamListener


@pytest.mark.parametrize("mode", list(EngineMode))
def test_run_awaits_work_on_the_engine_loop(qloop, run_async, mode):
    engine = Engine(mode)
    engine.start(qloop)

    async def where():
        await asyncio.sleep(0.01)
        return asyncio.get_running_loop(), threading.current_thread().name

    loop, thread = run_async(engine.run(where()))
    run_async(engine.shutdown())
    if mode is EngineMode.UI_LOOP:
        assert loop is qloop and thread == "MainThread"
    else:
        assert loop is not qloop and thread == "netbench-io"


@pytest.mark.parametrize("mode", list(EngineMode))
def test_shutdown_closes_owned_sockets_and_cancels_spawned_tasks(qloop, run_async, mode):
    engine = Engine(mode)
    engine.start(qloop)
    cancelled = threading.Event()

    async def forever():
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    async def open_listener():
        listener = await StreamListener.open(SocketAddress(port=0), EventRoute(engine.emit))
        engine.own(listener)
        return listener

    listener = run_async(engine.run(open_listener()))
    engine.spawn(forever(), name="forever")
    run_async(asyncio.sleep(0.05))
    run_async(engine.shutdown(timeout=1.0))
    assert cancelled.is_set()
    assert not listener.is_serving
    with pytest.raises(RuntimeError, match="shut down"):
        run_async(engine.run(asyncio.sleep(0)))


def test_engine_must_be_started_before_use():
    engine = Engine()
    with pytest.raises(RuntimeError, match="not started"):
        _ = engine.loop


def test_on_the_ui_loop_a_full_collection_waits_for_the_tick(qloop, run_async, monkeypatch):
    """A flood's garbage gets the young generations collected as usual, but no full
    collection (tens of ms of the window's time) until the tick says it is due."""
    import gc

    import netbench.net.engine as engine_module

    full: list[str] = []

    def note(phase: str, info: dict) -> None:
        if info["generation"] == 2 and phase == "start":
            full.append(phase)

    before = gc.get_threshold()
    engine = Engine(EngineMode.UI_LOOP)
    engine.start(qloop)
    gc.callbacks.append(note)
    try:
        kept = [[index] for index in range(300_000)]  # far past generation 2's own threshold
        assert full == [] and gc.get_count()[2] > before[2]
        monkeypatch.setattr(engine_module, "FULL_COLLECTION_SECONDS", 0.0)
        engine.tick()
        assert full == ["start"]
        del kept
    finally:
        gc.callbacks.remove(note)
        run_async(engine.shutdown())
    assert gc.get_threshold() == before


@given(
    st.lists(st.one_of(st.integers(0, 1 << 20), st.none()), max_size=60),
    st.integers(1, 100),
    st.one_of(st.none(), st.integers(1, 4 << 20)),
)
def test_the_queue_hands_over_in_order_within_a_batchs_events_and_bytes(sizes, limit, max_bytes):
    """Reads (their sizes) and notes (None) come out in order, nothing lost; a batch
    stops at ``limit`` events and once its reads reach ``max_bytes``, and the bytes the
    queue says it holds are what is left in it."""
    queue = EventQueue()
    events = [
        DataReceived(source="s", peer="p", chunk=i, nbytes=size)
        if size is not None
        else Notice(source="s", text="note")
        for i, size in enumerate(sizes)
    ]
    for event in events:
        queue.put(event)
    out = []
    while len(queue):
        before = queue.queued_bytes()
        batch = queue.drain(limit, max_bytes)
        assert 0 < len(batch) <= limit
        read = [e.nbytes for e in batch if isinstance(e, DataReceived)]
        if max_bytes is not None:
            assert sum(read[:-1]) < max_bytes  # it stopped at the read that reached it
        assert queue.queued_bytes() == before - sum(read)
        out += batch
    assert out == events and queue.queued_bytes() == 0
