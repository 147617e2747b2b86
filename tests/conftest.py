"""Fixtures shared by all tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support.browser import CHROMIUM, launch_chromium, streamlit_server
from tests.support.databases import pg_schema


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory):
    """A real Streamlit server with the built-in paths, shared by the browser tests of a session."""
    with streamlit_server(tmp_path_factory.mktemp("app")) as url:
        yield url


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        executable = CHROMIUM or playwright.chromium.executable_path
        if not Path(executable).exists():
            pytest.fail(f"Chromium is not installed ({executable}): make setup installs it")
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'polku.db'}"


@pytest.fixture
def postgres_url() -> str:
    """A PostgreSQL URL from POLKU_TEST_POSTGRES_URL; the test skips cleanly without one."""
    url = os.environ.get("POLKU_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("POLKU_TEST_POSTGRES_URL is not set")
    return url


@pytest.fixture
def pg_schema_url(postgres_url: str):
    """A fresh, empty PostgreSQL schema for one test, reached through `search_path`."""
    with pg_schema(postgres_url) as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    """An empty database: a new SQLite file, or a new PostgreSQL schema."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("pg_schema_url")


@pytest.fixture
def store(db_url: str):
    """An empty library store on each kind of database."""
    from paths.store.library import Store

    opened = Store(db_url)
    yield opened
    opened.close()
