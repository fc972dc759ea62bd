"""What the net and core layers say, in a Chinese window: errors next to the field, the
socket panel, load test results and transcript notes; and rendering that never fails."""

import re
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import find
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from loopback import free_port
from PySide6.QtCore import QLocale, QTranslator

from netbench.core.framing.spec import FramingKind, FramingSpec
from netbench.core.framing.wire import make_framer
from netbench.core.text import QT_TRANSLATE_NOOP, Text, joined, verbatim
from netbench.net.events import CloseReason, Notice, PeerClosed
from netbench.ui.runtime.i18n import install_translators
from netbench.ui.runtime.net_text import net_text
from netbench.ui.transcript.records import records_from_events

TOOLS = Path(sys.executable).parent
TS = Path(__file__).parents[3] / "resources" / "i18n" / "netbench_zh_CN.ts"


@pytest.fixture
def window_tab():
    """These tests start on the Client tab."""
    return "client"


@pytest.fixture
def chinese(qapp):
    """The committed zh_CN translation installed, as a Chinese system would get it."""
    translation = install_translators(qapp, QLocale("zh_CN"))
    try:
        yield translation
    finally:
        translation.uninstall(qapp)


@pytest.fixture
def zh_window(chinese, open_window):
    """A main window opened in Chinese (closed before the translation goes)."""
    return open_window()


def connect(win, pump, host="127.0.0.1", port=None):
    panel = win.client_tab.panels["client-1"]
    find(win, "client.host").setText(host)
    find(win, "client.port").setText(str(port))
    find(win, "client.connect").click()
    pump(
        lambda: (
            (panel.is_connected and panel.socket_info is not None)
            or find(win, "client.error").isVisible()
        ),
        15,
    )
    return panel


# -- in a Chinese window ----------------------------------------------------------------------


def test_a_port_out_of_range_is_said_in_chinese_at_the_port(zh_window, pump):
    panel = connect(zh_window, pump, port=70000)
    assert not panel.is_connected
    assert find(zh_window, "client.error").text() == "端口 70000 超出范围：请使用 1 到 65535"
    assert "border" in find(zh_window, "client.port").styleSheet()


def test_a_refused_connection_is_said_in_chinese_next_to_the_port(zh_window, pump):
    port = free_port()
    panel = connect(zh_window, pump, port=port)
    assert not panel.is_connected
    error = find(zh_window, "client.error").text()
    assert error.startswith(f"127.0.0.1:{port} 拒绝连接：那里没有程序在监听（用时 "), error
    assert "refused" not in error
    assert "border" in find(zh_window, "client.port").styleSheet()
    assert find(zh_window, "client.state").text() == "未连接"


def test_an_unknown_name_is_said_in_chinese_next_to_the_host(zh_window, pump):
    panel = connect(zh_window, pump, host="no-such-host.invalid", port=80)
    assert not panel.is_connected
    error = find(zh_window, "client.error").text()
    # The system's own reason (getaddrinfo's words) stays as it came.
    assert error.startswith("找不到主机名：no-such-host.invalid（"), error
    assert "border" in find(zh_window, "client.host").styleSheet()


def test_a_port_in_use_is_said_in_chinese_on_both_tabs(zh_window, pump, server):
    find(zh_window, "client.local_host").setText("127.0.0.1")
    find(zh_window, "client.local_port").setValue(server.port)  # the listener holds it
    panel = connect(zh_window, pump, port=server.port)
    assert not panel.is_connected
    error = find(zh_window, "client.error").text()
    assert f"本地端口 {server.port} 已被另一个套接字占用" in error, error
    assert "border" in find(zh_window, "client.local_port").styleSheet()

    zh_window.tabs.setCurrentWidget(zh_window.server_tab)
    listener = zh_window.server_tab.current_panel
    find(zh_window, "server.port").setText(str(server.port))
    find(zh_window, "server.start").click()
    pump(lambda: listener.is_running or find(zh_window, "server.error").isVisible(), 10)
    assert not listener.is_running
    error = find(zh_window, "server.error").text()
    assert error.startswith(f"127.0.0.1:{server.port} 已被另一个套接字占用"), error
    assert "border" in find(zh_window, "server.port").styleSheet()


def test_the_socket_panel_tags_addresses_and_options_in_chinese(zh_window, pump, server):
    panel = connect(zh_window, pump, port=server.port)
    assert panel.is_connected
    info = find(zh_window, "client.info").text()
    assert f"127.0.0.1:{server.port} · 已使用" in info
    assert "TCP_NODELAY" in info and re.search(r"\d+ 字节", info)
    assert not re.search(r"\b(used|on|off)\b|\d B\b", info), info


def test_a_failed_load_test_is_summed_up_in_chinese(zh_window, pump):
    panel = zh_window.client_tab.panels["client-1"]
    panel.views.setCurrentIndex(1)
    port = free_port()
    find(zh_window, "client.host").setText("127.0.0.1")
    find(zh_window, "client.port").setText(str(port))
    find(zh_window, "client.input").setPlainText("x")
    find(zh_window, "client.load_connections").setValue(3)
    load = panel.load
    find(zh_window, "client.load_start").click()
    pump(lambda: load.results.results and not load.is_running, 30)
    live = find(zh_window, "client.load_live").text()
    assert live == f"失败：全部 3 个连接均失败：127.0.0.1:{port} 拒绝连接：那里没有程序在监听", live
    assert load.results.cell("errors") == f"3 × 127.0.0.1:{port} 拒绝连接：那里没有程序在监听"
    assert "拒绝连接" in find(zh_window, "client.error").text()


def test_transcript_notes_from_the_net_layer_are_chinese(chinese):
    framer = make_framer(FramingSpec(kind=FramingKind.DELIMITER, max_frame=4))
    assert framer.feed(b"123456", 1) == []
    (limit,) = framer.errors
    events = [
        Notice(source="l", peer="p", text=limit.reason),
        PeerClosed(source="l", peer="p", reason=CloseReason.ERROR, detail="Broken pipe"),
    ]
    records, _ = records_from_events(events)
    assert [r.note for r in records] == [
        "帧超过 4 字节仍无分隔符；已丢弃 5 字节，跳到下一个分隔符",
        "出错: Broken pipe",
    ]


# -- rendering ---------------------------------------------------------------------------------


def test_english_is_the_sentence_the_layer_made(qapp):
    text = QT_TRANSLATE_NOOP(
        "NetErrors", "connection refused by {target}: nothing is listening there"
    )
    message = text.format(target="[::1]:7")
    assert net_text(message) == "connection refused by [::1]:7: nothing is listening there"
    assert net_text("already words") == "already words"


def test_nested_messages_are_translated_and_values_are_not(chinese):
    refused = QT_TRANSLATE_NOOP("ClientInfo", "refused")
    tried = joined(
        "; ", [Text("", "{address} · {outcome}", {"address": "[::1]:7", "outcome": refused})]
    )
    message = QT_TRANSLATE_NOOP("ClientInfo", "{message} (tried {tried})").format(
        message=QT_TRANSLATE_NOOP("ClientInfo", "timed out after {ms:.0f} ms").format(ms=1500.0),
        tried=tried,
    )
    assert net_text(message) == "超时（1500 ms）（已尝试：[::1]:7 · 被拒绝）"


def _broken_translation(tmp_path):
    """A .qm whose translation of one template lost its placeholder and one that misspelt it."""
    ts = tmp_path / "broken.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="zh_CN">'
        "<context><name>NetErrors</name>"
        "<message><source>connection reset by {target}</source>"
        "<translation>连接被复位 {targte}</translation></message>"
        "<message><source>{target} is not an address of this machine</source>"
        "<translation>不是本机地址 {target:d} {</translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    qm = tmp_path / "broken.qm"
    subprocess.run(
        [str(TOOLS / "pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True
    )
    return qm


def test_a_broken_translation_falls_back_to_english(qapp, tmp_path):
    translator = QTranslator()
    assert translator.load(str(_broken_translation(tmp_path)))
    qapp.installTranslator(translator)
    try:
        reset = QT_TRANSLATE_NOOP("NetErrors", "connection reset by {target}")
        assert net_text(reset.format(target="h:1")) == "connection reset by h:1"
        foreign = QT_TRANSLATE_NOOP("NetErrors", "{target} is not an address of this machine")
        assert (
            net_text(foreign.format(target="10.0.0.1"))
            == "10.0.0.1 is not an address of this machine"
        )
    finally:
        qapp.removeTranslator(translator)


# The contexts of the net and core layers' messages (the UI's own are plain tr() strings).
LAYER_CONTEXTS = {
    "Checksum",
    "ClientInfo",
    "Datagram",
    "Display",
    "Encodings",
    "Escapes",
    "FileSend",
    "Framing",
    "Listeners",
    "LoadTest",
    "NetErrors",
    "Payload",
    "Responders",
    "Snippets",
    "Stream",
    "Tls",
    "UnixPaths",
}


def _templates():
    """Every template of the net and core layers, as the committed translation lists them."""
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name")
        if name in LAYER_CONTEXTS:
            found += [(name, message.findtext("source")) for message in context.iter("message")]
    return found


TEMPLATES = _templates()
values = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20),
    st.text(alphabet="{}:!%sdr0x", max_size=8),
    st.integers(),
    st.builds(Path, st.text(alphabet="ab{}/ .", min_size=1, max_size=10)),
    st.builds(verbatim, st.text(alphabet="{}ab", max_size=6)),
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(template=st.sampled_from(TEMPLATES), data=st.data())
def test_rendering_any_message_with_any_values_never_fails(chinese, template, data):
    context, source = template
    params = {}
    for _, field, spec, _ in string.Formatter().parse(source):
        if field:  # a format spec ({ms:.0f}, {count:,}) is only ever given a number
            params[field] = data.draw(st.integers() if spec else values, label=field)
    shown = net_text(Text(context, source, params))
    assert isinstance(shown, str)
    for value in params.values():
        if isinstance(value, str | Path) and not isinstance(value, Text):
            assert str(value) in shown  # values are never translated or mangled
