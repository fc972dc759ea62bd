"""A tab of closable inner panels: the frame the Server, Client and HTTP tabs stand in.

The frame owns what every such tab does the same way: numbering (``server-1``,
``server-2``…), titles that follow each panel, "+ New", closing (a panel shuts down before
it goes; the last one is replaced by a fresh one), the tab's Examples menu, routing of the
bridge's events to the panel they belong to, shutdown and closing files. A tab says only
what is its own: how to make a panel, its words, and its examples.

The first panel's controls are named ``<key>.<control>``, later ones
``<key>.<n>.<control>``, so every name stays unique and tests find the first by its plain
name.
"""

from __future__ import annotations

import asyncio
import itertools
from collections import defaultdict
from collections.abc import Coroutine, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QMenu, QTabWidget, QToolButton, QVBoxLayout, QWidget

from netbench.net.engine import Engine
from netbench.net.events import NetEvent
from netbench.ui.panels.traffic_panel import TrafficPanel
from netbench.ui.runtime.net_text import net_text
from netbench.ui.runtime.tasks import start_task
from netbench.ui.sending.saved_store import SnippetStore, default_snippets_path
from netbench.ui.widgets.naming import name_widget


class FramePanel(Protocol):
    """What a frame needs of its panels (a QWidget each)."""

    source: str
    title_changed: SignalInstance

    def title(self) -> str: ...
    def is_idle(self) -> bool: ...
    def apply_events(self, events: Sequence[NetEvent]) -> None: ...
    async def shutdown(self) -> None: ...
    def close_files(self) -> None: ...

    @property
    def is_backlogged(self) -> bool: ...


@dataclass(frozen=True)
class FrameWords:
    """A tab's own words for the frame's controls, in English, each marked with
    ``netbench.core.text.QT_TRANSLATE_NOOP`` in the tab's own context: a tab declares them
    once, as a class attribute, and the frame translates them when it lays them out."""

    panels: str  # accessible name of the inner tabs ("Listeners")
    new: str  # the "+ New" button ("+ Listener")
    new_tip: str  # its tooltip and accessible name ("Add another listener; …")
    examples: str  # accessible name of the Examples button ("Example servers")


class FrameExample(Protocol):
    """One entry of the Examples menu: ``key`` names its action ``<tab>.example_<key>``;
    ``title`` is English, marked as the tab's words are (see `FrameWords`)."""

    @property
    def key(self) -> str: ...

    @property
    def title(self) -> str: ...


class TabFrame(QWidget):
    """Signals:
    panel_added(QWidget): a new inner panel is in place and current.
    """

    panel_added = Signal(QWidget)

    key: ClassVar[str]  # "server": the tab's objectNames and its panels' sources
    noun: ClassVar[str]  # "listener": one panel ("server.new_listener", "server.listeners")
    words: ClassVar[FrameWords]

    def __init__(self, engine: Engine, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.examples: dict[str, Any] = {}
        self.setObjectName(f"{self.key}.tab")
        self._numbers = itertools.count(1)
        self.panels: dict[str, Any] = {}
        self.inner = QTabWidget(self)
        self.inner.setObjectName(f"{self.key}.{self.noun}s")
        self.inner.setTabsClosable(True)
        self.inner.setMovable(True)
        self.inner.setDocumentMode(True)
        self.inner.tabCloseRequested.connect(self.on_inner_tab_close_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.inner)

    def build_frame(self) -> None:
        """Lays out the frame's controls and opens the first panel (subclasses call this
        at the end of their constructor, once they can make panels)."""
        examples = self.frame_examples()
        self.examples = {example.key: example for example in examples}
        self.inner.setAccessibleName(net_text(self.words.panels))
        new_tip = net_text(self.words.new_tip)
        self.new_button = name_widget(QToolButton(self), self.key, f"new_{self.noun}", new_tip)
        self.new_button.setText(net_text(self.words.new))
        self.new_button.setToolTip(new_tip)
        self.new_button.clicked.connect(self.add_panel)
        self.examples_button = name_widget(
            QToolButton(self), self.key, "examples", net_text(self.words.examples)
        )
        self.examples_button.setText(self.tr("Examples"))
        self.examples_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.examples_menu = self._examples_menu(examples)
        self.examples_button.setMenu(self.examples_menu)
        self.examples_button.setVisible(bool(examples))
        corner = QWidget(self)
        row = QHBoxLayout(corner)
        row.setContentsMargins(0, 0, 4, 0)
        row.addWidget(self.examples_button)
        row.addWidget(self.new_button)
        self.inner.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        self.add_panel()

    # -- what a tab says --------------------------------------------------------------------

    def frame_examples(self) -> Sequence[FrameExample]:
        """The Examples menu's entries (none: the Examples button hides)."""
        return ()

    def create_panel(self, prefix: str, source: str) -> Any:
        """A new panel whose controls are named ``prefix.*`` and whose events come from
        ``source`` (and ``source/…`` for the connections it opens)."""
        raise NotImplementedError

    def run_example(self, key: str) -> asyncio.Task[bool] | None:
        """Sets an idle panel up as example ``key`` says and starts it."""
        raise NotImplementedError

    # -- panels -----------------------------------------------------------------------------

    def add_panel(self) -> Any:
        number = next(self._numbers)
        prefix = self.key if number == 1 else f"{self.key}.{number}"
        source = f"{self.key}-{number}"
        panel = self.create_panel(prefix, source)
        self.panels[source] = panel
        index = self.inner.addTab(panel, panel.title())
        panel.title_changed.connect(lambda text, p=panel: self._retitle(p, text))
        self.inner.setCurrentIndex(index)
        self.panel_added.emit(panel)
        return panel

    @property
    def current_panel(self) -> Any:
        return self.inner.currentWidget()

    def idle_panel(self) -> Any:
        """The current panel if idle, else another idle one, else a new one; made current."""
        panel = self.current_panel
        if not panel.is_idle():
            idle = [p for p in self.panels.values() if p.is_idle()]
            panel = idle[0] if idle else self.add_panel()
        self.inner.setCurrentWidget(panel)
        return panel

    def _retitle(self, panel: Any, text: str) -> None:
        index = self.inner.indexOf(panel)
        if index >= 0:
            self.inner.setTabText(index, text)

    def on_inner_tab_close_requested(self, index: int) -> None:
        panel: Any = self.inner.widget(index)
        if panel is not None and getattr(panel, "source", None) in self.panels:
            start_task(self._close_panel(panel), name=f"close {panel.source}")

    async def _close_panel(self, panel: Any) -> None:
        await panel.shutdown()
        self.panels.pop(panel.source, None)
        self.inner.removeTab(self.inner.indexOf(panel))
        panel.deleteLater()
        if not self.panels:
            self.add_panel()

    # -- examples ---------------------------------------------------------------------------

    def _examples_menu(self, examples: Sequence[FrameExample]) -> QMenu:
        menu = QMenu(self.tr("Examples"), self)
        menu.setObjectName(f"{self.key}.examples_menu")
        for example in examples:
            action = QAction(net_text(example.title), menu)
            action.setObjectName(f"{self.key}.example_{example.key}")
            action.triggered.connect(lambda _=False, k=example.key: self.run_example(k))
            menu.addAction(action)
        return menu

    def start_example(self, work: Coroutine[Any, Any, bool], key: str) -> asyncio.Task[bool]:
        return start_task(work, name=f"{self.key} example {key}")

    # -- events and closing -----------------------------------------------------------------

    def on_events(self, events: Sequence[NetEvent]) -> None:
        """Each panel gets the events of its own source and of the connections it opened
        (``client-1/2`` → ``client-1``)."""
        by_panel: dict[str, list[NetEvent]] = defaultdict(list)
        for event in events:
            by_panel[event.source.partition("/")[0]].append(event)
        for source, batch in by_panel.items():
            panel = self.panels.get(source)
            if panel is not None:
                panel.apply_events(batch)

    @property
    def is_backlogged(self) -> bool:
        return any(panel.is_backlogged for panel in self.panels.values())

    async def shutdown(self) -> None:
        await asyncio.gather(*(panel.shutdown() for panel in self.panels.values()))

    def close_files(self) -> None:
        """Closing the window: recordings are flushed and closed before the process ends."""
        for panel in self.panels.values():
            panel.close_files()


class TrafficTab(TabFrame):
    """A frame whose panels show socket traffic (Server, Client).

    Its panels share one list of saved messages (the window's, or the tab's own when it
    stands alone), and an example sets an idle panel up and starts it. A tab says which
    panel class it makes (``panel_type``) and, in :meth:`example_work`, how an example
    sets one up; the frame is complete once the constructor returns.
    """

    panel_type: ClassVar[type[TrafficPanel]]

    def __init__(
        self,
        engine: Engine,
        parent: QWidget | None = None,
        snippets: SnippetStore | None = None,
    ) -> None:
        super().__init__(engine, parent)
        # One list of saved messages for every sender in the window.
        self.snippets = snippets or SnippetStore(default_snippets_path(), self)
        self.build_frame()

    def create_panel(self, prefix: str, source: str) -> Any:
        return self.panel_type(prefix, source, self.engine, self.inner, self.snippets)

    def run_example(self, key: str) -> asyncio.Task[bool]:
        """Sets an idle panel (or a new one) up as example ``key`` says, and starts it."""
        example = self.examples[key]
        panel = self.idle_panel()
        return self.start_example(self.example_work(panel, example), key)

    def example_work(self, panel: Any, example: Any) -> Coroutine[Any, Any, bool]:
        """Fills ``panel`` in as ``example`` says, now; returns the work that starts it."""
        raise NotImplementedError
