"""Migrations run once however many app servers start at the same moment: several `python -m paths
migrate` processes (what every container runs at start) on one fresh database all succeed, the schema
is at the newest revision once, and the built-in paths are seeded once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from paths.ops.databases import LIBRARY, PERSONAL, head_revision, migrations
from tests.deploy.support import pg_database
from tests.support.browser import ROOT

PROCESSES = 4


def _start_together(env: dict[str, str]) -> list[subprocess.CompletedProcess[str]]:
    """PROCESSES migrations started back to back, before any has finished importing."""
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "paths", "--lang", "en", "migrate"], cwd=ROOT, env={**os.environ, **env},
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for _ in range(PROCESSES)
    ]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=300)
        results.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return results


def _check(url: str, results: list[subprocess.CompletedProcess[str]]) -> None:
    for result in results:
        assert result.returncode == 0, result.stderr
        assert result.stdout.count("schema is current") == 2
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            for name in (LIBRARY, PERSONAL):
                table = migrations(name).version_table
                rows = connection.execute(text(f"SELECT version_num FROM {table}")).scalars().all()  # noqa: S608
                assert rows == [head_revision(name)], name
            versions = connection.execute(text("SELECT path_id, count(*) FROM path_versions GROUP BY path_id")).all()
    finally:
        engine.dispose()
    assert dict(versions) == {"ari": 1, "maija": 1, "pohjanmaa": 1}


@pytest.mark.postgres
def test_servers_starting_together_migrate_postgresql_once(postgres_url: str) -> None:
    with pg_database(postgres_url, "migrate") as url:
        _check(url, _start_together({"POLKU_DATABASE_URL": url, "POLKU_PERSONAL_DATABASE_URL": url}))


def test_servers_starting_together_migrate_sqlite_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'polku.db'}"
    _check(url, _start_together({"POLKU_DATABASE_URL": url, "POLKU_PERSONAL_DATABASE_URL": url}))
