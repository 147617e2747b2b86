"""Personal timestamps become timezone-aware, as in every other table.

Revision ID: personal_0002
Revises: personal_0001

The values were written as naive UTC; PostgreSQL converts them with `AT TIME ZONE 'UTC'`.
SQLite is left alone: its columns have no zone and keep the same text, and rebuilding a parent
table there (Alembic's batch mode) would cascade-delete the links and versions that refer to it.
"""

import sqlalchemy as sa
from alembic import op

revision = "personal_0002"
down_revision = "personal_0001"
branch_labels = None
depends_on = None

COLUMNS = {
    "personal_paths": [("created_at", False), ("updated_at", False), ("last_opened_at", True)],
    "personal_versions": [("created_at", False)],
    "personal_links": [("created_at", False), ("revoked_at", True), ("locked_until", True)],
}


def _alter(aware: bool) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, columns in COLUMNS.items():
        for name, nullable in columns:
            op.alter_column(
                table,
                name,
                type_=sa.DateTime(timezone=aware),
                existing_type=sa.DateTime(timezone=not aware),
                existing_nullable=nullable,
                postgresql_using=f"{name} AT TIME ZONE 'UTC'",
            )


def upgrade() -> None:
    _alter(aware=True)


def downgrade() -> None:
    _alter(aware=False)
