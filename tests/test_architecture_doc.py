"""docs/architecture.md stays true: every module or folder it names exists."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "architecture.md"


def named_paths() -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    found = re.findall(r"(?<![\w/<])((?:netbench|tests|scripts|resources)/[\w/.<>-]*)", text)
    return sorted({path.rstrip(".,") for path in found if "<" not in path})


def test_the_architecture_doc_names_only_modules_that_exist():
    paths = named_paths()
    assert len(paths) > 20  # the doc names the modules it is about
    missing = [path for path in paths if not (ROOT / path).exists()]
    assert missing == []


def test_the_readme_links_the_architecture_doc():
    assert "docs/architecture.md" in (ROOT / "README.md").read_text(encoding="utf-8")
