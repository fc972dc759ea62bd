"""Every UI string can be translated: lupdate finds them, and a loaded translation shows."""

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

import netbench
from netbench.ui.i18n import install_translators
from netbench.ui.main_window import MainWindow

UI_DIR = Path(netbench.__file__).parent / "ui"
TOOLS = Path(sys.executable).parent

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context><name>MainWindow</name>
<message><source>Server</source><translation>服务器</translation></message>
<message><source>Client</source><translation>客户端</translation></message>
</context>
<context><name>SessionPanel</name>
<message><source>Connect</source><translation>连接</translation></message>
</context>
<context><name>ListenerPanel</name>
<message><source>Start</source><translation>开始</translation></message>
</context>
<context><name>ErrorBanner</name>
<message><source>Dismiss</source><translation>关闭</translation></message>
</context>
</TS>
"""


def test_lupdate_finds_the_strings_of_every_ui_module(tmp_path):
    ts = tmp_path / "all.ts"
    subprocess.run(
        [str(TOOLS / "pyside6-lupdate"), *map(str, sorted(UI_DIR.rglob("*.py"))), "-ts", str(ts)],
        check=True,
        capture_output=True,
    )
    text = ts.read_text(encoding="utf-8")
    assert text.count("<message>") > 100
    for context in (
        "MainWindow",
        "Tabs",
        "ErrorBanner",
        "AboutDialog",
        "PayloadEditor",
        "TranscriptView",
        "ListenerForm",
        "ListenerPanel",
        "ServerTab",
        "ClientTab",
        "SessionPanel",
        "SessionForm",
    ):
        assert f"<name>{context}</name>" in text, context
    assert "Names, addresses and ports: the questions asked before connecting." in text
    assert "Half-close (FIN)" in text
    assert "Upper-case echo" in text


def test_a_chinese_translation_changes_the_window_and_the_about_language(tmp_path, qtbot, qloop):
    (tmp_path / "netbench_zh_CN.ts").write_text(TS, encoding="utf-8")
    subprocess.run(
        [
            str(TOOLS / "pyside6-lrelease"),
            str(tmp_path / "netbench_zh_CN.ts"),
            "-qm",
            str(tmp_path / "netbench_zh_CN.qm"),
        ],
        check=True,
        capture_output=True,
    )
    app = QApplication.instance()
    translation = install_translators(app, QLocale("zh_CN"), tmp_path)
    try:
        assert translation.language == "简体中文"
        window = MainWindow(language=translation.language)
        qtbot.addWidget(window)
        assert window.tabs.tabText(0) == "服务器"
        assert window.tabs.tabText(1) == "客户端"
        assert window.tabs.tabText(2) == "HTTP"  # untranslated strings fall back to English
        assert window.error_banner.dismiss.text() == "关闭"
        assert window.findChild(object, "server.start").text() == "开始"
        assert window.findChild(object, "client.connect").text() == "连接"
        window.close()
    finally:
        translation.uninstall(app)


def test_no_translation_means_english(tmp_path, qapp):
    translation = install_translators(qapp, QLocale("fr_FR"), tmp_path)
    assert translation.language == "English"
    assert translation.translators == []
