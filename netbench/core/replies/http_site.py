"""The "HTTP static files" responder: a folder served over HTTP/1.1 to browsers and curl."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from netbench.core.replies.http_connection import HttpResponse, StaticHttpConnection
from netbench.core.replies.http_files import StaticSite
from netbench.core.replies.responder import (
    NO_OPTIONS,
    Action,
    CloseConnection,
    Reply,
    ReplyOptions,
    ResponderKind,
    ResponderSession,
    StreamReply,
)
from netbench.core.resources import resource_path


def default_site_dir() -> Path:
    """The bundled "It works" page, served when the user has not picked a folder."""
    return resource_path("site")


class _HttpSession(ResponderSession):
    __slots__ = ("_connection", "_delay", "_ended")

    def __init__(self, site: StaticSite, options: ReplyOptions) -> None:
        self._connection = StaticHttpConnection(
            site, close_after_response=options.close_after_reply
        )
        self._delay = options.delay
        self._ended = False

    def on_frame(self, data: bytes, now: float) -> list[Action]:
        return self._actions(self._connection.receive(data, now))

    def on_sent(self, now: float) -> list[Action]:
        actions = self._actions(self._connection.sent(now))
        if self._ended and not self._connection.busy:
            actions += self.on_end()
        return actions

    def on_end(self) -> list[Action]:
        self._ended = True
        if self._connection.closed or self._connection.busy:
            return []
        actions = self._actions(self._connection.end())
        if not actions or not isinstance(actions[-1], CloseConnection):
            # Every request so far has been answered and no more can come.
            actions.append(CloseConnection())
        return actions

    def _actions(self, responses: list[HttpResponse]) -> list[Action]:
        actions: list[Action] = []
        for response in responses:
            if response.body is not None:
                actions.append(StreamReply(response.data, response.body, self._delay))
            else:
                actions.append(Reply(response.data, self._delay))
            if response.close:
                actions.append(CloseConnection())
        return actions


@dataclass(frozen=True, slots=True)
class HttpStaticResponder:
    """Serve the files of `root` over HTTP/1.1 (GET and HEAD), like ``python -m http.server``.

    Needs raw framing: HTTP finds its own message boundaries in the byte stream. The
    options' delay applies to each response and "close after reply" sends
    ``Connection: close``; a suffix is refused, since bytes after a response would be read
    as the start of the next one.
    """

    root: Path
    index: str = "index.html"
    options: ReplyOptions = NO_OPTIONS
    kind: ClassVar[ResponderKind] = ResponderKind.HTTP_STATIC
    _site: StaticSite = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        site = StaticSite(Path(self.root), self.index)
        object.__setattr__(self, "root", site.root)
        object.__setattr__(self, "_site", site)
        if self.options.suffix:
            raise ValueError(
                "an HTTP responder cannot add a suffix: it would corrupt the next response"
            )

    def new_session(self, peer: str) -> ResponderSession:
        return _HttpSession(self._site, self.options)

    def describe(self) -> str:
        return f"serve the files in {self.root} over HTTP" + self.options.describe()
