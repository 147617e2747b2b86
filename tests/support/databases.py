"""Databases for tests: a fresh PostgreSQL schema per test (SQLite needs only a new file), and a library store
with sample paths saved."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, make_url, text

from paths.model.schema import ServicePath
from paths.store.library import Store


@contextmanager
def pg_schema(postgres_url: str, prefix: str = "polku_ws") -> Iterator[str]:
    """A fresh, empty PostgreSQL schema reached through `search_path`, dropped afterwards."""
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(postgres_url).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@contextmanager
def store_with(url: str, *paths: ServicePath, author: str = "Testaaja", seeded: bool = False) -> Iterator[Store]:
    """A library store on `url` (first filled with the built-in paths if `seeded`), each of `paths` saved by
    `author`, closed when the block ends."""
    store = Store(url)
    try:
        if seeded:
            store.ensure_seeded()
        for path in paths:
            store.save_path(path, author)
        yield store
    finally:
        store.close()
