"""The workshop tests' stores: the conftest's empty database of each kind, with the test path saved."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from paths.store.library import Store
from paths.workshops.workshop import WorkshopStore
from tests.support.factories import branching_path


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = Store(db_url)
    opened.save_path(branching_path(), "Fasilitaattori")
    yield opened
    opened.close()


@pytest.fixture
def ws(store: Store) -> WorkshopStore:
    return WorkshopStore(store)
