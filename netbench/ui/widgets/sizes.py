"""Byte counts in the unit people read at a glance, for status lines, tables and windows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

_LARGEST_UNIT = 3  # TB


def format_size(size: int) -> str:
    """Bytes in the unit people read at a glance: 812 B, 3.4 KB, 320 KB, 1.2 GB."""
    if size < 1024:
        return QCoreApplication.translate("format_size", "{size} B").format(size=size)
    value = size / 1024
    unit = 0
    while value >= 1024 and unit < _LARGEST_UNIT:
        value /= 1024
        unit += 1
    template = (
        QCoreApplication.translate("format_size", "{size} KB"),
        QCoreApplication.translate("format_size", "{size} MB"),
        QCoreApplication.translate("format_size", "{size} GB"),
        QCoreApplication.translate("format_size", "{size} TB"),
    )[unit]
    return template.format(size=f"{value:.1f}" if value < 10 else f"{value:.0f}")
