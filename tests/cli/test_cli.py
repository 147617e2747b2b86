"""`python -m paths` as a real subprocess: exit codes, one-line errors, rendering, the store listing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from paths.formats.files import PathFileError, builtin_paths, load_path_file
from paths.model.schema import Transition, json_schema
from tests.support.factories import branching_path

ROOT = Path(__file__).resolve().parents[2]
ARI = ROOT / "data" / "ari.yaml"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """The environment of one CLI run: its own SQLite store in a temporary directory."""
    return {
        **os.environ,
        "POLKU_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "POLKU_PERSONAL_DATABASE_URL": f"sqlite:///{tmp_path / 'cli-personal.db'}",
        "POLKU_DEBUG": "",
    }


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "paths", *args], cwd=ROOT, env=env, capture_output=True, timeout=120, check=False
    )


def one_line(output: bytes) -> str:
    """The output must be exactly one line, with no traceback."""
    text = output.decode("utf-8")
    assert "Traceback" not in text
    lines = text.splitlines()
    assert len(lines) == 1, text
    return lines[0]


def expected_file_error(file: Path, lang: str) -> str:
    try:
        load_path_file(file)
    except PathFileError as exc:
        return exc.message(lang)
    raise AssertionError(f"{file} loaded without an error")


# -- validate ----------------------------------------------------------------------------


def test_validate_accepts_the_builtin_paths(env: dict[str, str]) -> None:
    files = sorted((ROOT / "data").glob("*.yaml"))
    result = run(env, "validate", *map(str, files))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.decode().splitlines()
    assert len(lines) == len(files)
    assert all(line.startswith(f"{file}: ") and "kunnossa" in line for line, file in zip(lines, files, strict=True))
    assert result.stderr == b""


def test_validate_lists_problems_one_line_each_and_exits_1(env: dict[str, str], tmp_path: Path) -> None:
    path = branching_path()
    broken = path.model_copy(update={"transitions": [*path.transitions, Transition(source="loppu", target="ei-ole")]})
    file = tmp_path / "rikki.json"
    file.write_text(broken.model_dump_json(), encoding="utf-8")
    result = run(env, "--lang", "en", "validate", str(file))
    assert result.returncode == 1
    lines = result.stdout.decode().splitlines()
    assert lines and all(line.startswith(f"{file}: ") for line in lines)
    assert any("ei-ole" in line for line in lines)
    assert result.stderr == b""


def test_validate_reports_every_file_and_exits_with_the_worst_code(env: dict[str, str], tmp_path: Path) -> None:
    broken = tmp_path / "rikki.yaml"
    broken.write_text("id: [auki\n", encoding="utf-8")
    result = run(env, "validate", str(ARI), str(broken))
    assert result.returncode == 2
    assert result.stdout.decode().startswith(f"{ARI}: ")
    assert one_line(result.stderr) == f"{broken}: {expected_file_error(broken, 'fi')}"


ALIAS_BOMB = "\n".join(
    ["a: &a [x, x, x, x, x, x, x, x, x]"]
    + [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]" for i in range(8)]
)
BAD_FILES: dict[str, bytes] = {
    "malformed.yaml": b"id: ari\ntitle: [unclosed\n  - x: y\n",
    "unknown_key.yaml": b"id: testi\ntitle: Testi\ncolour: punainen\n",
    "alias_bomb.yaml": ALIAS_BOMB.encode(),
    "too_large.yaml": b"# " + b"x" * (2 * 1024 * 1024) + b"\nid: testi\n",
    "not_utf8.yaml": "id: testi\ntitle: Hyvinvointialue ä\n".encode("latin-1") + b"\xff\xfe",
    "empty.yaml": b"",
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_unusable_files_give_one_clear_line_and_exit_2(env: dict[str, str], tmp_path: Path, name: str) -> None:
    file = tmp_path / name
    file.write_bytes(BAD_FILES[name])
    result = run(env, "validate", str(file))
    assert result.returncode == 2
    assert result.stdout == b""
    assert one_line(result.stderr) == f"{file}: {expected_file_error(file, 'fi')}"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_unusable_files_are_reported_in_the_chosen_language(env: dict[str, str], tmp_path: Path, lang: str) -> None:
    files = []
    for name, data in sorted(BAD_FILES.items()):
        files.append(tmp_path / name)
        files[-1].write_bytes(data)
    result = run(env, "--lang", lang, "validate", *map(str, files))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr.decode()
    assert result.stderr.decode().splitlines() == [f"{file}: {expected_file_error(file, lang)}" for file in files]


def test_each_bad_file_gets_its_own_message(tmp_path: Path) -> None:
    messages = set()
    for name, data in BAD_FILES.items():
        (tmp_path / name).write_bytes(data)
        messages.add(expected_file_error(tmp_path / name, "en").replace(name, "FILE"))
    assert len(messages) == len(BAD_FILES)


def test_a_missing_file_is_one_line_and_exit_2(env: dict[str, str], tmp_path: Path) -> None:
    missing = tmp_path / "ei-ole.yaml"
    result = run(env, "--lang", "sv", "validate", str(missing))
    assert result.returncode == 2
    assert one_line(result.stderr) == f"{missing}: {expected_file_error(missing, 'sv')}"


# -- render ------------------------------------------------------------------------------

MAGIC = {"svg": b"<svg", "png": b"\x89PNG\r\n\x1a\n", "pdf": b"%PDF", "dot": b"digraph"}


@pytest.mark.parametrize("fmt", ["svg", "png", "pdf", "dot"])
def test_render_writes_each_diagram_format(env: dict[str, str], tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"ari.{fmt}"
    result = run(env, "render", str(ARI), "--format", fmt, "-o", str(out))
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert MAGIC[fmt] in data[:400]
    assert str(out) in one_line(result.stdout)
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_render_text_in_the_chosen_language_and_audience(env: dict[str, str], tmp_path: Path) -> None:
    ari = load_path_file(ARI)
    professional, client = tmp_path / "pro.txt", tmp_path / "client.txt"
    assert run(env, "render", str(ARI), "--format", "txt", "--lang", "sv", "-o", str(professional)).returncode == 0
    assert run(env, "render", str(ARI), "-f", "txt", "-a", "client", "--lang", "sv", "-o", str(client)).returncode == 0
    pro_text = professional.read_text(encoding="utf-8")
    assert ari.title.get("sv") in pro_text
    assert client.read_text(encoding="utf-8") != pro_text


def test_render_to_standard_output(env: dict[str, str]) -> None:
    result = run(env, "render", str(ARI), "--format", "svg")
    assert result.returncode == 0
    assert b"<svg" in result.stdout[:400]


def test_render_from_the_store_by_id(env: dict[str, str]) -> None:
    result = run(env, "render", "--id", "ari", "--format", "dot")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"digraph")
    missing = run(env, "--lang", "en", "render", "--id", "ei-ole", "--format", "dot")
    assert missing.returncode == 2
    assert "ei-ole" in one_line(missing.stderr)


def test_render_errors_are_one_line(env: dict[str, str], tmp_path: Path) -> None:
    unwritable = run(env, "render", str(ARI), "--format", "svg", "-o", str(tmp_path / "ei" / "ole" / "x.svg"))
    assert unwritable.returncode == 2
    assert "x.svg" in one_line(unwritable.stderr)

    empty = tmp_path / "tyhja.yaml"
    empty.write_bytes(b"")
    unreadable = run(env, "render", str(empty), "--format", "svg", "-o", str(tmp_path / "x.svg"))
    assert unreadable.returncode == 2
    assert one_line(unreadable.stderr) == expected_file_error(empty, "fi")
    assert not (tmp_path / "x.svg").exists()

    no_dot_env = {**env, "POLKU_DOT": str(tmp_path / "no-dot")}
    no_dot = run(no_dot_env, "render", str(ARI), "-f", "png", "-o", str(tmp_path / "x.png"))
    assert no_dot.returncode == 2
    one_line(no_dot.stderr)
    assert not (tmp_path / "x.png").exists()


# -- list, schema, usage -----------------------------------------------------------------


def test_list_seeds_the_store_and_prints_one_path_a_line(env: dict[str, str]) -> None:
    builtin = builtin_paths()
    result = run(env, "--lang", "en", "list")
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.decode().splitlines()]
    assert rows == [
        [p.id, p.title.get("en"), str(len(p.steps)), str(len(p.coordinator_steps))] for p in builtin
    ]
    assert run(env, "--lang", "en", "list").stdout == result.stdout


def test_schema_prints_the_json_schema(env: dict[str, str]) -> None:
    result = run(env, "schema")
    assert result.returncode == 0
    assert json.loads(result.stdout) == json_schema()


def test_usage_errors_are_one_line_and_exit_2(env: dict[str, str]) -> None:
    unknown = run(env, "lennä")
    assert unknown.returncode == 2
    assert "lennä" in one_line(unknown.stderr)
    no_format = run(env, "--lang", "en", "render", str(ARI))
    assert no_format.returncode == 2
    assert "--format" in one_line(no_format.stderr)


def test_help_is_in_the_chosen_language(env: dict[str, str]) -> None:
    swedish = run(env, "--lang", "sv", "--help")
    assert swedish.returncode == 0
    assert "servicestig" in swedish.stdout.decode()
    finnish = run(env, "--help")
    assert "polku" in finnish.stdout.decode().lower()


def test_an_unreachable_store_is_one_line_without_the_url(env: dict[str, str]) -> None:
    url = "postgresql+psycopg://salainen:sana@127.0.0.1:1/ei_ole"
    result = run({**env, "POLKU_DATABASE_URL": url}, "--lang", "en", "list")
    assert result.returncode == 2
    line = one_line(result.stderr)
    assert "POLKU_DATABASE_URL" in line
    assert "sana" not in line and "salainen" not in line
