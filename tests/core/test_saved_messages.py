"""Saved messages: the file format, its strict reader, names and merging on import."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
from encodable import CODECS, encodes
from hypothesis import given, settings
from hypothesis import strategies as st

from netbench.core.checksum import (
    NO_CHECKSUM,
    ByteOrder,
    Checksum,
    ChecksumSpec,
    Placement,
    crc16_modbus,
    sum8,
)
from netbench.core.errors import SnippetError
from netbench.core.escapes import encode_escapes
from netbench.core.payload import InputMode, LineEnding, to_hex
from netbench.core.saved_message_fields import make_snippet
from netbench.core.saved_messages import (
    MAX_NAME_LENGTH,
    DuplicatePolicy,
    Snippet,
    SnippetLibrary,
    check_name,
    duplicates,
    merge,
    timestamp,
    unique_name,
)
from netbench.core.saved_messages_format import FORMAT_NAME, dump_library, parse_library

PROPERTY_SETTINGS = settings(max_examples=150, deadline=None, database=None)
NOW = datetime(2024, 5, 1, 12, 30, tzinfo=UTC)


def document(*entries: Any, **top: Any) -> str:
    return json.dumps({"format": FORMAT_NAME, "version": 1, "snippets": list(entries), **top})


def error_or_none(data: str | bytes) -> SnippetError | None:
    """The reader's error for `data`, or None when it loads: anything else fails the test."""
    try:
        parse_library(data)
    except SnippetError as error:
        return error
    return None


def error_of(text: str | bytes) -> SnippetError:
    with pytest.raises(SnippetError) as caught:
        parse_library(text)
    return caught.value


# -- strategies -----------------------------------------------------------------------------

names = (
    st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=40)
    .map(str.strip)
    .filter(bool)
)


@st.composite
def checksum_specs(draw: st.DrawFn) -> ChecksumSpec:
    """Any checksum the editor can choose, a byte order even where it means nothing."""
    return ChecksumSpec(
        draw(st.sampled_from(list(Checksum))),
        draw(st.none() | st.sampled_from(list(ByteOrder))),
        draw(st.integers(0, 6)),
        draw(st.sampled_from(list(Placement))),
    )


@st.composite
def snippets(draw: st.DrawFn, name: str | None = None) -> Snippet:
    """A valid snippet: its text is drawn from bytes, so it always makes a payload.

    A drawn checksum the message cannot carry (it skips more bytes than there are, or is
    LRC over bytes that are not hex digits) is refused; the snippet then gets one with the
    same settings that covers everything, so most snippets do carry a checksum.
    """
    codec = draw(st.sampled_from(CODECS))
    mode = draw(st.sampled_from(list(InputMode)))
    data = draw(st.binary(max_size=40))
    if mode is InputMode.HEX:
        text = to_hex(data, draw(st.sampled_from([" ", "", ","])))
    elif mode is InputMode.ESCAPES:
        text = encode_escapes(data, codec)
    else:
        text = draw(st.text(max_size=40).filter(lambda t: encodes(t, codec)))
    moment = draw(st.datetimes(timezones=st.just(UTC)))
    fields = {
        "name": name if name is not None else draw(names),
        "text": text,
        "mode": mode,
        "encoding": codec,
        "line_ending": draw(st.sampled_from(list(LineEnding))),
    }
    note = draw(st.text(st.characters(blacklist_categories=("Cs",)), max_size=30))
    checksum = draw(checksum_specs())
    try:
        return make_snippet(**fields, now=moment, note=note, checksum=checksum)
    except SnippetError as error:
        field = error.field
    assert field == "checksum"
    covering = replace(checksum, skip=0)
    if covering.algorithm is Checksum.LRC_ASCII:
        covering = replace(covering, algorithm=Checksum.XOR8)
    return make_snippet(**fields, now=moment, note=note, checksum=covering)


@st.composite
def libraries(draw: st.DrawFn, max_size: int = 6) -> SnippetLibrary:
    chosen = draw(st.lists(names, max_size=max_size, unique=True))
    return SnippetLibrary(tuple(draw(snippets(name)) for name in chosen))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)


# -- round trips ----------------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(libraries())
def test_any_library_round_trips_through_its_json(library: SnippetLibrary) -> None:
    text = dump_library(library)
    assert parse_library(text) == library
    assert parse_library(text.encode("utf-8")) == library


@PROPERTY_SETTINGS
@given(snippets())
def test_a_loaded_snippet_sends_the_same_bytes(snippet: Snippet) -> None:
    loaded = parse_library(dump_library(SnippetLibrary((snippet,))))[0]
    assert loaded.checksum == snippet.checksum
    assert loaded.payload(1, 0.0) == snippet.payload(1, 0.0)
    assert loaded.payload(7, 0.0) == snippet.payload(7, 0.0)


@PROPERTY_SETTINGS
@given(snippets())
def test_a_snippet_sends_what_the_editor_would_for_its_settings(snippet: Snippet) -> None:
    """The payload is the recipe's first send: templates filled, then the checksum added."""
    parts = snippet.parts(1, 0.0)
    assert parts.checksum == snippet.checksum.compute(parts.body)
    assert len(parts.checksum) == snippet.checksum.algorithm.width
    assert snippet.payload(1, 0.0) == parts.body + parts.checksum + parts.tail


def test_the_file_is_readable_json_with_a_format_and_version() -> None:
    snippet = make_snippet(
        "read register 1", "01 03 00 00 00 01 84 0A", "hex", "utf-8", "none", now=NOW
    )
    document = json.loads(dump_library(SnippetLibrary((snippet,))))
    assert document["format"] == "netbench-snippets"
    assert document["version"] == 1
    assert document["snippets"] == [
        {
            "name": "read register 1",
            "text": "01 03 00 00 00 01 84 0A",
            "mode": "hex",
            "encoding": "utf-8",
            "line_ending": "none",
            "created": "2024-05-01T12:30:00+00:00",
            "modified": "2024-05-01T12:30:00+00:00",
        }
    ]
    assert snippet.payload() == bytes.fromhex("010300000001840A")


def test_a_checksum_is_kept_in_the_file_and_restored() -> None:
    """The Modbus request of a device engineer: typed without its CRC, sent with it."""
    modbus = ChecksumSpec(Checksum.CRC16_MODBUS)
    snippet = make_snippet("read register 1", "01 03 00 00 00 01", "hex", now=NOW, checksum=modbus)
    assert snippet.payload() == bytes.fromhex("010300000001840A")
    entry = json.loads(dump_library(SnippetLibrary((snippet,))))["snippets"][0]
    assert entry["checksum"] == {
        "algorithm": "crc16-modbus",
        "order": None,
        "skip": 0,
        "placement": "before-line-ending",
    }
    loaded = parse_library(dump_library(SnippetLibrary((snippet,))))[0]
    assert loaded == snippet
    assert loaded.checksum == modbus
    assert loaded.payload() == bytes.fromhex("010300000001840A")


def test_every_checksum_setting_is_written_with_stable_names() -> None:
    spec = ChecksumSpec(
        Checksum.CRC16_CCITT_FALSE, ByteOrder.LITTLE, 1, Placement.AFTER_LINE_ENDING
    )
    snippet = make_snippet(
        "frame", "\\x02AB", "escapes", line_ending="crlf", now=NOW, checksum=spec
    )
    text = dump_library(SnippetLibrary((snippet,)))
    assert json.loads(text)["snippets"][0]["checksum"] == {
        "algorithm": "crc16-ccitt-false",
        "order": "little",
        "skip": 1,
        "placement": "after-line-ending",
    }
    assert parse_library(text)[0].checksum == spec


def test_a_snippet_without_a_checksum_is_written_as_before() -> None:
    """No "checksum" key at all, so the file is what every version-1 reader expects."""
    snippet = make_snippet("ping", "PING", now=NOW)
    assert snippet.checksum == NO_CHECKSUM
    entry = json.loads(dump_library(SnippetLibrary((snippet,))))["snippets"][0]
    assert "checksum" not in entry


def test_an_lrc_over_modbus_ascii_skips_the_colon_and_goes_before_the_line_ending() -> None:
    spec = ChecksumSpec(Checksum.LRC_ASCII, skip=1)
    snippet = make_snippet("ascii", ":010300000001", line_ending="crlf", now=NOW, checksum=spec)
    assert snippet.payload() == b":010300000001FB\r\n"
    assert parse_library(dump_library(SnippetLibrary((snippet,))))[0].checksum == spec


def test_the_checksum_covers_the_filled_in_counter() -> None:
    snippet = make_snippet("count", "#{counter}", now=NOW, checksum=ChecksumSpec(Checksum.SUM8))
    assert snippet.payload() == b"#1" + bytes([sum8(b"#1")])
    assert snippet.payload(12, 0.0) == b"#12" + bytes([sum8(b"#12")])
    assert make_snippet("braces", "{{counter}}", now=NOW).payload() == b"{counter}"


def test_a_hand_written_checksum_needs_only_its_algorithm() -> None:
    library = parse_library(
        document(
            {
                "name": "reg",
                "text": "01 03",
                "mode": "hex",
                "checksum": {"algorithm": "crc16-modbus"},
            }
        )
    )
    assert library[0].checksum == ChecksumSpec(Checksum.CRC16_MODBUS)
    assert library[0].payload() == b"\x01\x03" + crc16_modbus(b"\x01\x03").to_bytes(2, "little")


def test_no_checksum_and_a_meaningless_byte_order_are_read_as_what_they_mean() -> None:
    """ "none" is no checksum; the order of a one-byte checksum is dropped, not kept."""
    library = parse_library(
        document(
            {"name": "a", "text": "x", "checksum": {"algorithm": "none", "skip": 2}},
            {"name": "b", "text": "x", "checksum": {"algorithm": "xor8", "order": "little"}},
        )
    )
    assert library[0].checksum == NO_CHECKSUM
    assert library[1].checksum == ChecksumSpec(Checksum.XOR8)


def test_chinese_text_stays_readable_in_the_file() -> None:
    snippet = make_snippet("问候", "你好", "text", "gbk", "crlf", now=NOW)
    text = dump_library(SnippetLibrary((snippet,)))
    assert "你好" in text and "问候" in text
    assert parse_library(text)[0].payload() == "你好\r\n".encode("gbk")


def test_a_hand_written_entry_needs_only_a_name_and_text() -> None:
    library = parse_library(document({"name": " ping ", "text": "PING"}))
    assert library[0] == Snippet("ping", "PING")
    assert library[0].payload() == b"PING"


def test_encoding_aliases_are_read_and_stored_canonically() -> None:
    library = parse_library(document({"name": "a", "text": "x", "encoding": "UTF8"}))
    assert library[0].encoding == "utf-8"


def test_a_byte_order_mark_is_allowed() -> None:
    data = b"\xef\xbb\xbf" + document({"name": "a", "text": "x"}).encode()
    assert len(parse_library(data)) == 1


# -- errors ---------------------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(json_values)
def test_any_json_value_either_loads_or_gives_a_clear_error(value: Any) -> None:
    error = error_or_none(json.dumps(value))
    assert error is None or (error.message and str(error) == error.message)


@PROPERTY_SETTINGS
@given(st.text(max_size=200) | st.binary(max_size=200).map(lambda b: b))
def test_any_text_or_bytes_either_load_or_give_a_clear_error(data: str | bytes) -> None:
    error = error_or_none(data)
    assert error is None or error.message


@PROPERTY_SETTINGS
@given(libraries(max_size=3), st.data())
def test_a_damaged_entry_gives_an_error_naming_the_entry(
    library: SnippetLibrary, data: st.DataObject
) -> None:
    """Any field of any entry replaced by any JSON value: it loads, or the error says where."""
    parsed = json.loads(dump_library(library))
    if not parsed["snippets"]:
        return
    number = data.draw(st.integers(1, len(parsed["snippets"])))
    entry = parsed["snippets"][number - 1]
    key = data.draw(st.sampled_from([*entry, "extra"]))
    entry[key] = data.draw(json_values)
    error = error_or_none(json.dumps(parsed))
    if error is not None:
        assert error.message.startswith(f"Entry {error.entry}")
        assert error.field is not None
        assert f'"{error.field}"' in error.message or error.field == "name"


@pytest.mark.parametrize(
    ("text", "expected", "entry", "field"),
    [
        ("", "This is not a JSON file: Expecting value at line 1, column 1", None, None),
        ("{nope", "This is not a JSON file", None, None),
        ("[]", "This is not a saved-messages file: it holds a list", None, None),
        (
            '{"format": "other", "version": 1, "snippets": []}',
            'has "other" as "format"',
            None,
            "format",
        ),
        ('{"version": 1, "snippets": []}', 'it has no "format"', None, "format"),
        (
            document(version=2),
            "version 2 of the saved-messages format, written by a newer",
            None,
            "version",
        ),
        (
            document(version="1"),
            '"version" must be a whole number of at least 1, not "1"',
            None,
            "version",
        ),
        (document(version=0), "at least 1, not 0", None, "version"),
        (
            document(snippets={}),
            '"snippets" must be a list of saved messages, not an object',
            None,
            "snippets",
        ),
        (document(extra=1), 'unknown field "extra"', None, "extra"),
        (
            document("ping"),
            'Entry 1: must be an object with "name" and "text", not a string',
            1,
            None,
        ),
        (document({"text": "x"}), 'Entry 1: "name" is missing', 1, "name"),
        (document({"name": "  ", "text": "x"}), 'Entry 1: "name" is empty', 1, "name"),
        (
            document({"name": 5, "text": "x"}),
            'Entry 1: "name" must be a string, not a number',
            1,
            "name",
        ),
        (
            document({"name": "a\nb", "text": "x"}),
            "line break or control character (U+000A)",
            1,
            "name",
        ),
        (
            document({"name": "a" * (MAX_NAME_LENGTH + 1), "text": "x"}),
            "longer than 200",
            1,
            "name",
        ),
        (
            document({"name": "ok", "text": "x"}, {"name": "reg", "text": None}),
            'Entry 2 (“reg”): "text" must be a string, not null',
            2,
            "text",
        ),
        (
            document({"name": "reg", "text": "x", "mode": "binary"}),
            'Entry 1 (“reg”): "mode" is "binary"; expected one of "text", "escapes", "hex"',
            1,
            "mode",
        ),
        (
            document({"name": "reg", "text": "x", "encoding": "ebcdic"}),
            '"encoding" is "ebcdic", which is not one of UTF-8, GBK',
            1,
            "encoding",
        ),
        (
            document({"name": "reg", "text": "x", "line_ending": "\\r\\n"}),
            '"line_ending" is "\\\\r\\\\n"; expected one of "none", "lf", "cr", "crlf"',
            1,
            "line_ending",
        ),
        (
            document({"name": "reg", "text": "01 0", "mode": "hex"}),
            '"text" cannot be sent as hex: odd number of hex digits',
            1,
            "text",
        ),
        (
            document({"name": "reg", "text": "\\q", "mode": "escapes"}),
            '"text" cannot be sent as text with escapes',
            1,
            "text",
        ),
        (
            document({"name": "reg", "text": "é", "encoding": "ascii"}),
            '"text" cannot be sent as text',
            1,
            "text",
        ),
        (
            document({"name": "reg", "text": "x", "mdoe": "hex"}),
            'Entry 1 (“reg”): unknown field "mdoe"; known fields are name, text',
            1,
            "mdoe",
        ),
        (
            document({"name": "reg", "text": "x", "created": "yesterday"}),
            '"created" is "yesterday", not a time like',
            1,
            "created",
        ),
        (
            document({"name": "a", "text": "x"}, {"name": "a", "text": "y"}),
            "Entry 2 (“a”): this name is already used by entry 1",
            2,
            "name",
        ),
        (
            '{"format": "netbench-snippets", "format": "x"}',
            'names the field "format" twice',
            None,
            None,
        ),
        ("[" * 100_000, "nested too deeply", None, None),
        *[
            (document({"name": "reg", "text": "01 03", "mode": "hex", "checksum": checksum}), *rest)
            for checksum, *rest in [
                (
                    "crc16-modbus",
                    'Entry 1 (“reg”): "checksum" must be an object like '
                    '{"algorithm": "crc16-modbus"}, not a string',
                    1,
                    "checksum",
                ),
                (None, '"checksum" must be an object like', 1, "checksum"),
                ({}, 'Entry 1 (“reg”): "checksum.algorithm" is missing', 1, "checksum.algorithm"),
                (
                    {"algorithm": "crc8"},
                    'Entry 1 (“reg”): "checksum.algorithm" is "crc8"; expected one of "none", '
                    '"sum8", "xor8", "lrc-ascii", "crc16-modbus", "crc16-ccitt-false", "crc32"',
                    1,
                    "checksum.algorithm",
                ),
                (
                    {"algorithm": "CRC-16/MODBUS"},
                    '"checksum.algorithm" is "CRC-16/MODBUS"; expected one of',
                    1,
                    "checksum.algorithm",
                ),
                (
                    {"algorithm": "crc32", "order": "middle"},
                    '"checksum.order" is "middle"; expected one of "little", "big" or null',
                    1,
                    "checksum.order",
                ),
                (
                    {"algorithm": "crc32", "order": 1},
                    '"checksum.order" must be a string, not a number',
                    1,
                    "checksum.order",
                ),
                (
                    {"algorithm": "sum8", "skip": -1},
                    '"checksum.skip" must be a whole number from 0 to 65535, not -1',
                    1,
                    "checksum.skip",
                ),
                ({"algorithm": "sum8", "skip": 1.5}, "not 1.5", 1, "checksum.skip"),
                ({"algorithm": "sum8", "skip": "1"}, 'not "1"', 1, "checksum.skip"),
                ({"algorithm": "sum8", "skip": True}, "not true", 1, "checksum.skip"),
                ({"algorithm": "sum8", "skip": 65536}, "not 65536", 1, "checksum.skip"),
                ({"algorithm": "sum8", "skip": [1]}, "65535, not a list", 1, "checksum.skip"),
                (
                    {"algorithm": "sum8", "placement": "end"},
                    '"checksum.placement" is "end"; expected one of "before-line-ending", '
                    '"after-line-ending"',
                    1,
                    "checksum.placement",
                ),
                (
                    {"algorithm": "sum8", "poly": "0x1021"},
                    'Entry 1 (“reg”): "checksum.poly" is an unknown field; known fields are '
                    "algorithm, order, skip, placement",
                    1,
                    "checksum.poly",
                ),
                (
                    {"algorithm": "sum8", "skip": 3},
                    '"checksum" cannot be computed over this message: the checksum skips the '
                    "first 3 bytes, but the message before it has only 2",
                    1,
                    "checksum",
                ),
                (
                    {"algorithm": "lrc-ascii"},
                    '"checksum" cannot be computed over this message: LRC (Modbus ASCII) needs '
                    "hex digits",
                    1,
                    "checksum",
                ),
            ]
        ],
    ],
)
def test_errors_name_the_entry_and_field(
    text: str, expected: str, entry: int | None, field: str | None
) -> None:
    error = error_of(text)
    assert expected in error.message
    assert (error.entry, error.field) == (entry, field)


@PROPERTY_SETTINGS
@given(snippets(), st.data())
def test_a_damaged_checksum_gives_an_error_naming_its_field(
    snippet: Snippet, data: st.DataObject
) -> None:
    """Any field of a checksum replaced by any JSON value: it loads, or the error says where."""
    parsed = json.loads(dump_library(SnippetLibrary((snippet,))))
    entry = parsed["snippets"][0]
    checksum = entry.setdefault("checksum", {"algorithm": "sum8"})
    key = data.draw(st.sampled_from([*checksum, "extra"]))
    checksum[key] = data.draw(json_values)
    error = error_or_none(json.dumps(parsed))
    if error is not None:
        assert error.message.startswith("Entry 1")
        assert error.field is not None and error.field.startswith("checksum")
        assert f'"{error.field}"' in error.message


def test_make_snippet_names_the_checksum_field_at_fault() -> None:
    with pytest.raises(SnippetError, match='"checksum" cannot be computed') as caught:
        make_snippet("x", "01", "hex", now=NOW, checksum=ChecksumSpec(Checksum.SUM8, skip=2))
    assert caught.value.field == "checksum"
    with pytest.raises(SnippetError, match=r'"checksum\.skip" must be a whole number'):
        make_snippet("x", "01", "hex", now=NOW, checksum=ChecksumSpec(Checksum.SUM8, skip=70000))


def test_bytes_that_are_not_utf8_are_refused() -> None:
    assert "byte 0 is not UTF-8" in error_of(b"\xff{}").message


def test_a_lone_surrogate_in_a_note_is_refused_with_its_field() -> None:
    error = error_of(document({"name": "a", "text": "x", "note": "\ud800"}))
    assert error.field == "note"


def test_the_error_survives_pickling_between_processes() -> None:
    import pickle

    error = error_of(document({"name": "a", "text": "x", "mode": "bin"}))
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.message, copy.entry, copy.field) == (error.message, 1, "mode")


# -- names ----------------------------------------------------------------------------------


def test_check_name_strips_and_explains() -> None:
    assert check_name("  read reg  ") == "read reg"
    with pytest.raises(SnippetError, match="The name is empty"):
        check_name(" ")
    with pytest.raises(SnippetError, match="control character"):
        check_name("a\tb")


def test_make_snippet_refuses_a_payload_that_cannot_be_sent() -> None:
    with pytest.raises(SnippetError, match='"text" cannot be sent as hex') as caught:
        make_snippet("bad", "zz", "hex", now=NOW)
    assert caught.value.field == "text"


@pytest.mark.parametrize(
    ("name", "taken", "expected"),
    [
        ("a", [], "a"),
        ("a", ["a"], "a (2)"),
        ("a", ["a", "a (2)"], "a (3)"),
        ("a (2)", ["a (2)"], "a (3)"),
        ("(2)", ["(2)"], "(2) (2)"),
        ("x" * MAX_NAME_LENGTH, ["x" * MAX_NAME_LENGTH], "x" * (MAX_NAME_LENGTH - 4) + " (2)"),
    ],
)
def test_unique_name(name: str, taken: list[str], expected: str) -> None:
    assert unique_name(name, taken) == expected


@PROPERTY_SETTINGS
@given(names, st.lists(names, max_size=8))
def test_unique_name_is_free_and_still_a_valid_name(name: str, taken: list[str]) -> None:
    result = unique_name(name, taken)
    assert result not in taken
    assert check_name(result) == result


# -- library changes ------------------------------------------------------------------------


def three() -> SnippetLibrary:
    return SnippetLibrary(tuple(Snippet(name, name.upper()) for name in "abc"))


def test_library_changes_return_new_libraries() -> None:
    library = three()
    assert [s.name for s in library.moved(0, 2)] == ["b", "c", "a"]
    assert [s.name for s in library.moved(2, 0)] == ["c", "a", "b"]
    assert [s.name for s in library.removed(1)] == ["a", "c"]
    assert [s.name for s in library.inserted(1, Snippet("z", "Z"))] == ["a", "z", "b", "c"]
    renamed = library.renamed(1, " bee ", NOW)
    assert [s.name for s in renamed] == ["a", "bee", "c"]
    assert renamed[1].modified == timestamp(NOW)
    assert [s.name for s in library] == ["a", "b", "c"]


def test_names_stay_unique() -> None:
    library = three()
    with pytest.raises(SnippetError, match="already called “a”"):
        library.appended(Snippet("a", "again"))
    with pytest.raises(SnippetError, match="already called “c”"):
        library.renamed(0, "c", NOW)
    assert library.renamed(0, "a", NOW) is library
    with pytest.raises(ValueError, match="unique"):
        SnippetLibrary((Snippet("a", ""), Snippet("a", "")))


# -- merging --------------------------------------------------------------------------------


def test_merge_policies() -> None:
    existing = three()
    incoming = SnippetLibrary((Snippet("b", "new b"), Snippet("d", "D")))
    assert duplicates(existing, incoming) == ["b"]

    replaced = merge(existing, incoming, DuplicatePolicy.REPLACE)
    assert [(s.name, s.text) for s in replaced.library] == [
        ("a", "A"),
        ("b", "new b"),
        ("c", "C"),
        ("d", "D"),
    ]
    assert (replaced.added, replaced.replaced) == (["d"], ["b"])

    both = merge(existing, incoming, DuplicatePolicy.KEEP_BOTH)
    assert [s.name for s in both.library] == ["a", "b", "c", "b (2)", "d"]
    assert both.renamed == [("b", "b (2)")]

    skipped = merge(existing, incoming, DuplicatePolicy.SKIP)
    assert [(s.name, s.text) for s in skipped.library] == [
        ("a", "A"),
        ("b", "B"),
        ("c", "C"),
        ("d", "D"),
    ]
    assert skipped.skipped == ["b"]


def test_a_renamed_copy_never_takes_a_name_a_later_import_needs() -> None:
    existing = SnippetLibrary((Snippet("a", "old"),))
    incoming = SnippetLibrary((Snippet("a", "new"), Snippet("a (2)", "second")))
    result = merge(existing, incoming, DuplicatePolicy.KEEP_BOTH)
    assert [(s.name, s.text) for s in result.library] == [
        ("a", "old"),
        ("a (3)", "new"),
        ("a (2)", "second"),
    ]


@PROPERTY_SETTINGS
@given(libraries(), libraries(), st.sampled_from(list(DuplicatePolicy)))
def test_merge_keeps_names_unique_and_loses_nothing_it_should_keep(
    existing: SnippetLibrary, incoming: SnippetLibrary, policy: DuplicatePolicy
) -> None:
    merged = merge(existing, incoming, policy).library  # unique names: checked on creation
    clashes = set(duplicates(existing, incoming))
    texts = {(s.name, s.text) for s in merged}
    if policy is DuplicatePolicy.KEEP_BOTH:
        assert len(merged) == len(existing) + len(incoming)
        assert {(s.name, s.text) for s in existing} <= texts
    elif policy is DuplicatePolicy.SKIP:
        assert merged.snippets[: len(existing)] == existing.snippets
        assert merged.names() == existing.names() | incoming.names()
    else:
        assert {(s.name, s.text) for s in incoming} <= texts
        assert merged.names() == existing.names() | incoming.names()
    kept_existing = [s.name for s in merged][: len(existing)]
    assert kept_existing == [s.name for s in existing]
    assert clashes <= existing.names()
