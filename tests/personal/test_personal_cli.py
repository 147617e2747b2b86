"""`python -m paths personal ...` and `python -m paths worksheet ...` on real SQLite stores."""

from __future__ import annotations

import io
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from paths.cli.main import main
from paths.formats.files import dump_yaml
from paths.personal.store import get_personal_store
from tests.support.factories import branching_path

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    urls = {
        "POLKU_DATABASE_URL": f"sqlite:///{tmp_path / 'polku.db'}",
        "POLKU_PERSONAL_DATABASE_URL": f"sqlite:///{tmp_path / 'personal.db'}",
    }
    for name, value in urls.items():
        monkeypatch.setenv(name, value)
    return urls


def create(capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    code = main(["personal", "create", "--path", "pohjanmaa", "--name", "Ari", "--owner", "Olli", *extra])
    out, err = capsys.readouterr()
    return code, out, err


def made(out: str) -> tuple[str, str]:
    personal_id = re.search(r"\b([0-9a-f]{32})\b", out).group(1)
    token = re.search(r": ([A-Za-z0-9_-]{43,})$", out, re.MULTILINE).group(1)
    return personal_id, token


def test_create_prints_the_token_once_and_it_opens_the_path(env, capsys):
    code, out, err = create(capsys, "--client-lang", "sv")
    assert code == 0, err
    personal_id, token = made(out)
    opened = get_personal_store(env["POLKU_PERSONAL_DATABASE_URL"]).open_link(token)
    assert opened.ok and opened.personal.id == personal_id and opened.personal.lang == "sv"
    assert main(["personal", "list", "--owner", "Olli"]) == 0
    listed = capsys.readouterr().out
    assert personal_id in listed and "pohjanmaa@1" in listed
    assert token not in listed


def test_create_refuses_an_identity_code_in_one_line(env, capsys):
    code = main(["personal", "create", "--path", "pohjanmaa", "--name", "131052-308T", "--owner", "Olli"])
    out, err = capsys.readouterr()
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "131052" not in err and "henkilötunnukselta" in err
    assert get_personal_store(env["POLKU_PERSONAL_DATABASE_URL"]).list_for(None) == []


def test_create_from_an_unknown_path(env, capsys):
    assert main(["personal", "create", "--path", "ei-ole", "--name", "Ari", "--owner", "Olli"]) == 2
    assert "ei-ole" in capsys.readouterr().err


def test_pdf_export_and_delete(env, capsys, tmp_path: Path):
    _, out, _ = create(capsys, "--pin", "2468")
    personal_id, _ = made(out)
    pdf_file, json_file = tmp_path / "oma.pdf", tmp_path / "oma.json"
    assert main(["personal", "pdf", personal_id, "-o", str(pdf_file)]) == 0
    reader = pypdf.PdfReader(io.BytesIO(pdf_file.read_bytes()))
    assert reader.trailer["/Root"]["/Lang"] == "fi"
    assert "Minun polkuni: Ari" in reader.pages[0].extract_text()
    assert stat.S_IMODE(pdf_file.stat().st_mode) == 0o600  # personal data: for the owner only
    assert main(["personal", "export", personal_id, "-o", str(json_file)]) == 0
    exported = json.loads(json_file.read_text(encoding="utf-8"))
    assert exported["personal_path"]["id"] == personal_id and exported["personal_path"]["pin_set"]
    assert exported["source_path"]["id"] == "pohjanmaa"
    capsys.readouterr()
    assert main(["personal", "delete", personal_id]) == 2  # needs --yes
    assert "--yes" in capsys.readouterr().err
    assert main(["personal", "delete", personal_id, "--yes"]) == 0
    assert get_personal_store(env["POLKU_PERSONAL_DATABASE_URL"]).get(personal_id) is None
    assert main(["personal", "delete", personal_id, "--yes"]) == 2
    assert main(["personal", "pdf", personal_id, "-o", str(pdf_file)]) == 2
    assert main(["personal", "export", personal_id, "-o", "-"]) == 2


def test_purge(env, capsys):
    create(capsys)
    assert main(["personal", "purge", "--months", "0"]) == 2
    assert main(["personal", "purge", "--months", "6"]) == 0
    assert "0" in capsys.readouterr().out
    assert len(get_personal_store(env["POLKU_PERSONAL_DATABASE_URL"]).list_for(None)) == 1


def test_worksheet_blank_and_fillable(env, capsys, tmp_path: Path):
    blank, fillable = tmp_path / "blank.pdf", tmp_path / "fillable.pdf"
    assert main(["worksheet", "pohjanmaa", "-o", str(blank), "--lang", "sv"]) == 0
    assert main(["worksheet", "pohjanmaa", "-o", str(fillable), "--fillable"]) == 0
    blank_reader = pypdf.PdfReader(io.BytesIO(blank.read_bytes()))
    fillable_reader = pypdf.PdfReader(io.BytesIO(fillable.read_bytes()))
    assert blank_reader.trailer["/Root"]["/Lang"] == "sv"
    assert "/AcroForm" not in blank_reader.trailer["/Root"]
    assert "goals" in fillable_reader.get_fields()
    assert main(["worksheet", "ei-ole", "-o", str(blank)]) == 2


def test_worksheet_from_a_file(env, capsys, tmp_path: Path):
    source = tmp_path / "testipolku.yaml"
    source.write_text(dump_yaml(branching_path()), encoding="utf-8")
    out = tmp_path / "sheet.pdf"
    assert main(["--lang", "en", "worksheet", str(source), "-o", str(out)]) == 0
    assert "My path: Test path" in pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text()


def test_the_command_line_runs_as_a_module(env, tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "paths", "personal", "create", "--path", "pohjanmaa", "--name", "Ari",
         "--owner", "Olli", "--pin", "1"],
        cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == "PIN-koodissa pitää olla 4–8 numeroa."
