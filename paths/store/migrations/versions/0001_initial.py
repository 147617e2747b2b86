"""Paths and their immutable versions.

Revision ID: 0001
Revises:
Create Date: 2025-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "paths",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("latest_version", sa.Integer, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("persona", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("n_stages", sa.Integer, nullable=False),
        sa.Column("n_steps", sa.Integer, nullable=False),
        sa.Column("n_coordinator", sa.Integer, nullable=False),
    )
    op.create_table(
        "path_versions",
        sa.Column("path_id", sa.String(64), sa.ForeignKey("paths.id"), primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("auto_summary", sa.Text, nullable=False),
        sa.Column("restored_from", sa.Integer, nullable=True),
        sa.Column("content", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("path_versions")
    op.drop_table("paths")
