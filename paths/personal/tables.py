"""The personal database's schema: its own `metadata`, the `personal_` tables and their own Alembic
history (`paths/personal/migrations/`, version table `alembic_version_personal`).
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import Column, ForeignKey, Integer, MetaData, String, Table, Text
from sqlalchemy.engine import Connection

from paths.db.database import Migrations
from paths.db.types import UTCDateTime

metadata = MetaData()

personal_paths = Table(
    "personal_paths",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("owner", String(200), nullable=False, index=True),
    Column("display_name", String(200), nullable=False),
    Column("lang", String(2), nullable=False),
    Column("source_path_id", String(64), nullable=False),
    Column("source_version", Integer, nullable=False),
    Column("source_json", Text, nullable=False),
    Column("current_version", Integer, nullable=False),
    Column("pin_hash", String(200), nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("last_opened_at", UTCDateTime, nullable=True),
)

personal_versions = Table(
    "personal_versions",
    metadata,
    Column("personal_id", String(32), ForeignKey("personal_paths.id", ondelete="CASCADE"), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("author", String(200), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("fill_json", Text, nullable=False),
)

personal_links = Table(
    "personal_links",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("personal_id", String(32), ForeignKey("personal_paths.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("revoked_at", UTCDateTime, nullable=True),
    Column("failed_pins", Integer, nullable=False, default=0),
    Column("locked_until", UTCDateTime, nullable=True),
)

personal_shares = Table(
    "personal_shares",
    metadata,
    Column("personal_id", String(32), ForeignKey("personal_paths.id", ondelete="CASCADE"), primary_key=True),
    Column("name", String(200), primary_key=True),
)

ALL_TABLES = (personal_versions, personal_links, personal_shares, personal_paths)


PERSONAL_MIGRATIONS = Migrations(
    directory=Path(__file__).resolve().parent / "migrations",
    version_table="alembic_version_personal",  # its own history, so both can share one database
    lock_key=7_204_621,  # an advisory-lock key of its own (the library's is 7_204_611)
    target_metadata=metadata,
)
VERSION_TABLE = PERSONAL_MIGRATIONS.version_table


def migrate(connection: Connection) -> None:
    """Bring the personal tables up to date on `connection` (the caller holds the write lock)."""
    command.upgrade(PERSONAL_MIGRATIONS.config(connection), "head")
