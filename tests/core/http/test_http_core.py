"""Pure HTTP helpers: parsers and converters, with hypothesis properties for each."""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

import brotli
import pytest
from hypothesis import given
from hypothesis import strategies as st

from netbench.core.http.anomalies import scan_response
from netbench.core.http.bodies import BodyError, json_body, plan_body
from netbench.core.http.cookies import Jar
from netbench.core.http.curl import CurlError, export_curl, import_curl
from netbench.core.http.decoding import ContentDecoder, DecodeError
from netbench.core.http.export import request_bytes, to_httpx2_python, to_raw_socket_python
from netbench.core.http.gaps import explain_gaps
from netbench.core.http.headers import HeaderProblem, charset_of, check_header
from netbench.core.http.httpfile import HttpFile, HttpFileEntry, parse_http_file, write_http_file
from netbench.core.http.model import (
    BytesBody,
    ConnectionSettings,
    FileBody,
    FormField,
    Header,
    HttpRequest,
    HttpVersion,
    MultipartBody,
    NoBody,
    TlsOptions,
)
from netbench.core.http.query import split_query, with_query
from netbench.core.http.redirects import next_request
from netbench.core.http.result import Timings
from netbench.core.http.sse import SseParser
from netbench.core.http.variables import Environments, VariableError, substitute
from netbench.core.http.wirelog import Direction, WireLog

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
token = st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", min_size=1)
params = st.lists(st.tuples(text, text), max_size=6)


# -- query table ------------------------------------------------------------------------------


@given(params)
def test_query_table_round_trips(rows: list[tuple[str, str]]) -> None:
    url = with_query("https://example.com/a/b?old=1#frag", rows)
    assert split_query(url) == rows
    assert url.startswith("https://example.com/a/b") and url.endswith("#frag")


def test_query_keeps_repeats_and_blanks() -> None:
    assert split_query("http://h/?a=&a=2&b") == [("a", ""), ("a", "2"), ("b", "")]


# -- variables --------------------------------------------------------------------------------


@given(st.dictionaries(token, text, max_size=5), st.lists(token, max_size=5))
def test_variables_substitute_every_known_name(values: dict[str, str], names: list[str]) -> None:
    known = [n for n in names if n in values]
    template = "-".join("{{" + n + "}}" for n in known)
    assert substitute(template, values) == "-".join(values[n] for n in known)


def test_unknown_variable_says_where() -> None:
    with pytest.raises(VariableError) as caught:
        substitute("GET {{host}}/{{ missing }}", {"host": "h"})
    assert caught.value.name == "missing" and caught.value.position == 13
    assert str(caught.value) == "unknown variable missing at position 14"


def test_environments_override_shared_values() -> None:
    envs = Environments({"host": "a", "port": "1"}, {"prod": {"host": "b"}})
    assert envs.resolve("{{host}}:{{port}}", "prod") == "b:1"
    assert envs.resolve("{{host}}") == "a"


# -- headers, bodies, charset -----------------------------------------------------------------


@given(text, text, st.sampled_from(["\r", "\n"]), st.data())
def test_line_breaks_in_headers_are_refused_with_position(
    name: str, value: str, brk: str, data: st.DataObject
) -> None:
    clean_value = value.replace("\r", "").replace("\n", "").replace("\0", "")
    position = data.draw(st.integers(0, len(clean_value)))
    problem = check_header("X-Ok", clean_value[:position] + brk + clean_value[position:])
    assert problem is not None and problem.field == "value" and problem.position == position


def test_invalid_header_name() -> None:
    problem = check_header("Bad Name", "v")
    assert problem is not None and problem.position == 3 and "' '" in problem.message
    assert check_header("X-Good_1", "any value") is None


@pytest.mark.parametrize(
    ("name", "value", "field", "position", "words"),
    [
        ("X-A\nB", "v", "name", 3, "a line break in the header name at position 4"),
        ("X-Ok", "ab\0c", "value", 2, "a line break or NUL in the value of X-Ok at position 3"),
        ("Bad Name", "v", "name", 3, "' ' cannot be in a header name (position 4)"),
    ],
)
def test_header_problems_count_positions_from_one_in_words(
    name: str, value: str, field: str, position: int, words: str
) -> None:
    problem = check_header(name, value)
    assert problem == HeaderProblem(field, position, words)


@pytest.mark.parametrize(
    ("content_type", "charset"),
    [
        ("text/html; charset=UTF-8", "utf-8"),
        ('text/plain;charset="latin-1"', "latin-1"),
        ("a/b", ""),
    ],
)
def test_charset_of(content_type: str, charset: str) -> None:
    assert charset_of(content_type) == charset


def test_json_error_has_position() -> None:
    with pytest.raises(BodyError) as caught:
        json_body('{"a": 1,\n "b": }')
    assert caught.value.position == 15 and "line 2, column 7" in caught.value.message
    assert json_body('{"a":1}', pretty=True).data == b'{\n  "a": 1\n}\n'


@given(st.lists(st.tuples(token, text), max_size=4), st.binary(max_size=3000))
def test_multipart_length_is_exact(fields: list[tuple[str, str]], content: bytes) -> None:
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".bin") as upload:
        upload.write(content)
        upload.flush()
        parts = [FormField(n, v) for n, v in fields] + [FormField("f", file=Path(upload.name))]
        plan = plan_body(MultipartBody(tuple(parts), boundary="B"))
        assert plan is not None
        assert len(plan.read_all()) == plan.length
        assert plan.read_all().endswith(b"--B--\r\n")


# -- content decoding -------------------------------------------------------------------------


@given(st.binary(max_size=5000), st.integers(1, 700))
def test_decoding_in_any_chunks(data: bytes, step: int) -> None:
    coded = brotli.compress(gzip.compress(data))  # gzip applied first, then br
    decoder = ContentDecoder("gzip, br")
    out = b"".join(decoder.feed(coded[i : i + step]) for i in range(0, len(coded), step))
    assert out + decoder.finish() == data


def test_raw_deflate_is_accepted_and_garbage_refused() -> None:
    raw = zlib.compressobj(wbits=-15)
    coded = raw.compress(b"hello") + raw.flush()
    decoder = ContentDecoder("deflate")
    assert decoder.feed(coded) + decoder.finish() == b"hello"
    with pytest.raises(DecodeError):
        ContentDecoder("gzip").feed(b"not gzip at all")


# -- anomalies --------------------------------------------------------------------------------


def test_clean_head_has_no_anomalies() -> None:
    scan = scan_response(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
    assert scan.anomalies == () and scan.final_head_end == 38


@given(st.lists(st.sampled_from([b"\r\n", b"\n"]), min_size=3, max_size=3))
def test_bare_lf_found_wherever_it_is(endings: list[bytes]) -> None:
    head = b"HTTP/1.1 200 OK" + endings[0] + b"A: 1" + endings[1] + endings[2]
    found = any(a.code == "bare-lf" for a in scan_response(head).anomalies)
    assert found == (b"\n" in endings)


# -- redirects, cookies -----------------------------------------------------------------------


def test_303_turns_post_into_get_and_drops_body_headers() -> None:
    request = HttpRequest(
        "POST",
        "http://a/x",
        (Header("Content-Type", "text/plain"), Header("Authorization", "t")),
        BytesBody(b"d"),
    )
    after = next_request(request, 303, "http://b/y")
    assert (after.method, after.url, after.body, after.headers) == (
        "GET",
        "http://b/y",
        NoBody(),
        (),
    )
    kept = next_request(request, 307, "/z")
    assert kept.method == "POST" and kept.url == "http://a/z" and kept.body == BytesBody(b"d")


def test_cookie_jar() -> None:
    jar = Jar()
    jar.store("http://h.test/a", [("Set-Cookie", "s=1; Path=/"), ("Set-Cookie", "t=2; Path=/a")])
    assert jar.header_for("http://h.test/a/b") in ("t=2; s=1", "s=1; t=2")
    assert jar.header_for("http://h.test/") == "s=1"
    assert jar.header_for("http://other.test/") is None


# -- curl ------------------------------------------------------------------------------------


def test_curl_import_flags() -> None:
    result = import_curl(
        "curl -sSL -X PUT 'http://x/a?b=1' -H 'A: b' --data-urlencode 'q=a b' -d c=1 "
        "-u u:p -k --compressed --http1.1 --weird -A ua -e http://r -b 'k=v' "
        "--unix-socket /s -x socks5://p:1"
    )
    request = result.request
    assert request.method == "PUT" and request.url == "http://x/a?b=1"
    assert request.body == BytesBody(b"q=a%20b&c=1", "application/x-www-form-urlencoded")
    headers = dict(request.enabled_headers())
    assert headers["Authorization"] == "Basic dTpw" and headers["User-Agent"] == "ua"
    assert headers["Referer"] == "http://r" and headers["Cookie"] == "k=v"
    assert "gzip" in headers["Accept-Encoding"] and request.follow_redirects
    settings = request.connection
    assert not settings.tls.verify and settings.version == "1.1"
    assert (settings.unix_socket, settings.proxy) == ("/s", "socks5://p:1")
    assert result.unknown == ["--weird"] and result.ignored == ["--silent", "--show-error"]


def test_curl_form_and_errors() -> None:
    request = import_curl("curl -F a=1 -F 'f=@/tmp/x.bin;type=image/png' http://h/").request
    assert request.method == "POST" and isinstance(request.body, MultipartBody)
    assert request.body.fields[1] == FormField(
        "f", file=Path("/tmp/x.bin"), content_type="image/png"
    )
    with pytest.raises(CurlError):
        import_curl("wget http://h/")
    with pytest.raises(CurlError):
        import_curl("curl -H 'A: b'")


def test_a_body_starting_with_at_is_not_read_as_a_file() -> None:
    request = HttpRequest("POST", "http://example.com/", body=BytesBody(b"@me", "text/plain"))
    command = export_curl(request)
    assert "--data-raw @me" in command
    assert import_curl(command).request.body.data == b"@me"


@given(
    st.sampled_from(["GET", "POST", "PUT", "DELETE"]),
    st.lists(st.tuples(token, text.map(str.strip)), max_size=4),
    st.binary(max_size=50).map(lambda b: b.decode("latin-1").encode("utf-8")),
    st.booleans(),
)
def test_curl_export_import_is_a_fixed_point(
    method: str, headers: list[tuple[str, str]], body: bytes, follow: bool
) -> None:
    request = HttpRequest(
        method,
        "http://example.com/p?q=1",
        tuple(Header(n, v) for n, v in headers),
        BytesBody(body, "text/plain") if body else NoBody(),
        follow_redirects=follow,
    )
    once = import_curl(export_curl(request)).request
    assert import_curl(export_curl(once)).request == once
    assert once.method == method and once.follow_redirects == follow
    assert request_bytes(once) == request_bytes(request)


# -- exports ---------------------------------------------------------------------------------


def test_raw_socket_export_sends_the_exact_bytes() -> None:
    request = HttpRequest("POST", "https://h.test:8443/a?b", (Header("X", "1"),), BytesBody(b"hi"))
    data = request_bytes(request)
    assert data == (
        b"POST /a?b HTTP/1.1\r\nHost: h.test:8443\r\nX: 1\r\nContent-Length: 2\r\n"
        b"Connection: close\r\n\r\nhi"
    )
    code = to_raw_socket_python(request)
    namespace: dict[str, object] = {}
    exec(code.split("\nsock =")[0], namespace)  # the bytes it would send, not the sending
    assert namespace["request"] == data
    assert "server_hostname='h.test'" in code and "create_connection(('h.test', 8443))" in code
    compile(to_httpx2_python(request), "<export>", "exec")


def _paths(path: str) -> st.SearchStrategy[Path | None]:
    return st.sampled_from([None, Path(path)])


@given(
    verify=st.booleans(),
    ca_file=_paths("/ca dir/ca.pem"),
    client_cert=_paths("/k's/c.pem"),
    version=st.sampled_from(list(HttpVersion)),
    unix_socket=st.sampled_from(["", "/run/x's.sock"]),
    proxy=st.sampled_from(["", "socks5://127.0.0.1:1080"]),
    body=st.one_of(st.just(NoBody()), st.binary(max_size=20).map(BytesBody)),
)
def test_python_exports_compile_and_carry_the_connection_settings(
    verify, ca_file, client_cert, version, unix_socket, proxy, body
) -> None:
    tls = TlsOptions(verify, ca_file, client_cert, None)
    settings = ConnectionSettings(version, tls, unix_socket, proxy)
    request = HttpRequest("PUT", "https://h.test/x", (), body, settings)
    for code in (to_httpx2_python(request), to_raw_socket_python(request)):
        compile(code, "<export>", "exec")
        assert (repr(str(ca_file)) in code) == (verify and ca_file is not None)
        assert (repr(str(client_cert)) in code) == (client_cert is not None)
        assert ("ssl.CERT_NONE" in code) == (not verify)
        assert not unix_socket or repr(unix_socket) in code
    httpx2_code = to_httpx2_python(request)
    assert ("http2=True" in httpx2_code) == (version is HttpVersion.HTTP2)
    assert (f"proxy={proxy!r}" in httpx2_code) == bool(proxy)


# -- .http files -----------------------------------------------------------------------------


def test_http_file_parse() -> None:
    document = parse_http_file(
        "@host = http://localhost\n\n### first\nGET {{host}}/a HTTP/1.1\nAccept: */*\n\n"
        "### second\n# @name renamed\nPOST {{host}}/b\nContent-Type: application/json\n\n"
        '{"a": 1}\n\n###\n{{host}}/c\n\n### upload\nPUT /u\n\n< ./data.bin\n',
        Path("/base"),
    )
    assert document.variables == (("host", "http://localhost"),)
    names = [e.name for e in document.entries]
    assert names == ["first", "renamed", "", "upload"]
    second = document.entries[1].request
    assert second.method == "POST" and second.body == BytesBody(b'{"a": 1}')
    assert document.entries[2].request.method == "GET"
    assert document.entries[3].request.body == FileBody(Path("/base/data.bin"), "")


line = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=15)


@given(
    st.lists(st.tuples(token, line.map(str.strip)), max_size=3),
    st.lists(
        st.tuples(
            token,
            st.sampled_from(["GET", "POST"]),
            st.lists(st.tuples(token, line.map(str.strip)), max_size=3),
            st.lists(
                line.filter(lambda s: s.strip() and not s.startswith(("###", "<"))), max_size=3
            ),
        ),
        max_size=4,
    ),
)
def test_http_file_round_trips(
    variables: list[tuple[str, str]], entries: list[tuple[str, str, list, list[str]]]
) -> None:
    document = HttpFile(
        tuple(variables),
        tuple(
            HttpFileEntry(
                name,
                HttpRequest(
                    method,
                    "http://{{host}}/" + name,
                    tuple(Header(n, v) for n, v in headers),
                    BytesBody("\n".join(body).encode()) if body else NoBody(),
                ),
            )
            for name, method, headers, body in entries
        ),
    )
    assert parse_http_file(write_http_file(document)) == document


# -- SSE -------------------------------------------------------------------------------------


@given(st.lists(st.tuples(st.sampled_from(["", "update"]), text), max_size=5), st.data())
def test_sse_events_survive_any_split(events: list[tuple[str, str]], data: st.DataObject) -> None:
    payload = "".join(
        (f"event: {kind}\n" if kind else "")
        + "".join(f"data: {part}\r\n" for part in value.replace("\r", "\n").split("\n"))
        + ": a comment\n\n"
        for kind, value in events
    ).encode("utf-8")
    cuts = sorted(data.draw(st.lists(st.integers(0, len(payload)), max_size=8)))
    parser = SseParser()
    got = []
    for start, end in zip([0, *cuts], [*cuts, len(payload)], strict=True):
        got += parser.feed(payload[start:end])
    expected = [(kind or "message", value.replace("\r", "\n")) for kind, value in events]
    assert [(e.event, e.data) for e in got] == expected


def test_sse_id_and_retry() -> None:
    (event,) = SseParser().feed(b"id: 7\nretry: 3000\ndata:x\n\n")
    assert (event.id, event.retry, event.data) == ("7", 3000, "x")


# -- gaps, wire log --------------------------------------------------------------------------


def test_nagle_gap_is_explained() -> None:
    chunks = [(0.001, Direction.SENT, 80), (0.002, Direction.RECEIVED, 200)]
    chunks.append((0.042, Direction.RECEIVED, 500))
    (gap,) = explain_gaps(Timings(), chunks, 0.0)
    assert gap.code == "nagle-delayed-ack" and "40 ms" in gap.message
    assert explain_gaps(Timings(), chunks[:2], 0.0) == []


@given(st.lists(st.binary(min_size=1, max_size=300), max_size=30), st.integers(0, 2000))
def test_wire_log_spills_and_reads_back(writes: list[bytes], limit: int) -> None:
    log = WireLog(memory_limit=limit)
    for index, data in enumerate(writes):
        log.record(float(index), Direction.SENT if index % 2 else Direction.RECEIVED, data)
    assert [c.data for c in log.slice()] == writes
    assert log.sent + log.received == sum(map(len, writes))
    log.close()


@given(
    st.lists(st.tuples(st.booleans(), st.binary(min_size=1, max_size=50)), max_size=20),
    st.integers(0, 25),
    st.integers(0, 25),
    st.integers(0, 600),
)
def test_wire_log_first_time_is_the_first_entry_that_way(
    writes: list[tuple[bool, bytes]], start: int, end: int, limit: int
) -> None:
    """The search a hop's timings use (starttransfer) agrees with walking the entries, in
    memory or spilled, for any part of the log."""
    log = WireLog(memory_limit=limit)
    for index, (sent, data) in enumerate(writes):
        log.record(float(index), Direction.SENT if sent else Direction.RECEIVED, data)
    end = min(end, len(log))
    for direction in Direction:
        walked = next((c.at for c in log.slice(start, end) if c.direction is direction), None)
        assert log.first_time(direction, start, end) == walked
        assert log.slice(start, end).first_time(direction) == walked
    log.close()


# -- HTTP/2 interim responses ------------------------------------------------------------------


def _h2_frame(kind: int, flags: int, stream: int, payload: bytes) -> bytes:
    return (
        len(payload).to_bytes(3, "big") + bytes([kind, flags]) + stream.to_bytes(4, "big") + payload
    )


_header_value = st.text(alphabet="abcdefghij0123456789;=</> ", min_size=1, max_size=12)


@given(
    interim=st.lists(
        st.tuples(
            st.integers(100, 199),
            st.lists(st.tuples(st.sampled_from(["link", "x-a"]), _header_value), max_size=3),
        ),
        max_size=3,
    ),
    final=st.integers(200, 599),
    other_stream_first=st.booleans(),
    cuts=st.lists(st.integers(1, 400), max_size=6),
)
def test_h2_interim_blocks_are_the_1xx_before_the_final_one(
    interim, final, other_stream_first, cuts
) -> None:
    """Header blocks as a server sends them (HPACK with its dynamic table), another
    stream's response perhaps first, read back from a log cut into arbitrary reads."""
    import hpack

    from netbench.core.http.anomalies import scan_h2_interim

    encoder = hpack.Encoder()
    wire = _h2_frame(0x4, 0, 0, b"")  # the server's SETTINGS
    if other_stream_first:
        block = encoder.encode([(":status", "103"), ("link", "<other>")])
        wire += _h2_frame(0x1, 0x4, 1, block)
    for status, headers in interim:
        wire += _h2_frame(0x1, 0x4, 3, encoder.encode([(":status", str(status)), *headers]))
    wire += _h2_frame(0x1, 0x4, 3, encoder.encode([(":status", str(final)), ("link", "<late>")]))
    wire += _h2_frame(0x1, 0x5, 3, encoder.encode([(":status", "100")]))  # trailers-like: after
    log = WireLog()
    points = sorted({c for c in cuts if c < len(wire)})
    for start, end in zip([0, *points], [*points, len(wire)], strict=True):
        log.record(0.0, Direction.RECEIVED, wire[start:end])
    found, anomalies = scan_h2_interim(log, 3)
    assert [(i.status, i.headers) for i in found] == [(s, tuple(h)) for s, h in interim]
    assert [a.code for a in anomalies] == ["interim"] * len(interim)
