"""The workshop tests' databases: a new SQLite file, or a new PostgreSQL schema, with the test path saved."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from paths.store.library import Store
from paths.workshops.workshop import WorkshopStore
from tests.support.factories import branching_path
from tests.support.workshop_support import pg_schema


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """An empty database: a new SQLite file, or a new PostgreSQL schema."""
    if request.param == "sqlite":
        yield request.getfixturevalue("sqlite_url")
        return
    with pg_schema(request.getfixturevalue("postgres_url")) as url:
        yield url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = Store(db_url)
    opened.save_path(branching_path(), "Fasilitaattori")
    yield opened
    opened.close()


@pytest.fixture
def ws(store: Store) -> WorkshopStore:
    return WorkshopStore(store)
