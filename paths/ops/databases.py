"""The two databases Polku keeps, as operations see them: which URL, which Alembic history.

The library (paths, versions, workshops, accounts) and the personal store (clients' personal
paths) have their own URLs and their own Alembic version tables, and may share one PostgreSQL
database: the personal tables all start with `personal_`, so each store's tables can be told apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from paths.db.database import Migrations
from paths.i18n.catalog import UserError

LIBRARY = "library"
PERSONAL = "personal"
STORE_NAMES = (LIBRARY, PERSONAL)
PERSONAL_PREFIX = "personal_"


def migrations(name: str) -> Migrations:
    """The Alembic history of the store `name` (defined once, beside the store's tables)."""
    from paths.personal.tables import PERSONAL_MIGRATIONS
    from paths.store.tables import LIBRARY_MIGRATIONS

    return LIBRARY_MIGRATIONS if name == LIBRARY else PERSONAL_MIGRATIONS


class OpsError(UserError):
    """An operations problem a user can act on; one sentence from paths/i18n/locales/ops.yaml."""

    key_prefix = "ops.error."


@dataclass(frozen=True)
class StoreDatabase:
    """One of the two stores: its name (`library` or `personal`) and its SQLAlchemy URL."""

    name: str
    url: str

    @property
    def kind(self) -> str:
        from sqlalchemy.engine import make_url

        return make_url(self.url).get_backend_name()

    def owns_table(self, table: str) -> bool:
        """Whether `table` belongs to this store (the other store may live in the same database)."""
        personal = table.startswith(PERSONAL_PREFIX) or table == migrations(PERSONAL).version_table
        return personal == (self.name == PERSONAL)


def configured_databases(library_url: str | None = None, personal_url: str | None = None) -> list[StoreDatabase]:
    """Both stores with the URLs the app would use (POLKU_DATABASE_URL, POLKU_PERSONAL_DATABASE_URL)."""
    from paths.personal.store import default_url as personal_default
    from paths.store.library import resolve_url

    personal = personal_url or personal_default()
    return [StoreDatabase(LIBRARY, resolve_url(library_url)), StoreDatabase(PERSONAL, personal)]


def head_revision(name: str) -> str | None:
    """The newest migration this code knows for the store `name`."""
    return migrations(name).head()


def upgrade(database: StoreDatabase, *, seed: bool = False) -> None:
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
