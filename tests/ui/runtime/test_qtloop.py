"""The window's loop: qasync with a turn's callbacks in one Qt timer and a notifier per
descriptor kept, run in a fresh process with a real socket pair."""

import subprocess
import sys

SCRIPT = r"""
import asyncio, os, socket
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from netbench.ui.runtime.qtloop import new_event_loop
from PySide6.QtWidgets import QApplication

app = QApplication([])

async def order():
    loop = asyncio.get_running_loop()
    seen = []
    done = loop.create_future()
    def later(name):
        seen.append(name)
        if name == "c":
            loop.call_soon(lambda: (seen.append("next turn"), done.set_result(None)))
    loop.call_soon(later, "a")
    loop.call_soon(later, "b").cancel()
    loop.call_soon(later, "c")
    await done
    return seen

class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
    def data_received(self, data):
        self.transport.write(data)

async def paused_and_resumed():
    loop = asyncio.get_running_loop()
    ours, theirs = socket.socketpair()
    transport, _ = await loop.create_connection(Echo, sock=ours)
    theirs.setblocking(False)
    first = loop._read_notifiers[ours.fileno()]
    for i in range(500):
        transport.pause_reading()
        transport.resume_reading()
        await loop.sock_sendall(theirs, b"%d;" % i)
    got = b""
    while got.count(b";") < 500:
        got += await loop.sock_recv(theirs, 65536)
    same = loop._read_notifiers[ours.fileno()] is first
    transport.close()
    theirs.close()
    return got == b"".join(b"%d;" % i for i in range(500)), same

with asyncio.Runner(loop_factory=lambda: new_event_loop(app)) as runner:
    print("order", runner.run(order()))
    echoed, same = runner.run(paused_and_resumed())
    print("echoed", echoed)
    print("same notifier", same)

# A thread's call_soon_threadsafe queued just before the loop closes arrives after: dropped.
import threading
late = new_event_loop(app)
thread = threading.Thread(target=lambda: late.call_soon_threadsafe(print, "ran after close"))
thread.start()
thread.join()
late.close()
app.processEvents()
print("closed quietly")
"""


def test_callbacks_run_in_order_a_turn_at_a_time_and_readers_resume_cheaply():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # FIFO, a cancelled callback skipped, what a callback schedules runs in the next turn.
    assert "order ['a', 'c', 'next turn']" in lines
    assert "echoed True" in lines  # 500 pauses and resumes, every byte echoed in order
    assert "same notifier True" in lines  # switched off and on, not made anew per resume
    assert "closed quietly" in lines and "ran after close" not in lines
    assert "Event loop is closed" not in result.stderr
    assert "QSocketNotifier" not in result.stderr
