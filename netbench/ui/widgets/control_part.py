"""What a panel hands each part it is made of (a send row, a load test, a sockets page),
and the base those parts stand on.

Every part was handed the panel's prefix, its engine and a parent, one argument each, and
stored them one line each before anything of its own. `PanelHost` is that group as one
value; `PanelPart` keeps it and makes the part's controls under the panel's prefix.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from netbench.net.engine import Engine
from netbench.ui.widgets.control_maker import Controls


@dataclass(frozen=True)
class PanelHost:
    """The widget a part sits in, its ``parent`` (None for a part shown on its own), the
    prefix its controls are named under (``<prefix>.<control>``), and the engine its work
    runs on."""

    parent: QWidget | None
    prefix: str
    engine: Engine


class PanelPart(QWidget):
    """A part of a panel: ``prefix``, ``engine`` and ``controls`` come from its host."""

    def __init__(self, host: PanelHost) -> None:
        super().__init__(host.parent)
        self.prefix = host.prefix
        self.engine = host.engine
        self.controls = Controls(self, host.prefix)
