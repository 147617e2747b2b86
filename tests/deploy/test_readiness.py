"""`python -m paths ready`: exit 0 only when both databases answer and their schema is current; one
line per store otherwise, never the database URL (it can hold a password)."""

from __future__ import annotations

from pathlib import Path

from tests.deploy.support import run_paths


def test_ready_reaches_both_databases_and_says_which_is_not_ready(tmp_path: Path) -> None:
    unreachable = "postgresql+psycopg://polku:salasana-ei-lokeihin@127.0.0.1:1/polku"
    urls = {"POLKU_DATABASE_URL": unreachable, "POLKU_PERSONAL_DATABASE_URL": f"sqlite:///{tmp_path / 'p.db'}"}
    result = run_paths("ready", env=urls)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "path library: the database cannot be reached.",
        "personal paths: the database has not been created yet (run python -m paths migrate).",
    ]
    assert "salasana" not in result.stdout + result.stderr and not (tmp_path / "p.db").exists()


def test_ready_after_migrate(tmp_path: Path) -> None:
    urls = {
        "POLKU_DATABASE_URL": f"sqlite:///{tmp_path / 'l.db'}",
        "POLKU_PERSONAL_DATABASE_URL": f"sqlite:///{tmp_path / 'p.db'}",
    }
    assert run_paths("migrate", env=urls).returncode == 0
    result = run_paths("ready", env=urls)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["path library: ready.", "personal paths: ready."]
