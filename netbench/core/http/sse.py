"""Server-sent events (text/event-stream) parsed as the body arrives.

Reads split anywhere: inside a line, between CR and LF, inside a UTF-8 sequence. The
parser keeps the partial line and an incremental UTF-8 decoder between :meth:`feed`
calls, and follows the WHATWG rules (``data`` lines joined by LF, ``id``, ``event``,
``retry``, comments ignored, an event dispatched at a blank line).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_EOL = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class SseEvent:
    data: str
    event: str = "message"
    id: str = ""
    retry: int | None = None


class SseParser:
    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._partial = ""
        self._data: list[str] = []
        self._event = ""
        self._id = ""
        self._retry: int | None = None
        self.last_id = ""

    def feed(self, chunk: bytes) -> list[SseEvent]:
        text = self._partial + self._decoder.decode(chunk)
        events: list[SseEvent] = []
        start = 0
        while True:
            found = _line_end(text, start)
            if found is None:
                break
            end, after = found
            if end == len(text) - 1 and text[end] == "\r":
                break  # a CR at the end may be half of a CRLF: wait for the next read
            self._line(text[start:end], events)
            start = after
        self._partial = text[start:]
        return events

    def _line(self, line: str, events: list[SseEvent]) -> None:
        if not line:
            if self._data:
                data = "\n".join(self._data)
                events.append(SseEvent(data, self._event or "message", self._id, self._retry))
            self._data, self._event, self._retry = [], "", None
            return
        if line.startswith(":"):
            return
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "id" and "\0" not in value:
            self._id = self.last_id = value
        elif name == "retry" and value.isdigit():
            self._retry = int(value)


def _line_end(text: str, start: int) -> tuple[int, int] | None:
    """(end of line, start of next) for the first line ending from ``start``, or None."""
    match = _EOL.search(text, start)
    return (match.start(), match.end()) if match else None
