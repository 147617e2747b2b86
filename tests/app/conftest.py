"""What the app's AppTest modules share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.apptest import app_databases


@pytest.fixture(scope="module")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One SQLite store per module, filled from data/; tests that write use their own path ids."""
    with app_databases(tmp_path_factory.mktemp("app")) as (url, _):
        yield url
