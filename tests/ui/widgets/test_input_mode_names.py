"""The editor's mode choice and the saved messages' summaries name the modes alike, in
either language."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale

from netbench.core.payload import InputMode
from netbench.core.saved_message_fields import make_snippet
from netbench.ui.runtime.i18n import install_translators
from netbench.ui.sending.payload_editor import PayloadEditor
from netbench.ui.sending.saved_store import SnippetStore


@pytest.fixture(params=["en", "zh_CN"])
def language(request: Any, qapp: Any) -> Iterator[str]:
    translation = install_translators(qapp, QLocale(request.param))
    yield request.param
    translation.uninstall(qapp)


def test_a_saved_message_is_summed_up_in_the_words_of_the_editors_mode_choice(
    qtbot: Any, tmp_path: Path, language: str
) -> None:
    editor = PayloadEditor("client")
    qtbot.addWidget(editor)
    store = SnippetStore(tmp_path / "snippets.json")
    offered = [editor.mode_combo.itemText(i) for i in range(editor.mode_combo.count())]
    summed_up = [
        store.summary(make_snippet("hello", "48 69", mode=mode, now=datetime.now())).split(" · ")[0]
        for mode in InputMode
    ]
    assert offered == summed_up
    assert ("十六进制" in offered) == (language == "zh_CN")
