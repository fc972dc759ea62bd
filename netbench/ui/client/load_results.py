"""The results of load runs side by side: one row per figure, one column per run.

Earlier runs stay in the table, so changing one setting (connections, rate, framing) and
running again shows the difference at a glance. The table copies as aligned plain text or
as a Markdown table, for a bug report or a chat message.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netbench.core.framing.spec import FramingKind
from netbench.core.latency import LatencySummary, format_latency
from netbench.net.loadtest.results import LoadResult, RunStatus
from netbench.net.loadtest.settings import LoadSettings, RateScope
from netbench.ui.runtime.net_text import net_text
from netbench.ui.widgets.colors import PLACEHOLDER_COLOR, color_style
from netbench.ui.widgets.sizes import format_size

# Runs kept for comparison; the oldest goes first.
MAX_RUNS = 12
EMPTY = "—"


translate = QCoreApplication.translate


def _count(value: int) -> str:
    return f"{value:,}"


def _rate(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:,.1f}"


def _latency(pick: Callable[[LatencySummary], float]) -> Callable[[LoadResult], str]:
    def cell(result: LoadResult) -> str:
        return format_latency(pick(result.latency)) if result.latency is not None else EMPTY

    return cell


def describe_load(settings: LoadSettings) -> str:
    """ "10 × 1,000 messages, 100 msg/s per connection, ramp-up 500 ms"."""
    if settings.duration:
        text = translate("LoadResults", "{connections} × {seconds} s").format(
            connections=_count(settings.connections), seconds=f"{settings.duration:g}"
        )
    else:
        text = translate("LoadResults", "{connections} × {messages} messages").format(
            connections=_count(settings.connections), messages=_count(settings.messages)
        )
    if settings.rate:
        scope = (
            translate("LoadResults", "in total")
            if settings.rate_scope is RateScope.TOTAL
            else translate("LoadResults", "per connection")
        )
        text += ", " + translate("LoadResults", "{rate} msg/s {scope}").format(
            rate=_rate(settings.rate), scope=scope
        )
    if settings.ramp_up:
        text += ", " + translate("LoadResults", "ramp-up {ms} ms").format(
            ms=f"{settings.ramp_up * 1000:,.0f}"
        )
    return text


def describe_mode(settings: LoadSettings) -> str:
    if not settings.wait_for_replies:
        return translate("LoadResults", "fire and forget")
    if settings.target.kind.is_datagram:
        rule = translate("LoadResults", "one datagram")
    elif settings.framing.kind is FramingKind.FIXED:
        rule = translate("LoadResults", "{size} bytes").format(
            size=_count(settings.framing.fixed_length)
        )
    elif settings.framing.kind is FramingKind.RAW:
        rule = translate("LoadResults", "one read")
    else:
        rule = net_text(settings.framing.describe())
    return translate("LoadResults", "request/response ({rule}, timeout {ms} ms)").format(
        rule=rule, ms=f"{settings.reply_timeout * 1000:,.0f}"
    )


def _status(result: LoadResult) -> str:
    return {
        RunStatus.FINISHED: translate("LoadResults", "finished"),
        RunStatus.CANCELLED: translate("LoadResults", "cancelled"),
        RunStatus.FAILED: translate("LoadResults", "failed"),
        RunStatus.RUNNING: translate("LoadResults", "running"),
    }[result.status]


def _target(result: LoadResult) -> str:
    target = result.settings.target
    return f"{target.kind.value.upper()} {target.target()}"


def _attempted(result: LoadResult) -> str:
    text = _count(result.attempted)
    if result.not_attempted:
        text += " " + translate("LoadResults", "({count} not tried)").format(
            count=_count(result.not_attempted)
        )
    return text


def _latency_sample(result: LoadResult) -> str:
    latency = result.latency
    if latency is None:
        return EMPTY
    if latency.exact:
        return translate("LoadResults", "{count} exact").format(count=_count(latency.count))
    return translate("LoadResults", "{sampled} sampled of {count}").format(
        sampled=_count(latency.sampled), count=_count(latency.count)
    )


def _errors(result: LoadResult) -> str:
    if not result.errors:
        return EMPTY
    return "\n".join(f"{count:,} × {net_text(message)}" for message, count in result.errors[:8])


def _first_errors(result: LoadResult) -> str:
    if not result.first_errors:
        return EMPTY
    lines = []
    for error in result.first_errors[:5]:
        who = (
            translate("LoadResults", "run")
            if error.connection == 0
            else translate("LoadResults", "#{number}").format(number=error.connection)
        )
        lines.append(f"{who} {error.at:.3f} s: {net_text(error.message)}")
    return "\n".join(lines)


def _fd_limit(result: LoadResult) -> str:
    if result.fd_limit is None:
        return EMPTY
    return translate("LoadResults", "reached at {count} connections").format(
        count=_count(result.fd_limit)
    )


# (key, label, cell): the rows of the table, in order.
# The labels are marked for translation here and translated when shown.
ROWS: tuple[tuple[str, object, Callable[[LoadResult], str]], ...] = (
    ("status", QT_TRANSLATE_NOOP("LoadResults", "Status"), _status),
    ("target", QT_TRANSLATE_NOOP("LoadResults", "Target"), _target),
    ("load", QT_TRANSLATE_NOOP("LoadResults", "Load"), lambda r: describe_load(r.settings)),
    ("mode", QT_TRANSLATE_NOOP("LoadResults", "Mode"), lambda r: describe_mode(r.settings)),
    (
        "payload",
        QT_TRANSLATE_NOOP("LoadResults", "Payload"),
        lambda r: format_size(len(r.settings.payload)),
    ),
    ("attempted", QT_TRANSLATE_NOOP("LoadResults", "Connections attempted"), _attempted),
    (
        "connected",
        QT_TRANSLATE_NOOP("LoadResults", "Connections ok"),
        lambda r: _count(r.connected),
    ),
    ("failed", QT_TRANSLATE_NOOP("LoadResults", "Connections failed"), lambda r: _count(r.failed)),
    (
        "peak_open",
        QT_TRANSLATE_NOOP("LoadResults", "Open at once (peak)"),
        lambda r: _count(r.peak_open),
    ),
    ("sent", QT_TRANSLATE_NOOP("LoadResults", "Messages sent"), lambda r: _count(r.sent)),
    ("replies", QT_TRANSLATE_NOOP("LoadResults", "Replies received"), lambda r: _count(r.replies)),
    (
        "timeouts",
        QT_TRANSLATE_NOOP("LoadResults", "Replies timed out"),
        lambda r: _count(r.timeouts),
    ),
    (
        "bytes_out",
        QT_TRANSLATE_NOOP("LoadResults", "Bytes out"),
        lambda r: format_size(r.bytes_out),
    ),
    ("bytes_in", QT_TRANSLATE_NOOP("LoadResults", "Bytes in"), lambda r: format_size(r.bytes_in)),
    ("elapsed", QT_TRANSLATE_NOOP("LoadResults", "Elapsed"), lambda r: f"{r.elapsed:,.3f} s"),
    (
        "msgs_per_s",
        QT_TRANSLATE_NOOP("LoadResults", "Throughput (msg/s)"),
        lambda r: _rate(r.messages_per_second),
    ),
    (
        "replies_per_s",
        QT_TRANSLATE_NOOP("LoadResults", "Replies per second"),
        lambda r: _rate(r.replies_per_second),
    ),
    (
        "mb_out",
        QT_TRANSLATE_NOOP("LoadResults", "MB/s out"),
        lambda r: f"{r.mb_out_per_second:,.2f}",
    ),
    ("mb_in", QT_TRANSLATE_NOOP("LoadResults", "MB/s in"), lambda r: f"{r.mb_in_per_second:,.2f}"),
    ("lat_min", QT_TRANSLATE_NOOP("LoadResults", "Latency min"), _latency(lambda s: s.min)),
    ("lat_p50", QT_TRANSLATE_NOOP("LoadResults", "Latency p50"), _latency(lambda s: s.p50)),
    ("lat_p90", QT_TRANSLATE_NOOP("LoadResults", "Latency p90"), _latency(lambda s: s.p90)),
    ("lat_p99", QT_TRANSLATE_NOOP("LoadResults", "Latency p99"), _latency(lambda s: s.p99)),
    ("lat_max", QT_TRANSLATE_NOOP("LoadResults", "Latency max"), _latency(lambda s: s.max)),
    ("lat_mean", QT_TRANSLATE_NOOP("LoadResults", "Latency mean"), _latency(lambda s: s.mean)),
    ("lat_samples", QT_TRANSLATE_NOOP("LoadResults", "Round trips measured"), _latency_sample),
    (
        "late_slots",
        QT_TRANSLATE_NOOP("LoadResults", "Late slots skipped"),
        lambda r: _count(r.late_slots),
    ),
    ("fd_limit", QT_TRANSLATE_NOOP("LoadResults", "Open file limit"), _fd_limit),
    ("errors", QT_TRANSLATE_NOOP("LoadResults", "Errors"), _errors),
    ("first_errors", QT_TRANSLATE_NOOP("LoadResults", "First errors"), _first_errors),
)
ROW_KEYS = tuple(key for key, _, _ in ROWS)


class LoadResults(QWidget):
    """A table of runs (a column each) with copy buttons; an honest empty state."""

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self.results: list[LoadResult] = []
        self.titles: list[str] = []
        self.columns: list[list[str]] = []  # the cells of each run, as shown
        self._numbers = 0

        self.empty = QLabel(
            self.tr(
                "No runs yet. Set the load above and press Start: the target is this "
                "session's form, the payload is the editor below ({counter} is filled in "
                "per message). Each run adds a column here, next to the earlier ones."
            ),
            self,
        )
        self.empty.setObjectName(f"{prefix}.load_empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet(color_style(PLACEHOLDER_COLOR))

        self.table = QTableWidget(len(ROWS), 0, self)
        self.table.setObjectName(f"{prefix}.load_results")
        self.table.setAccessibleName(self.tr("Load test results, one column per run"))
        self.table.setVerticalHeaderLabels([self.tr(str(label)) for _, label, _ in ROWS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setDefaultSectionSize(200)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        self.copy_text = self._button(
            self.tr("Copy as text"), "load_copy_text", self.tr("Copy the results as plain text")
        )
        self.copy_text.clicked.connect(self.on_copy_text_clicked)
        self.copy_markdown = self._button(
            self.tr("Copy as Markdown"),
            "load_copy_markdown",
            self.tr("Copy the results as a Markdown table"),
        )
        self.copy_markdown.clicked.connect(self.on_copy_markdown_clicked)
        self.clear = self._button(
            self.tr("Clear runs"), "load_clear", self.tr("Remove every run from the table")
        )
        self.clear.clicked.connect(self.on_clear_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.copy_text, self.copy_markdown, self.clear):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._refresh()

    def _button(self, text: str, name: str, accessible: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(f"{self.prefix}.{name}")
        button.setAccessibleName(accessible)
        button.setToolTip(accessible)
        return button

    def _refresh(self) -> None:
        has_runs = bool(self.results)
        self.empty.setVisible(not has_runs)
        self.table.setVisible(has_runs)
        for button in (self.copy_text, self.copy_markdown, self.clear):
            button.setEnabled(has_runs)

    # -- runs -----------------------------------------------------------------------------

    def add(self, result: LoadResult) -> None:
        """Add a run as the rightmost column (dropping the oldest past MAX_RUNS)."""
        self._numbers += 1
        title = self.tr("Run {number} · {time}").format(
            number=self._numbers, time=time.strftime("%H:%M:%S")
        )
        if len(self.results) >= MAX_RUNS:
            self.results.pop(0)
            self.titles.pop(0)
            self.columns.pop(0)
            self.table.removeColumn(0)
        cells = [cell(result) for _, _, cell in ROWS]
        self.results.append(result)
        self.titles.append(title)
        self.columns.append(cells)
        column = self.table.columnCount()
        self.table.insertColumn(column)
        header = QTableWidgetItem(title)
        header.setToolTip(net_text(result.summary))
        self.table.setHorizontalHeaderItem(column, header)
        for row, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.table.scrollToTop()
        self.table.horizontalScrollBar().setValue(self.table.horizontalScrollBar().maximum())
        self._refresh()

    def cell(self, key: str, run: int = -1) -> str:
        """The text shown for row ``key`` of a run (the latest by default)."""
        return self.columns[run][ROW_KEYS.index(key)]

    def on_clear_clicked(self) -> None:
        self.results.clear()
        self.titles.clear()
        self.columns.clear()
        self.table.setColumnCount(0)
        self._refresh()

    # -- copying --------------------------------------------------------------------------

    def _grid(self) -> list[list[str]]:
        """The table as rows of cells, the header row first."""
        header = [self.tr("Metric"), *self.titles]
        rows = [header]
        for row, (_, label, _) in enumerate(ROWS):
            rows.append([self.tr(str(label)), *(column[row] for column in self.columns)])
        return rows

    def as_text(self) -> str:
        """Aligned columns; cells of several lines are joined with "; "."""
        grid = [[cell.replace("\n", "; ") for cell in row] for row in self._grid()]
        widths = [max(len(row[c]) for row in grid) for c in range(len(grid[0]))]
        lines = ["  ".join(cell.ljust(widths[c]) for c, cell in enumerate(row)) for row in grid]
        return "\n".join(line.rstrip() for line in lines) + "\n"

    def as_markdown(self) -> str:
        grid = [
            [cell.replace("|", "\\|").replace("\n", "<br>") for cell in row] for row in self._grid()
        ]
        lines = ["| " + " | ".join(grid[0]) + " |"]
        lines.append("| --- |" + " ---: |" * (len(grid[0]) - 1))
        lines += ["| " + " | ".join(row) + " |" for row in grid[1:]]
        return "\n".join(lines) + "\n"

    def on_copy_text_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.as_text())

    def on_copy_markdown_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.as_markdown())
