"""The layer rules import-linter cannot say: core stays free of IO machinery, net of Qt."""

import ast
from pathlib import Path

import netbench

PACKAGE = Path(netbench.__file__).parent
CORE_BANNED = {"asyncio", "socket", "ssl", "selectors", "PySide6", "shiboken6", "qasync"}
NET_BANNED = {"PySide6", "shiboken6", "qasync"}


def imported_top_levels(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def offenders(layer: str, banned: set[str]) -> dict[str, set[str]]:
    found = {}
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        bad = imported_top_levels(path) & banned
        if bad:
            found[str(path.relative_to(PACKAGE))] = bad
    return found


def test_core_imports_no_sockets_asyncio_or_qt():
    assert offenders("core", CORE_BANNED) == {}


def test_net_imports_no_qt():
    assert offenders("net", NET_BANNED) == {}


def test_the_checker_sees_a_banned_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import socket\nfrom asyncio import sleep\nfrom . import x\n")
    assert imported_top_levels(sample) == {"socket", "asyncio"}
