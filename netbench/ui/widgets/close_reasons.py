"""How a connection ended, in the user's language.

The net layer names each reason in English (its enum values); the peers table, the
transcript and the client's state line all show it, and must word it alike.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from netbench.net.events import CloseReason


def close_reason_labels() -> dict[CloseReason, str]:
    """Every reason's words in the current language."""
    return {
        CloseReason.CLOSED: QCoreApplication.translate("CloseReason", "closed"),
        CloseReason.CLOSED_BY_US: QCoreApplication.translate("CloseReason", "closed by us"),
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
