"""Issue 15, item 8: the id rules written once, and whole-text matches (no id with a final newline)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from paths.model import ids
from paths.model.schema import ServicePath, Stage

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("bad", ["evil\n", "evil\r\n", "a b", "", "-a", "A", "ä", "a" * 65])
def test_path_ids_match_the_whole_text(bad: str) -> None:
    assert not ids.is_path_id(bad)


@pytest.mark.parametrize("bad", ["evil\n", "x\n\n", "a b", "", ".a", "a" * 81])
def test_item_ids_match_the_whole_text(bad: str) -> None:
    assert not ids.is_item_id(bad)


def test_good_ids_pass() -> None:
    assert ids.is_path_id("pohjanmaa-2") and ids.is_item_id("Step_1.a-b")


def test_the_schema_uses_the_same_patterns() -> None:
    schema = ServicePath.model_json_schema()
    assert schema["properties"]["id"]["pattern"] == ids.PATH_ID_PATTERN
    assert Stage.model_json_schema()["properties"]["id"]["pattern"] == ids.ITEM_ID_PATTERN
    with pytest.raises(ValidationError):
        Stage(id="a\nb", title="x")


def test_the_id_patterns_are_written_once() -> None:
    """No other module spells an id pattern (the house rule: every rule written once)."""
    spelled = re.compile(r"A-Za-z0-9\]\[A-Za-z0-9_\.-\]|a-z0-9\]\[a-z0-9-\]")
    found = [
        str(file.relative_to(ROOT))
        for folder in ("paths", "components")
        for file in (ROOT / folder).rglob("*.py")
        if spelled.search(file.read_text(encoding="utf-8"))
    ]
    assert found == ["paths/model/ids.py"]
