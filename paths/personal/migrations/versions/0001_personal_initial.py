"""The personal store's first tables: personal paths, their versions, links and shares.

Revision ID: personal_0001
Revises:
Create Date: 2025-01-01
"""

import sqlalchemy as sa
from alembic import op

revision = "personal_0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "personal_paths",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("source_path_id", sa.String(64), nullable=False),
        sa.Column("source_version", sa.Integer, nullable=False),
        sa.Column("source_json", sa.Text, nullable=False),
        sa.Column("current_version", sa.Integer, nullable=False),
        sa.Column("pin_hash", sa.String(200), nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("last_opened_at", sa.DateTime, nullable=True),
    )
    op.create_index("ix_personal_paths_owner", "personal_paths", ["owner"])
    op.create_table(
        "personal_versions",
        sa.Column(
            "personal_id", sa.String(32), sa.ForeignKey("personal_paths.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("fill_json", sa.Text, nullable=False),
    )
    op.create_table(
        "personal_links",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "personal_id", sa.String(32), sa.ForeignKey("personal_paths.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("revoked_at", sa.DateTime, nullable=True),
        sa.Column("failed_pins", sa.Integer, nullable=False),
        sa.Column("locked_until", sa.DateTime, nullable=True),
    )
    op.create_index("ix_personal_links_personal_id", "personal_links", ["personal_id"])
    op.create_table(
        "personal_shares",
        sa.Column(
            "personal_id", sa.String(32), sa.ForeignKey("personal_paths.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("name", sa.String(200), primary_key=True),
    )


def downgrade() -> None:
    op.drop_table("personal_shares")
    op.drop_table("personal_links")
    op.drop_index("ix_personal_paths_owner", "personal_paths")
    op.drop_table("personal_versions")
    op.drop_table("personal_paths")
