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

import json
import logging
import os
import re
import threading
import time
import unicodedata
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic.config import Config
from pydantic_core import PydanticSerializationError
from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
    select,
)
from sqlalchemy.exc import IntegrityError

from paths.db.database import Migrations, database
from paths.db.types import UTCDateTime, utc_now
from paths.i18n.catalog import UserError, t
from paths.model.schema import LANGS, LocalText, ServicePath
from paths.model.text_rules import STORED

logger = logging.getLogger(__name__)
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


metadata = MetaData()

paths_table = Table(
    "paths",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("latest_version", Integer, nullable=False),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("title", Text, nullable=False),
    Column("persona", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("n_stages", Integer, nullable=False),
    Column("n_steps", Integer, nullable=False),
    Column("n_coordinator", Integer, nullable=False),
)

versions_table = Table(
    "path_versions",
    metadata,
    Column("path_id", String(64), ForeignKey("paths.id"), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("author", String(200), nullable=False),
    Column("summary", Text, nullable=False),
    Column("auto_summary", Text, nullable=False),
    Column("restored_from", Integer, nullable=True),
    Column("content", Text, nullable=False),
)


def library_metadata() -> MetaData:
    """Every table of the library database: the paths here, workshops and accounts in their packages.

    They all live on this module's `metadata`; importing their modules defines them."""
    import paths.accounts.auth  # noqa: F401
    import paths.workshops.tables  # noqa: F401

    return metadata


class _LibraryMigrations(Migrations):
    """The library's history; its target metadata is looked up late (the table modules import this one)."""

    def config(self, connection: Connection | None = None) -> Config:
        config = super().config(connection)
        config.attributes["target_metadata"] = library_metadata()
        return config


LIBRARY_MIGRATIONS = _LibraryMigrations(
    directory=Path(__file__).resolve().parent / "migrations",
    version_table="alembic_version",
    lock_key=7_204_611,
    target_metadata=metadata,
)


class StoreError(UserError):
    """A store problem a user can act on. `message(lang)` is one sentence."""

    key_prefix = "store.error."


class StaleVersionError(StoreError):
    """A save based on `base_version` while the path is already at `latest_version`."""

    def __init__(self, path_id: str, base_version: int | None, latest_version: int | None) -> None:
        super().__init__("stale", id=path_id, base=base_version, latest=latest_version or "–")
        self.path_id = path_id
        self.base_version = base_version
        self.latest_version = latest_version


class UnknownPathError(StoreError):
    """The path (or the asked version of it) is not in the store."""

    def __init__(self, path_id: str, version: int | None = None) -> None:
        super().__init__("unknown_path", id=path_id if version is None else f"{path_id} v{version}")
        self.path_id = path_id
        self.version = version


@dataclass(frozen=True)
class PathSummary:
    """One line of the library: what a card shows, without loading the whole path."""

    id: str
    title: LocalText
    persona: LocalText
    status: str
    version: int
    n_stages: int
    n_steps: int
    n_coordinator: int
    updated_at: datetime


@dataclass(frozen=True)
class VersionInfo:
    """One saved version: who, when, what changed (`summary` in the language asked for)."""

    version: int
    author: str
    created_at: datetime
    summary: str
    restored_from: int | None = None


def _local_text_json(fn: Any) -> str:
    """A LocalText built by calling `fn(lang)` for each language, as JSON."""
    return json.dumps({lang: fn(lang) for lang in LANGS}, ensure_ascii=False)


def _simple_changes(old: dict, new: dict) -> dict[str, tuple[int, int, int]]:
    """(added, removed, changed) for steps, stages and transitions, compared by id."""

    def keyed(items: list[dict], key: Any) -> dict:
        return {key(item): item for item in items}

    out: dict[str, tuple[int, int, int]] = {}
    for name, key in (
        ("steps", lambda item: item["id"]),
        ("stages", lambda item: item["id"]),
        ("transitions", lambda item: (item["source"], item["target"])),
    ):
        before, after = keyed(old.get(name, []), key), keyed(new.get(name, []), key)
        added = len(after.keys() - before.keys())
        removed = len(before.keys() - after.keys())
        changed = sum(1 for k in after.keys() & before.keys() if after[k] != before[k])
        out[name] = (added, removed, changed)
    return out


def _fallback_summary(old: dict, new: dict, lang: str) -> str:
    """A short count of what changed, for when `paths.model.diff` is not available."""
    parts = []
    for name, (added, removed, changed) in _simple_changes(old, new).items():
        if added or removed or changed:
            parts.append(t(f"store.summary.{name}", lang, added=added, removed=removed, changed=changed))
    other = {k: v for k, v in old.items() if k not in ("steps", "stages", "transitions")} != {
        k: v for k, v in new.items() if k not in ("steps", "stages", "transitions")
    }
    if other:
        parts.append(t("store.summary.details", lang))
    return "; ".join(parts) if parts else t("store.summary.no_changes", lang)


def _auto_summary(old_content: str, new: ServicePath, new_content: str) -> str:
    """The change summary in every language, as LocalText JSON.

    `paths.model.diff` gives the field-by-field summary; if it is missing or fails, a count of
    added, removed and changed items is used instead, because a summary must never cost a save.
    """
    try:
        from paths.model.diff import diff_paths

        diff = diff_paths(ServicePath.model_validate_json(old_content, context=STORED), new)
        return _local_text_json(diff.summary)
    except Exception:
        logger.exception("paths.model.diff failed; using the simple change summary")
    old, current = json.loads(old_content), json.loads(new_content)
    return _local_text_json(lambda lang: _fallback_summary(old, current, lang))


# What the stored JSON shows of a text the text rule would change: JSON's escapes of control
# characters (tab and newline aside), lone surrogates, and the raw characters the rule removes.
_SUSPECT_JSON = re.compile(
    r"\\[bfr]|\\u00[01][0-9a-fA-F]|\\u007[fF]|\\u[dD][89a-fA-F]"
    "|[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff]"
)


def _all_ids(path: ServicePath) -> Iterator[str]:
    for items in (path.stages, path.actors, path.contacts):
        yield from (item.id for item in items)
    for step in path.steps:
        yield from (step.id, step.stage, *step.actors, *step.contacts)
    for transition in path.transitions:
        yield from (transition.source, transition.target)


def _checked(path: ServicePath, content: str | None) -> tuple[ServicePath, str]:
    """`path` and its stored JSON as a file holding it would be read: ids and texts set with
    `model_copy` skip the schema's checks, so every save passes them again (the text rule cleans
    what it may; a bad id or a NUL is one PathFileError sentence) before anything is written.

    The common case costs a scan of the JSON and of the ids; only a path that fails them is
    validated again whole (that took two thirds of a save's time)."""
    from paths.formats.files import PathFileError, path_from_data
    from paths.model.ids import is_item_id, is_path_id

    if not is_path_id(path.id):
        raise PathFileError("bad_path_id", id=path.id.encode("unicode_escape").decode("ascii"))
    if (
        content is not None
        and all(is_item_id(item_id) for item_id in _all_ids(path))
        and not _SUSPECT_JSON.search(content)
        and (content.isascii() or unicodedata.is_normalized("NFC", content))
    ):
        return path, content
    path = path_from_data(path.model_dump(mode="json"), path.id)
    return path, content_json(path)


def content_json(path: ServicePath) -> str:
    """The stored form of a version: compact JSON (defaults left out, half the parse time),
    always with its `schema_version` so that a later format can tell old contents apart."""
    compact = path.model_dump_json(exclude_defaults=True)
    prefix = json.dumps({"schema_version": path.schema_version})[:-1]
    return prefix + ("}" if compact == "{}" else "," + compact[1:])


class _RecentVersions:
    """Latest version numbers read recently from one database, shared by its Stores in this process.

    Every write through any of those Stores forgets them all; a count of writes keeps a read that
    raced a write from putting an old number back.
    """

    def __init__(self) -> None:
        self._numbers: dict[str, tuple[float, int | None]] = {}
        self._lock = threading.Lock()
        self.writes = 0

    def get(self, path_id: str, max_age: float) -> tuple[int | None] | None:
        """(number,) when one was read at most `max_age` seconds ago, else None."""
        recent = self._numbers.get(path_id)
        if recent is None or time.monotonic() - recent[0] > max_age:
            return None
        return (recent[1],)

    def remember(self, path_id: str, version: int | None, read_at: float, writes_before: int) -> None:
        with self._lock:
            if self.writes == writes_before:
                self._numbers[path_id] = (read_at, version)

    def forget(self) -> None:
        with self._lock:
            self.writes += 1
            self._numbers.clear()


_recent_by_url: dict[str, _RecentVersions] = {}
_recent_by_url_lock = threading.Lock()


def _recent_versions_for(url: str) -> _RecentVersions:
    with _recent_by_url_lock:
        return _recent_by_url.setdefault(url, _RecentVersions())


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


def _summary_in(
    connection: Connection, row: Any, path: ServicePath, content: str, prepared: tuple[int, str] | None
) -> str:
    """The change summary of a save, as LocalText JSON: "first version", the one prepared before the
    write lock when its version is still the latest, else computed against the latest content."""
    if row is None:
        return _local_text_json(lambda lang: t("store.summary.first", lang))
    if prepared is not None and prepared[0] == row.latest_version:
        return prepared[1]
    old_content = connection.execute(
        select(versions_table.c.content).where(
            versions_table.c.path_id == path.id, versions_table.c.version == row.latest_version
        )
    ).scalar_one()
    return _auto_summary(old_content, path, content)


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


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic Config for the library's migrations (no alembic.ini needed)."""
    return LIBRARY_MIGRATIONS.config(connection)


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
