"""Small modules with one job: no file in netbench/ over 600 lines, no function over 80.

A file or function that grows past these is doing more than one thing; split it where the
jobs part rather than raise the limits.
"""

import ast
from pathlib import Path

import netbench

PACKAGE = Path(netbench.__file__).parent
MAX_FILE_LINES = 600
MAX_FUNCTION_LINES = 80


def long_files(root: Path, limit: int) -> dict[str, int]:
    found = {}
    for path in sorted(root.rglob("*.py")):
        count = len(path.read_text(encoding="utf-8").splitlines())
        if count > limit:
            found[path.relative_to(root).as_posix()] = count
    return found


def long_functions(root: Path, limit: int) -> dict[str, int]:
    found = {}
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                count = (node.end_lineno or node.lineno) - node.lineno + 1
                if count > limit:
                    name = f"{path.relative_to(root).as_posix()}:{node.lineno} {node.name}"
                    found[name] = count
    return found


def test_no_file_is_over_600_lines():
    over = long_files(PACKAGE, MAX_FILE_LINES)
    assert over == {}


def test_no_function_is_over_80_lines():
    assert long_functions(PACKAGE, MAX_FUNCTION_LINES) == {}


def test_the_checks_see_a_long_file_and_a_long_function(tmp_path):
    body = "\n".join(f"    x{i} = {i}" for i in range(4))
    (tmp_path / "sample.py").write_text(f"async def grown():\n{body}\n\ndef small():\n    pass\n")
    assert long_functions(tmp_path, 4) == {"sample.py:1 grown": 5}
    assert long_files(tmp_path, 6) == {"sample.py": 8}
    assert long_files(tmp_path, 8) == {}
