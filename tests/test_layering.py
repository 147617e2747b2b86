"""The house rules that keep the layers apart, checked on the source itself."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _imports(file: Path) -> set[str]:
    tree = ast.parse(file.read_text(encoding="utf-8"), filename=str(file))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _importers(folder: str, package: str) -> list[str]:
    """The files under `folder` that import `package` or anything in it."""
    return [
        str(file.relative_to(ROOT))
        for file in sorted((ROOT / folder).rglob("*.py"))
        if any(name == package or name.startswith(package + ".") for name in _imports(file))
    ]


def test_the_domain_never_imports_streamlit() -> None:
    assert _importers("paths", "streamlit") == []


def test_the_check_sees_an_import_inside_a_function(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    import streamlit.components.v2 as c\n    return c\n", encoding="utf-8")
    assert "streamlit.components.v2" in _imports(sample)


def test_pages_call_the_domain_not_the_database() -> None:
    assert _importers("components", "sqlalchemy") == []
