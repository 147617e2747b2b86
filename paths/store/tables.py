"""The library database's schema: the shared `metadata`, the paths and versions tables, and the
migrations that create and upgrade them.

Other packages define their tables on this `metadata` too (workshops, accounts);
`library_metadata` imports them, so that the migrations' target metadata sees every table.
"""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config
from sqlalchemy import Boolean, Column, Connection, ForeignKey, Integer, MetaData, String, Table, Text

from paths.db.database import Migrations
from paths.db.types import UTCDateTime

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


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic Config for the library's migrations (no alembic.ini needed)."""
    return LIBRARY_MIGRATIONS.config(connection)
