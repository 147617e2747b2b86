"""Facilitator accounts, sign-in throttling, workshops, participants' notes and votes.

Revision ID: 0002
Revises: 0001
Create Date: 2025-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("name_key", sa.String(100), nullable=False, unique=True),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "sign_in_failures",
        sa.Column("name_key", sa.String(100), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("last_failure_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "workshops",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("path_id", sa.String(64), sa.ForeignKey("paths.id"), nullable=False, index=True),
        sa.Column("path_version", sa.Integer, nullable=False),
        sa.Column("code", sa.String(12), nullable=False),
        sa.Column("audience", sa.String(16), nullable=False),
        sa.Column("votes_per_participant", sa.Integer, nullable=False),
        sa.Column("opened_by", sa.String(200), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
    )
    # A join code is unique among the open workshops only; a closed workshop frees its code.
    op.create_index(
        "uq_workshops_open_code",
        "workshops",
        ["code"],
        unique=True,
        sqlite_where=sa.text("closed_at IS NULL"),
        postgresql_where=sa.text("closed_at IS NULL"),
    )
    op.create_table(
        "notes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("workshop_id", sa.Integer, sa.ForeignKey("workshops.id"), nullable=False),
        sa.Column("path_id", sa.String(64), nullable=False, index=True),
        sa.Column("step_id", sa.String(80), nullable=True),
        sa.Column("stage_id", sa.String(80), nullable=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("display_name", sa.String(60), nullable=True),
        sa.Column("participant_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("done", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("turned_into_edit", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_notes_workshop_participant", "notes", ["workshop_id", "participant_hash"])
    op.create_table(
        "votes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("workshop_id", sa.Integer, sa.ForeignKey("workshops.id"), nullable=False),
        sa.Column("note_id", sa.Integer, sa.ForeignKey("notes.id"), nullable=True),
        sa.Column("step_id", sa.String(80), nullable=True),
        sa.Column("participant_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("(note_id IS NULL) <> (step_id IS NULL)", name="ck_votes_one_target"),
    )
    op.create_index("ix_votes_workshop_participant", "votes", ["workshop_id", "participant_hash"])
    op.create_index("ix_votes_note", "votes", ["note_id"])


def downgrade() -> None:
    op.drop_index("ix_votes_note", table_name="votes")
    op.drop_index("ix_votes_workshop_participant", table_name="votes")
    op.drop_table("votes")
    op.drop_index("ix_notes_workshop_participant", table_name="notes")
    op.drop_table("notes")
    op.drop_index("uq_workshops_open_code", table_name="workshops")
    op.drop_table("workshops")
    op.drop_table("sign_in_failures")
    op.drop_table("users")
