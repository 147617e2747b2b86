"""Models and migrations agree, on both databases and both dialects; old databases migrate forward.

`compare_metadata` is Alembic's autogenerate comparison: any table, column, type, index or
nullability that differs between the tables in code and the migrated database is listed.
The legacy databases in `legacy/` were made by Polku's `main` at commit a8c515e (before the
house move) with fictional data; opening them with today's code must keep every row.
"""

from __future__ import annotations

import gzip
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, make_url, select, text

from paths.accounts.auth import Accounts
from paths.db.database import forget
from paths.personal.store import PersonalStore
from paths.personal.tables import PERSONAL_MIGRATIONS, personal_links
from paths.store.library import Store
from paths.store.tables import LIBRARY_MIGRATIONS, library_metadata
from paths.workshops.workshop import WorkshopStore

LEGACY = Path(__file__).with_name("legacy")
PERSONAL_TOKEN = {  # the links the legacy databases hold (fictional, made for this test)
    "sqlite": "-Wo07RqSomvSZzDIawK6FrC2Sg4hdbRbWQWjFJuWNig",
    "postgresql": "-YNYM_-JAa57QAjVK043-xe_vQR1tnIMvsg0hZhHt9M",
}


def differences(engine, migrations, metadata) -> list:
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"version_table": migrations.version_table, "compare_type": True}
        )
        found = compare_metadata(context, metadata)
    # the other history's tables (and their indexes) are not this one's business in a shared database
    return [d for d in found if _table_of(d) in metadata.tables]


def _table_of(difference: tuple) -> str | None:
    """The table a difference is about (Alembic's tuples name it in different places)."""
    if isinstance(difference, list):  # column modifications come as a list of tuples
        return difference[0][2]
    kind, item = difference[0], difference[1]
    if kind.endswith("_table"):
        return item.name
    if kind.endswith(("_index", "_constraint", "_fk")):
        return item.table.name
    return difference[2]


def test_library_models_and_migrations_agree(db_url: str) -> None:
    store = Store(db_url)
    assert differences(store.engine, LIBRARY_MIGRATIONS, library_metadata()) == []
    assert store.schema_revision() == LIBRARY_MIGRATIONS.head()


def test_personal_models_and_migrations_agree(db_url: str) -> None:
    store = PersonalStore(db_url)
    assert differences(store.engine, PERSONAL_MIGRATIONS, PERSONAL_MIGRATIONS.target_metadata) == []
    assert store.db.revision(PERSONAL_MIGRATIONS) == PERSONAL_MIGRATIONS.head()


def test_both_histories_share_one_database_without_touching_each_other(db_url: str) -> None:
    library, personal = Store(db_url), PersonalStore(db_url)
    assert differences(library.engine, LIBRARY_MIGRATIONS, library_metadata()) == []
    assert differences(personal.engine, PERSONAL_MIGRATIONS, PERSONAL_MIGRATIONS.target_metadata) == []


def _check_upgraded(library: Store, personal: PersonalStore, dialect: str) -> None:
    """Every row the old code wrote is there and readable through today's code."""
    assert [s.id for s in library.list_paths()] == ["ari", "maija", "pohjanmaa"]
    assert [v.version for v in library.history("ari")] == [2, 1]
    assert library.history("ari")[0].created_at.tzinfo is not None
    assert Accounts(library).exists("Fasilitaattori Testi")
    workshops = WorkshopStore(library)
    (workshop,) = workshops.list_workshops("ari")
    assert [n.text for n in workshops.notes(workshop.id)] == ["Kuka soittaa ensin?"]
    (summary,) = personal.list_for(None)
    assert summary.version == 2 and summary.created_at.tzinfo is not None
    opened = personal.open_link(PERSONAL_TOKEN[dialect], pin="2468")
    assert opened.ok and opened.personal.fill.goals == "Tavoite: työkyky"
    with personal.engine.connect() as connection:
        (link,) = connection.execute(select(personal_links)).mappings().all()
    assert link["created_at"].tzinfo is not None
    assert differences(library.engine, LIBRARY_MIGRATIONS, library_metadata()) == []
    assert differences(personal.engine, PERSONAL_MIGRATIONS, PERSONAL_MIGRATIONS.target_metadata) == []


def test_sqlite_databases_made_by_the_old_main_migrate_forward(tmp_path: Path) -> None:
    for name in ("library", "personal"):
        shutil.copy(LEGACY / f"{name}-a8c515e.db", tmp_path / f"{name}.db")
    library = Store(f"sqlite:///{tmp_path / 'library.db'}")
    personal = PersonalStore(f"sqlite:///{tmp_path / 'personal.db'}")
    _check_upgraded(library, personal, "sqlite")


@pytest.mark.postgres
def test_a_postgres_database_made_by_the_old_main_migrates_forward(postgres_url: str) -> None:
    if shutil.which("psql") is None:
        pytest.fail("psql is needed to load the legacy dump (Debian: postgresql-client)")
    name = f"polku_legacy_{uuid.uuid4().hex[:10]}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(postgres_url).set(database=name)
    plain = url.set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        subprocess.run(
            ["psql", "-q", "-v", "ON_ERROR_STOP=1", "-d", plain],
            input=gzip.decompress((LEGACY / "postgres-a8c515e.sql.gz").read_bytes()),
            check=True,
            capture_output=True,
        )
        rendered = url.render_as_string(hide_password=False)
        _check_upgraded(Store(rendered), PersonalStore(rendered), "postgresql")
    finally:
        forget(url.render_as_string(hide_password=False))
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
