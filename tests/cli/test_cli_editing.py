"""`python -m paths import|export|history|template` as a user runs them: real processes, a real SQLite store."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from paths.formats.files import dump_yaml, load_path_file
from paths.formats.spreadsheet import path_from_spreadsheet, to_csv
from paths.store.library import Store
from tests.support.factories import branching_path

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "POLKU_DATABASE_URL": f"sqlite:///{tmp_path / 'polku.db'}",
    }


def run(env: dict[str, str], *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "paths", *args], env=env, cwd=cwd or ROOT, capture_output=True, text=True, timeout=120
    )


def test_import_spreadsheet_then_history_export_and_reimport(env: dict[str, str], tmp_path: Path) -> None:
    sheet = tmp_path / "testipolku.csv"
    sheet.write_bytes(to_csv(branching_path(), "fi"))
    first = run(env, "import", str(sheet), "--author", "Fasilitaattori Testi", "--title", "Testipolku")
    assert first.returncode == 0, first.stderr
    assert "testipolku" in first.stdout and "1" in first.stdout

    again = run(env, "import", str(sheet))
    assert again.returncode == 0
    assert "nothing was saved" in run(env, "--lang", "en", "import", str(sheet)).stdout

    text = sheet.read_bytes().decode("utf-8-sig").replace("Tarve tunnistetaan", "Tarve huomataan")
    sheet.write_bytes(text.encode("utf-8"))
    second = run(env, "--lang", "en", "import", str(sheet), "--author", "Toinen")
    assert second.returncode == 0, second.stderr
    assert "version 2: 1 step changed" in second.stdout

    history = run(env, "--lang", "en", "history", "testipolku")
    assert history.returncode == 0
    lines = history.stdout.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("2\t") and "\tToinen\t1 step changed" in lines[0]
    assert lines[1].startswith("1\t") and "Fasilitaattori Testi" in lines[1]

    out = tmp_path / "out.xlsx"
    exported = run(env, "export", "testipolku", "--format", "xlsx", "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    stored = Store(env["POLKU_DATABASE_URL"]).get_path("testipolku")
    assert stored.step("tarve").title.fi == "Tarve huomataan"
    assert path_from_spreadsheet(out.read_bytes(), "out.xlsx", base=stored) == stored

    old = tmp_path / "v1.yaml"
    assert run(env, "export", "testipolku", "--format", "yaml", "--version", "1", "-o", str(old)).returncode == 0
    assert load_path_file(old).step("tarve").title.fi == "Tarve tunnistetaan"


@pytest.mark.parametrize("fmt", ["yaml", "json", "csv"])
def test_export_to_stdout(env: dict[str, str], fmt: str) -> None:
    result = run(env, "export", "ari", "--format", fmt)
    assert result.returncode == 0, result.stderr
    assert "ari" in result.stdout or fmt == "csv"
    if fmt == "csv":
        assert result.stdout.lstrip("\ufeff").startswith("vaihe;askel;kuvaus")


def test_import_yaml_creates_then_adds_a_version(env: dict[str, str], tmp_path: Path) -> None:
    file = tmp_path / "polku.yaml"
    file.write_text(dump_yaml(branching_path()), encoding="utf-8")
    assert run(env, "import", str(file), "--author", "A").returncode == 0
    changed = branching_path(status="published")
    file.write_text(dump_yaml(changed), encoding="utf-8")
    result = run(env, "--lang", "en", "import", str(file), "--author", "B")
    assert result.returncode == 0
    assert "version 2: path details changed" in result.stdout
    assert Store(env["POLKU_DATABASE_URL"]).latest_version("testipolku") == 2


def test_cp1252_csv_imports_with_its_letters(env: dict[str, str], tmp_path: Path) -> None:
    sheet = tmp_path / "excel.csv"
    sheet.write_bytes("vaihe;askel;seuraava\r\nTarpeen tunnistaminen;Yhteydenotto;Päätös\r\nLoppu;Päätös;\r\n"
                      .encode("cp1252"))
    result = run(env, "import", str(sheet), "--id", "excel-polku")
    assert result.returncode == 0, result.stderr
    path = Store(env["POLKU_DATABASE_URL"]).get_path("excel-polku")
    assert [s.title.fi for s in path.steps] == ["Yhteydenotto", "Päätös"]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("vaihe;kuvaus\r\nV;x\r\n", "askel"),
        ("vaihe;askel;seuraava\r\nV;A;Olematon\r\n", "Olematon"),
        ("vaihe;askel;kuvaus;seuraava\r\nV;A;=1+1;\r\n", "kuvaus"),
        ("vaihe;askel;seuraava\r\n" + "".join(f"V;A{i};\r\n" for i in range(10_000)), "2000"),
    ],
)
def test_bad_sheet_is_one_line_exit_2_and_nothing_stored(
    env: dict[str, str], tmp_path: Path, content: str, words: str
) -> None:
    store = Store(env["POLKU_DATABASE_URL"])
    store.ensure_seeded()
    before = store.latest_version("ari")
    sheet = tmp_path / "ari.csv"
    sheet.write_text(content, encoding="utf-8")
    result = run(env, "import", str(sheet))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and "Traceback" not in result.stderr
    assert store.latest_version("ari") == before
    assert [p.id for p in store.list_paths()] == ["ari", "maija", "pohjanmaa"]


def test_unknown_path_and_bad_id(env: dict[str, str], tmp_path: Path) -> None:
    result = run(env, "history", "olematon")
    assert result.returncode == 2 and "olematon" in result.stderr
    result = run(env, "export", "olematon", "--format", "yaml")
    assert result.returncode == 2 and "olematon" in result.stderr
    sheet = tmp_path / "Ei kelpaa.csv"
    sheet.write_text("vaihe;askel;seuraava\r\nV;A;\r\n", encoding="utf-8")
    result = run(env, "import", str(sheet), "--id", "Ei Kelpaa")
    assert result.returncode == 2 and "Ei Kelpaa" in result.stderr


def test_template_command_writes_an_importable_sheet(env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "pohja.xlsx"
    result = run(env, "--lang", "sv", "template", "--format", "xlsx", "-o", str(out))
    assert result.returncode == 0, result.stderr
    path = path_from_spreadsheet(out.read_bytes(), "pohja.xlsx")
    assert path.source_language == "sv" and len(path.steps) == 4


# -- formats: BPMN, ODS, Mermaid, --map, publish (issue 13) ----------------------------------------

BPMN_FIXTURES = ROOT / "tests" / "formats" / "fixtures" / "bpmn"


def test_import_bpmn_prints_the_report_and_stores_a_draft(env: dict[str, str]) -> None:
    result = run(env, "--lang", "en", "import", str(BPMN_FIXTURES / "camunda_referral.bpmn"), "--id", "lahete")
    assert result.returncode == 0, result.stderr
    assert "What was not imported from the BPMN file (3)" in result.stdout
    assert "Asiakassuunnitelma" in result.stdout and "lahete, version 1" in result.stdout
    exported = run(env, "export", "lahete", "--format", "yaml")
    assert "Verkostokokous" in exported.stdout and "fi: Hyvinvointialue" in exported.stdout


def test_import_bpmn_with_nothing_unmapped_says_so(env: dict[str, str]) -> None:
    result = run(env, "--lang", "en", "import", str(BPMN_FIXTURES / "no_di.bpmn"))
    assert result.returncode == 0, result.stderr
    assert "Every element of the BPMN file was imported." in result.stdout


@pytest.mark.parametrize(("content", "words"), [
    (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "x"><!ENTITY b "&a;&a;">]><d>&b;</d>', "declares XML entities"),
    (b"<html><body>not bpmn</body></html>", "not a BPMN 2.0 diagram"),
    (b"<broken", "not well-formed XML"),
])
def test_bad_bpmn_is_one_sentence_and_nothing_is_stored(env: dict[str, str], tmp_path: Path, content: bytes,
                                                         words: str) -> None:
    file = tmp_path / "paha.bpmn"
    file.write_bytes(content)
    result = run(env, "--lang", "en", "import", str(file))
    assert result.returncode == 2
    assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert run(env, "history", "paha").returncode != 0


def test_export_bpmn_reimports_as_the_same_path(env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "ari.bpmn"
    assert run(env, "export", "ari", "--format", "bpmn", "-o", str(out)).returncode == 0
    result = run(env, "import", str(out), "--id", "ari-bpmn")
    assert result.returncode == 0, result.stderr
    original = load_path_file(ROOT / "data" / "ari.yaml")
    again = run(env, "export", "ari-bpmn", "--format", "json")
    for step in original.steps:
        assert f'"id": "{step.id}"' in again.stdout


@pytest.mark.parametrize(("fmt", "start"), [("mermaid-flowchart", "flowchart LR"), ("mermaid-journey", "journey")])
def test_export_mermaid(env: dict[str, str], fmt: str, start: str) -> None:
    result = run(env, "export", "maija", "--format", fmt)
    assert result.returncode == 0 and result.stdout.startswith(start)
    assert "accTitle: " in result.stdout


def test_ods_export_and_import(env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "polku.ods"
    assert run(env, "export", "pohjanmaa", "--format", "ods", "-o", str(out)).returncode == 0
    assert out.read_bytes()[:2] == b"PK"
    result = run(env, "--lang", "en", "import", str(out), "--id", "pohjanmaa-ods")
    assert result.returncode == 0, result.stderr
    assert run(env, "template", "--format", "ods", "-o", str(tmp_path / "t.ods")).returncode == 0


def test_map_option_maps_an_unknown_header(env: dict[str, str], tmp_path: Path) -> None:
    sheet = tmp_path / "oma.csv"
    sheet.write_text("Vaihe;Askel;Seuraava;Huomioita\nA;Yksi;Kaksi;tärkeä\nA;Kaksi;;\n", encoding="utf-8")
    refused = run(env, "--lang", "en", "import", str(sheet))
    assert refused.returncode == 2 and '--map "Huomioita=column"' in refused.stderr
    bad = run(env, "--lang", "en", "import", str(sheet), "--map", "Huomioita=nonsense")
    assert bad.returncode == 2 and "not valid" in bad.stderr
    ok = run(env, "import", str(sheet), "--map", "Huomioita=kuvaus")
    assert ok.returncode == 0, ok.stderr
    assert "tärkeä" in run(env, "export", "oma", "--format", "yaml").stdout


def test_publish_writes_one_self_contained_page(env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "sivu"
    result = run(env, "publish", "ari", "--view", "client", "--lang", "sv", "-o", str(out))
    assert result.returncode == 0, result.stderr
    page = (out / "ari-client-sv.html").read_text(encoding="utf-8")
    assert '<html lang="sv">' in page and "<svg" in page and "<script" not in page
    unknown = run(env, "--lang", "en", "publish", "nope", "-o", str(out))
    assert unknown.returncode == 2
