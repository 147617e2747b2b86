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


def test_the_domain_never_imports_streamlit() -> None:
    offenders = [
        str(file.relative_to(ROOT))
        for file in sorted((ROOT / "paths").rglob("*.py"))
        if any(name == "streamlit" or name.startswith("streamlit.") for name in _imports(file))
    ]
    assert offenders == []


def test_the_check_sees_an_import_inside_a_function(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    import streamlit.components.v2 as c\n    return c\n", encoding="utf-8")
    assert "streamlit.components.v2" in _imports(sample)


def test_pages_call_the_domain_not_the_database() -> None:
    offenders = [
        str(file.relative_to(ROOT))
        for file in sorted((ROOT / "components").rglob("*.py"))
        if any(name == "sqlalchemy" or name.startswith("sqlalchemy.") for name in _imports(file))
    ]
    assert offenders == []
