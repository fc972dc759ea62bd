"""A hex dump of a body of any size: only the rows on screen are ever read or rendered.

The model reads the body file in 64 KB blocks as the view asks for rows, and keeps a few
blocks; a 1 GB body costs what a 1 KB one does. A small body held in memory is read from
there.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path
from typing import Any, BinaryIO

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

ROW_BYTES = 16
BLOCK = 64 * 1024
KEPT_BLOCKS = 8

AnyIndex = QModelIndex | QPersistentModelIndex


class ByteSource:
    """Random access to a body: a file read in blocks, or bytes in memory."""

    def __init__(self, path: Path | None = None, data: bytes = b"") -> None:
        self._data = data
        self._file: BinaryIO | None = path.open("rb") if path is not None else None
        self.size = path.stat().st_size if path is not None else len(data)
        self._blocks: OrderedDict[int, bytes] = OrderedDict()

    def read(self, offset: int, length: int) -> bytes:
        if self._file is None:
            return self._data[offset : offset + length]
        out = b""
        while length > 0 and offset < self.size:
            number, start = divmod(offset, BLOCK)
            block = self._block(number)
            piece = block[start : start + length]
            if not piece:
                break
            out += piece
            offset += len(piece)
            length -= len(piece)
        return out

    def _block(self, number: int) -> bytes:
        block = self._blocks.get(number)
        if block is None:
            assert self._file is not None
            self._file.seek(number * BLOCK)
            block = self._file.read(BLOCK)
            self._blocks[number] = block
            if len(self._blocks) > KEPT_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(number)
        return block

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def _printable(data: bytes) -> str:
    return "".join(chr(b) if 0x20 <= b < 0x7F else "." for b in data)


class HexModel(QAbstractTableModel):
    """Offset, 16 bytes in hex, the same as text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = ByteSource()

    def set_source(self, source: ByteSource) -> None:
        self.beginResetModel()
        self.source.close()
        self.source = source
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return (self.source.size + ROW_BYTES - 1) // ROW_BYTES

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        offset = index.row() * ROW_BYTES
        if index.column() == 0:
            return f"{offset:08x}"
        chunk = self.source.read(offset, ROW_BYTES)
        if index.column() == 1:
            text = " ".join(f"{b:02x}" for b in chunk)
            return text[:23] + " " + text[23:] if len(chunk) > 8 else text
        return _printable(chunk)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (self.tr("Offset"), self.tr("Hex"), self.tr("Text"))[section]
        return None


class HexView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hex_model = HexModel(self)
        self.setModel(self.hex_model)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 4)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        width = self.fontMetrics().horizontalAdvance("0")
        header.resizeSection(0, width * 10)
        header.resizeSection(1, width * 51)
        header.setStretchLastSection(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def show_bytes(self, source: ByteSource) -> None:
        self.hex_model.set_source(source)

    def clear(self) -> None:
        self.hex_model.set_source(ByteSource())
