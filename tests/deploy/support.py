"""Shared by the deployment tests: fresh PostgreSQL databases derived from POLKU_TEST_POSTGRES_URL,
and running `python -m paths` as an operator would."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, make_url, text

from tests.support.browser import ROOT


@contextmanager
def pg_database(postgres_url: str, prefix: str = "deploy") -> Iterator[str]:
    """A fresh, empty database beside the one in `postgres_url` (so nothing clashes with other tests);
    dropped afterwards, with any connection left to it."""
    base = make_url(postgres_url)
    name = f"{base.database}_{prefix}_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def run_paths(*arguments: str, env: dict[str, str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m paths ARGUMENTS` in a new process with the given store URLs."""
    return subprocess.run(
        [sys.executable, "-m", "paths", "--lang", "en", *arguments],
        cwd=ROOT, env={**os.environ, **env}, input=stdin, capture_output=True, text=True, timeout=300, check=False,
    )
