"""An attribute that is a part's: read through each time, never stored, never set."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from netbench.core.delegation import Delegated


@dataclass
class Meter:
    count: int = 0


class Panel:
    count = Delegated[int]("meter.count")

    def __init__(self) -> None:
        self.meter = Meter()


def test_the_attribute_follows_the_part_and_cannot_be_set() -> None:
    panel = Panel()
    assert panel.count == 0
    panel.meter.count = 7
    assert panel.count == 7  # read when asked, not a copy
    with pytest.raises(AttributeError, match=r"meter\.count"):
        panel.count = 3
    assert panel.count == 7
    assert isinstance(Panel.count, Delegated)  # on the class, the descriptor itself
    assert Panel.count.__doc__ == "The same as ``meter.count``."
