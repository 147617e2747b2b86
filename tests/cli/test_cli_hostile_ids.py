"""Issue 15, item 8: `import FILE --id $'evil\\n'` is refused; nothing is stored that cannot be listed again."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from paths.formats.files import dump_yaml
from paths.store.library import Store
from tests.support.factories import branching_path

ROOT = Path(__file__).resolve().parents[2]


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "paths", "--lang", "en", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_an_id_with_a_final_newline_is_refused_and_nothing_stored(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'polku.db'}"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "POLKU_DATABASE_URL": url}
    file = tmp_path / "polku.yaml"
    file.write_text(dump_yaml(branching_path()), encoding="utf-8")
    for bad in ("evil\n", "evil\r\n", "Evil"):
        result = run(env, "import", str(file), "--id", bad)
        assert result.returncode == 2, bad
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert [summary.id for summary in Store(url).list_paths()] == ["ari", "maija", "pohjanmaa"]


def test_id_and_title_options_pass_the_schema_checks(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'polku.db'}"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "POLKU_DATABASE_URL": url}
    file = tmp_path / "polku.yaml"
    file.write_text(dump_yaml(branching_path()), encoding="utf-8")
    result = run(env, "import", str(file), "--id", "uusi-polku", "--title", "Uusi\vpolku\x07")
    assert result.returncode == 0, result.stderr
    stored = Store(url).get_path("uusi-polku")
    assert stored is not None and stored.title.en == "Uusi\npolku"
    result = run(env, "export", "uusi-polku", "--format", "yaml")
    assert result.returncode == 0 and "id: uusi-polku" in result.stdout
