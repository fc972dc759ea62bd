"""What went over the wire for one hop, byte for byte, both ways, CR and LF made visible.

HTTP/1.1 is shown as the bytes themselves (``\\r\\n`` written out, then a line break), in
the order writes and reads happened. HTTP/2 is binary: its frames are listed with their
decoded headers, and beside them the same exchange written the HTTP/1 way, labelled as a
rendering, since those bytes never existed. A body of many megabytes is cut after
``RAW_LIMIT`` bytes with a note of how much more came (the Hex view shows it all).
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget

from netbench.core.escapes import encode_escapes
from netbench.core.http.result import HopResult
from netbench.core.http.wirelog import Direction, WireSlice
from netbench.ui.widgets.naming import name_widget
from netbench.ui.widgets.sizes import format_size

RAW_LIMIT = 64 * 1024
H2_DECODE_LIMIT = 4 * 1024 * 1024  # frames of a bigger log are not decoded (HPACK needs all)


def visible_lines(data: bytes) -> str:
    """``data`` with CR, LF and other controls written as escapes; a line break after LF."""
    pieces = data.split(b"\n")
    out = [encode_escapes(piece + b"\n", "utf-8") + "\n" for piece in pieces[:-1]]
    if pieces[-1]:
        out.append(encode_escapes(pieces[-1], "utf-8"))
    return "".join(out)


def _merged(wire: WireSlice) -> list[tuple[Direction, bytes, int, bool]]:
    """Runs of the same direction joined, each cut to what is left of RAW_LIMIT; the third
    field counts the bytes left out, the fourth says the run was a proxy's exchange (the
    log's first ``tunnel_end`` entries). Entries past the limit are counted, never read: a
    1 GB download's log would otherwise be read back from its spill file."""
    log = wire.log
    runs: list[tuple[Direction, bytearray, int, bool]] = []
    shown = 0
    for index in range(wire.start, wire.end):
        direction = log.direction_of(index)
        tunnel = index < log.tunnel_end
        if not runs or runs[-1][0] is not direction or runs[-1][3] is not tunnel:
            runs.append((direction, bytearray(), 0, tunnel))
        _, data, skipped, _ = runs[-1]
        room = max(RAW_LIMIT - shown, 0)
        size = log.size_of(index)
        taken = log.data_of(index)[:room] if room else b""
        data += taken
        shown += len(taken)
        runs[-1] = (direction, data, skipped + size - len(taken), tunnel)
    return [(d, bytes(b), s, t) for d, b, s, t in runs]


class RawView(QWidget):
    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.wire = name_widget(QPlainTextEdit(self), prefix, "raw", self.tr("Raw wire"))
        self.rendering = name_widget(
            QPlainTextEdit(self), prefix, "raw_h1", self.tr("HTTP/1 rendering")
        )
        self.rendering_label = QLabel(
            self.tr("The same exchange written as HTTP/1 (a rendering: these bytes were not sent)"),
            self,
        )
        self.rendering_label.setWordWrap(True)
        for view in (self.wire, self.rendering):
            view.setReadOnly(True)
            view.setFont(font)
            view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.rendering_label)
        side_layout.addWidget(self.rendering, 1)
        self.side = side
        splitter = QSplitter(self)
        splitter.addWidget(self.wire)
        splitter.addWidget(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        side.hide()

    def clear(self) -> None:
        self.wire.clear()
        self.rendering.clear()
        self.side.hide()

    def show_hop(self, hop: HopResult) -> None:
        if hop.http_version == "HTTP/2":
            self.wire.setPlainText(self._frames(hop))
            self.rendering.setPlainText(self._as_http1(hop))
            self.side.show()
        else:
            self.side.hide()
            self.wire.setPlainText(self._bytes(hop))

    def _bytes(self, hop: HopResult) -> str:
        if hop.wire is None:
            return self.tr("Nothing was recorded for this hop.")
        return self._runs(hop.wire)

    def _runs(self, wire: WireSlice) -> str:
        parts = []
        for direction, data, skipped, tunnel in _merged(wire):
            size = format_size(len(data) + skipped)
            parts.append(f"{self._title(direction, tunnel)}  ({size})\n")
            parts.append(visible_lines(data))
            if skipped:
                parts.append(
                    "\n"
                    + self.tr("… {size} more (the Hex view shows the whole body)").format(
                        size=format_size(skipped)
                    )
                )
            parts.append("\n\n")
        return "".join(parts)

    def _title(self, direction: Direction, tunnel: bool) -> str:
        if direction is Direction.SENT:
            return self.tr("→ sent to the proxy") if tunnel else self.tr("→ sent")
        return self.tr("← received from the proxy") if tunnel else self.tr("← received")

    def _frames(self, hop: HopResult) -> str:
        from netbench.core.http.h2frames import decode_frames

        if hop.wire is None:
            return self.tr("Nothing was recorded for this hop.")
        log = hop.wire.log
        if log.sent + log.received > H2_DECODE_LIMIT:
            return self.tr(
                "The connection carried {size}: too much to decode its frames here."
            ).format(size=format_size(log.sent + log.received))
        tunnel = ""
        if hop.wire.start < log.tunnel_end:  # the hop that opened the connection
            tunnel = self._runs(log.slice(hop.wire.start, log.tunnel_end))
        lines = []
        for frame in decode_frames(log):
            if not hop.wire.start <= frame.frame.entry < hop.wire.end:
                continue
            if frame.frame.stream_id not in (0, hop.stream_id):
                continue
            arrow = "→" if frame.direction is Direction.SENT else "←"
            lines.append(f"{arrow} {frame.summary}")
            lines += [f"      {name}: {value}" for name, value in frame.headers]
        return tunnel + "\n".join(lines) + "\n"

    @staticmethod
    def _as_http1(hop: HopResult) -> str:
        request_headers = [(n, v) for n, v in hop.request_headers if not n.startswith(":")]
        lines = [f"{hop.method} {hop.url} HTTP/2"]
        lines += [f"{n}: {v}" for n, v in request_headers]
        for interim in hop.interim:  # 1xx header blocks came first on the stream
            lines += ["", f"HTTP/2 {interim.status}"]
            lines += [f"{n}: {v}" for n, v in interim.headers]
        lines += ["", f"HTTP/2 {hop.status} {hop.reason}".rstrip()]
        lines += [f"{n}: {v}" for n, v in hop.headers]
        return "\n".join(lines) + "\n"
