"""Automatic replies: the tutorial servers byte for byte, rules, and a static HTTP server."""

from __future__ import annotations

import os
import pickle
import time
from collections.abc import Iterator, Sequence
from itertools import pairwise
from pathlib import Path

import pytest
from encodable import CODECS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netbench.core import http_static
from netbench.core.http_static import MAX_HEAD_BYTES, StaticHttpConnection, StaticSite, http_date
from netbench.core.responders import (
    PLACEHOLDERS,
    Action,
    ByteCountResponder,
    CloseConnection,
    EchoResponder,
    FixedResponder,
    HttpStaticResponder,
    MatchKind,
    NoReply,
    Reply,
    ReplyOptions,
    Responder,
    ResponderKind,
    Rule,
    RuleError,
    RulesResponder,
    TimestampResponder,
    UpperEchoResponder,
    default_site_dir,
    make_responder,
    responder_settings,
    upper_ascii,
)

ASCII_LOWER = "abcdefghijklmnopqrstuvwxyz"
ASCII_UPPER = ASCII_LOWER.upper()
PROPERTY_SETTINGS = settings(max_examples=200, deadline=None, database=None)
# The site fixture is only read, so sharing it between examples is fine.
HTTP_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

# Sun Nov 22 02:20:42 2026 UTC
NOW = 1795314042.0


def replies(actions: Sequence[Action]) -> list[bytes]:
    return [action.data for action in actions if isinstance(action, Reply)]


def one_reply(responder: Responder, data: bytes, now: float = NOW) -> bytes:
    actions = responder.new_session("127.0.0.1:50000").on_frame(data, now)
    assert len(actions) == 1 and isinstance(actions[0], Reply)
    return actions[0].data


@pytest.fixture
def utc() -> Iterator[None]:
    """Local time = UTC, so ctime() output can be written down exactly."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is not available on this platform")
    saved = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    try:
        yield
    finally:
        if saved is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = saved
        time.tzset()


# --- the tutorial servers --------------------------------------------------------------------


def test_no_reply_stays_silent():
    session = NoReply().new_session("peer")
    assert session.on_frame(b"hello", NOW) == []
    assert session.on_end() == []


def test_echo_sends_the_message_back():
    assert one_reply(EchoResponder(), b"hello\r\n") == b"hello\r\n"
    assert one_reply(EchoResponder(), "你好".encode()) == "你好".encode()


def test_echo_answers_an_empty_frame_too():
    # An empty datagram is a message; echoing it keeps UDP echo honest.
    assert EchoResponder().new_session("p").on_frame(b"", NOW) == [Reply(b"")]


@pytest.mark.parametrize(
    ("data", "codec", "expected"),
    [
        (b"hello, World 123!", "utf-8", b"HELLO, WORLD 123!"),
        ("你好abc，ü".encode(), "utf-8", "你好ABC，ü".encode()),
        ("café".encode("latin-1"), "latin-1", "CAFé".encode("latin-1")),
        # GBK 瞭 is B2 74: its second byte looks like "t" and must stay.
        ("瞭a".encode("gbk"), "gbk", "瞭A".encode("gbk")),
        ("乤x".encode("gb18030"), "gb18030", "乤X".encode("gb18030")),
        ("\U0002000bq".encode("gb18030"), "gb18030", "\U0002000bQ".encode("gb18030")),
        # Big5 好 is A6 6E ("n").
        ("好n".encode("big5"), "big5", "好N".encode("big5")),
        # UTF-16LE 乡 is 61 4E ("a" and "N").
        ("乡a".encode("utf-16-le"), "utf-16-le", "乡A".encode("utf-16-le")),
        ("a乡".encode("utf-16-be"), "utf-16-be", "A乡".encode("utf-16-be")),
        (b"od\x00a", "utf-16-le", b"od\x00a"),  # units 646F and 6100: no letters
        (b"a\x00b", "utf-16-le", b"A\x00b"),  # a lone last byte is not a character
    ],
)
def test_upper_changes_only_ascii_letters(data, codec, expected):
    assert upper_ascii(data, codec) == expected
    assert one_reply(UpperEchoResponder(encoding=codec), data) == expected


def test_upper_echo_like_the_socketserver_tutorial():
    assert one_reply(UpperEchoResponder(), "hello 世界".encode()) == "HELLO 世界".encode()


def test_timestamp_reply_matches_the_tutorial_format(utc):
    assert one_reply(TimestampResponder(), b"data") == b"[Sun Nov 22 02:20:42 2026] data"
    # ctime pads single-digit days with a space
    assert one_reply(TimestampResponder(), b"x", 1793508800.0) == b"[Sun Nov  1 04:53:20 2026] x"


def test_timestamp_uses_local_time():
    expected = f"[{time.ctime(NOW)}] ".encode() + "数据".encode()
    assert one_reply(TimestampResponder(), "数据".encode()) == expected


def test_timestamp_prefix_is_encoded_like_the_text():
    reply = one_reply(TimestampResponder(encoding="utf-16-le"), "好".encode("utf-16-le"))
    assert reply == f"[{time.ctime(NOW)}] 好".encode("utf-16-le")


def test_byte_count_reply_matches_the_udp_tutorial():
    assert one_reply(ByteCountResponder(), b"this is my message") == b"your data was 18 bytes"
    assert one_reply(ByteCountResponder(), b"") == b"your data was 0 bytes"
    assert one_reply(ByteCountResponder(), "中".encode()) == b"your data was 3 bytes"


def test_fixed_reply():
    responder = FixedResponder(b"Receive your message")
    assert one_reply(responder, b"anything") == b"Receive your message"
    with pytest.raises(ValueError, match="must be bytes"):
        FixedResponder("text")  # type: ignore[arg-type]


# --- options ---------------------------------------------------------------------------------


def test_options_delay_close_and_suffix():
    options = ReplyOptions(delay=0.25, close_after_reply=True, suffix=b"\r\n")
    actions = EchoResponder(options).new_session("p").on_frame(b"hi", NOW)
    assert actions == [Reply(b"hi\r\n", 0.25), CloseConnection()]


@pytest.mark.parametrize(
    "responder",
    [
        EchoResponder(ReplyOptions(suffix=b"\n")),
        UpperEchoResponder(ReplyOptions(suffix=b"\n")),
        TimestampResponder(ReplyOptions(suffix=b"\n")),
        ByteCountResponder(ReplyOptions(suffix=b"\n")),
        FixedResponder(b"ok", ReplyOptions(suffix=b"\n")),
        RulesResponder((), fallback=b"ok", options=ReplyOptions(suffix=b"\n")),
    ],
)
def test_every_reply_gets_the_suffix(responder):
    assert one_reply(responder, b"x").endswith(b"\n")


def test_no_reply_ignores_options():
    options = ReplyOptions(delay=1, close_after_reply=True, suffix=b"\n")
    assert NoReply(options).new_session("p").on_frame(b"x", NOW) == []


@pytest.mark.parametrize("delay", [-1.0, float("nan"), float("inf")])
def test_bad_delays_are_refused(delay):
    with pytest.raises(ValueError, match="delay"):
        ReplyOptions(delay=delay)


def test_a_text_suffix_is_refused():
    with pytest.raises(ValueError, match="suffix"):
        ReplyOptions(suffix="\n")  # type: ignore[arg-type]


# --- rules -----------------------------------------------------------------------------------


def rules_session(*rules: Rule, fallback: bytes | None = None, peer: str = "10.0.0.2:4000"):
    return RulesResponder(rules, fallback).new_session(peer)


@pytest.mark.parametrize(
    ("match", "pattern", "hits", "misses"),
    [
        (MatchKind.EXACT, r"PING\r\n", [b"PING\r\n"], [b"PING", b"PING\r\nx", b"ping\r\n"]),
        (MatchKind.PREFIX, "GET ", [b"GET /", b"GET "], [b" GET /", b"get /"]),
        (MatchKind.CONTAINS, "你好", ["说你好吗".encode()], [b"hello"]),
        (MatchKind.REGEX, r"^\d{3}-\w+$", [b"123-abc", "123-中文".encode()], [b"12-abc"]),
        (MatchKind.HEX, "01 03", [b"\x01\x03", b"\xff\x01\x03\x00"], [b"\x01\x02\x03"]),
        (MatchKind.HEX_PREFIX, "0x0103", [b"\x01\x03\x00\x01"], [b"\x00\x01\x03"]),
        (MatchKind.PREFIX, "", [b"", b"anything"], []),
    ],
)
def test_each_match_kind(match, pattern, hits, misses):
    session = rules_session(Rule(match, pattern, "yes"), fallback=b"no")
    for frame in hits:
        assert replies(session.on_frame(frame, NOW)) == [b"yes"], frame
    for frame in misses:
        assert replies(session.on_frame(frame, NOW)) == [b"no"], frame


def test_rules_match_in_their_own_encoding():
    gbk = Rule(MatchKind.CONTAINS, "你好", "gbk hit", encoding="gbk")
    regex = Rule(MatchKind.REGEX, "^好+$", "regex hit", encoding="big5")
    session = rules_session(gbk, regex)
    assert replies(session.on_frame("你好".encode("gbk"), NOW)) == [b"gbk hit"]
    assert replies(session.on_frame("好好".encode("big5"), NOW)) == [b"regex hit"]
    assert session.on_frame("你好".encode(), NOW) == []


def test_first_matching_rule_wins():
    session = rules_session(
        Rule(MatchKind.PREFIX, "a", "first"),
        Rule(MatchKind.PREFIX, "ab", "second"),
        Rule(MatchKind.CONTAINS, "z", "third"),
    )
    assert replies(session.on_frame(b"abz", NOW)) == [b"first"]
    assert replies(session.on_frame(b"xz", NOW)) == [b"third"]


def test_without_fallback_an_unmatched_frame_gets_no_reply():
    assert rules_session(Rule(MatchKind.EXACT, "a", "b")).on_frame(b"c", NOW) == []


def test_template_placeholders(utc):
    template = r"#{counter} {peer} {len} [{time}] {hex} <{data}> <{upper}>\r\n"
    session = rules_session(Rule(MatchKind.PREFIX, "", template))
    assert replies(session.on_frame("hi你".encode(), NOW)) == [
        "#1 10.0.0.2:4000 5 [Sun Nov 22 02:20:42 2026] 68 69 e4 bd a0 <hi你> <HI你>\r\n".encode()
    ]


def test_every_placeholder_is_documented_and_usable():
    template = "".join(f"{{{name}}}" for name in PLACEHOLDERS)
    assert replies(rules_session(Rule(MatchKind.PREFIX, "", template)).on_frame(b"x", NOW))


def test_template_escapes_and_braces():
    rule = Rule(MatchKind.PREFIX, "", r"{{\x00\u4e2d}}\\n{data}\t", encoding="gbk")
    reply = replies(rules_session(rule).on_frame(b"D", NOW))
    assert reply == [b"{\x00" + "中".encode("gbk") + b"}\\nD\t"]


def test_template_literals_use_the_rules_encoding():
    rule = Rule(MatchKind.PREFIX, "", "好{len}", encoding="utf-16-le")
    assert replies(rules_session(rule).on_frame(b"abcd", NOW)) == ["好4".encode("utf-16-le")]


@pytest.mark.parametrize(
    "frame", [b"{counter}", b"{{data}}", b"\\n\\x41", b"{", b"}", b"\\", b"\xff\xfe{peer}"]
)
def test_data_is_never_read_as_escapes_or_placeholders(frame):
    session = rules_session(Rule(MatchKind.PREFIX, "", "<{data}>"))
    assert replies(session.on_frame(frame, NOW)) == [b"<" + frame + b">"]


def test_counter_counts_per_session():
    responder = RulesResponder((Rule(MatchKind.CONTAINS, "x", "{counter}"),))
    first, second = responder.new_session("a"), responder.new_session("b")
    assert replies(first.on_frame(b"x", NOW)) == [b"1"]
    assert first.on_frame(b"unmatched", NOW) == []  # counted, though not answered
    assert replies(first.on_frame(b"x", NOW)) == [b"3"]
    assert replies(second.on_frame(b"x", NOW)) == [b"1"]


def test_a_rule_can_close_the_connection():
    options = ReplyOptions(delay=0.5, suffix=b"\n")
    responder = RulesResponder(
        (
            Rule(MatchKind.EXACT, "quit", "bye", close=True),
            Rule(MatchKind.EXACT, "x", "", close=True),
        ),
        options=options,
    )
    session = responder.new_session("p")
    assert session.on_frame(b"quit", NOW) == [Reply(b"bye\n", 0.5), CloseConnection()]
    assert session.on_frame(b"x", NOW) == [CloseConnection(0.5)]


def test_an_empty_template_sends_nothing():
    session = rules_session(Rule(MatchKind.EXACT, "noise", ""), fallback=b"?")
    assert session.on_frame(b"noise", NOW) == []
    # A template that renders to nothing is still a reply, like echoing an empty frame.
    assert replies(rules_session(Rule(MatchKind.PREFIX, "", "{data}")).on_frame(b"", NOW)) == [b""]


@pytest.mark.parametrize(
    ("rule", "field", "position", "words"),
    [
        (Rule(MatchKind.EXACT, "", "ab{nope}"), "template", 2, "unknown placeholder {nope}"),
        (Rule(MatchKind.EXACT, "", "{}"), "template", 0, "unknown placeholder {}"),
        (Rule(MatchKind.EXACT, "", "x{data"), "template", 1, "not closed"),
        (Rule(MatchKind.EXACT, "", "x}y"), "template", 1, "has no"),
        (Rule(MatchKind.EXACT, "", "a\\{data}"), "template", 1, "backslash cannot escape"),
        (Rule(MatchKind.EXACT, "", "{data}\\q"), "template", 6, "unknown escape"),
        (Rule(MatchKind.EXACT, "", "{data}\\x4"), "template", 6, "two hex digits"),
        (Rule(MatchKind.EXACT, "", "中", encoding="ascii"), "template", 0, "cannot be encoded"),
        (Rule(MatchKind.REGEX, "a(b", "x"), "pattern", 1, "invalid regular expression"),
        (Rule(MatchKind.HEX, "01 0g", "x"), "pattern", 4, "not a hex digit"),
        (Rule(MatchKind.PREFIX, "\\z", "x"), "pattern", 0, "unknown escape"),
        (Rule(MatchKind.EXACT, "", "x", encoding="klingon"), "encoding", None, "unknown encoding"),
        (Rule("fuzzy", "", "x"), "match", None, "unknown match kind"),  # type: ignore[arg-type]
    ],
)
def test_bad_rules_are_refused_with_rule_and_position(rule, field, position, words):
    fine = Rule(MatchKind.EXACT, "ok", "ok")
    with pytest.raises(RuleError) as caught:
        RulesResponder((fine, rule))
    error = caught.value
    assert isinstance(error, ValueError)
    assert (error.rule, error.field, error.position) == (2, field, position)
    assert str(error).startswith(f"rule 2, {field}: ")
    assert words in str(error)


def test_rule_errors_pickle_with_their_position():
    with pytest.raises(RuleError) as caught:
        Rule(MatchKind.EXACT, "", "{x}").validate(7)
    copy = pickle.loads(pickle.dumps(caught.value))
    assert (str(copy), copy.rule, copy.field, copy.position) == (
        str(caught.value),
        7,
        "template",
        0,
    )


# --- properties ------------------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(st.binary(max_size=64))
def test_echo_returns_any_bytes_unchanged(data):
    assert EchoResponder().new_session("p").on_frame(data, NOW) == [Reply(data)]


@PROPERTY_SETTINGS
@given(st.binary(max_size=64) | st.text(max_size=16).map(str.encode), st.sampled_from(CODECS))
def test_upper_only_touches_lower_case_ascii(data, codec):
    upper = upper_ascii(data, codec)
    assert len(upper) == len(data)
    for before, after in zip(data, upper, strict=True):
        assert after == before or (0x61 <= before <= 0x7A and after == before - 0x20)


@PROPERTY_SETTINGS
@given(st.text(max_size=16), st.sampled_from(CODECS))
def test_upper_matches_str_upper_on_ascii_letters_of_real_text(text, codec):
    data = text.encode(codec, "ignore")
    expected = data.decode(codec).translate(str.maketrans(ASCII_LOWER, ASCII_UPPER))
    assert upper_ascii(data, codec) == expected.encode(codec)


_FUZZ_RULES = (
    Rule(MatchKind.REGEX, r"(a|b)+c", "{upper}{hex}", encoding="utf-16-be"),
    Rule(MatchKind.HEX, "ff fe", "{data}{len}", encoding="gbk"),
    Rule(MatchKind.CONTAINS, "\\x00", "{peer}{time}{counter}", encoding="ascii"),
    Rule(MatchKind.EXACT, "", "", close=True),
    Rule(MatchKind.PREFIX, "中", "{data}", encoding="big5"),
)


@PROPERTY_SETTINGS
@given(st.lists(st.binary(max_size=32), max_size=5))
def test_rules_never_raise_on_any_frame(frames):
    session = RulesResponder(_FUZZ_RULES, fallback=b"?").new_session("对端 ☃")
    for frame in frames:
        actions = session.on_frame(frame, NOW)
        assert all(isinstance(action, Reply | CloseConnection) for action in actions)


# --- factory and descriptions ----------------------------------------------------------------


@pytest.mark.parametrize("kind", list(ResponderKind))
def test_factory_builds_every_kind(kind):
    params = {"data": b"ok"} if kind is ResponderKind.FIXED else {}
    responder = make_responder(kind, **params)
    assert responder.kind is kind
    assert responder.describe()
    assert kind.label
    session = responder.new_session("127.0.0.1:1")
    assert isinstance(session.on_frame(b"GET / HTTP/1.0\r\n\r\n", NOW), list)


def test_factory_passes_settings_through(tmp_path):
    options = ReplyOptions(suffix=b"\n")
    assert make_responder("echo", options=options) == EchoResponder(options)
    rules = (Rule(MatchKind.EXACT, "a", "b"),)
    assert make_responder(ResponderKind.RULES, rules=list(rules)) == RulesResponder(rules)
    assert make_responder("http_static", root=tmp_path).root == tmp_path
    assert "rules" in responder_settings("rules") and "options" in responder_settings("rules")


@pytest.mark.parametrize(
    ("kind", "params", "words"),
    [
        ("chatty", {}, "unknown responder kind"),
        ("echo", {"data": b"x"}, "Echo has no setting 'data'"),
        ("fixed", {}, "needs the bytes"),
        ("rules", {"rules": (Rule(MatchKind.EXACT, "", "{x}"),)}, "rule 1, template"),
        ("http_static", {"root": Path("/definitely/not/here")}, "does not exist"),
        ("http_static", {"index": "../index.html"}, "plain file name"),
        ("http_static", {"options": ReplyOptions(suffix=b"\n")}, "suffix"),
    ],
)
def test_factory_errors_are_plain_value_errors(kind, params, words):
    with pytest.raises(ValueError, match=words):
        make_responder(kind, **params)


def test_descriptions_mention_the_options():
    options = ReplyOptions(delay=1.5, close_after_reply=True, suffix=b"\r\n")
    text = EchoResponder(options).describe()
    assert text == (
        'echo each message back; each reply ends with "\\r\\n", replies wait 1.5 s, '
        "the connection is closed after a reply"
    )
    assert FixedResponder(b"OK\n").describe() == 'reply "OK\\n" to each message'
    rules = RulesResponder((Rule(MatchKind.EXACT, "a", "b"),) * 2)
    assert rules.describe() == "reply by 2 rules, otherwise no reply"
    assert Rule(MatchKind.HEX_PREFIX, "01 03", "{hex}").describe() == (
        "if the message starts with hex '01 03', reply '{hex}'"
    )


# --- HTTP: helpers and a site ----------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
SECRET = b"top secret, outside the site"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "sub").mkdir(parents=True)
    (root / "empty" / "deeper").mkdir(parents=True)
    (root / "index.html").write_bytes(b"<h1>home</h1>\n")
    (root / "logo.png").write_bytes(PNG)
    (root / "style.css").write_bytes(b"body { color: red }\n")
    (root / "中文.txt").write_bytes("你好，世界\n".encode())
    (root / "sub" / "index.html").write_bytes(b"<p>sub</p>\n")
    (root / "empty" / "a&b.txt").write_bytes(b"x")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_bytes(SECRET)
    try:
        (root / "leak").symlink_to(outside / "secret.txt")
        (root / "leakdir").symlink_to(outside, target_is_directory=True)
        (root / "empty" / "leak").symlink_to(outside / "secret.txt")
        (root / "inside-link.txt").symlink_to(root / "style.css")
    except OSError:
        pass  # no symbolic links here (Windows without the privilege): those cases skip
    return root


class Response:
    def __init__(self, data: bytes) -> None:
        head, separator, self.body = data.partition(b"\r\n\r\n")
        assert separator, data
        status_line, *lines = head.decode("latin-1").split("\r\n")
        version, status, _ = status_line.split(" ", 2)
        assert version == "HTTP/1.1"
        self.status = int(status)
        self.headers: dict[str, str] = {}
        for line in lines:
            name, _, value = line.partition(": ")
            assert name.lower() not in self.headers
            self.headers[name.lower()] = value

    def __repr__(self) -> str:
        return f"<{self.status} {self.headers} {self.body[:60]!r}>"


def http(
    site: Path, *requests: bytes, chunks: Sequence[bytes] | None = None, **options: object
) -> list[Action]:
    session = HttpStaticResponder(site, options=ReplyOptions(**options)).new_session("p")  # type: ignore[arg-type]
    actions: list[Action] = []
    for chunk in chunks if chunks is not None else [b"".join(requests)]:
        actions += session.on_frame(chunk, NOW)
    return actions


def get(site: Path, path: str, *, method: str = "GET", extra: str = "") -> Response:
    request = f"{method} {path} HTTP/1.1\r\nHost: localhost\r\n{extra}\r\n".encode()
    (reply,) = replies(http(site, request))
    return Response(reply)


def statuses(actions: Sequence[Action]) -> list[int | str]:
    return [Response(a.data).status if isinstance(a, Reply) else "close" for a in actions]


# --- HTTP: serving ---------------------------------------------------------------------------


def test_get_root_serves_the_index(site):
    response = get(site, "/")
    assert response.status == 200
    assert response.body == b"<h1>home</h1>\n"
    mtime = int((site / "index.html").stat().st_mtime)
    assert response.headers == {
        "server": "netbench",
        "date": "Sun, 22 Nov 2026 02:20:42 GMT",
        "content-type": "text/html; charset=utf-8",
        "last-modified": http_date(mtime),
        "content-length": "14",
        "connection": "keep-alive",
    }


def test_head_has_the_same_headers_and_no_body(site):
    got, head = get(site, "/logo.png"), get(site, "/logo.png", method="HEAD")
    assert got.body == PNG and head.body == b""
    assert head.headers == got.headers
    assert head.headers["content-type"] == "image/png"
    assert head.headers["content-length"] == str(len(PNG))


@pytest.mark.parametrize(
    ("path", "content_type", "body"),
    [
        ("/style.css", "text/css; charset=utf-8", b"body { color: red }\n"),
        ("/%E4%B8%AD%E6%96%87.txt", "text/plain; charset=utf-8", "你好，世界\n".encode()),
        ("/中文.txt", "text/plain; charset=utf-8", "你好，世界\n".encode()),  # typed by hand
        ("/index.html?x=1&y=%zz", "text/html; charset=utf-8", b"<h1>home</h1>\n"),
        ("/./sub/./index.html", "text/html; charset=utf-8", b"<p>sub</p>\n"),
        ("http://localhost:8000/sub/", "text/html; charset=utf-8", b"<p>sub</p>\n"),
    ],
)
def test_files_by_path(site, path, content_type, body):
    response = get(site, path)
    assert (response.status, response.headers["content-type"], response.body) == (
        200,
        content_type,
        body,
    )


def test_a_symlink_inside_the_site_is_served(site):
    if not (site / "inside-link.txt").is_symlink():
        pytest.skip("no symbolic links on this system")
    assert get(site, "/inside-link.txt").body == b"body { color: red }\n"


def test_a_folder_without_slash_is_redirected(site):
    response = get(site, "/sub?q=1")
    assert response.status == 301
    assert response.headers["location"] == "/sub/?q=1"
    assert get(site, "/%E4%B8%AD").status == 404
    (site / "文件夹").mkdir()
    assert get(site, "/文件夹").headers["location"] == "/%E6%96%87%E4%BB%B6%E5%A4%B9/"


def test_a_folder_without_index_is_listed(site):
    response = get(site, "/empty/")
    assert response.status == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    page = response.body.decode()
    assert "Index of /empty/" in page
    assert '<a href="deeper/">deeper/</a>' in page
    assert '<a href="a%26b.txt">a&amp;b.txt</a>' in page
    assert '<a href="../">../</a>' in page
    assert "leak" not in page  # links out of the site are not advertised
    assert page.index("deeper/") < page.index("a&amp;b.txt")  # folders first


def test_missing_file_is_404_html(site):
    response = get(site, "/nope.html")
    assert response.status == 404
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert b"404 Not Found" in response.body
    assert response.headers["connection"] == "keep-alive"
    assert get(site, "/index.html/x").status == 404  # a file is not a folder


def test_not_modified_since(site):
    last_modified = get(site, "/").headers["last-modified"]
    response = get(site, "/", extra=f"If-Modified-Since: {last_modified}\r\n")
    assert response.status == 304 and response.body == b""
    assert "content-length" not in response.headers
    earlier = http_date(int((site / "index.html").stat().st_mtime) - 10)
    assert get(site, "/", extra=f"If-Modified-Since: {earlier}\r\n").status == 200
    assert get(site, "/", extra="If-Modified-Since: yesterday\r\n").status == 200


def test_files_over_the_size_cap_get_500(site, monkeypatch):
    monkeypatch.setattr(http_static, "MAX_FILE_BYTES", 100)
    response = get(site, "/logo.png")
    assert response.status == 500
    assert b"larger than" in response.body


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_in_the_site_does_not_block(site):
    os.mkfifo(site / "pipe")
    assert get(site, "/pipe").status == 404


# --- HTTP: methods and malformed requests ----------------------------------------------------


def test_other_methods_get_405_with_allow(site):
    response = get(site, "/", method="DELETE")
    assert response.status == 405
    assert response.headers["allow"] == "GET, HEAD"
    assert response.headers["connection"] == "keep-alive"
    assert b"Methods are case-sensitive" in get(site, "/", method="get").body


def test_a_request_body_is_skipped_and_the_next_request_answered(site):
    post = b"POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nGET / HTTP"
    after = b"GET /style.css HTTP/1.1\r\nHost: x\r\n\r\n"
    actions = http(site, chunks=[post[:-4], post[-4:] + after])
    assert statuses(actions) == [405, 200]


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"HELLO\r\n\r\n", 400),
        (b"GET /\r\n\r\n", 400),  # HTTP/0.9 style
        (b"GET  / HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\n\r\n", 400),  # no Host
        (b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nHost x\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nHo st: x\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nHost: x\rY\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1, 2\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400),
        (
            b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n",
            400,
        ),
        (b"GET index.html HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        (b"GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        (b"GET /%ff HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        (b"GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505),
    ],
)
def test_malformed_requests_get_an_error_and_close(site, request_bytes, status):
    later = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"
    actions = http(site, request_bytes + later)
    assert statuses(actions) == [status, "close"]
    assert Response(replies(actions)[0]).headers["connection"] == "close"


def test_hand_typed_requests_with_bare_lf_and_blank_lines_work(site):
    actions = http(site, b"\r\n\nGET / HTTP/1.0\n\n")
    assert statuses(actions) == [200, "close"]


def test_chunked_bodies_are_not_read_so_the_connection_closes(site):
    request = (
        b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
    )
    assert statuses(http(site, request)) == [405, "close"]


def test_expect_continue_with_a_body_closes(site):
    request = b"PUT /x HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n"
    assert statuses(http(site, request)) == [405, "close"]


# --- HTTP: connections -----------------------------------------------------------------------

GET_1_1 = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"


@pytest.mark.parametrize(
    ("request_bytes", "expected", "connection"),
    [
        (GET_1_1, [200], "keep-alive"),
        (b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", [200, "close"], "close"),
        (
            b"GET / HTTP/1.1\r\nHost: x\r\nConnection: Keep-Alive, CLOSE\r\n\r\n",
            [200, "close"],
            "close",
        ),
        (b"GET / HTTP/1.0\r\n\r\n", [200, "close"], "close"),
        (b"GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", [200], "keep-alive"),
    ],
)
def test_keep_alive_and_close(site, request_bytes, expected, connection):
    actions = http(site, request_bytes)
    assert statuses(actions) == expected
    assert Response(replies(actions)[0]).headers["connection"] == connection


def test_pipelined_requests_are_answered_in_order(site):
    stream = (
        GET_1_1
        + b"HEAD /logo.png HTTP/1.1\r\nHost: x\r\n\r\n"
        + b"GET /missing HTTP/1.1\r\nHost: x\r\n\r\n"
        + b"GET /style.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        + GET_1_1  # after the close: never answered
    )
    actions = http(site, stream)
    assert statuses(actions) == [200, 200, 404, 200, "close"]
    assert Response(replies(actions)[3]).body == b"body { color: red }\n"


def test_options_apply_to_http(site):
    actions = http(site, GET_1_1 + GET_1_1, delay=0.5)
    assert [a.delay for a in actions] == [0.5, 0.5]
    actions = http(site, GET_1_1 + GET_1_1, close_after_reply=True)
    assert statuses(actions) == [200, "close"]
    assert Response(replies(actions)[0]).headers["connection"] == "close"


def test_end_of_stream(site):
    responder = HttpStaticResponder(site)
    idle = responder.new_session("p")
    idle.on_frame(GET_1_1, NOW)
    assert idle.on_end() == [CloseConnection()]
    partial = responder.new_session("p")
    assert partial.on_frame(b"GET / HTTP/1.0\r\n", NOW) == []
    actions = partial.on_end()
    assert statuses(actions) == [400, "close"]
    assert b"empty line" in Response(replies(actions)[0]).body
    closed = responder.new_session("p")
    closed.on_frame(b"GET / HTTP/1.0\r\n\r\n", NOW)
    assert closed.on_end() == []


def test_oversized_head_gets_431_and_close(site):
    big = b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * MAX_HEAD_BYTES + b"\r\n\r\n"
    assert statuses(http(site, big)) == [431, "close"]
    assert statuses(http(site, chunks=[big[i : i + 1000] for i in range(0, len(big), 1000)])) == [
        431,
        "close",
    ]
    many = b"GET / HTTP/1.1\r\nHost: x\r\n" + b"X: y\r\n" * 150 + b"\r\n"
    assert statuses(http(site, many)) == [431, "close"]


def test_a_head_that_never_ends_is_not_buffered_without_bound(site):
    connection = StaticHttpConnection(StaticSite(site))
    assert connection.receive(b"GET / HTTP/1.1\r\n", NOW) == []
    for _ in range(MAX_HEAD_BYTES // 1024 - 1):
        assert connection.receive(b"X-Filler: " + b"z" * 1012 + b"\r\n", NOW) == []
        assert connection.pending <= MAX_HEAD_BYTES
    (response,) = connection.receive(b"X: " + b"z" * 2000, NOW)
    assert (response.status, response.close, connection.pending) == (431, True, 0)
    assert connection.receive(GET_1_1, NOW) == []


def test_blank_lines_between_requests_are_not_buffered(site):
    connection = StaticHttpConnection(StaticSite(site))
    for _ in range(100):
        assert connection.receive(b"\r\n" * 1000 + b"\n", NOW) == []
    assert connection.pending == 0


# --- HTTP: nothing outside the site ----------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/../etc/passwd", 403),
        ("/%2e%2e/", 403),
        ("/%2E%2E/outside/secret.txt", 403),
        ("/..%2f", 403),
        ("/..%2foutside%2fsecret.txt", 403),
        ("/sub/../../x", 403),
        ("/sub/..", 403),
        ("/..\\outside\\secret.txt", 403),
        ("/%5c..%5coutside%5csecret.txt", 403),
        ("/index.html%00.png", 403),
        ("//etc/passwd", 404),  # an empty segment is skipped: this is <site>/etc/passwd
        ("///outside/secret.txt", 404),
        ("http://x/../outside/secret.txt", 403),
    ],
)
def test_traversal_is_refused(site, path, status):
    response = get(site, path)
    assert response.status == status
    assert SECRET not in response.body
    assert response.headers["content-type"] == "text/html; charset=utf-8"


def test_absolute_file_system_paths_stay_inside(site, tmp_path):
    secret = (tmp_path / "outside" / "secret.txt").as_posix()
    response = get(site, "/" + secret.lstrip("/"))
    assert response.status == 404
    assert SECRET not in response.body


@pytest.mark.parametrize("path", ["/leak", "/leakdir/secret.txt", "/leakdir/", "/empty/leak"])
def test_symlinks_out_of_the_site_are_refused(site, path):
    if not (site / "leak").is_symlink():
        pytest.skip("no symbolic links on this system")
    response = get(site, path)
    assert response.status == 403
    assert SECRET not in response.body


def test_an_index_linking_outside_is_not_served(site, tmp_path):
    if not (site / "leak").is_symlink():
        pytest.skip("no symbolic links on this system")
    folder = site / "trap"
    folder.mkdir()
    (folder / "index.html").symlink_to(tmp_path / "outside" / "secret.txt")
    response = get(site, "/trap/")
    assert response.status == 200
    assert SECRET not in response.body and b"Index of /trap/" in response.body


# --- HTTP: chunking never matters ------------------------------------------------------------

_REQUESTS = [
    GET_1_1,
    b"HEAD /logo.png HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /%E4%B8%AD%E6%96%87.txt HTTP/1.1\r\nHost: x\r\n\r\n",
    b"\r\nGET /sub HTTP/1.1\nHost: x\n\n",
    b"POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: 7\r\n\r\n\r\n\r\nab\r\n",
    b"GET /missing HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /../x HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /empty/ HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    b"BROKEN\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * MAX_HEAD_BYTES + b"\r\n\r\n",
]


def split_at(stream: bytes, cuts: Sequence[int]) -> list[bytes]:
    points = [0, *sorted(cuts), len(stream)]
    return [stream[a:b] for a, b in pairwise(points)]


def run_session(site: Path, chunks: Sequence[bytes]) -> list[Action]:
    session = HttpStaticResponder(site).new_session("p")
    actions: list[Action] = []
    for chunk in chunks:
        actions += session.on_frame(chunk, NOW)
    return actions + session.on_end()


def test_byte_by_byte_gives_the_same_replies(site):
    stream = b"".join(_REQUESTS[:9])
    whole = run_session(site, [stream])
    assert statuses(whole) == [200, 200, 200, 301, 405, 404, 403, 200, 200, "close"]
    assert run_session(site, [stream[i : i + 1] for i in range(len(stream))]) == whole


@HTTP_SETTINGS
@given(data=st.data())
def test_any_chunking_gives_the_same_replies(site, data):
    requests = data.draw(st.lists(st.sampled_from(_REQUESTS), min_size=1, max_size=5))
    stream = b"".join(requests)
    cuts = data.draw(st.lists(st.integers(0, len(stream)), max_size=12))
    assert run_session(site, split_at(stream, cuts)) == run_session(site, [stream])


@HTTP_SETTINGS
@given(st.binary(max_size=200), st.lists(st.integers(0, 200), max_size=6))
def test_http_never_raises_on_garbage(site, garbage, cuts):
    actions = run_session(site, split_at(garbage, [c for c in cuts if c <= len(garbage)]))
    for action in actions:
        if isinstance(action, Reply):
            assert Response(action.data).status in (200, 301, 304, 400, 403, 404, 405, 431, 505)


# --- the bundled page ------------------------------------------------------------------------


def test_default_site_says_it_works():
    root = default_site_dir()
    page = get(root, "/")
    assert page.status == 200
    assert "It works — served by netbench".encode() in page.body
    image = get(root, "/netbench.png")
    assert image.headers["content-type"] == "image/png"
    assert image.body.startswith(b"\x89PNG\r\n\x1a\n")
    assert make_responder("http_static").root == root
