"""The listener form's limits: backlog, address reuse, how many connections (within what
the file-descriptor budget allows, said next to the field), the idle timeout, whether a
peer's FIN leaves our side half-open, and the receive buffer (SO_RCVBUF)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QWidget

from netbench.net.fd_budget import connection_budget
from netbench.net.stream import DEFAULT_MAX_CONNECTIONS
from netbench.ui.widgets.control_maker import Controls


class ListenerLimits(QWidget):
    """One row of the listener form; its controls are named ``<prefix>.<control>``."""

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.budget = connection_budget()
        controls = Controls(self, prefix)
        self.backlog = controls.spin_box("backlog", self.tr("Listen backlog"), 1, 65535, 100)
        self.backlog.setPrefix(self.tr("backlog "))
        self.reuse = QCheckBox(self.tr("SO_REUSEADDR"), self)
        self.reuse.setChecked(True)
        controls.name(self.reuse, "reuse_address", self.tr("Reuse the address (SO_REUSEADDR)"))
        self.max_connections = controls.spin_box(
            "max_connections",
            self.tr("Maximum connections"),
            1,
            self.budget,
            min(DEFAULT_MAX_CONNECTIONS, self.budget),
        )
        self.max_connections.setPrefix(self.tr("max "))
        self.max_connections.setSuffix(self.tr(" connections"))
        self.budget_label = QLabel(
            self.tr("at most {budget} (open-file limit)").format(budget=self.budget), self
        )
        self.budget_label.setToolTip(
            self.tr(
                "Each connection holds a file descriptor; some are kept for the rest of the "
                "app. Raise the system's open-file limit (ulimit -n) to allow more."
            )
        )
        controls.name(self.budget_label, "max_connections_budget")
        self.idle = controls.spin_box("idle_timeout", self.tr("Idle timeout in seconds"), 0, 86_400)
        self.idle.setSpecialValueText(self.tr("no idle timeout"))
        self.idle.setSuffix(self.tr(" s idle timeout"))
        self.keep_half_open = QCheckBox(self.tr("keep half-open"), self)
        self.keep_half_open.setToolTip(
            self.tr(
                "When a peer finishes sending (FIN), keep our side open so you can still "
                "reply. Off: our side closes once what was queued is sent."
            )
        )
        controls.name(
            self.keep_half_open,
            "keep_half_open",
            self.tr("Keep connections half-open after the peer's FIN"),
        )
        self.receive_buffer = controls.spin_box(
            "receive_buffer", self.tr("Receive buffer size in KB (SO_RCVBUF)"), 0, 1024 * 1024
        )
        self.receive_buffer.setSpecialValueText(self.tr("system receive buffer"))
        self.receive_buffer.setPrefix(self.tr("receive buffer "))
        self.receive_buffer.setSuffix(self.tr(" KB"))
        self.receive_buffer.setToolTip(
            self.tr(
                "SO_RCVBUF: how much the system holds for this socket before it drops "
                "datagrams (UDP) or makes the sender wait (TCP). Linux doubles it, up to "
                "net.core.rmem_max."
            )
        )
        # Two rows, so the form is no wider than before; the budget sits under its field.
        self.budget_label.setWordWrap(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        for column, widget in enumerate(
            (self.backlog, self.reuse, self.max_connections, self.idle)
        ):
            grid.addWidget(widget, 0, column)
        grid.addWidget(self.keep_half_open, 1, 0, 1, 2)
        grid.addWidget(self.budget_label, 1, 2)
        grid.addWidget(self.receive_buffer, 1, 3)

    def stream_widgets(self) -> tuple[QWidget, ...]:
        """What only stream listeners use."""
        return (
            self.backlog,
            self.max_connections,
            self.budget_label,
            self.idle,
            self.keep_half_open,
        )

    def editable(self) -> tuple[QWidget, ...]:
        return (self.reuse, self.receive_buffer, *self.stream_widgets())

    def receive_buffer_bytes(self) -> int | None:
        kilobytes = self.receive_buffer.value()
        return kilobytes * 1024 if kilobytes else None
