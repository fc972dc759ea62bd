"""The UI in Simplified Chinese: every string translated, faithfully, compiled and shown.

The translation lives in resources/i18n/netbench_zh_CN.ts (scripts/update-translations
refreshes it and compiles the .qm). It holds the UI's strings and the messages the net and
core layers make (marked with netbench.core.text.QT_TRANSLATE_NOOP). A string added to
either without a translation fails here with its text named.
"""

import os
import re
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt

import netbench
from netbench.app import parse_args
from netbench.net.events import CloseReason, Connected, Listening, PeerClosed, PeerFinished
from netbench.ui.main_window import MainWindow
from netbench.ui.runtime.i18n import install_translators
from netbench.ui.server.peers_model import PeersModel
from netbench.ui.transcript.records import records_from_events
from netbench.ui.widgets.about_dialog import version_rows
from netbench.ui.widgets.close_reasons import close_reason_labels

PACKAGE = Path(netbench.__file__).parent
# What scripts/update-translations scans: the UI, and the layers whose messages it shows.
SOURCES = [PACKAGE / "ui", PACKAGE / "net", PACKAGE / "core"]
I18N = Path(netbench.__file__).parent.parent / "resources" / "i18n"
TS = I18N / "netbench_zh_CN.ts"
QM = I18N / "netbench_zh_CN.qm"
TOOLS = Path(sys.executable).parent

# A {placeholder}, not a brace written twice ({{ and }} stand for one brace in a template).
PLACEHOLDER = re.compile(r"(?<!\{)\{[^{}]*\}(?!\})|\{\{|\}\}|%n|%L?\d+")
HTML_TAG = re.compile(r"<[^<>]+>")
ACCELERATOR = re.compile(r"&(?!&)(?=\w)")
CJK = re.compile(r"[\u4e00-\u9fff]")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> the <translation> element, for every message in ``ts``."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found[(name, message.findtext("source"))] = message.find("translation")
    return found


@pytest.fixture(scope="module")
def ui_strings(tmp_path_factory):
    """What lupdate finds in the sources now, whatever the committed .ts says."""
    ts = tmp_path_factory.mktemp("lupdate") / "now.ts"
    subprocess.run(
        [
            str(TOOLS / "pyside6-lupdate"),
            "-locations",
            "none",
            *(str(path) for folder in SOURCES for path in sorted(folder.rglob("*.py"))),
            "-ts",
            str(ts),
        ],
        check=True,
        capture_output=True,
    )
    return messages(ts)


@pytest.fixture
def chinese(qapp):
    """The committed zh_CN translation installed, as a Chinese system would get it."""
    translation = install_translators(qapp, QLocale("zh_CN"))
    try:
        yield translation
    finally:
        translation.uninstall(qapp)


def test_lupdate_finds_the_strings_of_every_ui_module(ui_strings):
    contexts = {context for context, _ in ui_strings}
    assert len(ui_strings) > 600
    for context in (
        "MainWindow",
        "TabFrame",
        "SocketForm",
        "HttpTab",
        "LookupTab",
        "ErrorBanner",
        "AboutDialog",
        "PayloadEditor",
        "TranscriptView",
        "TranscriptModel",
        "ListenerForm",
        "ListenerPanel",
        "PeersModel",
        "ServerTab",
        "ClientTab",
        "SessionPanel",
        "SessionForm",
        "LoadPanel",
        "LoadResults",
        "EventRecords",
        "CloseReason",
        # The net and core layers' messages (netbench.core.text.QT_TRANSLATE_NOOP).
        "NetErrors",
        "ClientInfo",
        "LoadTest",
        "Framing",
        "Escapes",
        "Snippets",
    ):
        assert context in contexts, context
    sources = {source for _, source in ui_strings}
    assert "Open a Client session to this port" in sources
    assert "Half-clos&e (FIN)" in sources
    assert "Upper-case echo" in sources
    assert "One reply per read" in sources
    assert "connection refused by {target}: nothing is listening there" in sources


def test_every_ui_string_has_a_finished_chinese_translation(ui_strings):
    committed = messages(TS)
    missing = [
        f"{context}: {source!r}"
        for (context, source) in ui_strings
        if (translation := committed.get((context, source))) is None
        or translation.get("type") in ("unfinished", "vanished", "obsolete")
        or not (translation.text or "").strip()
    ]
    assert missing == [], "untranslated (run scripts/update-translations, then translate):\n" + (
        "\n".join(missing)
    )


def test_translations_keep_placeholders_tags_and_accelerators():
    wrong = []
    for (context, source), element in messages(TS).items():
        text = element.text or ""
        for pattern in (PLACEHOLDER, HTML_TAG):
            if Counter(pattern.findall(source)) != Counter(pattern.findall(text)):
                wrong.append(f"{context}: {source!r} -> {text!r}")
        if len(ACCELERATOR.findall(source)) != len(ACCELERATOR.findall(text)):
            wrong.append(f"{context}: accelerator {source!r} -> {text!r}")
    assert wrong == []


def test_the_words_are_chinese_where_the_source_has_words():
    """Technical names (TCP, CRC-32, {size} B) may stay as they are; sentences may not."""
    untranslated = [
        f"{context}: {source!r}"
        for (context, source), element in messages(TS).items()
        if len(re.findall(r"[a-z]{3,}", PLACEHOLDER.sub("", source))) >= 3
        and not CJK.search(element.text or "")
    ]
    assert untranslated == []


def test_the_committed_qm_is_what_lrelease_makes_of_the_ts(tmp_path):
    fresh = tmp_path / "fresh.qm"
    subprocess.run(
        [str(TOOLS / "pyside6-lrelease"), str(TS), "-qm", str(fresh)],
        check=True,
        capture_output=True,
    )
    assert QM.read_bytes() == fresh.read_bytes(), "stale .qm: run scripts/update-translations"


def test_the_window_speaks_chinese_and_english_again_after(qapp, qtbot, qloop):
    translation = install_translators(qapp, QLocale("zh_CN"))
    try:
        assert translation.language == "简体中文"
        window = MainWindow(language=translation.language)
        qtbot.addWidget(window)
        window.show()
        titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        assert titles == ["服务器", "客户端", "HTTP", "查询", "教程"]
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus == ["文件(&F)", "设置(&T)", "示例(&X)", "帮助(&H)"]
        assert window.findChild(object, "server.start").text() == "启动(&S)"
        assert window.findChild(object, "server.disconnect").text() == "断开(&D)"
        assert window.findChild(object, "client.connect").text() == "连接(&C)"
        assert window.findChild(object, "client.half_close").text() == "半关闭（FIN）(&E)"
        assert window.findChild(object, "client.abort").text() == "复位（RST）(&A)"
        assert window.error_banner.dismiss.text() == "收起"
        assert window.statusBar().currentMessage() == "就绪"
        window.close()
    finally:
        translation.uninstall(qapp)
    assert translation.language == "English"
    english = MainWindow()
    qtbot.addWidget(english)
    assert english.tabs.tabText(0) == "Server"
    assert english.findChild(object, "client.half_close").text() == "Half-clos&e (FIN)"
    english.close()


def test_chinese_is_no_wider_than_english(qapp, qtbot, qloop):
    """Translated labels must not push the window wider than the English one needs."""

    def minimum_width() -> int:
        window = MainWindow()
        qtbot.addWidget(window)
        window.show()
        widths = []
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            widths.append(window.minimumSizeHint().width())
        window.close()
        return max(widths)

    english = minimum_width()
    translation = install_translators(qapp, QLocale("zh_CN"))
    try:
        chinese = minimum_width()
    finally:
        translation.uninstall(qapp)
    assert chinese <= english + 20, (chinese, english)


def test_texts_made_outside_widgets_are_translated_too(chinese):
    """Model headers, transcript notes, close reasons and About rows reach the translator."""
    model = PeersModel()
    headers = [
        model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())
    ]
    assert headers == ["对端", "连接时间", "接收", "发送", "状态"]
    model.apply(
        [
            Connected(source="l", peer="127.0.0.1:5000"),
            PeerClosed(source="l", peer="127.0.0.1:5000", reason=CloseReason.RESET),
        ]
    )
    assert model.data(model.index(0, 4)) == "被对端复位"
    records, _ = records_from_events(
        [
            Listening(source="l", address="127.0.0.1:7"),
            Connected(source="l", peer="p", local="127.0.0.1:7"),
            PeerFinished(source="l", peer="p"),
            PeerClosed(source="l", peer="p", reason=CloseReason.CLOSED_BY_US),
        ]
    )
    assert [r.note for r in records] == [
        "正在监听 127.0.0.1:7",
        "已连接（本地地址 127.0.0.1:7）",
        "对端已结束发送 (FIN)；本端仍可回复",
        "由本端关闭",
    ]
    labels = close_reason_labels()
    assert set(labels) == set(CloseReason)
    assert all(CJK.search(text) for text in labels.values())
    rows = dict(version_rows("简体中文", "ui-loop", "/tmp/netbench.log"))
    assert rows["界面语言"] == "简体中文"


def test_lang_option_names_a_locale():
    assert parse_args([]).lang is None
    assert parse_args(["--lang", "zh_CN"]).lang.name() == "zh_CN"
    assert parse_args(["--lang", "zh-CN"]).lang.name() == "zh_CN"
    assert parse_args(["--lang", "en"]).lang.language() == QLocale.Language.English


def test_lang_option_refuses_an_unknown_language(capsys):
    with pytest.raises(SystemExit) as exit_info:
        parse_args(["--lang", "klingon"])
    assert exit_info.value.code == 2
    assert "--lang" in capsys.readouterr().err


def test_english_locale_installs_nothing(qapp, tmp_path):
    translation = install_translators(qapp, parse_args(["--lang", "en"]).lang)
    assert translation.language == "English"
    assert translation.translators == []
    translation = install_translators(qapp, QLocale("fr_FR"), tmp_path)
    assert translation.language == "English"
    assert translation.translators == []


FIRST_TAB = textwrap.dedent(
    """
    import sys
    from netbench import app

    async def show_first_tab(window, engine):
        print(window.tabs.tabText(0))
        window.close()

    sys.exit(app.main(sys.argv[1:], on_ready=show_first_tab))
    """
)


@pytest.mark.parametrize(
    ("system", "argv", "expected"),
    [
        ("zh_CN.UTF-8", [], "服务器"),
        ("zh_CN.UTF-8", ["--lang", "en"], "Server"),
        ("C.UTF-8", ["--lang", "zh_CN"], "服务器"),
    ],
)
def test_the_app_follows_the_system_language_unless_told_otherwise(system, argv, expected):
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        LANG=system,
        LC_ALL=system,
        PYTHONIOENCODING="utf-8",
    )
    env.pop("LANGUAGE", None)
    result = subprocess.run(
        [sys.executable, "-c", FIRST_TAB, *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected
