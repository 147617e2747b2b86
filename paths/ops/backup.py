"""`python -m paths backup DIR` and `restore DIR`: both databases, while the app runs.

A backup is a new directory (mode 0700, files 0600: it holds personal data) with one file per store
and `manifest.json` (when, which kind of database, the schema revision, each file's SHA-256):

- SQLite: SQLite's online backup API copies a consistent snapshot page by page while the app keeps
  reading and writing (`library.sqlite3`, `personal.sqlite3`);
- PostgreSQL: `pg_dump --format=custom` of exactly the store's tables (`library.pgdump`,
  `personal.pgdump`), so the two stores can share one database and still be backed up apart.
  `pg_dump` must be at least as new as the server; the check says which client to install.

The backup is written into a temporary directory beside DIR and renamed into place at the end, so a
failed backup leaves nothing half-written. `restore` checks the manifest and every file's checksum
first and refuses a backup of the other kind of database or of a newer schema than this code knows,
then replaces the contents of each store (SQLite's backup API in reverse; `pg_restore --clean
--single-transaction`) and brings the schema up to date.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from paths.ops import postgres
from paths.ops.databases import OpsError, StoreDatabase, head_revision, upgrade

MANIFEST = "manifest.json"
FORMAT = 1
SUFFIX = {"sqlite": "sqlite3", "postgresql": "pgdump"}


@dataclass(frozen=True)
class StoreBackup:
    """What the manifest says of one store's file."""

    name: str
    kind: str
    file: str
    sha256: str
    revision: str | None


def sqlite_file(database: StoreDatabase) -> Path:
    """The SQLite database's file; an in-memory or URI database cannot be backed up."""
    from sqlalchemy.engine import make_url

    name = make_url(database.url).database or ""
    if not name or name == ":memory:" or name.startswith("file:"):
        raise OpsError("sqlite_path", store=database.name)
    return Path(name)


def _sha256(file: Path) -> str:
    digest = hashlib.sha256()
    with file.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _sqlite_revision(file: Path, version_table: str) -> str | None:
    with closing(sqlite3.connect(file)) as connection:
        try:
            row = connection.execute(f'SELECT version_num FROM "{version_table}"').fetchone()  # noqa: S608 - fixed name
        except sqlite3.OperationalError:
            return None
    return row[0] if row else None


def _backup_sqlite(database: StoreDatabase, target: Path) -> str | None:
    """Copy a consistent snapshot with SQLite's online backup API; the copy's schema revision."""
    from paths.ops.databases import migrations

    source_file = sqlite_file(database)
    if not source_file.is_file():
        raise OpsError("missing", store=database.name)
    with closing(sqlite3.connect(source_file, timeout=30)) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy)
    return _sqlite_revision(target, migrations(database.name).version_table)


def backup(directory: Path, databases: list[StoreDatabase]) -> list[StoreBackup]:
    """Back up every store into the new directory `directory` (see the module docstring)."""
    directory = Path(directory)
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise OpsError("target_exists", name=str(directory))
    directory.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{directory.name}.", dir=directory.parent))
    try:
        saved = []
        for database in databases:
            file = work / f"{database.name}.{SUFFIX.get(database.kind, 'dump')}"
            if database.kind == "sqlite":
                revision = _backup_sqlite(database, file)
            elif database.kind == "postgresql":
                revision = postgres.dump(database, file)
            else:
                raise OpsError("kind", store=database.name, kind=database.kind)
            file.chmod(0o600)
            saved.append(StoreBackup(database.name, database.kind, file.name, _sha256(file), revision))
        manifest = {
            "format": FORMAT,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "stores": {item.name: item.__dict__ for item in saved},
        }
        (work / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        (work / MANIFEST).chmod(0o600)
        if directory.exists():
            directory.rmdir()
        os.replace(work, directory)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return saved


def read_manifest(directory: Path) -> dict[str, StoreBackup]:
    """The backup's stores, after checking the manifest and every file's checksum."""
    try:
        manifest = json.loads((Path(directory) / MANIFEST).read_text(encoding="utf-8"))
        if manifest.get("format") != FORMAT:
            raise OpsError("manifest", name=str(directory))
        stores = {name: StoreBackup(**entry) for name, entry in manifest["stores"].items()}
    except (OSError, ValueError, KeyError, TypeError):
        raise OpsError("manifest", name=str(directory)) from None
    for item in stores.values():
        file = Path(directory) / item.file
        if Path(item.file).name != item.file or not file.is_file() or _sha256(file) != item.sha256:
            raise OpsError("checksum", name=item.file)
    return stores


def _check_restorable(item: StoreBackup | None, database: StoreDatabase) -> StoreBackup:
    if item is None:
        raise OpsError("not_in_backup", store=database.name)
    if item.kind != database.kind:
        raise OpsError("kind_mismatch", store=database.name, backup=item.kind, target=database.kind)
    if item.revision is not None and item.revision != head_revision(database.name):
        from paths.ops.readiness import known_revision

        if not known_revision(database.name, item.revision):
            raise OpsError("newer_schema", store=database.name)
    return item


def restore(directory: Path, databases: list[StoreDatabase]) -> list[StoreBackup]:
    """Replace the contents of every store with the backup in `directory` (see the module docstring)."""
    stores = read_manifest(directory)
    plan = [(database, _check_restorable(stores.get(database.name), database)) for database in databases]
    for database, item in plan:
        file = Path(directory) / item.file
        if database.kind == "sqlite":
            live = sqlite_file(database)
            live.parent.mkdir(parents=True, exist_ok=True)
            with closing(sqlite3.connect(file)) as source, closing(sqlite3.connect(live, timeout=30)) as target:
                source.backup(target)
        else:
            postgres.restore(database, file)
        upgrade(database)
    return [item for _, item in plan]
