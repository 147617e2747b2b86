"""Fixtures of the personal-store tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine

from paths.personal.store import PersonalStore
from paths.personal.tables import ALL_TABLES


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'personal.db'}"
    pg_url = request.getfixturevalue("postgres_url")
    PersonalStore(pg_url)  # migrate, then start from empty tables
    engine = create_engine(pg_url)
    with engine.begin() as conn:
        for table in ALL_TABLES:
            conn.execute(table.delete())
    engine.dispose()
    return pg_url
