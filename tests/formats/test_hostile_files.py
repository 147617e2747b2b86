"""Issue 15, items 5, 8 and 9: hostile YAML and JSON files get one sentence each, never a crash."""

from __future__ import annotations

import json

import pytest

from paths.formats.files import MAX_DEPTH, MAX_NUMBER_DIGITS, PathFileError, dump_json, dump_yaml, load_path_bytes
from tests.support.factories import branching_path


def refusal(data: bytes, name: str) -> PathFileError:
    with pytest.raises(PathFileError) as info:
        load_path_bytes(data, name)
    return info.value


@pytest.mark.parametrize("name", ["deep.yaml", "deep.json"])
@pytest.mark.parametrize("opening", ["[", "{\"a\": "])
def test_deep_nesting_is_one_sentence(name: str, opening: str) -> None:
    closing = "]" if opening == "[" else "}"
    for depth in (400, 100_000):
        error = refusal((opening * depth + closing * depth).encode(), name)
        assert error.key == "too_deep" and str(MAX_DEPTH) in error.message("en")


def test_deep_block_yaml_is_one_sentence() -> None:
    nested = "".join("  " * level + "a:\n" for level in range(400))
    assert refusal(nested.encode(), "deep.yaml").key == "too_deep"


def test_brackets_inside_json_strings_do_not_count_as_nesting() -> None:
    path = branching_path()
    data = path.model_dump(mode="json") | {"summary": {"fi": "[[[[" * 40 + '\\"{{' * 40}}
    loaded = load_path_bytes(json.dumps(data).encode(), "p.json")
    assert loaded.summary.fi.startswith("[[[[")


def test_a_path_file_fits_the_depth_limit() -> None:
    path = branching_path()
    assert load_path_bytes(dump_yaml(path).encode(), "p.yaml") == path
    assert load_path_bytes(dump_json(path).encode(), "p.json") == path


@pytest.mark.parametrize(("name", "template"), [("n.yaml", "schema_version: {}\nid: a\ntitle: x\n"),
                                                 ("n.json", '{{"schema_version": {}, "id": "a", "title": "x"}}')])
def test_huge_integers_are_one_sentence(name: str, template: str) -> None:
    for digits in (MAX_NUMBER_DIGITS + 1, 4301, 100_000):
        error = refusal(template.format("1" * digits).encode(), name)
        assert error.key == "huge_number", digits
        assert str(MAX_NUMBER_DIGITS) in error.message("fi")


@pytest.mark.parametrize(
    ("name", "data", "key"),
    [
        ("d.yaml", "id: a\ntitle: x\nid: b\n", "duplicate_key"),
        ("d.yaml", "id: a\ntitle: {fi: x, fi: y}\n", "duplicate_key"),
        ("d.json", '{"id": "a", "title": "x", "id": "b"}', "duplicate_json_key"),
        ("d.json", '{"id": "a", "title": {"fi": "x", "fi": "y"}}', "duplicate_json_key"),
    ],
)
def test_duplicate_keys_are_refused_naming_the_key(name: str, data: str, key: str) -> None:
    error = refusal(data.encode(), name)
    assert error.key == key
    message = error.message("en")
    assert ("id" in message or "fi" in message) and "twice" in message


def test_duplicate_yaml_key_names_its_line() -> None:
    assert "(line 3)" in refusal(b"id: a\ntitle: x\nid: b\n", "d.yaml").message("en")


@pytest.mark.parametrize("value", ["true", "false", "'1'"])
def test_schema_version_must_be_the_number_one(value: str) -> None:
    error = refusal(f"schema_version: {value}\nid: a\ntitle: x\n".encode(), "v.yaml")
    assert error.key == "bad_value" and "schema_version" in error.message("en")


def test_impossible_dates_in_yaml_are_one_sentence() -> None:
    assert refusal(b"id: a\ntitle: x\nnotes: 2026-02-30\n", "d.yaml").key == "bad_yaml"


@pytest.mark.parametrize(("text", "key"), [("x\\u0000y", "bad_text_rule.nul"), ("x\\ud800", "bad_text_rule.surrogate")])
def test_nul_and_lone_surrogates_are_refused_naming_the_field(text: str, key: str) -> None:
    error = refusal(f'{{"id": "a", "title": {{"sv": "{text}"}}}}'.encode(), "t.json")
    assert error.key == key
    assert "at title " in error.message("en")
