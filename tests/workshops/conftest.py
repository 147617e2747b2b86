"""The workshop tests' stores: the conftest's empty database of each kind, with the test path saved."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from paths.store.library import Store
from paths.workshops.workshop import WorkshopStore
from tests.support.databases import store_with
from tests.support.factories import branching_path


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with store_with(db_url, branching_path(), author="Fasilitaattori") as opened:
        yield opened


@pytest.fixture
def ws(store: Store) -> WorkshopStore:
    return WorkshopStore(store)
