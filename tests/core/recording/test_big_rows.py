"""A huge row read in short steps gives what the ordinary reading gives."""

import json

import pytest

from netbench.core.recording.big_rows import BIG_ROW_BYTES, split_big_row
from netbench.core.recording.rows import parse_row
from netbench.core.recording.writer import record_to_json
from netbench.core.transcript import Direction, Record


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\xff" * (BIG_ROW_BYTES // 2),
        ('say "hex": "x" \\ 中文 ' * 60_000).encode(),  # keys and quotes inside the text
    ],
)
def test_a_big_row_reads_as_the_ordinary_way_does(data):
    raw = record_to_json(Record(12.5, Direction.OUT, 'peer "q" \\', data)).encode()
    assert len(raw) > BIG_ROW_BYTES
    split = split_big_row(raw)
    assert split is not None
    row = parse_row(raw, 3)
    assert row is not None and row.data == data and row.peer == 'peer "q" \\' and row.at == 12.5
    # The same row through json, as any other writer's row would go.
    value = json.loads(raw)
    assert bytes.fromhex(value["hex"]) == row.data


def test_rows_written_otherwise_fall_back_to_json():
    value = {"at": 1.0, "dir": "out", "peer": "p", "hex": "00" * BIG_ROW_BYTES}
    raw = json.dumps(value, separators=(",", ":")).encode()  # no space after the colon
    assert split_big_row(raw) is None
    row = parse_row(raw, 1)
    assert row is not None and row.data == b"\0" * BIG_ROW_BYTES
