"""Every interactive widget gets ``<prefix>.<control>`` as its objectName and a name a
screen reader says: tests, automation and assistive tools find it by these."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


def name_widget(widget: W, prefix: str, control: str, accessible: str = "") -> W:
    """Names ``widget`` ``prefix.control`` (and ``accessible`` when given); returns it."""
    widget.setObjectName(f"{prefix}.{control}")
    if accessible:
        widget.setAccessibleName(accessible)
    return widget
