"""PySide6 6.12.0 dropped a reference to None on every timer call and killed qasync apps on
Python 3.11 after ~5,000 sleeps. This runs 20,000 under the qasync loop in a fresh process."""

import subprocess
import sys

SCRIPT = """
import asyncio, os
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from netbench.ui.runtime.qtloop import new_event_loop
from PySide6.QtWidgets import QApplication

app = QApplication([])

async def many_sleeps():
    for _ in range(20_000):
        await asyncio.sleep(0)
    for _ in range(200):
        await asyncio.sleep(0.0001)
    return 20_200

with asyncio.Runner(loop_factory=lambda: new_event_loop(app)) as runner:
    print("slept", runner.run(many_sleeps()))
"""


def test_twenty_thousand_sleeps_under_qasync_exit_cleanly():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "slept 20200" in result.stdout
    assert "none_dealloc" not in result.stderr
