"""Renders every tab of the window to PNG files: for looking at the UI and for the README.

The HTTP tab is shown after a real exchange: its first example starts the Server tab's
HTTP site on loopback and fetches its page (after the Server tab's own picture, which
so still shows a fresh start). The Lessons tab is shown after its first step's client
ran against the time-stamp server it set up.
"""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

from netbench.ui.main_window import TAB_KEYS, MainWindow


async def save_tab_screenshots(window: MainWindow, directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for index, key in enumerate(TAB_KEYS):
        window.tabs.setCurrentIndex(index)
        if key == "http":
            await _exchange(window)
        if key == "lookup":
            await window.lookup_tab.show_example()
        if key == "lessons":
            await window.lessons_tab.show_example()
            window.tabs.setCurrentIndex(index)
        await asyncio.sleep(0.05)  # let the new page lay out and paint
        path = directory / f"{key}.png"
        if not window.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        written.append(path)
    return written


async def _exchange(window: MainWindow) -> None:
    """One request of the HTTP tab's first example, given a few seconds at most."""
    # On failure the picture shows what went wrong, which is the truth.
    with contextlib.suppress(TimeoutError, OSError):
        await asyncio.wait_for(window.http_tab.run_example("server_site"), 5.0)
