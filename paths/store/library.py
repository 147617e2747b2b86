"""The store: service paths and their immutable versions in SQLite (default) or PostgreSQL.

Every save is a new version; nothing is overwritten. A save names the version it was based
on, and a save based on a stale version raises `StaleVersionError` instead of silently
replacing someone else's work. The check is race-free: on SQLite a write transaction starts
with `BEGIN IMMEDIATE` (one writer at a time, the others wait for the busy timeout); on
PostgreSQL the path's row is locked with `SELECT ... FOR UPDATE`; and the primary key
(path_id, version) rejects a duplicate version whatever happens.

The schema is created and upgraded by the Alembic migrations in `paths/store/migrations/` when a
`Store` is opened (see that package's docstring for how to add a migration).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path

from pydantic_core import PydanticSerializationError
from sqlalchemy import Connection, func, select
from sqlalchemy.exc import IntegrityError

from paths.db.database import database
from paths.db.types import utc_now
from paths.i18n.catalog import t
from paths.model.schema import LocalText, ServicePath
from paths.model.text_rules import STORED
from paths.store.content import _checked, content_json
from paths.store.recent import _recent_versions_for, _RecentVersions
from paths.store.records import PathSummary, StaleVersionError, UnknownPathError, VersionInfo
from paths.store.summaries import _auto_summary, _local_text_json, _summary_in
from paths.store.tables import LIBRARY_MIGRATIONS, paths_table, versions_table

ROOT = Path(__file__).resolve().parents[2]
ENV_URL = "POLKU_DATABASE_URL"
SEED_AUTHOR = "Polku"
_PG_SEED_LOCK = 7_204_612  # an arbitrary advisory-lock key, fixed so all processes agree


def default_url() -> str:
    """`sqlite:///<repo>/var/polku.db`: a git-ignored file next to the code."""
    return f"sqlite:///{ROOT / 'var' / 'polku.db'}"


def resolve_url(url: str | None = None) -> str:
    """The URL to use: the argument, else `POLKU_DATABASE_URL`, else the default SQLite file."""
    return url or os.environ.get(ENV_URL) or default_url()


class Store:
    """Paths and versions in one database. Thread-safe; open one per URL (see `get_store`)."""

    def __init__(self, url: str | None = None) -> None:
        self.url = resolve_url(url)
        self.db = database(self.url)
        self.engine = self.db.engine
        self.dialect = self.db.dialect
        # Numbers shared by this process's Stores of one database; an in-memory one is its own database.
        self._recent = _RecentVersions() if self.db.in_memory else _recent_versions_for(self.url)
        self.ensure_schema()

    # -- connections ---------------------------------------------------------------------

    def read(self) -> AbstractContextManager[Connection]:
        """A connection in a read transaction (a consistent snapshot)."""
        return self.db.read()

    @contextmanager
    def write(self, paths_change: bool = True) -> Iterator[Connection]:
        """A write transaction (see `paths.db.database` for the write policy).

        `paths_change=False` (workshop notes, accounts) keeps the recently read version numbers."""
        try:
            with self.db.write() as connection:
                yield connection
        finally:
            if paths_change:
                self._recent.forget()

    def _lock(self, connection: Connection, key: int) -> None:
        self.db.advisory_lock(connection, key)

    # -- schema --------------------------------------------------------------------------

    def schema_revision(self) -> str | None:
        """The Alembic revision the database is at."""
        return self.db.revision(LIBRARY_MIGRATIONS)

    def ensure_schema(self) -> None:
        """Create or upgrade the schema to the newest migration, under a lock; a no-op when current."""
        self.db.upgrade(LIBRARY_MIGRATIONS)

    def close(self) -> None:
        self.db.close()

    # -- reading -------------------------------------------------------------------------

    def list_paths(self) -> list[PathSummary]:
        """Every path that is not deleted, sorted by id. One query; no path is parsed."""
        query = select(paths_table).where(paths_table.c.deleted.is_(False)).order_by(paths_table.c.id)
        with self.read() as connection:
            rows = connection.execute(query).all()
        return [
            PathSummary(
                id=row.id,
                title=LocalText.model_validate_json(row.title, context=STORED),
                persona=LocalText.model_validate_json(row.persona, context=STORED),
                status=row.status,
                version=row.latest_version,
                n_stages=row.n_stages,
                n_steps=row.n_steps,
                n_coordinator=row.n_coordinator,
                updated_at=row.updated_at,
            )
            for row in rows
        ]

    def latest_version(self, path_id: str, max_age: float = 0.0) -> int | None:
        """The newest version number, or None when the path does not exist (or is deleted).

        With `max_age` (seconds) a number this Store read at most that long ago will do: a page
        that reruns on every click need not ask the database each time. Any write through this
        Store forgets those numbers at once; another process's save shows within `max_age`.
        """
        if max_age > 0:
            recent = self._recent.get(path_id, max_age)
            if recent is not None:
                return recent[0]
        writes_before, read_at = self._recent.writes, time.monotonic()
        query = select(paths_table.c.latest_version).where(
            paths_table.c.id == path_id, paths_table.c.deleted.is_(False)
        )
        with self.read() as connection:
            version = connection.execute(query).scalar_one_or_none()
        self._recent.remember(path_id, version, read_at, writes_before)
        return version

    def get_path(self, path_id: str, version: int | None = None) -> ServicePath | None:
        """A version of a path (the latest by default), or None when there is no such version.

        A deleted path has no latest version, but its old versions stay readable by number.
        """
        if version is None:
            query = (
                select(versions_table.c.content)
                .join(paths_table, paths_table.c.id == versions_table.c.path_id)
                .where(
                    paths_table.c.id == path_id,
                    paths_table.c.deleted.is_(False),
                    versions_table.c.version == paths_table.c.latest_version,
                )
            )
        else:
            query = select(versions_table.c.content).where(
                versions_table.c.path_id == path_id, versions_table.c.version == version
            )
        with self.read() as connection:
            content = connection.execute(query).scalar_one_or_none()
        return None if content is None else ServicePath.model_validate_json(content, context=STORED)

    def history(self, path_id: str, lang: str = "fi") -> list[VersionInfo]:
        """Every version of a path, newest first; an empty summary is filled with the computed one."""
        query = (
            select(
                versions_table.c.version,
                versions_table.c.author,
                versions_table.c.created_at,
                versions_table.c.summary,
                versions_table.c.auto_summary,
                versions_table.c.restored_from,
            )
            .where(versions_table.c.path_id == path_id)
            .order_by(versions_table.c.version.desc())
        )
        with self.read() as connection:
            rows = connection.execute(query).all()
        return [
            VersionInfo(
                version=row.version,
                author=row.author,
                created_at=row.created_at,
                summary=row.summary or LocalText.model_validate_json(row.auto_summary, context=STORED).get(lang),
                restored_from=row.restored_from,
            )
            for row in rows
        ]

    def count_paths(self, include_deleted: bool = True) -> int:
        query = select(func.count()).select_from(paths_table)
        if not include_deleted:
            query = query.where(paths_table.c.deleted.is_(False))
        with self.read() as connection:
            return connection.execute(query).scalar_one()

    # -- writing -------------------------------------------------------------------------

    def save_path(self, path: ServicePath, author: str, summary: str = "", base_version: int | None = None) -> int:
        """Store `path` as a new version and return its number.

        `base_version` is the version the edit started from: when it is not the latest,
        `StaleVersionError` is raised and nothing is stored. Without it the save goes on top
        of whatever is latest (a new path starts at version 1): that is what imports do.
        The JSON and the change summary are prepared before the write lock is taken, so that
        other writers wait only for the inserts.
        """
        try:
            content = content_json(path)
        except PydanticSerializationError:  # a lone surrogate set with model_copy: the checks below refuse it
            content = None
        path, content = _checked(path, content)
        prepared = None
        if not summary.strip():
            previous = self._latest_content(path.id)
            if previous is not None and (base_version is None or base_version == previous[0]):
                prepared = (previous[0], _auto_summary(previous[1], path, content))
        for attempt in range(2):
            try:
                with self.write() as connection:
                    return self.save_in(connection, path, author, summary, base_version, content, prepared=prepared)
            except IntegrityError:
                # Another writer created the same new path at the same moment (PostgreSQL):
                # with a base version that is a conflict, without one we go on top of theirs.
                if base_version is not None or attempt:
                    raise StaleVersionError(path.id, base_version, self.latest_version(path.id)) from None
        raise AssertionError("unreachable")

    def _latest_content(self, path_id: str) -> tuple[int, str] | None:
        """(version, content) of the newest version, deleted or not."""
        query = (
            select(versions_table.c.version, versions_table.c.content)
            .join(paths_table, paths_table.c.id == versions_table.c.path_id)
            .where(paths_table.c.id == path_id, versions_table.c.version == paths_table.c.latest_version)
        )
        with self.read() as connection:
            row = connection.execute(query).one_or_none()
        return None if row is None else (row.version, row.content)

    def save_in(
        self,
        connection: Connection,
        path: ServicePath,
        author: str,
        summary: str,
        base_version: int | None,
        content: str,
        *,
        auto_summary: str | None = None,
        prepared: tuple[int, str] | None = None,
        restored_from: int | None = None,
    ) -> int:
        """The save itself, inside the caller's write transaction.

        `prepared` is (the version it was computed against, the change summary); it is used
        only when that version is still the latest, else the summary is computed here.
        """
        row = connection.execute(
            select(paths_table.c.latest_version, paths_table.c.deleted)
            .where(paths_table.c.id == path.id)
            .with_for_update()
        ).one_or_none()
        latest = None if row is None or row.deleted else row.latest_version
        if base_version is not None and base_version != latest:
            raise StaleVersionError(path.id, base_version, latest)
        now = utc_now()
        version = 1 if row is None else row.latest_version + 1
        summary = summary.strip()
        if auto_summary is None and not summary:
            auto_summary = _summary_in(connection, row, path, content, prepared)
        _write_card(connection, path, None if row is None else row.latest_version, version, now, base_version)
        connection.execute(
            versions_table.insert().values(
                path_id=path.id,
                version=version,
                created_at=now,
                author=author.strip()[:200],
                summary=summary,
                auto_summary=auto_summary or "{}",
                restored_from=restored_from,
                content=content,
            )
        )
        return version

    def restore(self, path_id: str, version: int, author: str) -> int:
        """Save an old version again as the newest one; returns the new version number."""
        old = self.get_path(path_id, version)
        if old is None:
            raise UnknownPathError(path_id, version)
        auto = _local_text_json(lambda lang: t("store.summary.restored", lang, version=version))
        with self.write() as connection:
            return self.save_in(
                connection, old, author, "", None, content_json(old), auto_summary=auto, restored_from=version
            )

    def delete_path(self, path_id: str) -> bool:
        """Hide a path from the library; its versions are kept, and saving it again brings it back."""
        with self.write() as connection:
            result = connection.execute(
                paths_table.update()
                .where(paths_table.c.id == path_id, paths_table.c.deleted.is_(False))
                .values(deleted=True, updated_at=datetime.now(UTC))
            )
            return result.rowcount == 1

    def ensure_seeded(self) -> int:
        """On the very first start (no paths at all), store the built-in paths; returns how many."""
        if self.count_paths() > 0:
            return 0
        from paths.formats.files import builtin_paths

        builtin = builtin_paths()
        auto = _local_text_json(lambda lang: t("store.summary.seeded", lang))
        with self.write() as connection:
            self._lock(connection, _PG_SEED_LOCK)
            if connection.execute(select(func.count()).select_from(paths_table)).scalar_one() > 0:
                return 0
            for path in builtin:
                self.save_in(connection, path, SEED_AUTHOR, "", None, content_json(path), auto_summary=auto)
        return len(builtin)


def _write_card(
    connection: Connection, path: ServicePath, latest: int | None, version: int, now: datetime, base: int | None
) -> None:
    """Insert or update the path's library card (what the library lists without parsing a version)."""
    card = {
        "latest_version": version,
        "deleted": False,
        "updated_at": now,
        "title": path.title.model_dump_json(),
        "persona": path.persona.model_dump_json(),
        "status": path.status.value,
        "n_stages": len(path.stages),
        "n_steps": len(path.steps),
        "n_coordinator": len(path.coordinator_steps),
    }
    if latest is None:
        connection.execute(paths_table.insert().values(id=path.id, created_at=now, **card))
        return
    updated = connection.execute(
        paths_table.update().where(paths_table.c.id == path.id, paths_table.c.latest_version == latest).values(**card)
    )
    if updated.rowcount != 1:
        raise StaleVersionError(path.id, base, None)


_stores: dict[str, Store] = {}
_stores_lock = threading.Lock()


def get_store(url: str | None = None) -> Store:
    """One shared Store per URL in this process (engines and their pools are meant to be shared)."""
    resolved = resolve_url(url)
    with _stores_lock:
        store = _stores.get(resolved)
        if store is None:
            store = _stores[resolved] = Store(resolved)
        return store
