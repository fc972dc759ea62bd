"""What went each way between us and one peer: messages and bytes, counted as they pass."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Traffic:
    """Messages and bytes in and out, since the peer was first seen.

    A message is what the peer or we sent as one piece: a datagram, or a framed message of
    a stream. The counts only grow; a reader takes them as they stand.
    """

    messages_in: int = 0
    bytes_in: int = 0
    messages_out: int = 0
    bytes_out: int = 0

    def count_in(self, messages: int, nbytes: int) -> None:
        self.messages_in += messages
        self.bytes_in += nbytes

    def count_out(self, messages: int, nbytes: int) -> None:
        self.messages_out += messages
        self.bytes_out += nbytes
