"""Combo boxes whose items carry a value, set by that value without being taken for the
user's change.

An editor that shows a saved state (a draft, a checksum) picks each combo's item by its
value and must not hear that as the user choosing it: each place used to find the item and
block each widget's signals by hand, a line or more per combo.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from PySide6.QtCore import QObject, QSignalBlocker
from PySide6.QtWidgets import QComboBox


def choose_value(combo: QComboBox, value: object) -> None:
    """Make the item holding ``value`` the current one."""
    combo.setCurrentIndex(combo.findData(value))


@contextmanager
def signals_blocked(*objects: QObject) -> Iterator[None]:
    """While the block runs, ``objects`` emit nothing: what it sets is shown, not acted on."""
    with ExitStack() as stack:
        for obj in objects:
            stack.enter_context(QSignalBlocker(obj))
        yield
