"""What the Lessons tab needs from the window: the other tabs, without importing them.

Tabs never import each other, so the window hands the Lessons tab an object with these
methods (``netbench.ui.lessons_wiring.LessonDriver``), as it hands the Lookup tab's
"open in Client" to ``MainWindow.open_client_session``.
"""

from __future__ import annotations

from typing import Protocol

from netbench.core.lessons.steps import ClientStep, Endpoint, ResultTab, ServerStep


class LessonHost(Protocol):
    async def reset(self) -> None:
        """Stop the servers and close the sessions earlier steps started."""

    async def start_server(self, step: ServerStep, directory: str) -> Endpoint | None:
        """Start `step` on the Server tab (a Unix path relative to `directory`); None when
        it could not start (the Server tab says why)."""

    async def start_client(self, kind: str, endpoint: Endpoint, step: ClientStep) -> bool:
        """Connect a Client tab session to `endpoint` and send; False when it failed."""

    def show_result(self, tab: ResultTab, page: str = "") -> None:
        """Switch to `tab` (and the Lookup tab's `page`)."""

    def show_status(self, text: str) -> None:
        """Say `text` in the status bar."""
