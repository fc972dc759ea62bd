"""Every parser that takes a peer's bytes or a user's text, fed whatever hypothesis finds:
only the documented error types come out, and what a parser holds stays bounded."""

from __future__ import annotations

import contextlib
import io
import itertools
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netbench.core.errors import PayloadError, RecordingError, SnippetError
from netbench.core.escapes import decode_escapes, encode_escapes
from netbench.core.framing.frames import FramingError
from netbench.core.framing.spec import FramingKind, FramingSpec
from netbench.core.framing.wire import make_framer
from netbench.core.payload import parse_hex
from netbench.core.recording.rows import END, RowStream
from netbench.core.replies.http_connection import StaticHttpConnection
from netbench.core.replies.http_files import StaticSite
from netbench.core.replies.http_request import MAX_HEAD_BYTES
from netbench.core.replies.rules import MatchKind, Rule, RuleError, RulesResponder
from netbench.core.saved_messages_format import parse_library

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MAX_FRAME = 4096

specs = st.one_of(
    st.just(FramingSpec()),
    st.builds(
        FramingSpec,
        kind=st.just(FramingKind.DELIMITER),
        delimiter=st.binary(min_size=1, max_size=4),
        keep_delimiter=st.booleans(),
        max_frame=st.just(MAX_FRAME),
    ),
    st.builds(
        FramingSpec,
        kind=st.just(FramingKind.FIXED),
        fixed_length=st.integers(1, 64),
        max_frame=st.just(MAX_FRAME),
    ),
    st.builds(
        FramingSpec,
        kind=st.just(FramingKind.LENGTH_PREFIX),
        prefix_size=st.sampled_from([1, 2, 4, 8]),
        byteorder=st.sampled_from(["big", "little"]),
        length_includes_header=st.booleans(),
        max_frame=st.just(MAX_FRAME),
    ),
)


@FUZZ
@given(spec=specs, chunks=st.lists(st.binary(max_size=600), max_size=20))
def test_framers_take_any_bytes_and_hold_no_more_than_a_frame(spec, chunks):
    framer = make_framer(spec)
    for number, chunk in enumerate(chunks, 1):
        for message in framer.feed(chunk, number):
            assert isinstance(message, bytes)
            assert len(message) <= MAX_FRAME + len(spec.delimiter)
        assert all(isinstance(error, FramingError) for error in framer.errors)
        assert framer.pending <= MAX_FRAME + max(len(spec.delimiter), spec.prefix_size)
    for error in framer.flush():
        assert isinstance(error, FramingError)


@FUZZ
@given(text=st.text(max_size=200), encoding=st.sampled_from(["utf-8", "gbk", "latin-1"]))
def test_escapes_and_hex_raise_only_payload_errors(text, encoding):
    try:
        data = decode_escapes(text, encoding)
    except PayloadError:
        pass
    else:
        assert decode_escapes(encode_escapes(data, encoding), encoding) == data
    with contextlib.suppress(PayloadError):
        parse_hex(text)


@FUZZ
@given(
    match=st.sampled_from(list(MatchKind)),
    pattern=st.text(max_size=40),
    template=st.text(max_size=40),
    frames=st.lists(st.binary(max_size=200), max_size=5),
)
def test_rules_refuse_with_rule_errors_and_never_raise_on_frames(match, pattern, template, frames):
    try:
        responder = RulesResponder((Rule(match, pattern, template),), fallback=b"?")
    except RuleError:
        return
    session = responder.new_session("127.0.0.1:1")
    for frame in frames:
        session.on_frame(frame, 0.0)


@FUZZ
@given(chunks=st.lists(st.binary(max_size=3000), max_size=12))
def test_the_http_site_answers_any_bytes_and_holds_at_most_a_head(tmp_path_factory, chunks):
    site = tmp_path_factory.mktemp("site")
    (site / "index.html").write_bytes(b"home")
    connection = StaticHttpConnection(StaticSite(Path(site)))
    for chunk in chunks:
        for response in connection.receive(chunk, 0.0):
            assert response.data.startswith(b"HTTP/1.1 ")
            if response.body is not None:
                response.body.close()
        assert connection.pending <= MAX_HEAD_BYTES + 3000
    connection.end()


# Pieces of requests that make HTTP parsers disagree: lengths, codings, folding, versions.
_TRICKY_LINES = [
    b"Host: x",
    b"Host: y",
    b"Content-Length: 3",
    b"Content-Length: 3, 4",
    b"Content-Length: 99999999999999999999",
    b"Transfer-Encoding: chunked",
    b"Transfer-Encoding: gzip",
    b"Transfer-Encoding : chunked",
    b" folded",
    b"Expect: 100-continue",
    b"Connection: close",
    b"Connection: keep-alive",
    b"X-Ctl: a\x01b",
]
_BODIES = [b"", b"abc", b"3\r\nabc\r\n0\r\n\r\n", b"ffff\r\n", b"0\r\nT: " + b"t" * 17000]
requests = st.builds(
    lambda method, target, version, lines, body, end: (
        method + b" " + target + b" HTTP/" + version + end + end.join(lines) + end + end + body
    ),
    st.sampled_from([b"GET", b"HEAD", b"POST", b"get", b"G\xc3\x89T"]),
    st.sampled_from([b"/", b"/index.html", "/中文".encode(), b"/%zz", b"/../x", b"*"]),
    st.sampled_from([b"1.1", b"1.0", b"1.2", b"2.0", b"0.9"]),
    st.lists(st.sampled_from(_TRICKY_LINES), max_size=5),
    st.sampled_from(_BODIES),
    st.sampled_from([b"\r\n", b"\n"]),
)


@FUZZ
@given(stream=st.lists(requests, min_size=1, max_size=4), cuts=st.lists(st.integers(1, 4000)))
def test_the_http_site_answers_tricky_pipelines_and_holds_at_most_a_head(
    tmp_path_factory, stream, cuts
):
    site = tmp_path_factory.mktemp("site")
    (site / "index.html").write_bytes(b"home")
    connection = StaticHttpConnection(StaticSite(Path(site)))
    data = b"".join(stream)
    points = sorted({0, len(data), *(c for c in cuts if c < len(data))})
    for start, end in itertools.pairwise(points):
        for response in connection.receive(data[start:end], 0.0):
            assert response.data.startswith(b"HTTP/1.1 ")
            assert response.body is None  # the site's one file is small
        assert connection.pending <= MAX_HEAD_BYTES + 4000
    connection.end()


@FUZZ
@given(data=st.binary(max_size=4000))
def test_the_recording_reader_raises_only_recording_errors(data):
    rows = RowStream(io.BytesIO(data))
    with contextlib.suppress(RecordingError):
        for _ in range(10_000):
            if rows.next() is END:
                break


@FUZZ
@given(data=st.one_of(st.binary(max_size=2000), st.text(max_size=2000)))
def test_the_saved_messages_file_raises_only_snippet_errors(data):
    with contextlib.suppress(SnippetError):
        parse_library(data)
