"""How a connection began and ended, in the user's language.

The net layer names each reason in English (its enum values); the peers table, the
transcript and the client's state line all show it, and must word it alike.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from netbench.net.events import CloseReason, Connected, Link, PeerFinished


def close_reason_labels() -> dict[CloseReason, str]:
    """Every reason's words in the current language."""
    return {
        CloseReason.CLOSED: QCoreApplication.translate("CloseReason", "closed"),
        CloseReason.CLOSED_BY_US: QCoreApplication.translate("CloseReason", "closed by us"),
        CloseReason.CLOSED_BY_PEER: QCoreApplication.translate("CloseReason", "closed by peer"),
        CloseReason.ABORTED_BY_US: QCoreApplication.translate("CloseReason", "aborted by us (RST)"),
        CloseReason.RESET: QCoreApplication.translate("CloseReason", "reset by peer"),
        CloseReason.IDLE: QCoreApplication.translate(
            "CloseReason", "closed after the idle timeout"
        ),
        CloseReason.LIMIT: QCoreApplication.translate(
            "CloseReason", "refused: connection limit reached"
        ),
        CloseReason.ERROR: QCoreApplication.translate("CloseReason", "error"),
    }


def close_reason_text(reason: CloseReason) -> str:
    return close_reason_labels()[reason]


def connected_words(event: Connected) -> str:
    """How a peer came: a connection, or, for datagram sockets that have none, the first
    datagram from it or a socket set to send to it."""
    translate = QCoreApplication.translate
    if event.link is Link.FIRST_DATAGRAM:
        return translate("EventRecords", "first datagram from {peer} (no connection)").format(
            peer=event.peer
        )
    if event.link is Link.DATAGRAMS_TO:
        return translate(
            "EventRecords", "ready: datagrams go to {peer} from {local} (no connection)"
        ).format(peer=event.peer, local=event.local)
    if event.local:
        return translate("EventRecords", "connected (local {local})").format(local=event.local)
    return translate("EventRecords", "connected")


def peer_finished_words(event: PeerFinished) -> str:
    """The peer's FIN, and what it leaves: both sides done, our side closing, or a
    connection that can still carry our replies."""
    translate = QCoreApplication.translate
    if event.after_ours:
        return translate(
            "EventRecords", "peer finished sending (FIN) after us: both sides are done"
        )
    if event.closing:
        return translate("EventRecords", "peer finished sending (FIN); we close our side too")
    return translate("EventRecords", "peer finished sending (FIN); we can still reply")
