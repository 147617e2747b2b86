"""`Database`: the one object that owns a database URL's engine and decides how it is written.

Every store (the library, accounts, workshops, personal paths) goes through a `Database`, so the
rules are the same everywhere:

- SQLite runs in WAL mode with a 30-second busy timeout and foreign keys on; a write transaction
  starts with `BEGIN IMMEDIATE`, so it holds the write lock from its first statement and a
  stale-read race cannot happen; the writers of this process queue in arrival order first
  (`FifoLock`), so no writer waits much longer than the others. A database that holds personal
  data (`personal_data=True`) sets `secure_delete` and keeps a rollback journal instead of WAL,
  so erased text lingers neither in free pages nor in a WAL file.
- PostgreSQL uses a pre-pinged pool; rules that need a lock take a row lock or a
  transaction-scoped advisory lock (`advisory_lock`).
- Migrations (`Migrations`) run under a lock, so any number of processes may start at once.

`database(url)` gives one shared `Database` per URL in the process (an engine and its pool are
meant to be shared), and every store opened on that URL uses it.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, MetaData, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import StaticPool

SQLITE_BUSY_TIMEOUT_MS = 30_000
# What a database that cannot be reached or used raises; pages catch it without importing SQLAlchemy.
DatabaseError = SQLAlchemyError
# Alembic's `context` and `op` are process-wide proxies: one migration at a time in a process.
_MIGRATION_LOCK = threading.Lock()


class FifoLock:
    """A lock handed to its waiters in arrival order, so that no writer waits much longer than the others
    (threading.Lock lets a releasing thread take it straight back, which starves some writers).
    Re-entrant for the thread that holds it, so a write inside a write does not deadlock."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._waiters: deque[threading.Lock] = deque()
        self._owner: int | None = None
        self._depth = 0

    def __enter__(self) -> None:
        me = threading.get_ident()
        with self._guard:
            if self._owner == me:
                self._depth += 1
                return
            if self._owner is None:
                self._owner, self._depth = me, 1
                return
            waiter = threading.Lock()
            waiter.acquire()
            self._waiters.append(waiter)
        waiter.acquire()  # the previous holder hands the lock over by releasing this
        with self._guard:
            self._owner, self._depth = me, 1

    def __exit__(self, *_: object) -> None:
        with self._guard:
            self._depth -= 1
            if self._depth:
                return
            self._owner = None
            if self._waiters:
                self._owner = -1  # reserved for the waiter being woken
                self._waiters.popleft().release()


@dataclass(frozen=True)
class Migrations:
    """One Alembic history: where its scripts are, the table that records it, its advisory-lock key.

    `target_metadata` is what the tables in code look like; `tests/db/` compares it with the
    migrated database, so models and migrations cannot drift apart."""

    directory: Path
    version_table: str
    lock_key: int
    target_metadata: MetaData

    def config(self, connection: Connection | None = None) -> Config:
        """An Alembic Config in code (no alembic.ini); the connection is handed to env.py."""
        config = Config()
        config.set_main_option("script_location", str(self.directory).replace("%", "%%"))
        config.attributes["version_table"] = self.version_table
        config.attributes["target_metadata"] = self.target_metadata
        if connection is not None:
            config.attributes["connection"] = connection
        return config

    def head(self) -> str | None:
        return ScriptDirectory.from_config(self.config()).get_current_head()


def is_in_memory(url: str) -> bool:
    parsed = make_url(url)
    return parsed.get_backend_name() == "sqlite" and (parsed.database or ":memory:") == ":memory:"


class Database:
    """An engine for one URL with Polku's write policy. Thread-safe; share it (see `database`)."""

    def __init__(self, url: str, *, personal_data: bool = False) -> None:
        self.url = url
        self.dialect = make_url(url).get_backend_name()
        self.in_memory = is_in_memory(url)
        self.engine: Engine = self._sqlite_engine() if self.dialect == "sqlite" else self._server_engine()
        self._writers = FifoLock()
        if personal_data:
            self.hold_personal_data()

    def _server_engine(self) -> Engine:
        return create_engine(self.url, pool_pre_ping=True)

    def _sqlite_engine(self) -> Engine:
        """SQLite in WAL mode with a busy timeout; BEGIN emitted by us (IMMEDIATE for writes)."""
        database = make_url(self.url).database
        if not self.in_memory and not database.startswith("file:"):
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            self.url,
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
            # one shared connection for an in-memory database, else every thread would see its own
            poolclass=StaticPool if self.in_memory else None,
        )
        self._personal_data = False
        event.listen(engine, "connect", self._on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine

    def _on_sqlite_connect(self, dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if self._personal_data:
            cursor.execute("PRAGMA secure_delete = ON")
        else:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    def hold_personal_data(self) -> None:
        """From now on every connection overwrites freed pages and no new WAL file is started."""
        if self.dialect == "sqlite" and not self._personal_data:
            self._personal_data = True
            self.engine.dispose()  # connections made before would not have the pragma

    # -- connections ---------------------------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection in a read transaction (a consistent snapshot)."""
        with self.engine.connect() as connection, connection.begin():
            yield connection

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction; on SQLite it queues behind this process's writers, then holds the lock."""
        if self.dialect != "sqlite":
            with self.engine.connect() as connection, connection.begin():
                yield connection
            return
        with self._writers, self.engine.connect().execution_options(polku_write=True) as connection:
            with connection.begin():
                yield connection

    def advisory_lock(self, connection: Connection, key: int) -> None:
        """On PostgreSQL, a transaction-scoped advisory lock (SQLite's write lock is already held)."""
        if self.dialect == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})

    # -- migrations ----------------------------------------------------------------------

    def revision(self, migrations: Migrations) -> str | None:
        """The revision of `migrations` the database is at (None before the first)."""
        with self.engine.connect() as connection:
            opts = {"version_table": migrations.version_table}
            return MigrationContext.configure(connection, opts=opts).get_current_revision()

    def upgrade(self, migrations: Migrations) -> None:
        """Bring the database to the head of `migrations`; a no-op when it is there already."""
        if self.revision(migrations) == migrations.head():
            return
        with _MIGRATION_LOCK, self.write() as connection:
            self.advisory_lock(connection, migrations.lock_key)
            command.upgrade(migrations.config(connection), "head")

    def close(self) -> None:
        self.engine.dispose()


def _on_sqlite_begin(connection: Connection) -> None:
    write = connection.get_execution_options().get("polku_write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


_databases: dict[str, Database] = {}
_databases_lock = threading.Lock()


def database(url: str, *, personal_data: bool = False) -> Database:
    """The one `Database` for `url` in this process; an in-memory SQLite URL is a new database each time."""
    if is_in_memory(url):
        return Database(url, personal_data=personal_data)
    with _databases_lock:
        found = _databases.get(url)
        if found is None:
            found = _databases[url] = Database(url, personal_data=personal_data)
        elif personal_data:
            found.hold_personal_data()
        return found


def forget(url: str) -> None:
    """Close and drop the shared `Database` of `url` (tests that delete a database file use it)."""
    with _databases_lock:
        found = _databases.pop(url, None)
    if found is not None:
        found.close()
