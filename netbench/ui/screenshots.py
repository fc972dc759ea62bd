"""Renders every tab of the window to PNG files: for looking at the UI and for the README."""

from __future__ import annotations

import asyncio
from pathlib import Path

from netbench.ui.main_window import MainWindow
from netbench.ui.tabs import TAB_KEYS


async def save_tab_screenshots(window: MainWindow, directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for index, key in enumerate(TAB_KEYS):
        window.tabs.setCurrentIndex(index)
        if key == "lookup":
            await window.lookup_tab.show_example()
        await asyncio.sleep(0.05)  # let the new page lay out and paint
        path = directory / f"{key}.png"
        if not window.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        written.append(path)
    return written
