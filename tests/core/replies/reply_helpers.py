"""What the reply tests share: a fixed "now", and the replies a responder gives."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from netbench.core.replies.http_site import HttpStaticResponder
from netbench.core.replies.responder import Action, Reply, ReplyOptions, Responder

# Sun Nov 22 02:20:42 2026 UTC
NOW = 1795314042.0


def replies(actions: Sequence[Action]) -> list[bytes]:
    return [action.data for action in actions if isinstance(action, Reply)]


def one_reply(responder: Responder, data: bytes, now: float = NOW) -> bytes:
    actions = responder.new_session("127.0.0.1:50000").on_frame(data, now)
    assert len(actions) == 1 and isinstance(actions[0], Reply)
    return actions[0].data


# --- the HTTP site ---------------------------------------------------------------------------


class Response:
    def __init__(self, data: bytes) -> None:
        head, separator, self.body = data.partition(b"\r\n\r\n")
        assert separator, data
        status_line, *lines = head.decode("latin-1").split("\r\n")
        version, status, _ = status_line.split(" ", 2)
        assert version == "HTTP/1.1"
        self.status = int(status)
        self.headers: dict[str, str] = {}
        for line in lines:
            name, _, value = line.partition(": ")
            assert name.lower() not in self.headers
            self.headers[name.lower()] = value

    def __repr__(self) -> str:
        return f"<{self.status} {self.headers} {self.body[:60]!r}>"


def http(
    site: Path, *requests: bytes, chunks: Sequence[bytes] | None = None, **options: object
) -> list[Action]:
    session = HttpStaticResponder(site, options=ReplyOptions(**options)).new_session("p")  # type: ignore[arg-type]
    actions: list[Action] = []
    for chunk in chunks if chunks is not None else [b"".join(requests)]:
        actions += session.on_frame(chunk, NOW)
    return actions


def get(site: Path, path: str, *, method: str = "GET", extra: str = "") -> Response:
    request = f"{method} {path} HTTP/1.1\r\nHost: localhost\r\n{extra}\r\n".encode()
    (reply,) = replies(http(site, request))
    return Response(reply)


def statuses(actions: Sequence[Action]) -> list[int | str]:
    return [Response(a.data).status if isinstance(a, Reply) else "close" for a in actions]
