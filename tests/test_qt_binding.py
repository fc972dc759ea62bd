"""qasync binds to the first Qt it finds (PyQt5 first): netbench must pin it to PySide6."""

import os
import subprocess
import sys
import textwrap

PROBE = """
import netbench.ui.runtime.qtloop as qtloop
import qasync
print(qtloop.qt_binding_of_qasync(), qasync.QtCore.__name__)
"""


def test_qasync_binds_to_pyside6_even_when_pyqt5_is_importable(tmp_path):
    fake = tmp_path / "PyQt5"
    fake.mkdir()
    (fake / "__init__.py").write_text("")
    (fake / "QtCore.py").write_text(
        textwrap.dedent(
            """
            raise RuntimeError("qasync picked the PyQt5 found first on sys.path")
            """
        )
    )
    env = dict(os.environ, PYTHONPATH=str(tmp_path), QT_API="pyqt5", QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["PySide6", "PySide6.QtCore"]
