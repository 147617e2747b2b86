"""Participants' suggested changes to a path in a workshop, and their dot-votes on suggestions.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "suggestions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("workshop_id", sa.Integer, sa.ForeignKey("workshops.id"), nullable=False),
        sa.Column("path_id", sa.String(64), nullable=False, index=True),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("target_kind", sa.String(8), nullable=False),
        sa.Column("target_id", sa.String(80), nullable=False),
        sa.Column("change", sa.Text, nullable=False),
        sa.Column("base_version", sa.Integer, nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("display_name", sa.String(60), nullable=True),
        sa.Column("participant_hash", sa.String(64), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("decided_by", sa.String(200), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("accepted_version", sa.Integer, nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_suggestions_workshop_participant", "suggestions", ["workshop_id", "participant_hash"])
    op.create_table(
        "suggestion_votes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("workshop_id", sa.Integer, sa.ForeignKey("workshops.id"), nullable=False),
        sa.Column("suggestion_id", sa.Integer, sa.ForeignKey("suggestions.id"), nullable=False),
        sa.Column("participant_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index(
        "ix_suggestion_votes_workshop_participant", "suggestion_votes", ["workshop_id", "participant_hash"]
    )
    op.create_index("ix_suggestion_votes_suggestion", "suggestion_votes", ["suggestion_id"])


def downgrade() -> None:
    op.drop_index("ix_suggestion_votes_suggestion", table_name="suggestion_votes")
    op.drop_index("ix_suggestion_votes_workshop_participant", table_name="suggestion_votes")
    op.drop_table("suggestion_votes")
    op.drop_index("ix_suggestions_workshop_participant", table_name="suggestions")
    op.drop_table("suggestions")
