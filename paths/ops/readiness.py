"""The readiness check: is each database reachable, and is its schema the one this code expects?

Streamlit's `/_stcore/health` only says that the web server answers. `python -m paths ready` also
reaches both databases (with a short connect timeout) and reads their Alembic revision, without
migrating anything: a server whose database is down or not yet migrated is not ready for users.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import create_engine
from sqlalchemy.exc import SQLAlchemyError

from paths.ops.backup import sqlite_file
from paths.ops.databases import OpsError, StoreDatabase, head_revision, migrations

CONNECT_TIMEOUT_SECONDS = 5


@dataclass(frozen=True)
class Readiness:
    """One store's state: `problem` is None when ready, else a key under `ops.ready.`."""

    name: str
    revision: str | None
    problem: str | None

    @property
    def ready(self) -> bool:
        return self.problem is None


def known_revision(name: str, revision: str) -> bool:
    """Whether `revision` is in this code's migration history of the store `name`."""
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    config = migrations(name).config()
    try:
        return ScriptDirectory.from_config(config).get_revision(revision) is not None
    except CommandError:
        return False


def check(database: StoreDatabase) -> Readiness:
    """Reach the database and read its schema revision (never creates or upgrades anything)."""
    from alembic.runtime.migration import MigrationContext

    connect_args = {}
    if database.kind == "sqlite":
        try:
            if not sqlite_file(database).is_file():
                return Readiness(database.name, None, "missing")
        except OpsError:
            return Readiness(database.name, None, "unreachable")
    elif database.kind == "postgresql":
        connect_args = {"connect_timeout": CONNECT_TIMEOUT_SECONDS}
    try:
        engine = create_engine(database.url, connect_args=connect_args)
        try:
            with engine.connect() as connection:
                opts = {"version_table": migrations(database.name).version_table}
                context = MigrationContext.configure(connection, opts=opts)
                revision = context.get_current_revision()
        finally:
            engine.dispose()
    except (SQLAlchemyError, OSError, ValueError):
        return Readiness(database.name, None, "unreachable")
    if revision != head_revision(database.name):
        return Readiness(database.name, revision, "not_migrated")
    return Readiness(database.name, revision, None)


def check_all(databases: list[StoreDatabase]) -> list[Readiness]:
    return [check(database) for database in databases]

