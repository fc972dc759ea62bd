"""While a panel records, the UI loop's reads leave the window room to write every read."""

from __future__ import annotations

from netbench.net.read_gate import (
    DEFAULT_BYTES_PER_TICK,
    RECORDING_BYTES_PER_TICK,
    ReadGate,
)


def test_the_budget_shrinks_while_any_panel_records():
    gate = ReadGate(DEFAULT_BYTES_PER_TICK)
    gate.set_recording("server-1", True)
    gate.set_recording("client-2", True)
    assert gate.bytes_per_tick == RECORDING_BYTES_PER_TICK < DEFAULT_BYTES_PER_TICK
    gate.set_recording("server-1", False)
    assert gate.bytes_per_tick == RECORDING_BYTES_PER_TICK  # client-2 still records
    gate.set_recording("client-2", False)
    gate.set_recording("client-2", False)  # said twice: no harm
    assert gate.bytes_per_tick == DEFAULT_BYTES_PER_TICK


def test_a_smaller_budget_is_kept_and_no_budget_stays_none():
    small = ReadGate(1024 * 1024)
    small.set_recording("server-1", True)
    assert small.bytes_per_tick == 1024 * 1024
    unbounded = ReadGate(None)  # an IO thread's gate
    unbounded.set_recording("server-1", True)
    assert unbounded.bytes_per_tick is None


def test_a_parked_reader_is_resumed_within_the_recording_budget():
    gate = ReadGate(DEFAULT_BYTES_PER_TICK, read_size=64 * 1024)
    gate.set_recording("server-1", True)
    assert gate.admit(RECORDING_BYTES_PER_TICK - 1)
    assert not gate.admit(1)  # the recording budget, not the full one, is spent
