"""No module reaches into another's private attributes (``obj._name``), tests and benchmarks
included: what one module needs of another is public, with a docstring that says so.

An attribute counts as private to the module that defines it (assigns it, or defines a
function or class of that name). ``self._x`` and ``cls._x`` are always a module's own.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TREES = ("netbench", "tests", "benchmarks")
# The standard library's and libraries' own, used on purpose, each with its reason.
ALLOWED = {
    "os._exit": "leaves a forked or failed process at once; documented, not private",
    "asyncio.events._set_running_loop": "the only way to detach a qasync loop in tests",
    "dns._features": "dnspython's documented switch (force) for its optional features",
    "handle._run": "how asyncio's loops (and qasync) run a ready Handle; there is no other",
}


def _defined_names(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
    return names


def _is_own(value: ast.expr) -> bool:
    if isinstance(value, ast.Name) and value.id in ("self", "cls"):
        return True
    return (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Name)
        and value.func.id == "super"
    )


def reach_ins(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    defined = _defined_names(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        name = node.attr
        if not name.startswith("_") or name.startswith("__") or name in defined:
            continue
        if _is_own(node.value) or ast.unparse(node) in ALLOWED:
            continue
        found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)}")
    return found


@pytest.mark.parametrize("tree", TREES)
def test_no_module_uses_another_modules_private_attributes(tree):
    found = [hit for path in sorted((ROOT / tree).rglob("*.py")) for hit in reach_ins(path)]
    assert found == []


def test_the_check_finds_a_reach_in(tmp_path):
    sample = ROOT / "tests" / "_sample_reach_in.py"
    sample.write_text("def peek(bridge):\n    return bridge._timer\n", encoding="utf-8")
    try:
        assert reach_ins(sample) == ["tests/_sample_reach_in.py:2: bridge._timer"]
    finally:
        sample.unlink()
