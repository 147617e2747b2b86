"""The workshop tables in the library database: workshops, notes, votes, suggestions and their votes.

They live on the library's `metadata` (`paths.store.tables.library_metadata` imports this module so
that the migrations see them); `count_of_participant` is the one query of what one participant wrote.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    bindparam,
    func,
    select,
)
from sqlalchemy import text as sql_text

from paths.db.types import UTCDateTime
from paths.store.tables import metadata

workshops_table = Table(
    "workshops",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("path_id", String(64), ForeignKey("paths.id"), nullable=False, index=True),
    Column("path_version", Integer, nullable=False),
    Column("code", String(12), nullable=False),
    Column("audience", String(16), nullable=False),
    Column("votes_per_participant", Integer, nullable=False),
    Column("opened_by", String(200), nullable=False),
    Column("opened_at", UTCDateTime, nullable=False),
    Column("closed_at", UTCDateTime, nullable=True),
    # A join code is unique among the open workshops only; a closed workshop frees its code.
    Index(
        "uq_workshops_open_code",
        "code",
        unique=True,
        sqlite_where=sql_text("closed_at IS NULL"),
        postgresql_where=sql_text("closed_at IS NULL"),
    ),
)

notes_table = Table(
    "notes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("workshop_id", Integer, ForeignKey("workshops.id"), nullable=False),
    Column("path_id", String(64), nullable=False, index=True),
    Column("step_id", String(80), nullable=True),
    Column("stage_id", String(80), nullable=True),
    Column("kind", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("display_name", String(60), nullable=True),
    Column("participant_hash", String(64), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("done", Boolean, nullable=False, default=False),
    Column("turned_into_edit", Boolean, nullable=False, default=False),
    Index("ix_notes_workshop_participant", "workshop_id", "participant_hash"),
)

votes_table = Table(
    "votes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("workshop_id", Integer, ForeignKey("workshops.id"), nullable=False),
    Column("note_id", Integer, ForeignKey("notes.id"), nullable=True),
    Column("step_id", String(80), nullable=True),
    Column("participant_hash", String(64), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    CheckConstraint("(note_id IS NULL) <> (step_id IS NULL)", name="ck_votes_one_target"),
    Index("ix_votes_workshop_participant", "workshop_id", "participant_hash"),
    Index("ix_votes_note", "note_id"),
)

# Participants' suggested changes (paths.workshops.suggestions); `change` is the change as JSON.
suggestions_table = Table(
    "suggestions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("workshop_id", Integer, ForeignKey("workshops.id"), nullable=False),
    Column("path_id", String(64), nullable=False, index=True),
    Column("kind", String(24), nullable=False),
    Column("target_kind", String(8), nullable=False),
    Column("target_id", String(80), nullable=False),
    Column("change", Text, nullable=False),
    Column("base_version", Integer, nullable=False),
    Column("fingerprint", String(64), nullable=False),
    Column("display_name", String(60), nullable=True),
    Column("participant_hash", String(64), nullable=False),
    Column("status", String(12), nullable=False),
    Column("reason", Text, nullable=True),
    Column("decided_by", String(200), nullable=True),
    Column("decided_at", UTCDateTime, nullable=True),
    Column("accepted_version", Integer, nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Index("ix_suggestions_workshop_participant", "workshop_id", "participant_hash"),
)

suggestion_votes_table = Table(
    "suggestion_votes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("workshop_id", Integer, ForeignKey("workshops.id"), nullable=False),
    Column("suggestion_id", Integer, ForeignKey("suggestions.id"), nullable=False),
    Column("participant_hash", String(64), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Index("ix_suggestion_votes_workshop_participant", "workshop_id", "participant_hash"),
    Index("ix_suggestion_votes_suggestion", "suggestion_id"),
)


def count_of_participant(table: Table) -> Any:
    """How many rows of `table` one participant wrote in one workshop (parameters `workshop_id`, `who`)."""
    return (
        select(func.count())
        .select_from(table)
        .where(table.c.workshop_id == bindparam("workshop_id"), table.c.participant_hash == bindparam("who"))
    )
