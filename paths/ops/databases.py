"""The two databases Polku keeps, as operations see them: which URL, which Alembic history.

The library (paths, versions, workshops, accounts) and the personal store (clients' personal
paths) have their own URLs and their own Alembic version tables, and may share one PostgreSQL
database: the personal tables all start with `personal_`, so each store's tables can be told apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from paths.i18n.catalog import UserError

LIBRARY = "library"
PERSONAL = "personal"
STORE_NAMES = (LIBRARY, PERSONAL)
PERSONAL_PREFIX = "personal_"
VERSION_TABLES = {LIBRARY: "alembic_version", PERSONAL: "alembic_version_personal"}
_PATHS = Path(__file__).resolve().parents[1]
MIGRATIONS = {LIBRARY: _PATHS / "store" / "migrations", PERSONAL: _PATHS / "personal" / "migrations"}


class OpsError(UserError):
    """An operations problem a user can act on; one sentence from paths/i18n/locales/ops.yaml."""

    key_prefix = "ops.error."


@dataclass(frozen=True)
class Database:
    """One of the two stores: its name (`library` or `personal`) and its SQLAlchemy URL."""

    name: str
    url: str

    @property
    def kind(self) -> str:
        from sqlalchemy.engine import make_url

        return make_url(self.url).get_backend_name()

    def owns_table(self, table: str) -> bool:
        """Whether `table` belongs to this store (the other store may live in the same database)."""
        personal = table.startswith(PERSONAL_PREFIX) or table == VERSION_TABLES[PERSONAL]
        return personal == (self.name == PERSONAL)


def configured_databases(library_url: str | None = None, personal_url: str | None = None) -> list[Database]:
    """Both stores with the URLs the app would use (POLKU_DATABASE_URL, POLKU_PERSONAL_DATABASE_URL)."""
    from paths.personal.store import default_url as personal_default
    from paths.store.library import resolve_url

    return [Database(LIBRARY, resolve_url(library_url)), Database(PERSONAL, personal_url or personal_default())]


def head_revision(name: str) -> str | None:
    """The newest migration this code knows for the store `name`."""
    from alembic.script import ScriptDirectory

    if name == LIBRARY:
        from paths.store.library import alembic_config

        return ScriptDirectory.from_config(alembic_config()).get_current_head()
    from paths.personal.store import _head_revision

    return _head_revision()


def upgrade(database: Database, *, seed: bool = False) -> None:
    """Create or upgrade the store's schema (under the stores' own lock: processes starting together
    are safe); with `seed`, fill an empty library with the built-in paths, as the app's first start does."""
    if database.name == LIBRARY:
        from paths.store.library import Store

        store = Store(database.url)
        try:
            if seed:
                store.ensure_seeded()
        finally:
            store.close()
        return
    from paths.personal.store import PersonalStore

    PersonalStore(database.url).engine.dispose()
