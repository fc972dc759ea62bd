"""The Show/Encoding row shared by the transcript and the inspector."""

from __future__ import annotations

from typing import Any

from netbench.core.display import DisplayMode
from netbench.ui.widgets.view_options import ViewOptions, encoding_combo


def test_the_row_names_its_combos_and_says_what_changed(qtbot: Any) -> None:
    row = ViewOptions("tab", "thing", "tip")
    qtbot.addWidget(row)
    assert row.mode_combo.objectName() == "tab.thing_mode"
    assert row.encoding_combo.objectName() == "tab.thing_encoding"
    assert row.mode_combo.toolTip() == "tip"
    assert (row.display_mode, row.encoding) == (DisplayMode.TEXT, "utf-8")
    modes: list[DisplayMode] = []
    encodings: list[str] = []
    changes: list[bool] = []
    row.display_mode_changed.connect(modes.append)
    row.encoding_changed.connect(encodings.append)
    row.changed.connect(lambda: changes.append(True))

    row.set_display_mode(DisplayMode.BOTH)
    row.set_encoding("GBK")

    assert modes == [DisplayMode.BOTH]
    assert encodings == ["gbk"]
    assert len(changes) == 2
    assert (row.display_mode, row.encoding) == (DisplayMode.BOTH, "gbk")


def test_the_encoding_list_starts_on_the_default(qtbot: Any) -> None:
    row = ViewOptions("tab", "row", "")
    qtbot.addWidget(row)
    combo = encoding_combo(row)
    assert combo.currentData() == "utf-8"
    assert combo.count() == row.encoding_combo.count()
