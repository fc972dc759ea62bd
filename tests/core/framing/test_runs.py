"""A run of delimited messages behaves exactly like the list of its messages."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netbench.core.framing.delimiter import occurrences
from netbench.core.framing.runs import DelimitedRun, payload_size
from netbench.core.framing.spec import FramingKind, FramingSpec
from netbench.core.framing.wire import make_framer

lines = st.lists(st.binary(max_size=8).map(lambda b: b.replace(b"\n", b"")), max_size=12)


def as_run(head: bytes | None, body_lines: list[bytes], keep: bool) -> DelimitedRun:
    body = b"".join(line + b"\n" for line in body_lines)
    return DelimitedRun(head, body, b"\n", keep, len(body_lines))


@given(
    head=st.none() | st.binary(max_size=5),
    body_lines=lines,
    keep=st.booleans(),
    cut=st.integers(-15, 15),
)
def test_a_run_is_its_messages_however_it_is_read(head, body_lines, keep, cut) -> None:
    run = as_run(head, body_lines, keep)
    suffix = b"\n" if keep else b""
    expected = ([head] if head is not None else []) + [line + suffix for line in body_lines]
    assert len(run) == len(expected)
    assert list(run) == expected
    assert run == expected
    assert run[cut:] == expected[cut:]
    assert run[:cut] == expected[:cut]
    assert run.tail(cut) == (expected[-cut:] if cut > 0 else [])
    assert payload_size(run) == sum(map(len, expected))
    if -len(expected) <= cut < len(expected):
        assert run[cut] == expected[cut]
    else:
        with pytest.raises(IndexError):
            run[cut]


def test_a_flood_of_lines_stays_uncut_and_a_self_overlapping_delimiter_is_cut() -> None:
    framer = make_framer(FramingSpec(kind=FramingKind.DELIMITER))
    read = b"x" * 63 + b"\n"
    messages = framer.feed(read * 256 + b"part", 1)
    assert isinstance(messages, DelimitedRun)
    assert len(messages) == 256
    assert messages.body is not None and messages[-1] == b"x" * 63
    overlapping = make_framer(FramingSpec(kind=FramingKind.DELIMITER, delimiter=b"aa"))
    assert overlapping.feed(b"aaa", 1) == [b""]
    assert not isinstance(overlapping.feed(b"xaa", 2), DelimitedRun)


@given(
    data=st.binary(max_size=200)
    | st.lists(st.sampled_from([b"\r", b"\n", b"\r\n", b"ab"])).map(b"".join),
    delimiter=st.sampled_from([b"\n", b"\r\n", b"\0", b"aa", b"\r\n\r\n"])
    | st.binary(min_size=1, max_size=3),
)
def test_occurrences_counts_as_bytes_count_does(data, delimiter) -> None:
    """The framer's fast count takes the same leftmost, non-overlapping matches."""
    assert occurrences(data, delimiter) == data.count(delimiter)
