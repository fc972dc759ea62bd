"""Automatic replies for the Server tab: echo, time stamps, fixed text, rules, static HTTP.

The servers people learn sockets from each answer in one fixed way: echo with the time in
front, echo in upper case, "your data was N bytes", a fixed "Receive your message", a page
over HTTP. A responder plays any of them, so the user can point a client (theirs or
netbench's) at it without writing a server first.

A responder is the user's configuration; the net layer asks it for one session per
connection (per peer address for datagram sockets), so state such as the ``{counter}`` of
a rule or a half-received HTTP request belongs to one peer only. Sessions are pure: they
get each frame and the wall-clock time from the caller and return actions, so tests need
no sockets, no clock and no waiting.

How the driver performs actions, so delays and closes mean one thing everywhere:

- Actions run in order, per connection. Each waits its ``delay`` after the previous action
  was performed, and the actions of a later frame queue behind those of an earlier one,
  so a delayed reply is never overtaken.
- ``CloseConnection`` closes after everything before it has been written. On a datagram
  socket there is no connection; it ends that peer's session instead.
- Peer data never makes a session raise: whatever arrives gets a reply, an error page or
  nothing.

This module holds what every responder shares: the actions, the ``Responder`` and
``ResponderSession`` protocols, ``ResponderKind`` and the ``ReplyOptions``. The responders
themselves live beside it: :mod:`.simple`, :mod:`.rules` and :mod:`.http_site`;
:mod:`.factory` builds one from a form's settings.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, TypeAlias

from netbench.core.escapes import encode_escapes
from netbench.core.length_header import LengthHeader, LengthHeaderError

# --- actions and protocols -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Reply:
    """Send `data` after waiting `delay` seconds."""

    data: bytes
    delay: float = 0.0


@dataclass(frozen=True, slots=True)
class CloseConnection:
    """Close the connection after waiting `delay` seconds (once earlier replies are sent)."""

    delay: float = 0.0


class Body(Protocol):
    """A body sent a chunk at a time; ``close`` frees what it holds, read or not."""

    def __iter__(self) -> Iterator[bytes]: ...
    def close(self) -> None: ...


@dataclass(frozen=True, slots=True, eq=False)
class StreamReply:
    """Send `head`, then each chunk `body` yields as the connection takes it (a file read
    from disk a piece at a time, never whole in memory). Until it is all sent the driver
    reads no more from the peer and then asks the session for what comes next
    (:meth:`ResponderSession.on_sent`): one response at a time. The driver closes `body`
    if the connection ends first."""

    head: bytes
    body: Body
    delay: float = 0.0


@dataclass(frozen=True, slots=True)
class Note:
    """Tell the user something about this peer (a rule that took too long), in the
    transcript; nothing is sent."""

    text: str
    delay: float = 0.0


Action: TypeAlias = Reply | CloseConnection | StreamReply | Note


class ResponderSession(Protocol):
    """What one connection's automatic replies remember between frames."""

    def on_frame(self, data: bytes, now: float) -> list[Action]:
        """The actions for one received frame; `now` is ``time.time()`` at its arrival."""
        ...

    def on_end(self) -> list[Action]:
        """The peer finished sending (end of stream): anything left to say or do."""
        return []

    def on_sent(self, now: float) -> list[Action]:
        """A :class:`StreamReply` was sent in full: the actions that waited for it."""
        return []


class ResponderKind(StrEnum):
    """Which automatic reply the Server tab is set to."""

    NONE = "none"
    ECHO = "echo"
    UPPER = "upper"
    TIMESTAMP = "timestamp"
    BYTE_COUNT = "byte_count"
    FIXED = "fixed"
    RULES = "rules"
    HTTP_STATIC = "http_static"

    @property
    def label(self) -> str:
        """A short name for a menu."""
        return _KIND_LABELS[self]


_KIND_LABELS: dict[ResponderKind, str] = {
    ResponderKind.NONE: "No reply",
    ResponderKind.ECHO: "Echo",
    ResponderKind.UPPER: "Echo in upper case",
    ResponderKind.TIMESTAMP: "Time stamp and echo",
    ResponderKind.BYTE_COUNT: "Byte count",
    ResponderKind.FIXED: "Fixed reply",
    ResponderKind.RULES: "Rules",
    ResponderKind.HTTP_STATIC: "HTTP static files",
}


class Responder(Protocol):
    """A configured automatic reply: immutable, and shared by every connection."""

    @property
    def kind(self) -> ResponderKind: ...

    def new_session(self, peer: str) -> ResponderSession:
        """Fresh per-connection state; `peer` is the address as the transcript shows it."""
        ...

    def describe(self) -> str:
        """One line for the status bar, e.g. "echo each message back"."""
        ...


@dataclass(frozen=True, slots=True)
class ReplyOptions:
    """Settings every responder shares.

    ``suffix`` is appended to each reply: with delimiter framing that strips the line
    ending, an echo would otherwise come back without one and a line-reading client would
    wait forever. ``length_header`` goes in front of each reply, for the same reason,
    under length-prefix framing: the client reads the header first.
    """

    delay: float = 0.0
    close_after_reply: bool = False
    suffix: bytes = b""
    length_header: LengthHeader | None = None

    def __post_init__(self) -> None:
        if not (math.isfinite(self.delay) and self.delay >= 0):
            raise ValueError(f"the reply delay must be 0 seconds or more, got {self.delay}")
        if not isinstance(self.suffix, bytes):
            raise ValueError(f"the reply suffix must be bytes, got {type(self.suffix).__name__}")

    def describe(self) -> str:
        """The options as a phrase to append to a responder's description, or ""."""
        parts = []
        if self.suffix:
            parts.append(f"each reply ends with {shown(self.suffix)}")
        if self.length_header is not None:
            parts.append(f"each reply starts with its {self.length_header.size}-byte length")
        if self.delay:
            parts.append(f"replies wait {self.delay:g} s")
        if self.close_after_reply:
            parts.append("the connection is closed after a reply")
        return "; " + ", ".join(parts) if parts else ""

    def actions(self, data: bytes | None, *, close: bool = False) -> list[Action]:
        """The actions for one reply (None: no reply), with these options applied."""
        if data is None:
            return [CloseConnection(self.delay)] if close else []
        reply = data + self.suffix
        if self.length_header is not None:
            try:
                reply = self.length_header.wrap(reply)
            except LengthHeaderError as error:
                return [Note(error.message, self.delay)]
        actions: list[Action] = [Reply(reply, self.delay)]
        if close or self.close_after_reply:
            actions.append(CloseConnection())
        return actions


NO_OPTIONS = ReplyOptions()  # the default: reply at once, nothing added, stay connected


def shown(data: bytes, limit: int = 40) -> str:
    """Bytes as the user would type them, quoted and shortened for a one-line label."""
    text = encode_escapes(data, "utf-8")
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f'"{text}"'


class TransformSession(ResponderSession):
    """A session whose reply depends only on the frame and the time."""

    __slots__ = ("_options", "_transform")

    def __init__(self, transform: Callable[[bytes, float], bytes], options: ReplyOptions) -> None:
        self._transform = transform
        self._options = options

    def on_frame(self, data: bytes, now: float) -> list[Action]:
        return self._options.actions(self._transform(data, now))


class SilentSession(ResponderSession):
    """A session that never replies."""

    __slots__ = ()

    def on_frame(self, data: bytes, now: float) -> list[Action]:
        return []
