"""The payloads sent from one editor, walked with Up and Down like a shell's history.

Apart from the editor because it is pure bookkeeping: which entry is shown, and the draft
the user was typing before walking away from it (Down past the newest brings it back).
"""

from __future__ import annotations

from netbench.ui.sending.payload_draft import PayloadDraft

HISTORY_LIMIT = 200


class PayloadHistory:
    """Sent payloads, oldest first, at most `limit`; `older`/`newer` walk them."""

    def __init__(self, limit: int = HISTORY_LIMIT) -> None:
        self.limit = limit
        self._entries: list[PayloadDraft] = []
        # Index into the entries while the user walks them; None while editing the draft.
        self._index: int | None = None
        self._draft: PayloadDraft | None = None

    @property
    def entries(self) -> tuple[PayloadDraft, ...]:
        return tuple(self._entries)

    def remember(self, draft: PayloadDraft) -> None:
        """Keep a sent payload; walking the history starts again from the current text."""
        if not self._entries or self._entries[-1] != draft:
            self._entries.append(draft)
            del self._entries[: -self.limit]
        self.leave()

    def leave(self) -> None:
        """Stop walking: what is in the editor now is the draft."""
        self._index = None
        self._draft = None

    def older(self, current: PayloadDraft) -> PayloadDraft | None:
        """The payload before the one shown (``current`` is in the editor), or None."""
        entries = self._entries
        if not entries:
            return None
        if self._index is None:
            index = len(entries) - 1
            # The text just sent stays in the box: Up should show the one before it.
            if entries[index] == current:
                index -= 1
            if index < 0:
                return None
            self._draft = current
        elif self._index > 0:
            index = self._index - 1
        else:
            return None
        self._index = index
        return entries[index]

    def newer(self) -> PayloadDraft | None:
        """The payload after the one shown, or the draft after the newest; None: stay."""
        if self._index is None:
            return None
        entries = self._entries
        index = self._index + 1
        newest_is_draft = index == len(entries) - 1 and entries[index] == self._draft
        if index >= len(entries) or newest_is_draft:
            draft = self._draft
            self.leave()
            return draft
        self._index = index
        return entries[index]
