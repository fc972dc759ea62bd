"""What a load test runs: the target, the message, how many, how fast; checked before it starts."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from netbench.core.framing.spec import FramingSpec
from netbench.core.payload import InputMode
from netbench.core.recipe import PayloadRecipe, compile_payload
from netbench.core.text import QT_TRANSLATE_NOOP, message_of
from netbench.net.clients import ClientConfig
from netbench.net.errors import NetError

MAX_CONNECTIONS = 10_000
MAX_DATAGRAM = 65_507  # the largest UDP payload over IPv4


class RateScope(StrEnum):
    PER_CONNECTION = "per-connection"
    TOTAL = "total"


@dataclass(frozen=True)
class LoadSettings:
    """What to run. ``duration`` > 0 runs for that long instead of ``messages`` each."""

    target: ClientConfig
    payload: bytes
    connections: int = 10
    messages: int = 100
    duration: float = 0.0
    rate: float = 0.0  # messages per second; 0 = as fast as possible
    rate_scope: RateScope = RateScope.PER_CONNECTION
    ramp_up: float = 0.0  # seconds over which the connections are opened
    wait_for_replies: bool = True
    framing: FramingSpec = field(default_factory=FramingSpec)  # what makes a reply complete
    reply_timeout: float = 2.0
    # How each message is made ({counter}, {time}, checksum); None: from ``payload``'s bytes.
    recipe: PayloadRecipe | None = None

    def message_recipe(self) -> PayloadRecipe:
        if self.recipe is not None:
            return self.recipe
        # Latin-1 keeps every byte as it is; the placeholders are ASCII.
        return compile_payload(self.payload.decode("latin-1"), InputMode.TEXT, "latin-1")

    def validate(self) -> None:
        """Raise NetError naming the setting at fault (or the target's field)."""
        self.target.validate()
        if not 1 <= self.connections <= MAX_CONNECTIONS:
            raise NetError(
                QT_TRANSLATE_NOOP(
                    "LoadTest", "connections must be from 1 to {limit:,}, not {count}"
                ).format(limit=MAX_CONNECTIONS, count=self.connections),
                "connections",
            )
        if self.duration < 0:
            raise NetError(
                QT_TRANSLATE_NOOP("LoadTest", "the duration cannot be negative"), "duration"
            )
        if self.duration == 0 and self.messages < 1:
            raise NetError(
                QT_TRANSLATE_NOOP(
                    "LoadTest", "send at least 1 message per connection, or set a duration"
                ),
                "messages",
            )
        if self.rate < 0:
            raise NetError(QT_TRANSLATE_NOOP("LoadTest", "the rate cannot be negative"), "rate")
        if self.ramp_up < 0:
            raise NetError(
                QT_TRANSLATE_NOOP("LoadTest", "the ramp-up cannot be negative"), "ramp_up"
            )
        if self.duration and self.ramp_up >= self.duration:
            raise NetError(
                QT_TRANSLATE_NOOP("LoadTest", "the ramp-up must be shorter than the duration"),
                "ramp_up",
            )
        if self.wait_for_replies and self.reply_timeout <= 0:
            raise NetError(
                QT_TRANSLATE_NOOP("LoadTest", "the reply timeout must be more than 0 ms"),
                "reply_timeout",
            )
        if not self.payload and not self.target.kind.is_datagram:
            raise NetError(
                QT_TRANSLATE_NOOP(
                    "LoadTest", "the payload is empty: a stream cannot send an empty message"
                ),
                "payload",
            )
        if self.target.kind.is_datagram and len(self.payload) > MAX_DATAGRAM:
            raise NetError(
                QT_TRANSLATE_NOOP(
                    "LoadTest", "the payload is {size:,} bytes: a datagram holds at most {limit:,}"
                ).format(size=len(self.payload), limit=MAX_DATAGRAM),
                "payload",
            )
        try:
            self.framing.validate()
        except ValueError as exc:
            raise NetError(message_of(exc), "framing") from exc

    @property
    def total_messages(self) -> int:
        """Messages the run sends when it is count-based (0 when it runs for a time)."""
        return 0 if self.duration else self.connections * self.messages

    @property
    def interval(self) -> float:
        """Seconds between two messages of one connection; 0 = as fast as possible."""
        if self.rate <= 0:
            return 0.0
        per_connection = self.rate
        if self.rate_scope is RateScope.TOTAL:
            per_connection = self.rate / self.connections
        return 1.0 / per_connection
