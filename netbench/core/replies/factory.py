"""Build a responder from the settings a form collected: the kind and its keyword settings."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from netbench.core.replies.http_site import HttpStaticResponder, default_site_dir
from netbench.core.replies.responder import Responder, ResponderKind
from netbench.core.replies.rules import RulesResponder
from netbench.core.replies.simple import (
    ByteCountResponder,
    EchoResponder,
    FixedResponder,
    NoReply,
    TimestampResponder,
    UpperEchoResponder,
)

_RESPONDER_CLASSES: dict[ResponderKind, type[Any]] = {
    ResponderKind.NONE: NoReply,
    ResponderKind.ECHO: EchoResponder,
    ResponderKind.UPPER: UpperEchoResponder,
    ResponderKind.TIMESTAMP: TimestampResponder,
    ResponderKind.BYTE_COUNT: ByteCountResponder,
    ResponderKind.FIXED: FixedResponder,
    ResponderKind.RULES: RulesResponder,
    ResponderKind.HTTP_STATIC: HttpStaticResponder,
}


def responder_settings(kind: ResponderKind | str) -> tuple[str, ...]:
    """The keyword settings `make_responder` takes for `kind`, for a settings form."""
    cls = _RESPONDER_CLASSES[ResponderKind(kind)]
    return tuple(item.name for item in fields(cls) if item.init)


def make_responder(kind: ResponderKind | str, **params: Any) -> Responder:
    """Build the responder of `kind` from the settings a form collected.

    Raises ValueError (RuleError for a bad rule) with a message the UI can show. An HTTP
    responder without a `root` serves the bundled "It works" page.
    """
    try:
        kind = ResponderKind(kind)
    except ValueError:
        raise ValueError(f"unknown responder kind {kind!r}") from None
    accepted = responder_settings(kind)
    unknown = sorted(set(params) - set(accepted))
    if unknown:
        raise ValueError(
            f"{kind.label} has no setting {unknown[0]!r}; it takes {', '.join(accepted)}"
        )
    if kind is ResponderKind.HTTP_STATIC and params.get("root") is None:
        params["root"] = default_site_dir()
    if kind is ResponderKind.FIXED and "data" not in params:
        raise ValueError("a fixed reply needs the bytes to send")
    if kind is ResponderKind.RULES and "rules" not in params:
        params["rules"] = ()
    responder: Responder = _RESPONDER_CLASSES[kind](**params)
    return responder
