"""Reading path files: every kind of bad input gets one clear sentence and no data."""

from __future__ import annotations

import json

import pytest

from paths.formats.files import MAX_FILE_BYTES, PathFileError, dump_json, dump_yaml, load_path_bytes, load_path_file
from tests.support.factories import branching_path


def error_of(data: bytes, name: str = "polku.yaml") -> PathFileError:
    with pytest.raises(PathFileError) as info:
        load_path_bytes(data, name)
    return info.value


def test_yaml_and_json_round_trip():
    path = branching_path()
    assert load_path_bytes(dump_yaml(path).encode(), "p.yaml") == path
    assert load_path_bytes(dump_json(path).encode(), "p.json") == path
    assert json.loads(dump_json(path))["schema_version"] == 1


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"id: x\ntitle: \xe4\xff\xfe", "not_utf8"),
        (b"id: x\ntitle: [unclosed", "bad_yaml"),
        (b"- just\n- a list", "not_mapping"),
        (b"id: x\ntitle: X\ncolour: red\n", "unknown_key"),
        (b"title: X\n", "missing_key"),
        (b"id: x\ntitle: X\nsteps:\n  - id: a\n    stage: s\n    title: A\n    kind: party\n", "bad_value"),
    ],
)
def test_bad_input_gets_one_sentence(data: bytes, key: str):
    error = error_of(data)
    assert error.key == key
    for lang in ("fi", "sv", "en"):
        message = error.message(lang)
        assert "\n" not in message and "Traceback" not in message
        assert message.endswith(".")


def test_alias_bomb_is_refused_before_expansion():
    bomb = b'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'
    bomb += b"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    assert error_of(bomb).key == "yaml_alias"


def test_oversized_file_and_too_many_steps(tmp_path):
    assert error_of(b"#" * (MAX_FILE_BYTES + 1)).key == "too_large"
    steps = [{"id": f"s{i}", "stage": "a", "title": "x"} for i in range(2001)]
    assert error_of(json.dumps({"id": "x", "title": "X", "steps": steps}).encode(), "p.json").key == "too_many_steps"
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    with pytest.raises(PathFileError) as info:
        load_path_file(big)
    assert info.value.key == "too_large"


def test_error_names_the_step_by_id():
    data = b"id: x\ntitle: X\nsteps:\n  - id: kela\n    stage: s\n    title: A\n    colour: red\n"
    message = error_of(data).message("en")
    assert "steps → 1 (kela) → colour" in message


def test_missing_file_is_clear(tmp_path):
    with pytest.raises(PathFileError) as info:
        load_path_file(tmp_path / "nope.yaml")
    assert info.value.key == "unreadable"


def test_hostile_text_is_kept_literally():
    path = branching_path(title='"><script>alert(1)</script> \\N')
    assert load_path_bytes(dump_yaml(path).encode(), "p.yaml").title.fi == '"><script>alert(1)</script> \\N'
