"""The table model behind every transcript: a bounded ring of records shown as rows.

Floods arrive in batches, so the model announces each batch with one insert (and, when the
ring overflows, one removal of the oldest rows) instead of a signal per record. Cells are
rendered only when a view asks for them, which it does for the visible rows alone, so a
ring of 100,000 rows stays as quick as one of a hundred.
"""

from __future__ import annotations

import codecs
from collections import OrderedDict
from collections.abc import Sequence
from enum import IntEnum
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette

from netbench.core.delegation import Delegated
from netbench.core.display import DisplayMode, render, render_block
from netbench.core.encodings import DEFAULT_ENCODING, normalize_encoding
from netbench.core.transcript import (
    DEFAULT_RING_CAPACITY,
    DIRECTION_ARROWS,
    Direction,
    Record,
    Totals,
    TranscriptRing,
    format_record,
    format_time,
)
from netbench.ui.transcript.search import hex_query, record_matches
from netbench.ui.widgets.colors import ERROR_ROW_COLORS, INFO_COLORS, RECEIVED_COLORS, SENT_COLORS

# A cell never shows more than this many characters: a 10 MB message must not make the
# table crawl, and every paint lays the cells out again (measured on a screen of 1 MB rows:
# 42 ms a repaint at 2,000 characters, 20 ms at 500). Wide enough for any screen; the
# message inspector, copy and export always use the full bytes kept in the record.
CELL_CHAR_LIMIT = 500
# Rendered cells kept for repainting and scrolling back and forth; a screenful is ~50 rows.
_CACHE_SIZE = 4_096
# How many bytes a tooltip shows in its multi-line form.
_TOOLTIP_BYTES = 256
_TEXT_MODES = (DisplayMode.TEXT, DisplayMode.BOTH)


class Column(IntEnum):
    """The table's columns, left to right.

    The reads marker stands before Data, which takes all the width that is left: a note
    after Data was off-screen at the usual window sizes, and merged or split messages are
    what the tutorials' 粘包 lessons ask a learner to look for.
    """

    TIME = 0
    DIRECTION = 1
    PEER = 2
    LENGTH = 3
    READS = 4
    DATA = 5


RECORD_ROLE = Qt.ItemDataRole.UserRole + 1


def format_count(count: int) -> str:
    """A count with the locale's digit grouping ("1,234" where Qt only knows the C locale)."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return f"{count:,}"
    return locale.toString(count)


def direction_word(direction: Direction) -> str:
    """The direction in words ("received", "sent"…), for tooltips and the inspector."""
    return {
        Direction.IN: QCoreApplication.translate("TranscriptModel", "received"),
        Direction.OUT: QCoreApplication.translate("TranscriptModel", "sent"),
        Direction.INFO: QCoreApplication.translate("TranscriptModel", "information"),
        Direction.ERROR: QCoreApplication.translate("TranscriptModel", "error"),
    }[direction]


_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_FONT = int(Qt.ItemDataRole.FontRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole.value)
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
_CENTER = int(Qt.AlignmentFlag.AlignCenter.value)
_COLUMNS = tuple(Column)
_ROLES_ANSWERED = frozenset(
    {_DISPLAY, _FOREGROUND, _FONT, _ALIGNMENT, _TOOLTIP, _ACCESSIBLE, RECORD_ROLE}
)


class TranscriptModel(QAbstractTableModel):
    """Rows of a :class:`TranscriptRing`, newest last, with exact totals behind them.

    Signals:
        counts_changed(): rows were added, dropped or cleared; totals may have moved.
    """

    counts_changed = Signal()

    def __init__(
        self, capacity: int = DEFAULT_RING_CAPACITY, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._ring = TranscriptRing(capacity)
        # Row count as the views know it; differs from len(ring) only between the removal
        # and the insertion of one batch, so every signal describes a consistent state.
        self._rows = 0
        self._skip = 0
        # Position of each row within a read that carried several frames (0: not merged),
        # kept aligned with the ring; the record alone does not say which frame it was.
        self._mode = DisplayMode.TEXT
        self._encoding = DEFAULT_ENCODING
        self._relative_time = False
        self._time_base: float | None = None
        self._first_at: float | None = None
        self._cache: OrderedDict[int, tuple[Record, str]] = OrderedDict()
        self._mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self._colors: dict[Direction, QColor] = {}
        self.update_palette()

    # -- state ------------------------------------------------------------------------------

    @property
    def ring(self) -> TranscriptRing:
        return self._ring

    # What the ring counted: every message, also those that fell out of view.
    totals = Delegated[Totals]("ring.totals")
    dropped = Delegated[int]("ring.dropped")
    capacity = Delegated[int]("ring.capacity")

    @property
    def mono_font(self) -> QFont:
        return QFont(self._mono)

    def record(self, row: int) -> Record:
        if not 0 <= row < self._rows:
            raise IndexError(f"row {row} is not in the transcript")
        return self._ring[row + self._skip]

    def records(self) -> list[Record]:
        """Every record in view, oldest first."""
        return list(self._ring)

    @property
    def display_mode(self) -> DisplayMode:
        return self._mode

    @display_mode.setter
    def display_mode(self, mode: DisplayMode) -> None:
        self._draw_data_as(DisplayMode(mode), self._encoding)

    @property
    def encoding(self) -> str:
        return self._encoding

    @encoding.setter
    def encoding(self, encoding: str) -> None:
        self._draw_data_as(self._mode, normalize_encoding(encoding))

    def _draw_data_as(self, mode: DisplayMode, codec: str) -> None:
        """The Data column in ``mode`` and ``codec``: when either changed, it is drawn again
        from the bytes, since every cached cell is stale."""
        if (mode, codec) == (self._mode, self._encoding):
            return
        self._mode, self._encoding = mode, codec
        self._cache.clear()
        self._column_changed(Column.DATA)

    @property
    def relative_time(self) -> bool:
        return self._relative_time

    @relative_time.setter
    def relative_time(self, relative: bool) -> None:
        if relative == self._relative_time:
            return
        self._relative_time = relative
        self._column_changed(Column.TIME)

    @property
    def time_base(self) -> float | None:
        """The moment relative times count from; None: the first record since the last clear."""
        return self._time_base

    @time_base.setter
    def time_base(self, base: float | None) -> None:
        self._time_base = base
        if self._relative_time:
            self._column_changed(Column.TIME)

    def relative_to(self) -> float | None:
        """What times are shown relative to, or None when they are shown as wall-clock time.

        The default base is the first record since the last clear, not the first row still
        in the ring: otherwise every time on screen would shift whenever the ring drops rows.
        """
        if not self._relative_time:
            return None
        if self._time_base is not None:
            return self._time_base
        if self._first_at is not None:
            return self._first_at
        return 0.0

    def text_lines(self, records: Sequence[Record]) -> list[str]:
        """``records`` as whole one-line rows, shown as the table shows them (for copy and
        export: the full data, not the cut-down cells)."""
        relative_to = self.relative_to()
        return [
            format_record(record, self._mode, self._encoding, relative_to) for record in records
        ]

    # -- changing the rows ------------------------------------------------------------------

    def append_records(self, records: Sequence[Record]) -> int:
        """Add a batch: at most one removal of old rows, then one insertion. Returns how
        many of the rows shown before went."""
        if not records:
            return 0
        if self._first_at is None:
            self._first_at = records[0].at
        excess = self._ring.overflow_of(records)
        removed = min(self._rows, excess)
        if removed:
            self._remove_oldest(removed)
        self._ring.append_many(records, excess)
        self._skip = 0
        added = len(self._ring) - self._rows
        if added:
            self.beginInsertRows(QModelIndex(), self._rows, self._rows + added - 1)
            self._rows += added
            self.endInsertRows()
        self.counts_changed.emit()
        return removed

    def _remove_oldest(self, count: int) -> None:
        """Tell the views the oldest ``count`` rows go, before the ring drops them."""
        self._forget_cells(count)
        self.beginRemoveRows(QModelIndex(), 0, count - 1)
        self._skip = count
        self._rows -= count
        self.endRemoveRows()

    def note_unshown(
        self, records_in: int, bytes_in: int, records_out: int = 0, bytes_out: int = 0
    ) -> None:
        """Count traffic that was not made into rows; the status says it was dropped."""
        self._ring.note_unshown(records_in, bytes_in, records_out, bytes_out)
        self.counts_changed.emit()

    def set_capacity(self, capacity: int) -> None:
        """Change how many rows are kept; the oldest rows go when it shrinks."""
        if capacity < 1:
            raise ValueError("the transcript must keep at least one record")
        removed = max(0, self._rows - capacity)
        if removed:
            self._remove_oldest(removed)
        self._ring.set_capacity(capacity)
        self._skip = 0
        if removed:
            self.counts_changed.emit()

    def _forget_cells(self, count: int) -> None:
        """Drop the rendered cells of the oldest ``count`` rows, which are about to go: the
        cache must not keep their records alive, or a file sent in 1 MB rows would stay in
        memory far past the ring's bound."""
        cache, ring = self._cache, self._ring
        if count >= len(ring):
            cache.clear()
            return
        for index in range(count if cache else 0):
            cache.pop(id(ring[index]), None)

    def clear(self) -> None:
        """Empty the view; the totals keep counting, so the status still tells the truth."""
        self.beginResetModel()
        self._ring.clear()
        self._rows = 0
        self._skip = 0
        self._cache.clear()
        self._first_at = None
        self.endResetModel()
        self.counts_changed.emit()

    def _column_changed(self, column: Column) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, column), self.index(self._rows - 1, column))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)

    def error_color(self) -> QColor:
        return QColor(self._colors[Direction.ERROR])

    def update_palette(self) -> None:
        """Pick direction colors that read well on the current palette, light or dark."""
        base = QGuiApplication.palette().color(QPalette.ColorRole.Base)
        dark = base.lightness() < 128
        self._colors = {
            Direction.IN: QColor(RECEIVED_COLORS[dark]),
            Direction.OUT: QColor(SENT_COLORS[dark]),
            Direction.INFO: QColor(INFO_COLORS[dark]),
            Direction.ERROR: QColor(ERROR_ROW_COLORS[dark]),
        }
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(self._rows - 1, len(Column) - 1),
                [Qt.ItemDataRole.ForegroundRole],
            )

    # -- Qt model interface -----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        column = Column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header_text(column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tip(column)
        return None

    def _header_text(self, column: Column) -> str:
        if column is Column.TIME:
            return self.tr("Time (+s)") if self._relative_time else self.tr("Time")
        if column is Column.DATA:
            return {
                DisplayMode.TEXT: self.tr("Data (text)"),
                DisplayMode.HEX: self.tr("Data (hex)"),
                DisplayMode.BOTH: self.tr("Data (text | hex)"),
            }[self._mode]
        return {
            Column.DIRECTION: self.tr("Dir"),
            Column.PEER: self.tr("Peer"),
            Column.LENGTH: self.tr("Bytes"),
            Column.READS: self.tr("Reads"),
        }[column]

    def _header_tip(self, column: Column) -> str:
        return {
            Column.TIME: self.tr("When the record was made, or seconds since the first one"),
            Column.DIRECTION: self.tr("← received, → sent, • information, ! error"),
            Column.PEER: self.tr("The other end of the connection"),
            Column.LENGTH: self.tr("Length of the data in bytes"),
            Column.DATA: self.tr(
                "The bytes, with controls and undecodable bytes as escapes; long data is cut "
                "here: double-click a row to see all of it"
            ),
            Column.READS: self.tr(
                "❐ several messages came in one read (粘包); ✂ one message came in "
                "several reads (拆包). Point at a mark for the whole note"
            ),
        }[column]

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        # Views ask for ten roles per cell on every paint: answer the common ones first,
        # with plain ints, and leave the rest quickly.
        if role not in _ROLES_ANSWERED:
            return None
        row = index.row()
        if not 0 <= row < self._rows:
            return None
        record = self._ring[row + self._skip]
        column = _COLUMNS[index.column()]
        if role == _DISPLAY:
            return self._display(record, row, column)
        if role == _FOREGROUND:
            return self._colors[record.direction]
        if role == _FONT:
            return self._mono if column in (Column.TIME, Column.DATA) else None
        if role == _ALIGNMENT:
            if column is Column.LENGTH:
                return _RIGHT
            if column is Column.DIRECTION:
                return _CENTER
            return None
        if role == _TOOLTIP:
            return self._tooltip(record, row, column)
        if role == _ACCESSIBLE and column is Column.DIRECTION:
            return direction_word(record.direction)
        if role == _ACCESSIBLE and column is Column.READS:
            return self.note_text(record, row)  # the words behind the mark
        if role == RECORD_ROLE:
            return record
        return None

    def _display(self, record: Record, row: int, column: Column) -> str:
        match column:
            case Column.TIME:
                return format_time(record.at, self.relative_to())
            case Column.DIRECTION:
                return DIRECTION_ARROWS[record.direction]
            case Column.PEER:
                return record.peer
            case Column.LENGTH:
                return format_count(len(record.data)) if record.carries_data else ""
            case Column.DATA:
                # Connection events have no bytes: their words go where the eye looks.
                return self.cell_text(record) if record.carries_data else record.note
            case Column.READS:
                return self.reads_mark(record) if record.carries_data else ""

    def _tooltip(self, record: Record, row: int, column: Column) -> str | None:
        if column is Column.DIRECTION:
            return direction_word(record.direction)
        if column is Column.READS:
            return (self.note_text(record, row) or None) if record.carries_data else None
        if column is Column.DATA and record.data:
            shown = record.data[:_TOOLTIP_BYTES]
            block = render_block(shown, self._mode, self._encoding)
            if len(record.data) > len(shown):
                return self.tr("{block}\n…(+{count} more bytes)").format(
                    block=block, count=format_count(len(record.data) - len(shown))
                )
            return block
        return None

    # -- rendering --------------------------------------------------------------------------

    def cell_text(self, record: Record) -> str:
        """The Data cell: one line, cut at CELL_CHAR_LIMIT characters, cached per record."""
        key = id(record)
        hit = self._cache.get(key)
        if hit is not None and hit[0] is record:
            self._cache.move_to_end(key)
            return hit[1]
        text = self._render_cell(record.data)
        self._cache[key] = (record, text)
        if len(self._cache) > _CACHE_SIZE:
            self._cache.popitem(last=False)
        return text

    def _render_cell(self, data: bytes) -> str:
        """Render only as many bytes as fit, so huge records cost no more than small ones.

        A byte shows as at most four characters in text (``\\xNN``), so the first try takes
        a quarter of the limit in bytes, and more only while the text fills less than half
        of it: binary data then costs a quarter of rendering CELL_CHAR_LIMIT bytes
        (measured: 6.5 ms a cell of random bytes, which a file send shows many of).
        """
        most = min(len(data), CELL_CHAR_LIMIT)
        wanted = min(most, CELL_CHAR_LIMIT // 4)
        for _attempt in range(4):
            shown = wanted
            if shown < len(data) and self._mode in _TEXT_MODES:
                shown -= self._incomplete_tail(data[:shown])
            text = render(data[:shown], self._mode, self._encoding)
            if len(text) > CELL_CHAR_LIMIT:
                if shown <= 1:
                    break
                wanted = max(1, shown * CELL_CHAR_LIMIT // len(text))
            elif len(text) < CELL_CHAR_LIMIT // 2 and wanted < most:
                wanted = min(most, shown * CELL_CHAR_LIMIT // max(1, len(text)))
            else:
                break
        text = text[:CELL_CHAR_LIMIT]
        left_out = len(data) - shown
        if not left_out:
            return text
        if left_out == 1:
            return self.tr("{text}…(+1 byte)").format(text=text)
        return self.tr("{text}…(+{count} bytes)").format(text=text, count=format_count(left_out))

    def _incomplete_tail(self, head: bytes) -> int:
        """Bytes at the end of ``head`` that start a character the cut would break."""
        decoder = codecs.getincrementaldecoder(self._encoding)(errors="ignore")
        decoder.decode(head, final=False)
        pending = len(decoder.getstate()[0])
        return pending if pending < len(head) else 0

    def reads_mark(self, record: Record) -> str:
        """The Reads cell: a short mark of how the message relates to its reads, then the
        record's own note (the cell is narrow; its tooltip and the inspector say it all)."""
        parts: list[str] = []
        if record.first_chunk >= 0 and record.spans_chunks:
            parts.append(self.split_mark(record.last_chunk - record.first_chunk + 1))
        if record.shares_chunk:
            parts.append(self.merged_mark(record.frame_index, record.chunk_frames))
        if record.note:
            parts.append(record.note)
        return " ".join(parts)

    def split_mark(self, reads: int) -> str:
        """The mark of one message that came in ``reads`` reads (拆包)."""
        return self.tr("✂ {count} reads").format(count=reads)

    def merged_mark(self, index: int, count: int) -> str:
        """The mark of message ``index`` (0: unknown) of ``count`` that came in one read (粘包)."""
        if index:
            return self.tr("❐ {index}/{count}").format(index=index, count=count)
        return self.tr("❐ ×{count}").format(count=count)

    def note_text(self, record: Record, row: int) -> str:
        """How the frame relates to the reads it came from, then the record's own note."""
        parts: list[str] = []
        if record.first_chunk >= 0 and record.spans_chunks:
            parts.append(
                self.tr("split over reads {first}–{last}").format(
                    first=record.first_chunk, last=record.last_chunk
                )
            )
        if record.shares_chunk:
            position = record.frame_index
            if position:
                parts.append(
                    self.tr("merged: {index} of {count} in one read").format(
                        index=position, count=record.chunk_frames
                    )
                )
            else:
                parts.append(
                    self.tr("merged: {count} in one read").format(count=record.chunk_frames)
                )
        if record.note:
            parts.append(record.note)
        return " · ".join(parts)

    # -- search -----------------------------------------------------------------------------

    def find(self, query: str, start: int, forward: bool = True) -> int:
        """The first row from ``start`` (wrapping around) whose cells contain ``query``, or
        -1: peer, note and data as the current mode shows them, ignoring case; hex queries
        match the bytes (see :mod:`.search`)."""
        needle = query.casefold()
        if not needle or not self._rows:
            return -1
        wanted = hex_query(query) if self._mode is not DisplayMode.TEXT else None
        count = self._rows
        step = 1 if forward else -1
        for offset in range(count):
            row = (start + step * offset) % count
            record = self._ring[row + self._skip]
            note = partial(self.note_text, record, row)
            if record_matches(record, needle, wanted, self._mode, self._encoding, note):
                return row
        return -1
